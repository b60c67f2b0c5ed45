// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/memberimportwizard.h"

#include "core/hub.h"
#include "ui/dialogs/memberfilejob.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/sentence.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr MemberField AllFields[] = {
    MemberField::DisplayName, MemberField::Kind,   MemberField::GivenName,        MemberField::FamilyName,
    MemberField::Email,       MemberField::Phone,  MemberField::Postcode,         MemberField::Address,
    MemberField::Website,     MemberField::Notes,  MemberField::Membership,       MemberField::JoinedOn,
    MemberField::LapsedOn,    MemberField::LeftOn, MemberField::Interests,        MemberField::Skills,
    MemberField::Offers,      MemberField::Needs,  MemberField::DirectoryVisible, MemberField::ShowEmail,
    MemberField::ShowPhone,
};
} // namespace

MemberImportWizard::MemberImportWizard(Hub &hub, QWidget *parent)
    : QWizard(parent), m_hub(hub), m_job(new MemberFileJob(this))
{
    setObjectName(QStringLiteral("memberImportWizard"));
    setWindowTitle(tr("Import Members"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    resize(820, 560);

    setPage(FilePage, buildFilePage());
    setPage(MappingPage, buildMappingPage());
    setPage(PreviewPage, buildPreviewPage());
    setPage(DonePage, buildDonePage());
    connect(this, &QWizard::currentIdChanged, this, &MemberImportWizard::enterPage);
}

MemberImportWizard::~MemberImportWizard() = default;

QWizardPage *MemberImportWizard::buildFilePage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Choose a CSV file"));
    page->setSubTitle(tr("The first row must name the columns. UTF-8, with , or ; between "
                         "values; a spreadsheet's “CSV UTF-8” export works."));
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("importFilePath"));
    m_path->setAccessibleName(tr("CSV file"));
    m_path->setPlaceholderText(tr("Path of the CSV file"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("importBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a CSV File"), QDir::homePath(),
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (!file.isEmpty())
            m_path->setText(QDir::toNativeSeparators(file));
    });
    auto *label = new QLabel(tr("&File:"));
    label->setBuddy(m_path);
    m_fileError = new FieldErrorLabel;
    m_fileError->setObjectName(QStringLiteral("importFileError"));

    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_fileError);
    layout->addStretch(1);
    return page;
}

QWizardPage *MemberImportWizard::buildMappingPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Match the columns"));
    page->setSubTitle(tr("Say what each column of the file holds. Columns set to “Leave out” "
                         "are not imported."));
    auto *content = new QWidget;
    m_mappingForm = new QFormLayout(content);
    m_mappingForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    (new QVBoxLayout(page))->addWidget(scroll);
    return page;
}

QWizardPage *MemberImportWizard::buildPreviewPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Check the rows"));
    page->setSubTitle(tr("Every row was checked without writing anything. The import adds all "
                         "rows or none."));
    // After the import there is no going back to change the file.
    page->setCommitPage(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_problems = new QTableWidget(0, 3);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setAccessibleName(tr("Problems found in the file"));
    m_problems->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Problem")});
    m_problems->verticalHeader()->hide();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setColumnWidth(0, 60);
    m_problems->setColumnWidth(1, 140);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setWordWrap(true);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    return page;
}

QWizardPage *MemberImportWizard::buildDonePage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Import finished"));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    (new QVBoxLayout(page))->addWidget(m_result);
    return page;
}

void MemberImportWizard::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

ColumnMapping MemberImportWizard::mapping() const
{
    ColumnMapping out;
    for (const QComboBox *combo : m_mappingCombos)
        out << MemberField(combo->currentData().toInt());
    return out;
}

bool MemberImportWizard::validateCurrentPage()
{
    switch (currentId()) {
    case FilePage:
        return readFile();
    case PreviewPage:
        // All rows or none: a file with problems is not offered for import.
        return m_ready && runImport();
    default:
        return true;
    }
}

void MemberImportWizard::enterPage(int id)
{
    if (id == MappingPage && m_mappingCombos.size() != m_preview.headers.size())
        fillMapping();
    else if (id == PreviewPage)
        runDryRun();
}

