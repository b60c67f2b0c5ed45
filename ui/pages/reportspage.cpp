// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/reportspage.h"

#include "core/access/accesscontrol.h"
#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/reports/reportchartpainter.h"
#include "core/reports/reportservice.h"
#include "core/settings/settingsservice.h"
#include "ui/access/permissiongate.h"
#include "ui/pageicon.h"
#include "ui/reports/reportchartwidget.h"
#include "ui/reports/reportexportdialog.h"
#include "ui/reports/reportjob.h"
#include "ui/reports/reportsortmodel.h"
#include "ui/reports/reporttablemodel.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/sentence.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace hub {

namespace {

QDateEdit *dateEdit(const char *objectName, const QString &accessibleName)
{
    auto *edit = new QDateEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(DisplayFormat::dateEditFormat());
    return edit;
}

} // namespace

ReportsPage::ReportsPage(QWidget *parent) : HubPage(parent)
{
    m_model = new ReportTableModel(ReportFormat(2, QTimeZone::utc()), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(buildToolbar());

    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("reportHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_tableChoice = new QComboBox;
    m_tableChoice->setObjectName(QStringLiteral("reportTableChoice"));
    m_tableChoice->setAccessibleName(tr("Table"));
    m_tableChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tableChoice->setMaxVisibleItems(20);
    // A long table title is cut short here (the list shows it whole), not the page widened.
    m_tableChoice->setMaximumWidth(420);
    connect(m_tableChoice, &QComboBox::currentIndexChanged, this, &ReportsPage::showTable);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_tableChoice);
    layout->addLayout(headingRow);

    m_seal = new QLabel;
    m_seal->setObjectName(QStringLiteral("reportSeal"));
    m_seal->setTextFormat(Qt::PlainText);
    m_seal->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_seal->setToolTip(tr("The heads of the ledger and audit chains when this report was made. Noted down, "
                          "“hubctl check --seal” proves later that nothing up to here was changed."));
    m_copySeal = new QPushButton(tr("Cop&y seal"));
    m_copySeal->setObjectName(QStringLiteral("reportCopySeal"));
    connect(m_copySeal, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_seal->property("seal").toString());
        m_copySeal->setText(tr("Copied"));
    });
    auto *sealRow = new QHBoxLayout;
    sealRow->addWidget(m_seal);
    sealRow->addWidget(m_copySeal);
    sealRow->addStretch(1);
    layout->addLayout(sealRow);
    m_seal->hide();
    m_copySeal->hide();

    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(QStringLiteral("reportsEmpty"));
    m_empty->setIcon(pageIcon(QStringLiteral("reports"), palette()));
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(buildResults());
    layout->addWidget(m_stack, 1);

    showHint();
}

ReportsPage::~ReportsPage() = default;

