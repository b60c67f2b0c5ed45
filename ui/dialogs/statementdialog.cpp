// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/statementdialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/ledger/ledgerservice.h"
#include "core/reports/pdfdocument.h"
#include "core/settings/settingsservice.h"
#include "ui/delegates/amountdelegate.h"
#include "ui/widgets/columnwidths.h"
#include "ui/widgets/exportfolder.h"
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
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
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
    const QDate today =
        m_hub.clock().now().toTimeZone(LedgerDisplay::zone(m_settings.timeZone)).date();

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
    const QString captions[] = {tr("Opening balance"), tr("Received"), tr("Paid"),
                                tr("Closing balance")};
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
        p.setColor(QPalette::WindowText,
                   value.isNegative() ? negative : palette().color(QPalette::WindowText));
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
        cell(DateColumn, LedgerDisplay::dateTime(t.createdAt, zone));
        cell(IdColumn, QString::number(t.id.value()), true);
        cell(OtherPartyColumn, received ? t.payerName : t.payeeName);
        const QString reversal = LedgerDisplay::reversalText(t);
        cell(MemoColumn, reversal.isEmpty() ? t.memo : tr("%1 (%2)").arg(t.memo, reversal));
        cell(InColumn, received ? money(t.amount) : QString(), true);
        cell(OutColumn, received ? QString() : money(-t.amount), true)
            ->setData(Qt::UserRole, !received);
        cell(BalanceColumn, money(line.runningBalance), true)
            ->setData(Qt::UserRole, line.runningBalance.isNegative());
    }
    m_export->setEnabled(true);
}

QString StatementDialog::html() const
{
    if (!m_statement)
        return {};
    const Statement &st = *m_statement;
    const QLocale locale;
    const QTimeZone zone = LedgerDisplay::zone(m_settings.timeZone);
    const int decimals = m_settings.decimals;
    const auto esc = [](const QString &s) {
        return s.toHtmlEscaped();
    };
    // On paper the unit is said once, in the heading, so the figures fit
    // their columns; negative ones keep their minus sign and are also red.
    const auto amount = [&](Amount a) {
        const QString text = a.toString(decimals);
        return a.isNegative() ? QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text)
                              : text;
    };
    QString html = QStringLiteral("<div style=\"font-size:8pt\">");
    html += QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>")
                .arg(esc(tr("Statement for %1").arg(st.account.memberName)));
    html +=
        QStringLiteral("<p style=\"margin-top:0\">%1</p>")
            .arg(esc(tr("Account #%1 · %2 to %3 · amounts in %4")
                         .arg(st.account.id.value())
                         .arg(DisplayFormat::date(st.from), DisplayFormat::date(st.to), m_settings.unitName)));
    html +=
        QStringLiteral("<p>%1: <b>%2</b> &nbsp;·&nbsp; %3: <b>%4</b> &nbsp;·&nbsp; %5: <b>%6</b> "
                       "&nbsp;·&nbsp; %7: <b>%8</b></p>")
            .arg(esc(tr("Opening balance")), amount(st.opening), esc(tr("Received")),
                 amount(st.totalIn), esc(tr("Paid")), amount(-st.totalOut),
                 esc(tr("Closing balance")), amount(st.closing));

    if (st.lines.isEmpty()) {
        html += QStringLiteral("<p>%1</p></div>").arg(esc(tr("No transfers in this period.")));
        return html;
    }
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                           "style=\"border-collapse:collapse; border-color:#bbbbbb\">"
                           "<thead><tr style=\"background-color:#eeeeee\">");
    const QString headers[] = {tr("Date"),     tr("#"),    tr("With"),   tr("Memo"),
                               tr("Received"), tr("Paid"), tr("Balance")};
    for (int c = 0; c < ColumnCount; ++c) {
        const bool right = c == IdColumn || c >= InColumn;
        html += QStringLiteral("<th align=\"%1\" style=\"white-space:nowrap\">%2</th>")
                    .arg(right ? QStringLiteral("right") : QStringLiteral("left"), esc(headers[c]));
    }
    html += QStringLiteral("</tr></thead>");
    html += QStringLiteral("<tr><td colspan=\"6\"><i>%1</i></td><td align=\"right\">%2</td></tr>")
                .arg(esc(tr("Opening balance")), amount(st.opening));
    const QString nowrap = QStringLiteral(" style=\"white-space:nowrap\"");
    for (const StatementLine &line : st.lines) {
        const Transfer &t = line.transfer;
        const bool received = !line.change.isNegative();
        const QString reversal = LedgerDisplay::reversalText(t);
        const QDate day = t.createdAt.toTimeZone(zone).date();
        html +=
            QStringLiteral("<tr><td%8>%1</td><td align=\"right\">%2</td><td>%3</td><td>%4</td>"
                           "<td align=\"right\"%8>%5</td><td align=\"right\"%8>%6</td>"
                           "<td align=\"right\"%8>%7</td></tr>")
                .arg(esc(DisplayFormat::date(day)), QString::number(t.id.value()),
                     esc(received ? t.payerName : t.payeeName),
                     esc(reversal.isEmpty() ? t.memo : tr("%1 (%2)").arg(t.memo, reversal)),
                     received ? amount(t.amount) : QString(),
                     received ? QString() : amount(-t.amount), amount(line.runningBalance), nowrap);
    }
    html += QStringLiteral(
                "<tr><td colspan=\"6\"><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr>")
                .arg(esc(tr("Closing balance")), amount(st.closing));
    html += QStringLiteral("</table></div>");
    return html;
}

PdfDocument StatementDialog::document() const
{
    const QLocale locale;
    PdfDocument pdf(m_settings.name, tr("Statement for %1").arg(m_statement->account.memberName),
                    DisplayFormat::period(m_statement->from, m_statement->to));
    pdf.setHtml(html());
    return pdf;
}

Status StatementDialog::exportPdf(const QString &path) const
{
    if (!m_statement)
        return fail(Error::invalid(tr("there is no statement to export")));
    return document().write(path);
}

Status StatementDialog::printOn(QPagedPaintDevice &device) const
{
    if (!m_statement)
        return fail(Error::invalid(tr("there is no statement to print")));
    return document().render(device);
}

void StatementDialog::print()
{
    if (!m_statement)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(tr("Statement %1").arg(m_statement->account.memberName));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the Statement"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status printed = printOn(printer);
    QApplication::restoreOverrideCursor();
    if (!printed)
        QMessageBox::warning(this, tr("Print"),
                             tr("The statement could not be printed: %1").arg(printed.error().text()));
}

void StatementDialog::chooseExportFile()
{
    if (!m_statement)
        return;
    const QString suggested = ExportFolder::suggest(
        tr("Statement %1 %2.pdf").arg(m_statement->account.memberName, m_statement->to.toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export statement as PDF"),
                                                      suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = exportPdf(path);
    QApplication::restoreOverrideCursor();
    if (written)
        ExportFolder::remember(path);
    else
        QMessageBox::warning(
            this, tr("Export PDF"),
            tr("The statement could not be saved: %1").arg(written.error().text()));
}

} // namespace hub
