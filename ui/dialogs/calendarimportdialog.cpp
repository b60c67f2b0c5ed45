// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/calendarimportdialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/spaceservice.h"
#include "ui/dialogs/calendarfilejob.h"
#include "ui/pageicon.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace hub {

namespace {

enum Column
{
    LineColumn,
    WhenColumn,
    EventColumn,
    OutcomeColumn,
    DetailColumn,
    ColumnCount
};

} // namespace

CalendarImportDialog::CalendarImportDialog(Hub &hub, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_job(new CalendarFileJob(this))
{
    setObjectName(QStringLiteral("calendarImportDialog"));
    setWindowTitle(tr("Import Calendar"));

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("calendarImportFile"));
    m_path->setAccessibleName(tr("Calendar file"));
    m_path->setPlaceholderText(tr("An .ics file from Google Calendar, Outlook, Thunderbird …"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("calendarImportBrowse"));
    connect(browse, &QPushButton::clicked, this, &CalendarImportDialog::chooseFile);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (QDir::fromNativeSeparators(m_path->text().trimmed()) != m_checkedPath)
            check();
    });
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    m_fileError = FieldErrorLabel::named("calendarImportFileError");
    auto *fileField = new QWidget;
    auto *fileColumn = new QVBoxLayout(fileField);
    fileColumn->setContentsMargins(0, 0, 0, 0);
    fileColumn->addLayout(fileRow);
    fileColumn->addWidget(m_fileError);

    m_space = new QComboBox;
    m_space->setObjectName(QStringLiteral("calendarImportSpace"));
    m_space->setAccessibleName(tr("Space to book"));
    if (auto spaces = m_hub.spaces().list(true))
        for (const Space &s : std::as_const(*spaces)) {
            m_space->addItem(tr("%1 (for %n people)", nullptr, s.capacity).arg(s.name), s.id.value());
            m_space->setItemData(m_space->count() - 1, s.name, Qt::UserRole + 1);
        }
    connect(m_space, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_path->text().trimmed().isEmpty())
            check();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileField);
    qobject_cast<QLabel *>(form->labelForField(fileField))->setBuddy(m_path);
    form->addRow(tr("&Space:"), m_space);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("calendarImportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("calendarImportPreview"));
    m_table->setAccessibleName(tr("Events in the file"));
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("When"), tr("Event"), tr("Outcome"), tr("What happens")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EventColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventColumn, 220);
    // Wrapped problems take the height they need at whatever width the last column gets.
    // Deferred, so the heights follow the final widths once the header has laid out.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableWidget::resizeRowsToContents,
            Qt::QueuedConnection);

    m_empty =
        new EmptyStateWidget(pageIcon(QStringLiteral("calendar"), palette()), tr("No calendar chosen yet"), QString());
    m_empty->setObjectName(QStringLiteral("calendarImportEmpty"));
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("calendarImportRun"));
    m_importButton->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (importNow())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    if (m_space->count() == 0) {
        m_space->setEnabled(false);
        browse->setEnabled(false);
        m_path->setEnabled(false);
        clearPreview(tr("The hub has no spaces yet. Add one (Hub ▸ Spaces…), then import its calendar."));
    } else {
        clearPreview(tr("Choose an .ics file and the space its events should book. Every event is checked "
                        "first: nothing is booked until all of them fit. All-day events book the space from "
                        "its opening to its closing time."));
    }
    resize(900, 560);
}

CalendarImportDialog::~CalendarImportDialog()
{
    // ~QDialog hides the dialog, the path field loses focus and emits
    // editingFinished: by then this is no longer a CalendarImportDialog
    // (the sanitizer build caught the lambda running on it).
    m_path->disconnect(this);
}

void CalendarImportDialog::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    check();
}

void CalendarImportDialog::setSpace(SpaceId space)
{
    const int index = m_space->findData(space.value());
    if (index >= 0 && index != m_space->currentIndex())
        m_space->setCurrentIndex(index); // checks again
}

SpaceId CalendarImportDialog::currentSpace() const
{
    return SpaceId(m_space->currentData().toLongLong());
}

bool CalendarImportDialog::canImport() const
{
    return m_checked && m_report.ok() && m_report.bookings() > 0;
}

void CalendarImportDialog::chooseFile()
{
    const QString start =
        m_path->text().trimmed().isEmpty() ? QDir::homePath() : QDir::fromNativeSeparators(m_path->text().trimmed());
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Calendar"), start,
                                                      tr("iCalendar files (*.ics *.ical *.ifb);;All files (*)"));
    if (!file.isEmpty())
        setFilePath(file);
}

void CalendarImportDialog::clearPreview(const QString &hint)
{
    m_checked = false;
    m_report = {};
    m_table->setRowCount(0);
    m_summary->clear();
    m_summary->hide();
    m_empty->setText(hint);
    m_stack->setCurrentWidget(m_empty);
    m_importButton->setEnabled(false);
}

