// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/icalendarexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace hub {

class CalendarFileJob;
class FieldErrorLabel;
class Hub;

/// Exports bookings as an .ics file: one space or all, a range of dates or
/// everything. The file is written off the GUI thread behind a progress
/// dialog, and an older file is replaced only when the export succeeds.
class CalendarExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CalendarExportDialog(Hub &hub, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    /// Preselects a space (none: all spaces).
    void setSpace(std::optional<SpaceId> space);
    /// Preselects the dates (both included).
    void setRange(QDate from, QDate to);
    /// Writes the file; false (with the reason shown) when it could not.
    bool exportNow();
    int exportedEvents() const { return m_exported; }

private:
    void chooseFile();
    void updateRange();

    Hub &m_hub;
    CalendarFileJob *m_job = nullptr;
    QComboBox *m_space = nullptr;
    QCheckBox *m_allDates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    FieldErrorLabel *m_rangeError = nullptr;
    QLineEdit *m_path = nullptr;
    FieldErrorLabel *m_fileError = nullptr;
    int m_exported = 0;
};

} // namespace hub
