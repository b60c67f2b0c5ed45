// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportexportdialog.h"

#include "core/common/displayformat.h"
#include "ui/reports/reportjob.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hub {

ReportExportDialog::ReportExportDialog(const WorkerHub &source, const Report &report, const ReportRequest &request,
                                       QWidget *parent)
    : QDialog(parent), m_source(source), m_reportName(report.name()), m_reportTitle(report.title()),
      m_periodKind(report.periodKind()), m_request(request), m_job(new ReportJob(this))
{
    setObjectName(QStringLiteral("reportExportDialog"));
    setWindowTitle(tr("Export %1").arg(m_reportTitle));

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("reportExportFormat"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("CSV — spreadsheets"), int(ReportFileFormat::Csv));
    m_format->addItem(tr("PDF — to print or send"), int(ReportFileFormat::Pdf));
    m_format->addItem(tr("JSON — for other programs"), int(ReportFileFormat::Json));
    if (ReportExporter::offersLedger(m_reportName))
        m_format->addItem(tr("Journal — hledger and Ledger"), int(ReportFileFormat::Ledger));

    m_excel = new QCheckBox(tr("E&xcel-friendly CSV (keeps accented letters readable)"));
    m_excel->setObjectName(QStringLiteral("reportExportExcel"));

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("reportExportFile"));
    m_path->setAccessibleName(tr("Export file"));
    m_path->setText(QDir::toNativeSeparators(suggestedPath(ExportFolder::folder())));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("reportExportBrowse"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &ReportExportDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    m_fileError = FieldErrorLabel::named("reportExportFileError");
    auto *fileField = new QWidget;
    auto *fileColumn = new QVBoxLayout(fileField);
    fileColumn->setContentsMargins(0, 0, 0, 0);
    fileColumn->addLayout(fileRow);
    fileColumn->addWidget(m_fileError);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textEdited, m_fileError, &FieldErrorLabel::clearError);

    m_from = new QDateEdit(m_request.from);
    m_from->setObjectName(QStringLiteral("reportExportFrom"));
    m_from->setAccessibleName(tr("Period from"));
    m_to = new QDateEdit(m_request.to);
    m_to->setObjectName(QStringLiteral("reportExportTo"));
    m_to->setAccessibleName(tr("Period to"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(DisplayFormat::dateEditFormat());
    }
    m_periodError = FieldErrorLabel::named("reportExportPeriodError");
    m_periodField = new QWidget;
    auto *periodColumn = new QVBoxLayout(m_periodField);
    periodColumn->setContentsMargins(0, 0, 0, 0);
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(m_from);
    periodRow->addWidget(new QLabel(tr("to")));
    periodRow->addWidget(m_to);
    periodRow->addStretch(1);
    periodColumn->addLayout(periodRow);
    periodColumn->addWidget(m_periodError);
    const auto periodChanged = [this] {
        m_periodError->clearError();
        const QString old = suggestedPath(QFileInfo(filePath()).path());
        m_request.from = m_from->date();
        m_request.to = m_to->date();
        // A name the user typed stays; the suggested one follows the dates.
        if (QFileInfo(filePath()).fileName() == QFileInfo(old).fileName())
            setFilePath(suggestedPath(QFileInfo(filePath()).path()));
    };
    connect(m_from, &QDateEdit::dateChanged, this, periodChanged);
    connect(m_to, &QDateEdit::dateChanged, this, periodChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("&Period:"), m_periodField);
    qobject_cast<QLabel *>(form->labelForField(m_periodField))->setBuddy(m_from);
    form->setRowVisible(m_periodField, false);
    m_form = form;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_excel);
    form->addRow(tr("&File:"), fileField);
    qobject_cast<QLabel *>(form->labelForField(fileField))->setBuddy(m_path);

    auto *note = new QLabel(tr("The export holds every row of the period, however many the screen shows."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *run = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("reportExportRun"));
    run->setDefault(true);
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
    formatChanged();
    resize(620, sizeHint().height());
}

void ReportExportDialog::setPeriodEditable(bool editable)
{
    m_form->setRowVisible(m_periodField, editable && m_periodKind == Report::PeriodKind::Range);
}