QWidget *ReportsPage::buildToolbar()
{
    m_reportChoice = new QComboBox;
    m_reportChoice->setObjectName(QStringLiteral("reportChoice"));
    m_reportChoice->setAccessibleName(tr("Report"));
    m_reportChoice->setMinimumWidth(180);
    connect(m_reportChoice, &QComboBox::currentIndexChanged, this, &ReportsPage::reportChanged);
    auto *reportLabel = new QLabel(tr("&Report:"));
    reportLabel->setBuddy(m_reportChoice);

    m_from = dateEdit("reportFrom", tr("Period from"));
    m_to = dateEdit("reportTo", tr("Period to"));
    m_at = dateEdit("reportAt", tr("At the end of"));
    m_fromLabel = new QLabel(tr("&From:"));
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(tr("&To:"));
    m_toLabel->setBuddy(m_to);
    m_atLabel = new QLabel(tr("&At:"));
    m_atLabel->setBuddy(m_at);
    m_periodError = FieldErrorLabel::named("reportPeriodError");
    for (QDateEdit *edit : {m_from, m_to, m_at})
        connect(edit, &QDateEdit::dateChanged, m_periodError, &FieldErrorLabel::clearError);

    static const char *const quickNames[3] = {"reportThisMonth", "reportLastMonth", "reportThisYear"};
    for (int i = 0; i < 3; ++i) {
        m_quick[i] = new QPushButton;
        m_quick[i]->setObjectName(QString::fromLatin1(quickNames[i]));
        m_quick[i]->setFlat(true);
        m_quick[i]->setAutoDefault(false);
        connect(m_quick[i], &QPushButton::clicked, this, [this, i] { pickPeriod(QuickPeriod(i)); });
    }

    m_runAction = new QAction(tr("&Run"), this);
    m_runAction->setObjectName(QStringLiteral("reportRunAction"));
    // F5 comes through the window's Go ▸ Refresh (refreshShown), as on every page.
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAction->setToolTip(tr("Run the report for the period (Ctrl+R or F5)"));
    connect(m_runAction, &QAction::triggered, this, &ReportsPage::run);
    addAction(m_runAction);
    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("reportExportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction->setToolTip(tr("Save the whole report for the period as CSV, PDF, JSON or a journal (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &ReportsPage::exportReport);
    addAction(m_exportAction);

    auto *runButton = new QPushButton(tr("Run"));
    runButton->setObjectName(QStringLiteral("reportRun"));
    runButton->setToolTip(m_runAction->toolTip());
    runButton->setDefault(true);
    connect(runButton, &QPushButton::clicked, m_runAction, &QAction::trigger);
    // The buttons follow their actions, the tooltip saying who may run reports included.
    connect(m_runAction, &QAction::changed, runButton, [this, runButton] {
        runButton->setEnabled(m_runAction->isEnabled());
        runButton->setToolTip(m_runAction->toolTip());
    });
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("reportExport"));
    exportButton->setToolTip(m_exportAction->toolTip());
    connect(exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::changed, exportButton, [this, exportButton] {
        exportButton->setEnabled(m_exportAction->isEnabled());
        exportButton->setToolTip(m_exportAction->toolTip());
    });

    // The report and what to do with it on one row, its period on the next:
    // all on one row the page alone would need most of a 1280-pixel screen.
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(reportLabel);
    row->addWidget(m_reportChoice);
    row->addStretch(1);
    row->addWidget(runButton);
    row->addWidget(exportButton);
    auto *period = new QHBoxLayout;
    period->setContentsMargins(0, 0, 0, 0);
    period->addWidget(m_fromLabel);
    period->addWidget(m_from);
    period->addWidget(m_toLabel);
    period->addWidget(m_to);
    period->addWidget(m_atLabel);
    period->addWidget(m_at);
    period->addSpacing(8);
    for (QPushButton *quick : m_quick)
        period->addWidget(quick);
    period->addStretch(1);

    auto *bar = new QWidget;
    auto *column = new QVBoxLayout(bar);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    column->addLayout(row);
    column->addLayout(period);
    column->addWidget(m_periodError);
    return bar;
}

QWidget *ReportsPage::buildResults()
{
    m_tableTitle = new QLabel;
    m_tableTitle->setObjectName(QStringLiteral("reportTableTitle"));
    m_tableTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_tableTitle->font();
    titleFont.setBold(true);
    m_tableTitle->setFont(titleFont);

    m_table = makeTable("reportTable", tr("Report table"));
    // Sorted by a click on a column header; until then, in the report's own order.
    m_sort = new ReportSortModel(this);
    m_sort->setSourceModel(m_model);
    m_table->setModel(m_sort);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);

    m_notes = new QLabel;
    m_notes->setObjectName(QStringLiteral("reportNotes"));
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_truncated = new QLabel;
    m_truncated->setObjectName(QStringLiteral("reportTruncated"));
    m_truncated->setTextFormat(Qt::PlainText);
    m_truncated->setWordWrap(true);
    m_truncated->setForegroundRole(QPalette::PlaceholderText);

    auto *tablePane = new QWidget;
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(m_tableTitle);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_notes);
    tableLayout->addWidget(m_truncated);

    m_chart = new ReportChartWidget;
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("reportSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(tablePane);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    return m_splitter;
}

