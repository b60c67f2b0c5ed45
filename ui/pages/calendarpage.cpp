// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/calendarpage.h"

#include "core/access/accesscontrol.h"
#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/dayschedule.h"
#include "core/spaces/spaceservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/dialogs/calendarexportdialog.h"
#include "ui/dialogs/calendarimportdialog.h"
#include "ui/pageicon.h"
#include "ui/widgets/calendarview.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/pageheading.h"
#include "ui/widgets/sentence.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hub {

namespace {
enum StackPage
{
    ViewPage,
    EmptyPage,
    ErrorPage
};

BookingDraft draftFrom(const Booking &b)
{
    BookingDraft d;
    d.space = b.space;
    d.title = b.title;
    d.member = b.member;
    d.attendees = b.attendees;
    d.start = b.start;
    d.end = b.end;
    d.tentative = b.status == BookingStatus::Tentative;
    d.notes = b.notes;
    d.outsideHoursOverride = b.outsideHoursOverride;
    d.capacityOverride = b.capacityOverride;
    d.charge = b.charge.has_value() && !b.chargeReversal;
    d.uid = b.uid;
    return d;
}

QString whenText(const Booking &b, const QTimeZone &zone)
{
    const QDateTime s = b.start.toTimeZone(zone);
    const QDateTime e = b.end.toTimeZone(zone);
    return DisplayFormat::span(s, e, zone);
}
} // namespace

CalendarPage::CalendarPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Space bookings calendar"));

    m_view = new CalendarView;
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &CalendarView::createRequested, this, &CalendarPage::newBookingAt);
    connect(m_view, &CalendarView::editRequested, this, &CalendarPage::editBooking);
    connect(m_view, &CalendarView::cancelRequested, this, &CalendarPage::cancelBooking);
    connect(m_view, &CalendarView::moveRequested, this, &CalendarPage::moveBooking);
    connect(m_view, &CalendarView::stepRequested, this, &CalendarPage::step);
    connect(m_view, &CalendarView::todayRequested, this, &CalendarPage::showToday);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CalendarPage::showContextMenu);

    m_empty = new EmptyStateWidget(pageIcon(QStringLiteral("calendar"), palette()), tr("No spaces yet"),
                                   tr("Add the hub's rooms first — the main hall, the kitchen, the café "
                                      "corner, the breakout rooms — with their capacity, opening hours and "
                                      "colour. Then book them here: drag over free time, or use New booking."));
    m_empty->setObjectName(QStringLiteral("calendarEmptyState"));
    auto *addSpace = new QPushButton(tr("&Add a space…"));
    addSpace->setObjectName(QStringLiteral("calendarAddSpace"));
    addSpace->setToolTip(tr("Open the space editor"));
    connect(addSpace, &QPushButton::clicked, this, &CalendarPage::manageSpaces);
    m_addSpace = addSpace;
    auto *emptyPage = new QWidget;
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(addSpace, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("calendarError"));
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);

    m_stack = new QStackedWidget;
    m_stack->insertWidget(ViewPage, m_view);
    m_stack->insertWidget(EmptyPage, emptyPage);
    m_stack->insertWidget(ErrorPage, m_error);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_stack, 1);

    m_nowTimer.setInterval(30 * 1000);
    connect(&m_nowTimer, &QTimer::timeout, this, &CalendarPage::updateNow);

    setHub(nullptr);
}

CalendarPage::~CalendarPage() = default;

