// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"
#include "core/spaces/daysheet.h"
#include "ui/pages/hubpage.h"

#include <QDateTime>

#include <functional>
#include <optional>

class QLabel;
class QDateEdit;
class QHBoxLayout;
class QPagedPaintDevice;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace hub {

class EmptyStateWidget;

/// The front-desk view: today's bookings of every space in order, who is
/// coming and when, what is on now and next, and the desk's quick actions.
class TodayPage : public HubPage
{
    Q_OBJECT
public:
    /// Supplies "now"; without one the hub's clock is used.
    using Clock = std::function<QDateTime()>;

    explicit TodayPage(QWidget *parent = nullptr);

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override;
    void setClock(Clock clock);

    QString hubName() const;
    QString dateText() const;
    /// The sheet on show (none while no hub is open or it could not be read).
    const std::optional<DaySheet> &sheet() const { return m_sheet; }

    /// Re-reads today's bookings (also every minute, so "on now" moves on).
    void refresh();
    /// Opens the New transfer dialog (window-modal, returns at once).
    void recordTransfer();
    /// Opens the booking dialog, pre-filled with `space` and times when given.
    void bookSpace(std::optional<SpaceId> space = {}, const QDateTime &start = {}, const QDateTime &end = {});
    /// Opens the availability dialog: free spaces for a time and a group.
    void checkAvailability();
    /// Opens the print dialog (a printer, or Print to File as PDF) for the
    /// day sheet of the date chosen beside the button (today unless changed).
    void printDaySheet();
    /// Prints the day sheet of `date` on `device`.
    Status printDaySheetOn(QPagedPaintDevice &device, QDate date) const;
    /// Saves the day sheet of the date chosen (today unless changed) as a PDF.
    void saveDaySheet();
    /// Writes today's day sheet to `path`.
    Status writeDaySheet(const QString &path) const;

Q_SIGNALS:
    /// "Start check-in" was chosen for one of today's gatherings.
    void startCheckIn(GatheringId id);

protected:
    /// Bookings made on the Calendar page or by hubctl show when the desk comes back here.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    /// The hub's name, the date and the zone.
    QHBoxLayout *buildHeading();
    QHBoxLayout *buildQuickActions();
    /// What is on now and next, today's gatherings, and the sheet (or why there is none).
    void buildBody();
    QDateTime now() const;
    void refreshDate();
    void showSheet();
    QWidget *spaceColumn(const DaySheetSpace &column, const QDateTime &now, const QList<BookingId> &next);
    QString nowNextText(const QDateTime &now) const;
    /// Today's gatherings, each with "Start check-in", and the working
    /// groups' overdue actions; hidden when there are none.
    void showGatherings(QDate today);
    /// Quick actions, each space's "Book …" and each "Start check-in" follow
    /// what the person at the desk may do.
    void updateActions();

    Hub *m_hub = nullptr;
    QString m_timeZone;
    Clock m_clock;
    std::optional<DaySheet> m_sheet;
    QLabel *m_name = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_zone = nullptr;
    QPushButton *m_bookSpace = nullptr;
    QPushButton *m_checkAvailability = nullptr;
    QPushButton *m_recordTransfer = nullptr;
    QPushButton *m_printDaySheet = nullptr;
    QPushButton *m_saveDaySheet = nullptr;
    QDateEdit *m_sheetDate = nullptr;
    QDate m_shownDay;
    QLabel *m_nowNext = nullptr;
    QWidget *m_gatherings = nullptr;
    QLabel *m_problem = nullptr;
    QStackedWidget *m_body = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QScrollArea *m_scroll = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace hub
