// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/icalendarimporter.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace hub {

class CalendarFileJob;
class EmptyStateWidget;
class FieldErrorLabel;
class Hub;

/// Imports an .ics file into one space. Choosing the file and the space runs
/// a dry run off the GUI thread and previews every event: when it is, what
/// would be booked, and for each one that clashes or cannot be read, why and
/// on which line. "Import" stays disabled while anything is refused, since an
/// import books every event or none.
class CalendarImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CalendarImportDialog(Hub &hub, QWidget *parent = nullptr);
    ~CalendarImportDialog() override;

    /// Chooses the file (and checks it at once when a space is chosen).
    void setFilePath(const QString &path);
    /// Chooses the space to book (and checks the file again).
    void setSpace(SpaceId space);
    /// Runs the dry run and fills the preview; false when the file cannot be
    /// read or is not iCalendar (the message is shown under the file).
    bool check();
    /// True when the last check found every event bookable.
    bool canImport() const;
    /// Books every event; false (and nothing written) when anything is refused.
    bool importNow();

    /// Bookings made by the import, after it was accepted.
    int importedBookings() const { return m_imported; }
    const CalendarImportReport &report() const { return m_report; }

Q_SIGNALS:
    /// Bookings were written: pages that show them should reload.
    void imported(int bookings);

private:
    void chooseFile();
    void showReport();
    void clearPreview(const QString &hint);
    SpaceId currentSpace() const;

    Hub &m_hub;
    CalendarFileJob *m_job = nullptr;
    QLineEdit *m_path = nullptr;
    QComboBox *m_space = nullptr;
    FieldErrorLabel *m_fileError = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_importButton = nullptr;
    CalendarImportReport m_report;
    bool m_checked = false;
    QString m_checkedPath;
    int m_imported = 0;
};

} // namespace hub