void CalendarPage::showContextMenu(const QPoint &pos)
{
    const BookingId id = m_view->bookingAt(pos);
    if (id.isValid())
        m_view->selectBooking(id);
    QMenu menu(this);
    if (id.isValid()) {
        const int index = m_view->schedule().bookingIndex(id);
        const Booking b = m_view->schedule().bookings.value(index);
        menu.addAction(tr("&Edit…"), this, [this, id] { editBooking(id); });
        if (b.status == BookingStatus::Tentative) {
            QAction *confirm = menu.addAction(tr("C&onfirm"), this, [this, id] {
                if (auto ok = m_hub->bookings().confirm(id); !ok)
                    QMessageBox::warning(this, tr("The Booking Was Not Confirmed"), sentence(ok.error().message));
                refresh();
            });
            PermissionGate::apply(confirm, m_hub, Permission::Book);
        }
        menu.addAction(m_cancelAction);
    } else {
        menu.addAction(m_newAction);
    }
    // A disabled entry says who may do it.
    menu.setToolTipsVisible(true);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QWidget *CalendarPage::buildToolbar()
{
    createActions();
    QHBoxLayout *top = buildTitleRow();
    QHBoxLayout *nav = buildNavigationRow();
    auto *bar = new QWidget;
    auto *column = new QVBoxLayout(bar);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(top);
    column->addLayout(nav);
    return bar;
}

void CalendarPage::createActions()
{
    m_newAction = new QAction(tr("&New booking…"), this);
    m_newAction->setObjectName(QStringLiteral("newBookingAction"));
    m_newAction->setShortcut(newBookingShortcut());
    m_newAction->setToolTip(
        tr("Book a space, once or repeating (%1)").arg(newBookingShortcut().toString(QKeySequence::NativeText)));
    connect(m_newAction, &QAction::triggered, this, &CalendarPage::newBooking);
    addAction(m_newAction);

    m_cancelAction = new QAction(tr("&Cancel booking…"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelBookingAction"));
    m_cancelAction->setToolTip(tr("Cancel the selected booking, or dates of its series (Delete)"));
    connect(m_cancelAction, &QAction::triggered, this, [this] { cancelBooking(m_view->selectedBooking()); });
    connect(m_view, &CalendarView::selectionChanged, this, &CalendarPage::updateActions);

    m_spacesAction = new QAction(tr("&Spaces…"), this);
    m_spacesAction->setObjectName(QStringLiteral("calendarSpacesAction"));
    m_spacesAction->setToolTip(tr("Add and change the hub's spaces: capacity, rates, opening hours, closed days"));
    connect(m_spacesAction, &QAction::triggered, this, &CalendarPage::manageSpaces);

    m_importAction = new QAction(tr("&Import .ics…"), this);
    m_importAction->setObjectName(QStringLiteral("calendarImportAction"));
    m_importAction->setToolTip(tr("Import events from an iCalendar file into a space, with a preview of every clash"));
    connect(m_importAction, &QAction::triggered, this, &CalendarPage::importCalendar);
    m_exportAction = new QAction(tr("E&xport .ics…"), this);
    m_exportAction->setObjectName(QStringLiteral("calendarExportAction"));
    m_exportAction->setToolTip(tr("Save bookings as an iCalendar file other calendars can read"));
    connect(m_exportAction, &QAction::triggered, this, &CalendarPage::exportCalendar);

    m_todayAction = new QAction(tr("T&oday"), this);
    m_todayAction->setObjectName(QStringLiteral("calendarTodayAction"));
    m_todayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_todayAction->setToolTip(
        tr("Back to today (T, or %1)").arg(m_todayAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_todayAction, &QAction::triggered, this, &CalendarPage::showToday);
    addAction(m_todayAction);
}

QHBoxLayout *CalendarPage::buildTitleRow()
{
    auto *title = PageHeading::title(tr("Calendar"));

    // One line, ending in "…" when narrow (the date field says the day too),
    // rather than three lines or a window wider than a 1024-pixel screen.
    m_heading = new ElidedLabel;
    m_heading->setObjectName(QStringLiteral("calendarHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_heading, 1, Qt::AlignBottom);
    top->addWidget(actionButton(m_importAction, "calendarImport"));
    top->addWidget(actionButton(m_exportAction, "calendarExport"));
    top->addWidget(actionButton(m_spacesAction, "calendarSpaces"));
    top->addWidget(actionButton(m_cancelAction, "calendarCancelBooking"));
    top->addWidget(actionButton(m_newAction, "calendarNewBooking"));
    return top;
}

QHBoxLayout *CalendarPage::buildNavigationRow()
{
    auto *previous = new QToolButton;
    previous->setObjectName(QStringLiteral("calendarPrevious"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setAccessibleName(tr("Previous"));
    previous->setToolTip(tr("The day (or week) before (Page Up)"));
    connect(previous, &QToolButton::clicked, this, [this] { step(-1); });
    auto *next = new QToolButton;
    next->setObjectName(QStringLiteral("calendarNext"));
    next->setArrowType(Qt::RightArrow);
    next->setAccessibleName(tr("Next"));
    next->setToolTip(tr("The day (or week) after (Page Down)"));
    connect(next, &QToolButton::clicked, this, [this] { step(1); });

    m_dateEdit = new QDateEdit;
    m_dateEdit->setObjectName(QStringLiteral("calendarDate"));
    m_dateEdit->setAccessibleName(tr("Date shown"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(DisplayFormat::dateEditFormat());
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &CalendarPage::showDate);

    auto *day = new QToolButton;
    day->setObjectName(QStringLiteral("calendarDayMode"));
    day->setText(tr("&Day"));
    day->setToolTip(tr("One day, a column for each space"));
    day->setCheckable(true);
    day->setChecked(true);
    auto *week = new QToolButton;
    week->setObjectName(QStringLiteral("calendarWeekMode"));
    week->setText(tr("&Week"));
    week->setToolTip(tr("A week of one space, a column for each day"));
    week->setCheckable(true);
    m_modes = new QButtonGroup(this);
    m_modes->addButton(day, int(Mode::Day));
    m_modes->addButton(week, int(Mode::Week));
    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    m_spaceChooser = new QComboBox;
    m_spaceChooser->setObjectName(QStringLiteral("calendarSpace"));
    m_spaceChooser->setAccessibleName(tr("Space shown in the week"));
    m_spaceChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_spaceChooser, &QComboBox::activated, this, [this] { reload(true); });

    auto *todayButton = actionButton(m_todayAction, "calendarToday");
    auto *nav = new QHBoxLayout;
    nav->setContentsMargins(0, 0, 0, 0);
    nav->addWidget(previous);
    nav->addWidget(todayButton);
    nav->addWidget(next);
    nav->addWidget(m_dateEdit);
    nav->addSpacing(16);
    nav->addWidget(day);
    nav->addWidget(week);
    nav->addWidget(m_spaceChooser);
    nav->addStretch(1);
    return nav;
}

void CalendarPage::setHub(Hub *hub)
{
    const bool newHub = hub != m_hub;
    m_hub = hub;
    m_exportAction->setEnabled(hub != nullptr);
    m_todayAction->setEnabled(hub != nullptr);
    if (!hub) {
        m_nowTimer.stop();
        m_spaces.clear();
        m_view->setSchedule({});
        updateActions();
        return;
    }
    if (newHub || !m_date.isValid()) {
        m_date = today();
        m_spaceChooser->clear();
    }
    if (isVisible())
        m_nowTimer.start();
    reload(newHub);
}

ChangeAreas CalendarPage::shownAreas() const
{
    return ChangeArea::Bookings | ChangeArea::Spaces | ChangeArea::Gatherings | ChangeArea::Settings;
}

void CalendarPage::refreshAfterChange(const ChangeEvent &)
{
    refresh();
}

QDate CalendarPage::today() const
{
    if (!m_hub)
        return QDate::currentDate();
    return m_hub->clock().now().toTimeZone(m_hub->bookings().zone()).date();
}

void CalendarPage::showEvent(QShowEvent *event)
{
    HubPage::showEvent(event);
    // Spaces… needs someone to open the space editor (the main window does).
    const bool editor = isSignalConnected(QMetaMethod::fromSignal(&CalendarPage::spacesRequested));
    m_spacesAction->setVisible(editor);
    m_addSpace->setVisible(editor);
    if (!m_hub)
        return;
    m_nowTimer.start();
    // Bookings made at the Today page or by hubctl show when the page comes back.
    reload(!m_shownOnce);
    m_shownOnce = true;
    m_view->setFocus();
}

void CalendarPage::showDate(QDate date)
{
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    reload(true);
}

void CalendarPage::showToday()
{
    showDate(today());
    m_view->scrollToWorkingHours();
}

void CalendarPage::step(int direction)
{
    showDate(m_date.addDays(m_mode == Mode::Week ? 7 * direction : direction));
}

void CalendarPage::setMode(Mode mode)
{
    if (QAbstractButton *button = m_modes->button(int(mode)))
        button->setChecked(true);
    if (mode == m_mode)
        return;
    m_mode = mode;
    // The week shows the space of the selected booking or time, if any.
    const CalendarView::Slot slot = m_view->selectedSlot();
    if (mode == Mode::Week && slot.isValid()) {
        const DaySchedule &s = m_view->schedule();
        setWeekSpace(s.spaceOf(s.columns.at(slot.column)).id);
    }
    reload(true);
}

void CalendarPage::setWeekSpace(SpaceId space)
{
    const int index = m_spaceChooser->findData(space.value());
    if (index >= 0)
        m_spaceChooser->setCurrentIndex(index);
    if (m_mode == Mode::Week)
        reload(true);
}

SpaceId CalendarPage::weekSpace() const
{
    const QVariant chosen = m_spaceChooser->currentData();
    return chosen.isValid() ? SpaceId(chosen.toLongLong()) : SpaceId();
}

void CalendarPage::refresh()
{
    reload(false);
}

void CalendarPage::reloadSpaces()
{
    const SpaceId chosen = weekSpace();
    auto spaces = m_hub->spaces().list(true);
    m_spaces = spaces ? *spaces : QList<Space>();
    QSignalBlocker block(m_spaceChooser);
    m_spaceChooser->clear();
    for (const Space &s : std::as_const(m_spaces))
        m_spaceChooser->addItem(s.name, s.id.value());
    const int index = m_spaceChooser->findData(chosen.value());
    m_spaceChooser->setCurrentIndex(index >= 0 ? index : 0);
}

void CalendarPage::reload(bool scrollToHours)
{
    if (!m_hub)
        return;
    reloadSpaces();
    {
        QSignalBlocker block(m_dateEdit);
        m_dateEdit->setDate(m_date);
    }
    m_spaceChooser->setVisible(m_mode == Mode::Week);
    updateHeading();
    updateActions();
    if (m_spaces.isEmpty()) {
        m_view->setSchedule({});
        m_stack->setCurrentIndex(EmptyPage);
        return;
    }

    DayScheduleLoader loader(m_hub->spaces(), m_hub->bookings());
    auto schedule =
        m_mode == Mode::Day ? loader.day(m_date) : loader.week(weekSpace(), m_date.addDays(1 - m_date.dayOfWeek()));
    if (!schedule) {
        m_error->setText(tr("The calendar could not be read. %1").arg(sentence(schedule.error().message)));
        m_stack->setCurrentIndex(ErrorPage);
        return;
    }
    m_stack->setCurrentIndex(ViewPage);
    m_view->setNow(m_hub->clock().now());
    m_view->setSchedule(std::move(*schedule));
    if (scrollToHours)
        m_view->scrollToWorkingHours();
}

void CalendarPage::updateHeading()
{
    QString text;
    if (m_mode == Mode::Day) {
        text = DisplayFormat::heading(m_date);
        if (m_date == today())
            text = tr("%1 — today").arg(text);
    } else {
        const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
        const QDate sunday = monday.addDays(6);
        const QString from = monday.month() == sunday.month() ? QString::number(monday.day())
                                                              : QLocale().toString(monday, QStringLiteral("d MMMM"));
        text = tr("%1 – %2").arg(from, QLocale().toString(sunday, QStringLiteral("d MMMM yyyy")));
    }
    m_heading->setText(text);
    m_heading->setToolTip(text); // whole, when the line ends in "…"
}

void CalendarPage::updateNow()
{
    if (!m_hub)
        return;
    m_view->setNow(m_hub->clock().now());
    updateHeading();
}

void CalendarPage::updateActions()
{
    const bool open = m_hub != nullptr;
    PermissionGate::apply(m_newAction, m_hub, Permission::Book, open && !m_spaces.isEmpty());
    PermissionGate::apply(m_cancelAction, m_hub, Permission::Book, open && m_view->selectedBooking().isValid());
    PermissionGate::apply(m_importAction, m_hub, Permission::Book, open);
    PermissionGate::apply(m_spacesAction, m_hub, Permission::ManageSpaces, open);
    PermissionGate::apply(m_addSpace, m_hub, Permission::ManageSpaces, open);
}

bool CalendarPage::mayBook()
{
    if (PermissionGate::allows(m_hub, Permission::Book))
        return true;
    QMessageBox::information(this, tr("Bookings"), AccessControl::whoMay(Permission::Book));
    return false;
}

void CalendarPage::manageSpaces()
{
    if (m_hub)
        Q_EMIT spacesRequested();
}

void CalendarPage::openDialog(BookingDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::booked, this, [this](const QList<Booking> &bookings) {
        refresh();
        if (!bookings.isEmpty()) {
            m_view->selectBooking(bookings.first().id);
            Q_EMIT statusMessage(bookings.size() == 1
                                     ? tr("Booked: %1 in %2.").arg(bookings.first().title, bookings.first().spaceName)
                                     : tr("Booked: %1 dates of %2 in %3.")
                                           .arg(bookings.size())
                                           .arg(bookings.first().title, bookings.first().spaceName));
        }
    });
    // open(), not exec(): the window stays responsive behind the sheet and
    // the caller (a shortcut, a test) is not stuck in a nested event loop.
    dialog->open();
}

BookingDialog *CalendarPage::newBooking()
{
    if (!m_hub || m_spaces.isEmpty())
        return nullptr;
    const CalendarView::Slot slot = m_view->selectedSlot();
    const DaySchedule &s = m_view->schedule();
    if (slot.isValid() && !m_view->selectedBooking().isValid()) {
        const int end = slot.end - slot.start == CalendarView::SlotMinutes ? slot.start + 60 : slot.end;
        return newBookingAt(s.spaceOf(s.columns.at(slot.column)).id, s.at(slot.column, slot.start),
                            s.at(slot.column, end));
    }
    // Nothing chosen: the next whole hour today, or mid-morning of another day.
    const QTimeZone zone = m_hub->bookings().zone();
    QDateTime start(m_date, QTime(10, 0), zone);
    if (m_date == today()) {
        const QDateTime now = m_hub->clock().now().toTimeZone(zone);
        start = QDateTime(m_date, QTime(now.time().hour(), 0), zone).addSecs(3600);
    }
    const SpaceId space = m_mode == Mode::Week ? weekSpace() : m_spaces.first().id;
    return newBookingAt(space, start, start.addSecs(3600));
}

BookingDialog *CalendarPage::newBookingAt(SpaceId space, const QDateTime &start, const QDateTime &end)
{
    if (!m_hub || !mayBook())
        return nullptr;
    auto *dialog = new BookingDialog(*m_hub, this);
    dialog->setSpace(space);
    dialog->setTimes(start, end);
    openDialog(dialog);
    return dialog;
}

BookingDialog *CalendarPage::editBooking(BookingId id)
{
    if (!m_hub)
        return nullptr;
    auto booking = m_hub->bookings().get(id);
    if (!booking) {
        QMessageBox::warning(this, tr("The Booking Cannot Be Opened"), sentence(booking.error().message));
        refresh();
        return nullptr;
    }
    auto *dialog = new BookingDialog(*m_hub, this);
    dialog->setBooking(*booking);
    openDialog(dialog);
    return dialog;
}

bool CalendarPage::cancelBooking(BookingId id)
{
    if (!m_hub || !id.isValid() || !mayBook())
        return false;
    auto booking = m_hub->bookings().get(id);
    if (!booking) {
        QMessageBox::warning(this, tr("The Booking Was Not Cancelled"), sentence(booking.error().message));
        refresh();
        return false;
    }
    const QString what =
        tr("“%1” in %2 on %3").arg(booking->title, booking->spaceName, whenText(*booking, m_hub->bookings().zone()));
    const QString charge = booking->charge && !booking->chargeReversal
                               ? tr("\n\nThe charge for it is given back to the booker.")
                               : QString();

    std::optional<CancelScope> scope;
    if (booking->series) {
        scope = askWhichDates(what, charge);
        if (!scope)
            return false;
    } else if (!askToCancel(what, charge)) {
        return false;
    }

    const auto failed = [this](const Error &e) {
        QMessageBox::warning(this, tr("The Booking Was Not Cancelled"), sentence(e.message));
        refresh();
        return false;
    };
    if (scope) {
        auto cancelled = m_hub->bookings().cancel(id, *scope);
        if (!cancelled)
            return failed(cancelled.error());
    } else {
        auto cancelled = m_hub->bookings().cancel(id);
        if (!cancelled)
            return failed(cancelled.error());
    }
    refresh();
    return true;
}

std::optional<CancelScope> CalendarPage::askWhichDates(const QString &what, const QString &charge)
{
    QMessageBox ask(QMessageBox::Question, tr("Cancel a Repeating Booking?"),
                    tr("%1 is one date of a repeating series. Which dates are cancelled?").arg(what) + charge,
                    QMessageBox::Yes | QMessageBox::Apply | QMessageBox::YesToAll | QMessageBox::No, this);
    ask.button(QMessageBox::Yes)->setText(tr("Only &this date"));
    ask.button(QMessageBox::Apply)->setText(tr("This and &following"));
    ask.button(QMessageBox::YesToAll)->setText(tr("The &whole series"));
    ask.button(QMessageBox::No)->setText(tr("&Keep them"));
    ask.setDefaultButton(QMessageBox::No);
    ask.setEscapeButton(QMessageBox::No);
    switch (ask.exec()) {
    case QMessageBox::Yes:
        return CancelScope::Occurrence;
    case QMessageBox::Apply:
        return CancelScope::ThisAndFollowing;
    case QMessageBox::YesToAll:
        return CancelScope::Series;
    default:
        return std::nullopt;
    }
}

bool CalendarPage::askToCancel(const QString &what, const QString &charge)
{
    QMessageBox ask(QMessageBox::Question, tr("Cancel the Booking?"),
                    tr("Cancel %1? Its time becomes free for others.").arg(what) + charge,
                    QMessageBox::Yes | QMessageBox::No, this);
    ask.button(QMessageBox::Yes)->setText(tr("&Cancel booking"));
    ask.button(QMessageBox::No)->setText(tr("&Keep it"));
    ask.setDefaultButton(QMessageBox::No);
    return ask.exec() == QMessageBox::Yes;
}

bool CalendarPage::moveBooking(BookingId id, SpaceId space, const QDateTime &start, const QDateTime &end)
{
    if (!m_hub)
        return false;
    if (!mayBook()) {
        refresh(); // the dragged block goes back where it was
        return false;
    }
    auto booking = m_hub->bookings().get(id);
    if (!booking) {
        QMessageBox::warning(this, tr("The Booking Was Not Moved"), sentence(booking.error().message));
        refresh();
        return false;
    }
    BookingDraft d = draftFrom(*booking);
    d.space = space;
    d.start = start;
    d.end = end;
    auto moved = m_hub->bookings().edit(id, d);
    if (!moved) {
        // The block goes back where it was: the schedule is read again unchanged.
        refresh();
        QMessageBox::warning(this, tr("The Booking Was Not Moved"),
                             tr("“%1” stays where it was. %2").arg(booking->title, sentence(moved.error().message)));
        return false;
    }
    refresh();
    m_view->selectBooking(id);
    return true;
}

} // namespace hub

namespace hub {

void CalendarPage::importCalendar()
{
    if (!m_hub || !mayBook())
        return;
    CalendarImportDialog dialog(*m_hub, this);
    if (m_mode == Mode::Week && weekSpace().isValid())
        dialog.setSpace(weekSpace());
    connect(&dialog, &CalendarImportDialog::imported, this, [this] { refresh(); });
    dialog.exec();
}

void CalendarPage::exportCalendar()
{
    if (!m_hub)
        return;
    CalendarExportDialog dialog(*m_hub, this);
    if (m_mode == Mode::Week && weekSpace().isValid()) {
        const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
        dialog.setSpace(weekSpace());
        dialog.setRange(monday, monday.addDays(6));
    } else {
        dialog.setSpace(std::nullopt);
        dialog.setRange(QDate(m_date.year(), m_date.month(), 1),
                        QDate(m_date.year(), m_date.month(), m_date.daysInMonth()));
    }
    dialog.exec();
}

} // namespace hub
