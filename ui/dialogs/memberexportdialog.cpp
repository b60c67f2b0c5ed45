// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/memberexportdialog.h"

#include "core/hub.h"
#include "core/members/memberexporter.h"
#include "ui/dialogs/memberfilejob.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

MemberExportDialog::MemberExportDialog(Hub &hub, const MemberFilter &filter, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_filter(filter), m_job(new MemberFileJob(this))
{
    setObjectName(QStringLiteral("memberExportDialog"));
    setWindowTitle(tr("Export Members"));

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("CSV (spreadsheets; imports back)"), int(ExportFormat::Csv));
    m_format->addItem(tr("vCard 4.0 (address books)"), int(ExportFormat::VCard));
    m_format->addItem(tr("JSON"), int(ExportFormat::Json));

    m_all = new QCheckBox(tr("Include members who have not consented, with every field (admin)"));
    m_all->setObjectName(QStringLiteral("exportAll"));
    m_all->setToolTip(tr("Without this, only members in the shared directory are exported, with "
                         "e-mail and phone only where each agreed"));

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportFilePath"));
    m_path->setAccessibleName(tr("Export file"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("exportBrowse"));
    connect(browse, &QPushButton::clicked, this, &MemberExportDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);

    m_error = new FieldErrorLabel;
    m_error->setObjectName(QStringLiteral("exportError"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_all);
    form->addRow(tr("&File:"), fileRow);
    qobject_cast<QLabel *>(form->labelForField(fileRow))->setBuddy(m_path);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportRun"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (exportNow()) {
            ExportFolder::remember(QDir::fromNativeSeparators(m_path->text()));
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &MemberExportDialog::formatChanged);
    m_path->setText(QDir::toNativeSeparators(
        ExportFolder::suggest(tr("members") + u'.' + MemberExporter::fileSuffix(ExportFormat::Csv))));
    resize(560, sizeHint().height());
}

void MemberExportDialog::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void MemberExportDialog::formatChanged()
{
    // Keep the name, follow the format with the suffix.
    const ExportFormat format = ExportFormat(m_format->currentData().toInt());
    const QFileInfo info(QDir::fromNativeSeparators(m_path->text()));
    m_path->setText(QDir::toNativeSeparators(
        info.dir().filePath(info.completeBaseName() + u'.' + MemberExporter::fileSuffix(format))));
}

void MemberExportDialog::chooseFile()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export Members To"), QDir::fromNativeSeparators(m_path->text()));
    if (!file.isEmpty())
        setFilePath(file);
}

bool MemberExportDialog::exportNow()
{
    m_error->clearError();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty()) {
        m_error->showError(tr("Choose a file to export to."));
        return false;
    }
    ExportOptions options;
    options.format = ExportFormat(m_format->currentData().toInt());
    options.filter = m_filter;
    options.all = m_all->isChecked();
    // Spreadsheets read a CSV as UTF-8 only when it starts with a byte-order mark.
    options.bom = options.format == ExportFormat::Csv;
    m_job->startExport(WorkerHub(m_hub), path, options);
    if (!m_job->runWithProgress(this, tr("Exporting members…"))) {
        m_error->showError(m_job->wasCancelled() ? tr("The export was cancelled; no file was written.")
                                                 : m_job->errorMessage());
        return false;
    }
    m_exported = m_job->exportedCount();
    return true;
}

} // namespace hub