void ReportsPage::setHub(Hub *hub)
{
    const QString chosen = currentReport();
    m_hub = hub;
    m_tables.clear();
    m_produced.clear();
    {
        QSignalBlocker block(m_reportChoice);
        m_reportChoice->clear();
        if (m_hub) {
            for (const Report *r : m_hub->reports().reports())
                m_reportChoice->addItem(r->title(), r->name());
        }
        const int index = m_reportChoice->findData(chosen);
        m_reportChoice->setCurrentIndex(index >= 0 ? index : 0);
    }
    setEnabled(m_hub != nullptr);
    reportChanged();
    // The default period: this month so far (or today, for a report at a date).
    pickPeriod(QuickPeriod::ThisMonth);
}

QDate ReportsPage::today() const
{
    if (!m_hub)
        return QDate::currentDate();
    auto settings = m_hub->settings().load();
    const QTimeZone zone = settings ? settings->zone() : QTimeZone::systemTimeZone();
    return m_hub->clock().now().toTimeZone(zone).date();
}

const Report *ReportsPage::report() const
{
    if (!m_hub || m_reportChoice->currentIndex() < 0)
        return nullptr;
    auto found = m_hub->reports().find(m_reportChoice->currentData().toString());
    return found ? *found : nullptr;
}

QString ReportsPage::currentReport() const
{
    return m_reportChoice->currentData().toString();
}

bool ReportsPage::selectReport(const QString &name)
{
    const int index = m_reportChoice->findData(name);
    if (index < 0)
        return false;
    m_reportChoice->setCurrentIndex(index);
    return true;
}

