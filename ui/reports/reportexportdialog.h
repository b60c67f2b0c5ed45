// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"
#include "core/reports/reportexporter.h"
#include "ui/access/workerhub.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLineEdit;

namespace hub {

class FieldErrorLabel;
class ReportJob;

/// Exports a report as CSV, PDF, JSON or a plain-text accounting journal. The
/// file is written off the GUI thread, on its own connection, behind a
/// cancellable progress dialog; an older file is replaced only on success.
class ReportExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `source` is the open hub; the export opens it again on its thread.
    ReportExportDialog(const WorkerHub &source, const Report &report, const ReportRequest &request,
                       QWidget *parent = nullptr);

    /// Shows From/To fields so the period can be changed here (the Ledger
    /// page's Print statement has no period fields of its own).
    void setPeriodEditable(bool editable);
    ReportRequest request() const;

    void setFormat(ReportFileFormat format);
    ReportFileFormat format() const;
    void setExcelFriendly(bool on);
    void setFilePath(const QString &path);
    QString filePath() const;
    /// A file name for the report, its period and the format, in `folder`.
    QString suggestedPath(const QString &folder) const;

    /// Writes the file; false (with the reason shown) when it could not.
    bool exportNow();
    const ReportExportSummary &summary() const;

private:
    void chooseFile();
    void formatChanged();

    WorkerHub m_source;
    QString m_reportName;
    QString m_reportTitle;
    Report::PeriodKind m_periodKind;
    ReportRequest m_request;
    ReportJob *m_job = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_excel = nullptr;
    QLineEdit *m_path = nullptr;
    FieldErrorLabel *m_fileError = nullptr;
    QFormLayout *m_form = nullptr;
    QWidget *m_periodField = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    FieldErrorLabel *m_periodError = nullptr;
};

} // namespace hub
