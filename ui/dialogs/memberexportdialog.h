// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/members/memberservice.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberFileJob;

/// Exports members as CSV, vCard or JSON. By default only what members agreed
/// to share leaves the hub; an admin can ask for everything.
class MemberExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MemberExportDialog(Hub &hub, const MemberFilter &filter = {}, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    /// Runs the export (off the GUI thread); false with the reason shown.
    bool exportNow();
    int exportedCount() const { return m_exported; }

private:
    void formatChanged();
    void chooseFile();

    Hub &m_hub;
    MemberFilter m_filter;
    MemberFileJob *m_job = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_all = nullptr;
    QLineEdit *m_path = nullptr;
    FieldErrorLabel *m_error = nullptr;
    int m_exported = 0;
};

} // namespace hub