bool CalendarImportDialog::check()
{
    m_fileError->clearError();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    m_checkedPath = path;
    if (path.isEmpty()) {
        clearPreview(tr("Choose an .ics file and the space its events should book."));
        return false;
    }
    if (!currentSpace().isValid()) {
        clearPreview(tr("Choose the space the events should book."));
        return false;
    }
    QFile file(path);
    if (!QFileInfo::exists(path) || !file.open(QIODevice::ReadOnly)) {
        m_fileError->showError(QFileInfo::exists(path) ? tr("This file cannot be read: %1").arg(file.errorString())
                                                       : tr("There is no file here."));
        clearPreview(tr("Choose an .ics file that exists."));
        return false;
    }
    const QByteArray bytes = file.readAll();
    m_job->startImport(WorkerHub(m_hub), bytes, currentSpace(), true);
    if (!m_job->runWithProgress(this, tr("Checking the calendar…"))) {
        if (!m_job->wasCancelled())
            m_fileError->showError(m_job->errorMessage());
        clearPreview(m_job->wasCancelled() ? tr("The check was cancelled.")
                                           : tr("This file cannot be imported as it is. Fix the line named above, "
                                                "or export the calendar again from its program."));
        return false;
    }
    m_report = m_job->report();
    m_checked = true;
    showReport();
    return true;
}

void CalendarImportDialog::showReport()
{
    using Outcome = CalendarImportEvent::Outcome;
    if (m_report.events.isEmpty()) {
        clearPreview(tr("This calendar holds no events."));
        m_checked = true;
        return;
    }
    const QTimeZone zone = [this] {
        auto s = m_hub.settings().load();
        return s ? s->zone() : QTimeZone::utc();
    }();
    m_table->setRowCount(int(m_report.events.size()));
    for (int row = 0; row < m_report.events.size(); ++row) {
        const CalendarImportEvent &e = m_report.events.at(row);
        QString when;
        if (e.start.isValid()) {
            const QDateTime s = e.start.toTimeZone(zone);
            when = e.allDay ? tr("%1, all day").arg(DisplayFormat::date(s.date()))
                            : DisplayFormat::span(e.start, e.end, zone);
        }
        QString outcome;
        QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
        switch (e.outcome) {
        case Outcome::Book:
            outcome = tr("Will be booked");
            break;
        case Outcome::AlreadyThere:
            outcome = tr("Already there");
            icon = QStyle::SP_MessageBoxInformation;
            break;
        case Outcome::Skipped:
            outcome = tr("Skipped");
            icon = QStyle::SP_MessageBoxInformation;
            break;
        case Outcome::Refused:
            outcome = tr("Refused");
            icon = QStyle::SP_MessageBoxCritical;
            break;
        case Outcome::Unreadable:
            outcome = tr("Cannot be read");
            icon = QStyle::SP_MessageBoxCritical;
            break;
        }
        QString detail = e.plan;
        if (!e.problem.isEmpty())
            detail = e.blocks() ? tr("line %1: %2").arg(e.problemLine).arg(e.problem) : e.problem;
        auto *line = new QTableWidgetItem(QString::number(e.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, LineColumn, line);
        m_table->setItem(row, WhenColumn, new QTableWidgetItem(when));
        m_table->setItem(row, EventColumn, new QTableWidgetItem(e.title));
        auto *status = new QTableWidgetItem(style()->standardIcon(icon), outcome);
        m_table->setItem(row, OutcomeColumn, status);
        auto *what = new QTableWidgetItem(detail);
        what->setToolTip(detail);
        if (e.blocks())
            what->setForeground(palette().color(QPalette::Active, QPalette::Text).lightness() > 128
                                    ? QColor(255, 140, 140)
                                    : QColor(176, 0, 32));
        m_table->setItem(row, DetailColumn, what);
    }
    m_stack->setCurrentWidget(m_table);
    QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);

    const int blocked = m_report.count(Outcome::Refused) + m_report.count(Outcome::Unreadable);
    const int there = m_report.count(Outcome::AlreadyThere);
    QString summary;
    if (blocked > 0)
        summary = tr("%n event(s) cannot be booked, so nothing will be imported. Free the clashing times, choose "
                     "another space, or fix the file.",
                     nullptr, blocked);
    else if (m_report.bookings() == 0)
        summary = tr("Nothing new to book: every event is already in the hub or skipped.");
    else
        summary = tr("All events fit: %n booking(s) will be made in %1.", nullptr, m_report.bookings())
                      .arg(m_space->currentData(Qt::UserRole + 1).toString());
    if (there > 0 && blocked == 0)
        summary += u' ' + tr("%n event(s) were imported before and will not be booked twice.", nullptr, there);
    m_summary->setText(summary);
    m_summary->show();
    m_importButton->setEnabled(canImport());
}

bool CalendarImportDialog::importNow()
{
    if (!canImport())
        return false;
    const QString path = m_checkedPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_fileError->showError(tr("This file cannot be read: %1").arg(file.errorString()));
        return false;
    }
    m_job->startImport(WorkerHub(m_hub), file.readAll(), currentSpace(), false);
    if (!m_job->runWithProgress(this, tr("Importing the calendar…"))) {
        m_fileError->showError(m_job->wasCancelled() ? tr("The import was cancelled; nothing was booked.")
                                                     : m_job->errorMessage());
        return false;
    }
    m_report = m_job->report();
    if (!m_report.written) {
        // Someone booked a clashing time since the check: show what changed.
        showReport();
        return false;
    }
    m_imported = m_report.bookings();
    Q_EMIT imported(m_imported);
    return true;
}

} // namespace hub
