// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/space.h"
#include "ui/pages/hubpage.h"

#include <QDate>
#include <QKeySequence>
#include <QTimer>

#include <optional>

class QAction;
class QButtonGroup;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace hub {

class BookingDialog;
class CalendarView;
class EmptyStateWidget;

/// The space-booking calendar: a day with a column per space, or a week of
/// one space. Bookings are made, moved, edited and cancelled here through
/// BookingService, so the rules are the same as at the command line.
class CalendarPage : public HubPage
{
    Q_OBJECT
public:
    enum class Mode
    {
        Day,
        Week
    };

    /// Ctrl+N already starts a new hub; the page follows the Members page's Ctrl+Shift+N.
    static QKeySequence newBookingShortcut() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N); }

    explicit CalendarPage(QWidget *parent = nullptr);
    ~CalendarPage() override;

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override { updateActions(); }

    /// Shows the day (or its week) of a local date in the hub's zone.
    void showDate(QDate date);
    QDate date() const { return m_date; }
    void showToday();
    /// One day (or one week in the week view) back or forward.
    void step(int direction);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    /// The space the week view shows.
    void setWeekSpace(SpaceId space);
    SpaceId weekSpace() const;
    /// Re-reads the schedule, keeping the date, scroll position and selection.
    void refresh();

    CalendarView *view() const { return m_view; }

    /// Opens the booking dialog (window-modal, returns at once) for the
    /// selected free time, or for the next hour of the first space.
    BookingDialog *newBooking();
    /// Opens the booking dialog on a free stretch the user chose.
    BookingDialog *newBookingAt(SpaceId space, const QDateTime &start, const QDateTime &end);
    /// Opens the booking dialog on a stored booking.
    BookingDialog *editBooking(BookingId id);
    /// Asks (with the choice of scope for a series) and cancels the booking.
    bool cancelBooking(BookingId id);
    /// Moves a booking (by BookingService::edit); a refusal is explained in a
    /// message box and the booking stays where it was.
    bool moveBooking(BookingId id, SpaceId space, const QDateTime &start, const QDateTime &end);
    /// The iCalendar import dialog, into the week view's space when there is one.
    void importCalendar();
    /// The iCalendar export dialog for what is on screen: the week's space, or
    /// every space for the month of the day shown.
    void exportCalendar();

Q_SIGNALS:
    /// Spaces… or "Add a space…" was chosen: whoever opens the space editor;
    /// the page follows what it saved through the change events. Without a
    /// receiver both stay hidden.
    void spacesRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolbar();
    void createActions();
    /// The title, the heading of what is shown and the booking actions.
    QHBoxLayout *buildTitleRow();
    /// Back, today, forward, the date, day or week, and the week's space.
    QHBoxLayout *buildNavigationRow();
    /// Edit, confirm or cancel the booking under `pos`, or book the free time there.
    void showContextMenu(const QPoint &pos);
    void reload(bool scrollToHours);
    void reloadSpaces();
    void updateHeading();
    void updateNow();
    void manageSpaces();
    QDate today() const;
    void openDialog(BookingDialog *dialog);
    /// Asks which dates of a series `what` names are cancelled; none when the person keeps them.
    std::optional<CancelScope> askWhichDates(const QString &what, const QString &charge);
    /// Asks before a single booking is cancelled.
    bool askToCancel(const QString &what, const QString &charge);
    void updateActions();
    /// False, after saying who may, when the person at the desk may not book:
    /// dragging over free time or Delete on a booking reaches here without a button.
    bool mayBook();

    Hub *m_hub = nullptr;
    QDate m_date;
    Mode m_mode = Mode::Day;
    QList<Space> m_spaces;
    bool m_shownOnce = false;
    QTimer m_nowTimer;

    QLabel *m_heading = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QButtonGroup *m_modes = nullptr;
    QComboBox *m_spaceChooser = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_spacesAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QPushButton *m_addSpace = nullptr;
    QStackedWidget *m_stack = nullptr;
    CalendarView *m_view = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace hub