ReportRequest ReportExportDialog::request() const
{
    return m_request;
}

ReportFileFormat ReportExportDialog::format() const
{
    return ReportFileFormat(m_format->currentData().toInt());
}

void ReportExportDialog::setFormat(ReportFileFormat format)
{
    if (const int index = m_format->findData(int(format)); index >= 0)
        m_format->setCurrentIndex(index);
}

void ReportExportDialog::setExcelFriendly(bool on)
{
    m_excel->setChecked(on);
}

void ReportExportDialog::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    m_fileError->clearError();
}

QString ReportExportDialog::filePath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

const ReportExportSummary &ReportExportDialog::summary() const
{
    return m_job->summary();
}

QString ReportExportDialog::suggestedPath(const QString &folder) const
{
    QString period;
    if (m_periodKind == Report::PeriodKind::At)
        period = m_request.at.toString(Qt::ISODate);
    else if (m_request.from == m_request.to)
        period = m_request.from.toString(Qt::ISODate);
    else
        period = tr("%1 to %2").arg(m_request.from.toString(Qt::ISODate), m_request.to.toString(Qt::ISODate));
    const QString name = QStringLiteral("%1 %2.%3").arg(m_reportName, period, ReportExporter::suffix(format()));
    return QDir(folder).filePath(name);
}

void ReportExportDialog::formatChanged()
{
    m_excel->setEnabled(format() == ReportFileFormat::Csv);
    // The file follows the format: "journal 2026-10-01 to 2026-10-31.csv" becomes "….pdf".
    const QString path = filePath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    QString base = info.fileName();
    for (ReportFileFormat f :
         {ReportFileFormat::Csv, ReportFileFormat::Json, ReportFileFormat::Pdf, ReportFileFormat::Ledger}) {
        const QString suffix = QLatin1Char('.') + ReportExporter::suffix(f);
        if (base.endsWith(suffix, Qt::CaseInsensitive)) {
            base.chop(suffix.size());
            break;
        }
    }
    setFilePath(info.dir().filePath(base + QLatin1Char('.') + ReportExporter::suffix(format())));
}

void ReportExportDialog::chooseFile()
{
    const QString filter = [this] {
        switch (format()) {
        case ReportFileFormat::Csv:
            return tr("CSV files (*.csv)");
        case ReportFileFormat::Json:
            return tr("JSON files (*.json)");
        case ReportFileFormat::Pdf:
            return tr("PDF documents (*.pdf)");
        case ReportFileFormat::Ledger:
            return tr("Plain-text accounting journals (*.journal *.ledger)");
        case ReportFileFormat::Text:
            return tr("Text files (*.txt)");
        }
        return QString();
    }();
    const QString file = QFileDialog::getSaveFileName(this, tr("Export %1 To").arg(m_reportTitle), filePath(), filter);
    if (file.isEmpty())
        return;
    const QString suffix = QLatin1Char('.') + ReportExporter::suffix(format());
    setFilePath(QFileInfo(file).suffix().isEmpty() ? file + suffix : file);
}

bool ReportExportDialog::exportNow()
{
    m_fileError->clearError();
    if (m_periodKind == Report::PeriodKind::Range && m_request.from > m_request.to) {
        m_periodError->showError(tr("The period starts after it ends."));
        m_from->setFocus();
        return false;
    }
    const QString path = filePath();
    if (path.isEmpty()) {
        m_fileError->showError(tr("Choose a file to export to."));
        m_path->setFocus();
        return false;
    }
    if (!QFileInfo(path).dir().exists()) {
        m_fileError->showError(
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(QFileInfo(path).path())));
        m_path->setFocus();
        return false;
    }
    m_job->startExport(m_source, m_reportName, m_request, format(), path,
                       format() == ReportFileFormat::Csv && m_excel->isChecked());
    if (!m_job->runWithProgress(this, tr("Exporting %1…").arg(m_reportTitle))) {
        m_fileError->showError(m_job->wasCancelled() ? tr("The export was cancelled; no file was written.")
                                                     : m_job->errorMessage());
        return false;
    }
    return true;
}

} // namespace hub
