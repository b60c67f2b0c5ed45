// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/statementdialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/ledger/ledgerservice.h"
#include "core/reports/statementpdf.h"
#include "core/settings/settingsservice.h"
#include "ui/delegates/amountdelegate.h"
#include "ui/widgets/columnwidths.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/printjob.h"
#include "ui/widgets/sentence.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
QLabel *figure(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

StatementDialog::StatementDialog(Hub &hub, MemberId member, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_member(member)
{
    setObjectName(QStringLiteral("statementDialog"));
    setWindowTitle(tr("Statement"));
    if (auto s = m_hub.settings().load())
        m_settings = *s;
    else
        m_settings = HubSettings::defaults();
    const QDate today = m_hub.clock().now().toTimeZone(LedgerDisplay::zone(m_settings.timeZone)).date();

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("statementTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_from = new QDateEdit;
    m_from->setObjectName(QStringLiteral("statementFrom"));
    m_from->setAccessibleName(tr("Period from"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit;
    m_to->setObjectName(QStringLiteral("statementTo"));
    m_to->setAccessibleName(tr("Period to"));
    m_to->setCalendarPopup(true);
    {
        QSignalBlocker blockFrom(m_from), blockTo(m_to);
        m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-2));
        m_to->setDate(today);
    }
    connect(m_from, &QDateEdit::dateChanged, this, &StatementDialog::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &StatementDialog::refresh);

    auto *period = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"));
    toLabel->setBuddy(m_to);
    period->addWidget(fromLabel);
    period->addWidget(m_from);
    period->addSpacing(8);
    period->addWidget(toLabel);
    period->addWidget(m_to);
    period->addStretch(1);

    m_opening = figure("statementOpening");
    m_in = figure("statementIn");
    m_out = figure("statementOut");
    m_closing = figure("statementClosing");
    auto *totals = new QGridLayout;
    totals->setHorizontalSpacing(24);
    const QString captions[] = {tr("Opening balance"), tr("Received"), tr("Paid"), tr("Closing balance")};
    QLabel *const values[] = {m_opening, m_in, m_out, m_closing};
    for (int i = 0; i < 4; ++i) {
        auto *caption = new QLabel(captions[i]);
        caption->setForegroundRole(QPalette::PlaceholderText);
        totals->addWidget(caption, 0, i);
        totals->addWidget(values[i], 1, i);
    }
    totals->setColumnStretch(4, 1);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("statementProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_lines = new QTableWidget(0, ColumnCount);
    m_lines->setObjectName(QStringLiteral("statementLines"));
    m_lines->setAccessibleName(tr("Statement lines"));
    m_lines->setHorizontalHeaderLabels(
        {tr("Date"), tr("#"), tr("With"), tr("Memo"), tr("Received"), tr("Paid"), tr("Balance")});
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setAlternatingRowColors(true);
    m_lines->setWordWrap(false);
    m_lines->verticalHeader()->hide();
    m_lines->verticalHeader()->setDefaultSectionSize(m_lines->fontMetrics().height() + 10);
    m_lines->horizontalHeader()->setSectionResizeMode(MemoColumn, QHeaderView::Stretch);
    m_lines->setItemDelegate(new AmountDelegate(Qt::UserRole, m_lines));
    const int widths[ColumnCount] = {ColumnWidths::dateTime(m_lines->fontMetrics()), 50, 170, 200, 110, 110, 120};
    for (int c = 0; c < ColumnCount; ++c)
        m_lines->setColumnWidth(c, widths[c]);

    m_export = new QPushButton(tr("&Export PDF…"));
    m_export->setObjectName(QStringLiteral("statementExport"));
    m_export->setToolTip(tr("Save this statement as an A4 PDF"));
    m_export->setAutoDefault(false);
    connect(m_export, &QPushButton::clicked, this, &StatementDialog::chooseExportFile);
    m_print = new QPushButton(tr("&Print…"));
    m_print->setObjectName(QStringLiteral("statementPrint"));
    m_print->setToolTip(tr("Print this statement (Print to File makes a PDF)"));
    m_print->setAutoDefault(false);
    connect(m_print, &QPushButton::clicked, this, &StatementDialog::print);
    auto *close = new QPushButton(tr("Close"));
    close->setObjectName(QStringLiteral("statementClose"));
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_print);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(period);
    layout->addSpacing(4);
    layout->addLayout(totals);
    layout->addWidget(m_problem);
    layout->addWidget(m_lines, 1);
    layout->addLayout(buttons);

    resize(960, 560);
    refresh();
}

StatementDialog::~StatementDialog() = default;

QString StatementDialog::money(Amount amount) const
{
    return m_settings.formatAmount(amount);
}

void StatementDialog::setPeriod(QDate from, QDate to)
{
    {
        QSignalBlocker blockFrom(m_from), blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    refresh();
}

void StatementDialog::refresh()
{
    m_lines->setRowCount(0);
    auto st = m_hub.ledger().statement(m_member, m_from->date(), m_to->date());
    if (!st) {
        m_statement.reset();
        m_problem->setText(sentence(st.error().message));
        m_problem->show();
        for (QLabel *label : {m_opening, m_in, m_out, m_closing})
            label->clear();
        m_export->setEnabled(false);
        return;
    }
    m_problem->hide();
    m_statement = *st;
    m_title->setText(tr("Statement for %1").arg(st->account.memberName));
    setWindowTitle(tr("Statement — %1").arg(st->account.memberName));

    const QColor negative = AmountDelegate::negativeColor(palette());
    const auto paint = [&](QLabel *label, Amount value) {
        label->setText(money(value));
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, value.isNegative() ? negative : palette().color(QPalette::WindowText));
        label->setPalette(p);
    };
    paint(m_opening, st->opening);
    paint(m_in, st->totalIn);
    paint(m_out, -st->totalOut);
    paint(m_closing, st->closing);

    const QTimeZone zone = LedgerDisplay::zone(m_settings.timeZone);
    m_lines->setRowCount(int(st->lines.size()));
    for (int row = 0; row < st->lines.size(); ++row) {
        const StatementLine &line = st->lines.at(row);
        const Transfer &t = line.transfer;
        const bool received = !line.change.isNegative();
        const auto cell = [&](int column, const QString &text, bool amount = false) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            if (amount)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_lines->setItem(row, column, item);
            return item;
        };
        cell(DateColumn, DisplayFormat::dateTime(t.createdAt, zone));
        cell(IdColumn, QString::number(t.id.value()), true);
        cell(OtherPartyColumn, received ? t.payerName : t.payeeName);
        const QString reversal = LedgerDisplay::reversalText(t);
        cell(MemoColumn, reversal.isEmpty() ? t.memo : tr("%1 (%2)").arg(t.memo, reversal));
        cell(InColumn, received ? money(t.amount) : QString(), true);
        cell(OutColumn, received ? QString() : money(-t.amount), true)->setData(Qt::UserRole, !received);
        cell(BalanceColumn, money(line.runningBalance), true)->setData(Qt::UserRole, line.runningBalance.isNegative());
    }
    m_export->setEnabled(true);
}

QString StatementDialog::html() const
{
    return m_statement ? StatementPdf(*m_statement, m_settings).html() : QString();
}

Status StatementDialog::exportPdf(const QString &path) const
{
    if (!m_statement)
        return fail(Error::invalid(tr("there is no statement to export")));
    return StatementPdf(*m_statement, m_settings).write(path);
}

Status StatementDialog::printOn(QPagedPaintDevice &device) const
{
    if (!m_statement)
        return fail(Error::invalid(tr("there is no statement to print")));
    return StatementPdf(*m_statement, m_settings).print(device);
}

void StatementDialog::print()
{
    if (!m_statement)
        return;
    PrintJob::run(this, tr("Print the Statement"), tr("The statement"),
                  tr("Statement %1 %2.pdf").arg(m_statement->account.memberName, m_statement->to.toString(Qt::ISODate)),
                  [this](QPagedPaintDevice &device) { return printOn(device); });
}

void StatementDialog::chooseExportFile()
{
    if (!m_statement)
        return;
    const QString suggested = ExportFolder::suggest(
        tr("Statement %1 %2.pdf").arg(m_statement->account.memberName, m_statement->to.toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export statement as PDF"), suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = exportPdf(path);
    QApplication::restoreOverrideCursor();
    if (written)
        ExportFolder::remember(path);
    else
        QMessageBox::warning(this, tr("Export PDF"),
                             tr("The statement could not be saved: %1").arg(written.error().text()));
}

} // namespace hub
