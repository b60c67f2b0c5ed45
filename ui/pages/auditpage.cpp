// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/auditpage.h"

#include "core/access/userservice.h"
#include "core/audit/auditactionnames.h"
#include "core/audit/audittablemodel.h"
#include "core/common/displayformat.h"
#include "core/hub.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/auditexportjob.h"
#include "ui/pageicon.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/pageheading.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace hub {

namespace {
// The date boxes show "Any" at their minimum: an open end of the range.
const QDate NoDate(2000, 1, 1);

QDateEdit *dateBox(const char *objectName, const QString &accessibleName)
{
    auto *edit = new QDateEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setSpecialValueText(AuditPage::tr("Any date"));
    edit->setDisplayFormat(DisplayFormat::dateEditFormat());
    edit->setDate(NoDate);
    return edit;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *l = new QLabel(text);
    l->setBuddy(buddy);
    return l;
}
} // namespace

AuditPage::AuditPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Audit log"));

    auto *back = new QPushButton(tr("‹ Settings"));
    back->setObjectName(QStringLiteral("auditBack"));
    back->setFlat(true);
    back->setToolTip(tr("Back to the Settings page"));
    connect(back, &QPushButton::clicked, this, &AuditPage::backRequested);

    QHBoxLayout *bar = buildTitleBar();

    auto *intro = new QLabel(tr("Every change to the hub, who made it and when, including sign-ins. The log can only "
                                "grow: entries are never changed or deleted, and Check integrity verifies them."));
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    buildFilters();
    QHBoxLayout *filters = layOutFilters();
    QHBoxLayout *dates = layOutDates();

    m_table = makeTable("auditTable", tr("Audit log"));
    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(QStringLiteral("auditEmptyState"));
    m_empty->setIcon(pageIcon(QStringLiteral("settings"), palette()));
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(8);
    layout->addWidget(back, 0, Qt::AlignLeft);
    layout->addLayout(bar);
    layout->addWidget(intro);
    layout->addLayout(filters);
    layout->addLayout(dates);
    layout->addWidget(m_stack, 1);

    setHub(nullptr);
}

QHBoxLayout *AuditPage::buildTitleBar()
{
    auto *title = PageHeading::title(tr("Audit log"));
    m_count = PageHeading::count(QStringLiteral("auditCount"));

    m_export = new QPushButton(tr("&Export CSV…"));
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Save the entries the filters select as a CSV file"));
    m_export->setAutoDefault(false);
    connect(m_export, &QPushButton::clicked, this, &AuditPage::chooseExportFile);

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(m_count, 0, Qt::AlignBottom);
    bar->addStretch(1);
    bar->addWidget(m_export);
    return bar;
}

void AuditPage::buildFilters()
{
    m_person = new QComboBox;
    m_person->setObjectName(QStringLiteral("auditPerson"));
    m_person->setAccessibleName(tr("Person"));
    m_person->setEditable(true);
    m_person->setInsertPolicy(QComboBox::NoInsert);
    m_person->setMinimumWidth(180);
    m_person->lineEdit()->setPlaceholderText(tr("Everyone"));
    connect(m_person, &QComboBox::currentTextChanged, this, &AuditPage::applyFilter);

    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action"));
    // Long action names are shown whole in the list, not by widening the page.
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_action->setMinimumContentsLength(18);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);

    m_from = dateBox("auditFrom", tr("From date"));
    m_to = dateBox("auditTo", tr("To date"));
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);

    m_clear = new QPushButton(tr("C&lear Filters"));
    m_clear->setObjectName(QStringLiteral("auditClear"));
    m_clear->setAutoDefault(false);
    connect(m_clear, &QPushButton::clicked, this, &AuditPage::clearFilters);
}

QHBoxLayout *AuditPage::layOutFilters()
{
    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Person:"), m_person));
    filters->addWidget(m_person);
    filters->addSpacing(8);
    filters->addWidget(buddyLabel(tr("Ac&tion:"), m_action));
    filters->addWidget(m_action);
    filters->addStretch(1);
    return filters;
}

QHBoxLayout *AuditPage::layOutDates()
{
    // The dates on a row of their own: the page fits a 1024-pixel screen.
    auto *dates = new QHBoxLayout;
    dates->addWidget(buddyLabel(tr("&From:"), m_from));
    dates->addWidget(m_from);
    dates->addWidget(buddyLabel(tr("T&o:"), m_to));
    dates->addWidget(m_to);
    dates->addStretch(1);
    dates->addWidget(m_clear);
    return dates;
}

AuditPage::~AuditPage() = default;

void AuditPage::setHub(Hub *hub)
{
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_hub = hub;
    if (hub) {
        m_model = new AuditTableModel(*hub, this);
        m_table->setModel(m_model);
        const int widths[AuditTableModel::ColumnCount] = {150, 130, 170, 120, 300};
        for (int c = 0; c < AuditTableModel::ColumnCount; ++c)
            m_table->setColumnWidth(c, widths[c]);
        connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::updateState);
    }
    reloadChoices();
    applyFilter();
}

ChangeAreas AuditPage::shownAreas() const
{
    // Every change is audited.
    return ChangeEvent::everything();
}

void AuditPage::refreshAfterChange(const ChangeEvent &)
{
    refresh();
}