void ReportsPage::setPeriod(QDate from, QDate to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReportsPage::setAt(QDate at)
{
    m_at->setDate(at);
}

void ReportsPage::pickPeriod(QuickPeriod period)
{
    const QDate now = today();
    const QDate monthStart(now.year(), now.month(), 1);
    switch (period) {
    case QuickPeriod::ThisMonth:
        setPeriod(monthStart, now);
        setAt(now);
        break;
    case QuickPeriod::LastMonth:
        setPeriod(monthStart.addMonths(-1), monthStart.addDays(-1));
        setAt(monthStart.addDays(-1));
        break;
    case QuickPeriod::ThisYear:
        setPeriod(QDate(now.year(), 1, 1), now);
        setAt(QDate(now.year(), 1, 1).addDays(-1));
        break;
    }
}

ReportRequest ReportsPage::request() const
{
    ReportRequest r;
    const Report *chosen = report();
    if (chosen && chosen->periodKind() == Report::PeriodKind::At) {
        r.at = m_at->date();
    } else {
        r.from = m_from->date();
        r.to = m_to->date();
    }
    return r;
}

void ReportsPage::reportChanged()
{
    const Report *chosen = report();
    const bool at = chosen && chosen->periodKind() == Report::PeriodKind::At;
    for (QWidget *w : std::initializer_list<QWidget *>{m_fromLabel, m_from, m_toLabel, m_to})
        w->setVisible(!at);
    m_atLabel->setVisible(at);
    m_at->setVisible(at);
    if (at) {
        m_quick[0]->setText(tr("Today"));
        m_quick[1]->setText(tr("End of last month"));
        m_quick[2]->setText(tr("End of last year"));
    } else {
        m_quick[0]->setText(tr("This month"));
        m_quick[1]->setText(tr("Last month"));
        m_quick[2]->setText(tr("This year"));
    }
    m_periodError->clearError();
    updateActions();
    m_tables.clear();
    m_produced.clear();
    showHint();
}

void ReportsPage::accessChanged()
{
    updateActions();
    if (m_hub && !PermissionGate::allows(m_hub, Permission::RunReports)) {
        m_tables.clear();
        m_produced.clear();
        m_model->setTable({}, ReportFormat(2, QTimeZone::utc()));
        showHint();
    }
}

void ReportsPage::updateActions()
{
    const bool chosen = report() != nullptr;
    PermissionGate::apply(m_runAction, m_hub, Permission::RunReports, chosen);
    PermissionGate::apply(m_exportAction, m_hub, Permission::RunReports, chosen);
}

void ReportsPage::showHint()
{
    const Report *chosen = report();
    m_heading->setText(chosen ? chosen->title() : QString());
    m_seal->hide();
    m_copySeal->hide();
    m_tableChoice->hide();
    if (!m_hub || !chosen) {
        m_empty->setTitle(tr("No reports"));
        m_empty->setText(tr("Open a hub to see its reports."));
    } else if (!PermissionGate::allows(m_hub, Permission::RunReports)) {
        m_empty->setTitle(tr("Reports are not for this desk's role"));
        m_empty->setText(AccessControl::whoMay(Permission::RunReports));
    } else {
        m_empty->setTitle(tr("Choose a period and run the report"));
        // Names the buttons as they read for this report.
        m_empty->setText(tr("Pick the dates above, or %1, %2 or %3, then press Run (Ctrl+R or F5). Export… saves "
                            "the whole report as CSV, PDF, JSON or a journal.")
                             .arg(QString(m_quick[0]->text()).remove(u'&'), QString(m_quick[1]->text()).remove(u'&'),
                                  QString(m_quick[2]->text()).remove(u'&')));
    }
    m_stack->setCurrentWidget(m_empty);
}

void ReportsPage::showFailure(const QString &message)
{
    m_tableChoice->hide();
    m_empty->setTitle(tr("The report could not run"));
    m_empty->setText(sentence(message));
    m_stack->setCurrentWidget(m_empty);
}

QAbstractItemModel *ReportsPage::shownModel() const
{
    return m_sort;
}

bool ReportsPage::run()
{
    const Report *chosen = report();
    if (!m_hub || !chosen)
        return false;
    const ReportRequest r = request();
    if (chosen->periodKind() == Report::PeriodKind::Range && r.from > r.to) {
        m_periodError->showError(tr("The period starts after it ends: choose a From date on or before the To date."));
        m_from->setFocus();
        return false;
    }
    m_periodError->clearError();

    ReportJob job;
    job.startPreview(WorkerHub(*m_hub), chosen->name(), r, PreviewRows);
    if (!job.runWithProgress(this, tr("Running %1…").arg(chosen->title()))) {
        if (job.wasCancelled())
            showHint();
        else
            showFailure(job.errorMessage());
        return false;
    }
    m_tables = job.tables();
    m_produced = job.rowsProduced();
    const ReportHeading &heading = job.heading();
    m_heading->setText(heading.period.isEmpty() ? heading.title : tr("%1 — %2").arg(heading.title, heading.period));
    m_seal->setProperty("seal", heading.seal);
    m_seal->setText(tr("Seal %1").arg(heading.seal));
    m_seal->setVisible(!heading.seal.isEmpty());
    m_copySeal->setText(tr("Cop&y seal"));
    m_copySeal->setVisible(!heading.seal.isEmpty());

    qint64 rows = 0;
    for (qint64 n : std::as_const(m_produced))
        rows += n;
    if (rows == 0) {
        QStringList notes;
        for (const ReportTable &t : std::as_const(m_tables))
            notes += t.notes;
        m_tableChoice->hide();
        m_empty->setTitle(tr("Nothing in this period"));
        const QString hint =
            chosen->periodKind() == Report::PeriodKind::At
                ? tr("%1 has no rows at this date.").arg(chosen->title())
                : tr("%1 has no rows in this period. Try a longer one, such as This year.").arg(chosen->title());
        notes.removeDuplicates();
        m_empty->setText(notes.isEmpty() ? hint : hint + QStringLiteral("\n\n") + notes.join(QLatin1Char('\n')));
        m_stack->setCurrentWidget(m_empty);
        return true;
    }

    {
        QSignalBlocker block(m_tableChoice);
        m_tableChoice->clear();
        for (int i = 0; i < m_tables.size(); ++i) {
            const qint64 n = m_produced.value(i);
            m_tableChoice->addItem(
                tr("%1 (%Ln row(s))", nullptr, int(std::min<qint64>(n, INT_MAX))).arg(m_tables.at(i).header.title));
        }
        m_tableChoice->setCurrentIndex(0);
    }
    m_tableChoice->setVisible(m_tables.size() > 1);
    showTable(0);
    m_stack->setCurrentIndex(1);
    return true;
}

void ReportsPage::showTable(int index)
{
    if (index < 0 || index >= m_tables.size() || !m_hub)
        return;
    auto settings = m_hub->settings().load();
    const ReportFormat format = settings ? ReportFormat(*settings) : ReportFormat(2, QTimeZone::utc());
    const ReportTable &table = m_tables.at(index);
    m_tableTitle->setText(table.header.title);
    m_tableTitle->setVisible(!table.header.title.isEmpty());
    m_model->setTable(table, format);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_sort->sort(-1);
    m_table->resizeColumnsToContents();
    // Names and memos may take room; a figure never needs more than a wide
    // amount does, so the last columns (Charged, Balance) stay in view.
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const bool text = c < table.header.columns.size() && table.header.columns.at(c).type == ReportType::Text;
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c) + 16, text ? 360 : 150));
    }
    m_notes->setText(table.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!table.notes.isEmpty());

    const qint64 produced = m_produced.value(index);
    if (produced > table.rows.size()) {
        const QLocale locale;
        m_truncated->setText(table.rows.isEmpty()
                                 ? tr("The screen shows the first %1 rows of the report, and this table's come "
                                      "after them — export for all %2.")
                                       .arg(locale.toString(PreviewRows), locale.toString(produced))
                                 : tr("Showing the first %1 of %2 rows — export for all.")
                                       .arg(locale.toString(qint64(table.rows.size())), locale.toString(produced)));
        m_truncated->show();
    } else {
        m_truncated->hide();
    }

    const ReportChartData chart = ReportChartData::from(table.header, table.rows, format);
    if (chart.isEmpty()) {
        m_chart->hide();
    } else {
        m_chart->setData(chart);
        m_chart->show();
    }
    if (m_tableChoice->currentIndex() != index) {
        QSignalBlocker block(m_tableChoice);
        m_tableChoice->setCurrentIndex(index);
    }
}