bool MemberImportWizard::readFile()
{
    m_fileError->clearError();
    QFile file(QDir::fromNativeSeparators(m_path->text().trimmed()));
    if (m_path->text().trimmed().isEmpty()) {
        m_fileError->showError(tr("Choose the CSV file to import."));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_fileError->showError(tr("%1 cannot be read: %2").arg(m_path->text(), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    auto preview = MemberImporter(m_hub).preview(bytes);
    if (!preview) {
        m_fileError->showError(preview.error().text());
        return false;
    }
    m_bytes = bytes;
    m_preview = *preview;
    // A new file gets a new mapping.
    m_mappingCombos.clear();
    while (m_mappingForm->rowCount() > 0)
        m_mappingForm->removeRow(0);
    return true;
}

void MemberImportWizard::fillMapping()
{
    for (qsizetype c = 0; c < m_preview.headers.size(); ++c) {
        const QString header = m_preview.headers.at(c);
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("importMapping%1").arg(c));
        combo->setAccessibleName(tr("Field for column %1").arg(header));
        combo->addItem(MemberImporter::fieldLabel(MemberField::Ignore), int(MemberField::Ignore));
        // In words, with the header a file would use for it in the tooltip.
        for (MemberField f : AllFields) {
            combo->addItem(MemberImporter::fieldLabel(f), int(f));
            combo->setItemData(combo->count() - 1, MemberImporter::fieldName(f), Qt::ToolTipRole);
        }
        const MemberField guessed = c < m_preview.mapping.size() ? m_preview.mapping.at(c) : MemberField::Ignore;
        combo->setCurrentIndex(combo->findData(int(guessed)));

        QString sample;
        if (!m_preview.sampleRows.isEmpty() && c < m_preview.sampleRows.first().size())
            sample = m_preview.sampleRows.first().at(c).simplified();
        if (sample.size() > 40)
            sample = sample.left(39) + u'…';
        auto *label = new QLabel(sample.isEmpty() ? tr("“%1”").arg(header) : tr("“%1” (e.g. %2)").arg(header, sample));
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(combo);
        m_mappingForm->addRow(label, combo);
        m_mappingCombos << combo;
    }
}

void MemberImportWizard::runDryRun()
{
    m_ready = false;
    m_problems->setRowCount(0);
    m_summary->setText(tr("Checking the rows…"));
    m_job->startImport(WorkerHub(m_hub), m_bytes, mapping(), true);
    m_job->runWithProgress(this, tr("Checking the file…"));
    m_report = m_job->importReport();
    showReport(m_job->wasCancelled() ? tr("The check was cancelled.") : m_job->errorMessage());
    m_ready = m_report.ok() && m_job->errorMessage().isEmpty() && !m_job->wasCancelled();
    // Runs after QWizard set the buttons for this page, so the state sticks.
    button(QWizard::CommitButton)->setEnabled(m_ready);
}

void MemberImportWizard::showReport(const QString &failure)
{
    m_problems->setRowCount(int(m_report.problems.size()));
    for (int i = 0; i < m_report.problems.size(); ++i) {
        const ImportProblem &p = m_report.problems.at(i);
        auto *row = new QTableWidgetItem(QString::number(p.row));
        row->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_problems->setItem(i, 0, row);
        m_problems->setItem(i, 1, new QTableWidgetItem(p.column));
        auto *message = new QTableWidgetItem(sentence(p.message));
        message->setToolTip(p.message);
        m_problems->setItem(i, 2, message);
    }
    m_problems->setVisible(!m_report.problems.isEmpty());
    if (!failure.isEmpty()) {
        m_summary->setText(failure);
        return;
    }
    QString text;
    if (m_report.problems.isEmpty()) {
        text = m_report.rows == 1 ? tr("The row is ready to import.")
                                  : tr("All %1 rows are ready to import.").arg(m_report.rows);
    } else {
        text = (m_report.problems.size() == 1
                    ? tr("1 problem found in %1 rows.").arg(m_report.rows)
                    : tr("%1 problems found in %2 rows.").arg(m_report.problems.size()).arg(m_report.rows)) +
               u' ' +
               tr("Correct the file and choose it again: nothing is imported until every row "
                  "is good.");
    }
    if (!m_report.ignoredColumns.isEmpty())
        text += u' ' + tr("Left out: %1.").arg(m_report.ignoredColumns.join(QStringLiteral(", ")));
    m_summary->setText(text);
}

bool MemberImportWizard::runImport()
{
    m_job->startImport(WorkerHub(m_hub), m_bytes, mapping(), false);
    const bool ok = m_job->runWithProgress(this, tr("Importing members…"));
    m_report = m_job->importReport();
    if (!ok) {
        showReport(m_job->wasCancelled() ? tr("The import was cancelled; nothing was written.")
                                         : m_job->errorMessage());
        return false;
    }
    m_result->setText(tr("%Ln member(s) were added to the hub.", nullptr, int(importedCount())));
    return true;
}

} // namespace hub
