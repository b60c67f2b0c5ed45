// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/hubsettings.h"
#include "core/spaces/space.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace hub {

class FieldErrorLabel;
class Hub;

/// "Check availability": a date, a time and a group size in, the spaces free
/// for all of it out (BookingService::freeSpaces, setup and clean-up
/// included), with capacity, rate and features; "Book…" hands one on to the
/// booking dialog.
class AvailabilityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AvailabilityDialog(Hub &hub, QWidget *parent = nullptr);

    /// The question, in the hub's time zone; the list follows at once.
    void setQuestion(QDate date, QTime from, QTime to, int people);
    /// The wall-clock start and end asked about (invalid while the times are wrong).
    QDateTime start() const;
    QDateTime end() const;
    /// Names of the spaces listed as free, in order.
    QStringList freeSpaceNames() const;

Q_SIGNALS:
    /// The user chose to book `space` for the times asked about.
    void bookRequested(hub::SpaceId space, const QDateTime &start, const QDateTime &end);

private:
    void search();
    void bookSelected();

    Hub &m_hub;
    HubSettings m_settings;
    QList<Space> m_free;
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
    QSpinBox *m_people = nullptr;
    FieldErrorLabel *m_timeError = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_book = nullptr;
};

} // namespace hub