ReportExportDialog *ReportsPage::exportReport()
{
    const Report *chosen = report();
    if (!m_hub || !chosen)
        return nullptr;
    const ReportRequest r = request();
    if (chosen->periodKind() == Report::PeriodKind::Range && r.from > r.to) {
        m_periodError->showError(tr("The period starts after it ends: choose a From date on or before the To date."));
        m_from->setFocus();
        return nullptr;
    }
    // Export what is shown: one member's statement picked above the table is
    // that member's statement, not every account's.
    ReportRequest exported = r;
    const int shown = m_tableChoice->isVisible() ? m_tableChoice->currentIndex() : -1;
    if (shown >= 0 && shown < m_tables.size() && m_tables.at(shown).header.member.isValid())
        exported.member = m_tables.at(shown).header.member;
    auto *dialog = new ReportExportDialog(WorkerHub(*m_hub), *chosen, exported, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString path = dialog->filePath();
        QMessageBox box(QMessageBox::Information, tr("Export finished"),
                        tr("%1 is saved as %2.")
                            .arg(dialog->summary().title.isEmpty() ? tr("The report") : dialog->summary().title,
                                 QDir::toNativeSeparators(path)),
                        QMessageBox::Open | QMessageBox::Close, this);
        box.setObjectName(QStringLiteral("reportExportedBox"));
        box.setDefaultButton(QMessageBox::Open);
        if (box.exec() == QMessageBox::Open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    dialog->open();
    return dialog;
}

} // namespace hub
