// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/calendarexportdialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/spaces/spaceservice.h"
#include "ui/dialogs/calendarfilejob.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

CalendarExportDialog::CalendarExportDialog(Hub &hub, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_job(new CalendarFileJob(this))
{
    setObjectName(QStringLiteral("calendarExportDialog"));
    setWindowTitle(tr("Export Calendar"));

    m_space = new QComboBox;
    m_space->setObjectName(QStringLiteral("calendarExportSpace"));
    m_space->setAccessibleName(tr("Space"));
    m_space->addItem(tr("All spaces"), 0);
    if (auto spaces = m_hub.spaces().list())
        for (const Space &s : std::as_const(*spaces))
            m_space->addItem(s.name, s.id.value());

    m_allDates = new QCheckBox(tr("&Every booking, past and future"));
    m_allDates->setObjectName(QStringLiteral("calendarExportAllDates"));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today);
    m_from->setObjectName(QStringLiteral("calendarExportFrom"));
    m_from->setAccessibleName(tr("First day"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(DisplayFormat::dateEditFormat());
    m_to = new QDateEdit(today.addMonths(3));
    m_to->setObjectName(QStringLiteral("calendarExportTo"));
    m_to->setAccessibleName(tr("Last day"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(DisplayFormat::dateEditFormat());
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_to);
    range->addStretch(1);
    m_rangeError = FieldErrorLabel::named("calendarExportRangeError");
    auto *rangeField = new QWidget;
    auto *rangeColumn = new QVBoxLayout(rangeField);
    rangeColumn->setContentsMargins(0, 0, 0, 0);
    rangeColumn->addLayout(range);
    rangeColumn->addWidget(m_rangeError);
    connect(m_allDates, &QCheckBox::toggled, this, &CalendarExportDialog::updateRange);
    connect(m_from, &QDateEdit::dateChanged, this, &CalendarExportDialog::updateRange);
    connect(m_to, &QDateEdit::dateChanged, this, &CalendarExportDialog::updateRange);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("calendarExportFile"));
    m_path->setAccessibleName(tr("Export file"));
    m_path->setText(QDir::toNativeSeparators(ExportFolder::suggest(tr("bookings") + QStringLiteral(".ics"))));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("calendarExportBrowse"));
    connect(browse, &QPushButton::clicked, this, &CalendarExportDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    m_fileError = FieldErrorLabel::named("calendarExportFileError");
    auto *fileField = new QWidget;
    auto *fileColumn = new QVBoxLayout(fileField);
    fileColumn->setContentsMargins(0, 0, 0, 0);
    fileColumn->addLayout(fileRow);
    fileColumn->addWidget(m_fileError);

    auto *note = new QLabel(tr("Calendar programs (Google Calendar, Outlook, Thunderbird, phones) read the file. "
                               "Repeating bookings stay one repeating event; bookers are named only where they "
                               "agreed to be in the shared directory, and no e-mail address is written."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Space:"), m_space);
    form->addRow(tr("&Dates:"), rangeField);
    qobject_cast<QLabel *>(form->labelForField(rangeField))->setBuddy(m_from);
    form->addRow(QString(), m_allDates);
    form->addRow(tr("&File:"), fileField);
    qobject_cast<QLabel *>(form->labelForField(fileField))->setBuddy(m_path);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *run = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("calendarExportRun"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (exportNow()) {
            ExportFolder::remember(QDir::fromNativeSeparators(m_path->text()));
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(600, sizeHint().height());
}

void CalendarExportDialog::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void CalendarExportDialog::setSpace(std::optional<SpaceId> space)
{
    const int index = m_space->findData(space ? space->value() : 0);
    if (index >= 0)
        m_space->setCurrentIndex(index);
}

void CalendarExportDialog::setRange(QDate from, QDate to)
{
    m_allDates->setChecked(false);
    m_from->setDate(from);
    m_to->setDate(to);
}

void CalendarExportDialog::updateRange()
{
    m_from->setEnabled(!m_allDates->isChecked());
    m_to->setEnabled(!m_allDates->isChecked());
    m_rangeError->clearError();
}

void CalendarExportDialog::chooseFile()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Calendar To"), QDir::fromNativeSeparators(m_path->text()), tr("iCalendar files (*.ics)"));
    if (!file.isEmpty())
        setFilePath(file.endsWith(QStringLiteral(".ics"), Qt::CaseInsensitive) ? file : file + QStringLiteral(".ics"));
}

bool CalendarExportDialog::exportNow()
{
    m_rangeError->clearError();
    m_fileError->clearError();
    CalendarExportOptions options;
    if (const qint64 id = m_space->currentData().toLongLong(); id > 0)
        options.space = SpaceId(id);
    if (!m_allDates->isChecked()) {
        if (m_to->date() < m_from->date()) {
            m_rangeError->showError(tr("The last day is before the first."));
            m_to->setFocus();
            return false;
        }
        options.from = m_from->date();
        options.to = m_to->date();
    }
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty()) {
        m_fileError->showError(tr("Choose a file to export to."));
        m_path->setFocus();
        return false;
    }
    m_job->startExport(WorkerHub(m_hub), path, options);
    if (!m_job->runWithProgress(this, tr("Exporting the calendar…"))) {
        m_fileError->showError(m_job->wasCancelled() ? tr("The export was cancelled; no file was written.")
                                                     : m_job->errorMessage());
        return false;
    }
    m_exported = m_job->exportedCount();
    return true;
}

} // namespace hub