void AuditPage::showEvent(QShowEvent *event)
{
    HubPage::showEvent(event);
    // Changes made since the page was last looked at (by anyone) appear.
    refresh();
}

void AuditPage::reloadChoices()
{
    const QString person = m_person->currentText();
    const QString action = m_action->currentData().toString();
    QSignalBlocker blockPerson(m_person);
    QSignalBlocker blockAction(m_action);
    m_person->clear();
    m_action->clear();
    m_person->addItem(QString());
    m_action->addItem(tr("Every action"), QString());
    if (m_hub) {
        if (auto users = m_hub->users().list()) {
            for (const User &u : std::as_const(*users))
                m_person->addItem(u.name);
        }
        if (auto actions = m_hub->audit().actions()) {
            // The areas first ("member", "transfer"), then each action in them.
            QStringList areas;
            for (const QString &a : std::as_const(*actions)) {
                const QString area = a.section(u'.', 0, 0);
                if (a.contains(u'.') && !areas.contains(area))
                    areas << area;
            }
            for (const QString &area : std::as_const(areas))
                m_action->addItem(tr("%1 — any").arg(AuditActionNames::areaLabel(area)), area);
            m_action->insertSeparator(m_action->count());
            for (const QString &a : std::as_const(*actions))
                m_action->addItem(AuditActionNames::label(a), a);
        }
    }
    m_person->setEditText(person);
    const int index = m_action->findData(action);
    m_action->setCurrentIndex(index >= 0 ? index : 0);
}

AuditFilter AuditPage::currentFilter() const
{
    AuditFilter filter;
    filter.userName = m_person->currentText().trimmed();
    filter.action = m_action->currentData().toString();
    const QTimeZone zone = m_model ? m_model->zone() : QTimeZone::utc();
    // Whole days in the hub's zone: "to" includes the day it names.
    if (m_from->date() > NoDate)
        filter.from = QDateTime(m_from->date(), QTime(0, 0), zone).toUTC();
    if (m_to->date() > NoDate)
        filter.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), zone).toUTC();
    return filter;
}

void AuditPage::applyFilter()
{
    if (m_model)
        m_model->setFilter(currentFilter());
    updateState();
}

void AuditPage::refresh()
{
    if (!m_model)
        return;
    reloadChoices();
    applyFilter();
}

void AuditPage::clearFilters()
{
    {
        QSignalBlocker a(m_person), b(m_action), c(m_from), d(m_to);
        m_person->setEditText(QString());
        m_action->setCurrentIndex(0);
        m_from->setDate(NoDate);
        m_to->setDate(NoDate);
    }
    applyFilter();
}

void AuditPage::updateState()
{
    const bool open = m_model != nullptr;
    for (QWidget *w : std::initializer_list<QWidget *>{m_person, m_action, m_from, m_to, m_clear})
        w->setEnabled(open);
    const bool filtered = open && (!m_person->currentText().trimmed().isEmpty() || m_action->currentIndex() > 0 ||
                                   m_from->date() > NoDate || m_to->date() > NoDate);
    if (!open) {
        m_count->clear();
        m_empty->setTitle(tr("No hub is open"));
        m_empty->setText(tr("Open or create a hub from the File menu to see its audit log."));
        m_stack->setCurrentWidget(m_empty);
        m_export->setEnabled(false);
        return;
    }
    const int matching = m_model->matchingCount();
    m_count->setText(filtered ? tr("%Ln matching entry(ies)", nullptr, matching)
                              : tr("%Ln entry(ies)", nullptr, matching));
    if (m_model->lastError()) {
        m_empty->setTitle(tr("The audit log could not be read"));
        m_empty->setText(m_model->lastError()->text());
        m_stack->setCurrentWidget(m_empty);
    } else if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
    } else if (filtered) {
        m_empty->setTitle(tr("No entry matches these filters"));
        m_empty->setText(tr("Try another person or action, a wider date range, or Clear Filters."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_empty->setTitle(tr("Nothing recorded yet"));
        m_empty->setText(tr("Every change to the hub will be listed here, newest first, with "
                            "who made it and when."));
        m_stack->setCurrentWidget(m_empty);
    }
    PermissionGate::apply(m_export, m_hub, Permission::ViewAudit, matching > 0);
}

void AuditPage::chooseExportFile()
{
    if (!m_hub)
        return;
    const QFileInfo hubFile(m_hub->path());
    const QString suggested = ExportFolder::suggest(
        tr("%1-audit-%2.csv")
            .arg(hubFile.completeBaseName(), QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the Audit Log"), suggested,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!file.isEmpty())
        exportTo(file);
}

bool AuditPage::exportTo(const QString &file)
{
    if (!m_hub || !m_model)
        return false;
    AuditExportJob job;
    if (!job.run(this, WorkerHub(*m_hub), currentFilter(), file, m_model->matchingCount())) {
        if (!job.wasCancelled())
            QMessageBox::warning(this, tr("The Audit Log Was Not Exported"), job.errorMessage());
        return false;
    }
    ExportFolder::remember(file);
    m_count->setText(tr("Exported %1 entries to %2").arg(job.exportedCount()).arg(QDir::toNativeSeparators(file)));
    return true;
}

} // namespace hub
