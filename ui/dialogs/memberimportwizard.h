// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/members/memberimporter.h"

#include <QWizard>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberFileJob;

/// Imports members from a CSV file: choose the file, map its columns, see
/// every problem from a dry run, then import all rows or none. Both runs work
/// off the GUI thread behind a progress dialog that can be cancelled.
class MemberImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        FilePage,
        MappingPage,
        PreviewPage,
        DonePage
    };

    explicit MemberImportWizard(Hub &hub, QWidget *parent = nullptr);
    ~MemberImportWizard() override;

    void setFilePath(const QString &path);
    /// The mapping as the combo boxes set it.
    ColumnMapping mapping() const;
    /// The last dry run's or import's report.
    const ImportReport &report() const { return m_report; }
    /// How many members the import created (0 until it ran).
    int importedCount() const { return int(m_report.created.size()); }

    bool validateCurrentPage() override;

private:
    QWizardPage *buildFilePage();
    QWizardPage *buildMappingPage();
    QWizardPage *buildPreviewPage();
    QWizardPage *buildDonePage();
    void enterPage(int id);
    bool readFile();
    void fillMapping();
    void runDryRun();
    bool runImport();
    void showReport(const QString &failure);

    Hub &m_hub;
    MemberFileJob *m_job = nullptr;
    QByteArray m_bytes;
    ImportPreview m_preview;
    ImportReport m_report;

    QLineEdit *m_path = nullptr;
    FieldErrorLabel *m_fileError = nullptr;
    QFormLayout *m_mappingForm = nullptr;
    QList<QComboBox *> m_mappingCombos;
    QLabel *m_summary = nullptr;
    QTableWidget *m_problems = nullptr;
    bool m_ready = false; ///< the last dry run found no problem
    QLabel *m_result = nullptr;
};

} // namespace hub
