// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/todaypage.h"

#include "core/common/displayformat.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/reports/daysheetpdf.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/availabilitydialog.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/pageicon.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/exportfolder.h"
#include "ui/widgets/printjob.h"
#include "ui/widgets/sentence.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hub {

namespace {

// Highlights read on light and dark palettes alike: a tinted fill and a
// strong left edge, so "on now" and "next" stand out without colour alone
// (each also says so in words).
const QString OnNowStyle = QStringLiteral(
    "QFrame#todayBooking { background: rgba(63, 155, 69, 0.16); border: 1px solid rgba(63, 155, 69, 0.6); "
    "border-left: 5px solid #3f9b45; border-radius: 4px; }");
const QString NextStyle = QStringLiteral(
    "QFrame#todayBooking { background: rgba(217, 164, 0, 0.14); border: 1px solid rgba(217, 164, 0, 0.6); "
    "border-left: 5px solid #d9a400; border-radius: 4px; }");
const QString PlainStyle = QStringLiteral(
    "QFrame#todayBooking { border: 1px solid palette(mid); border-left: 5px solid %1; border-radius: 4px; }");
const QString TentativeStyle = QStringLiteral(
    "QFrame#todayBooking { border: 1px dashed palette(mid); border-left: 5px dashed %1; border-radius: 4px; }");

constexpr int MaxColumnsPerRow = 6;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString booker(const Booking &b)
{
    return b.memberName.isEmpty() ? TodayPage::tr("the hub's own use") : b.memberName;
}

QLabel *spaceTitle(const Space &space, const QString &colour)
{
    auto *title = new QLabel;
    title->setObjectName(QStringLiteral("todaySpaceName"));
    title->setTextFormat(Qt::RichText);
    title->setWordWrap(true);
    QStringList about{TodayPage::tr("holds %1").arg(space.capacity)};
    if (!space.features.isEmpty())
        about << space.features.join(QStringLiteral(", "));
    title->setText(
        QStringLiteral("<b>%1</b><br><small>%2</small>").arg(esc(space.name), esc(about.join(QStringLiteral(" · ")))));
    title->setStyleSheet(
        QStringLiteral("QLabel#todaySpaceName { border-bottom: 3px solid %1; padding-bottom: 3px; }").arg(colour));
    return title;
}

// Closed, or free all day; nullptr when the space has bookings that day.
QLabel *spaceState(const DaySheetSpace &column)
{
    if (column.isClosed()) {
        // As the Calendar shows it: closed, with the reason, and nothing to book.
        auto *closed = new QLabel(column.closure && !column.closureReason.isEmpty()
                                      ? TodayPage::tr("Closed today: %1").arg(column.closureReason)
                                      : TodayPage::tr("Closed today"));
        closed->setObjectName(QStringLiteral("todaySpaceClosed"));
        closed->setWordWrap(true);
        closed->setForegroundRole(QPalette::PlaceholderText);
        return closed;
    }
    if (!column.entries.isEmpty())
        return nullptr;
    const DayHours &h = *column.hours;
    const bool allDay = h.opens == 0 && h.closes >= 24 * 60;
    auto *free =
        new QLabel(allDay ? TodayPage::tr("Free all day")
                          : TodayPage::tr("Free all day, open %1–%2")
                                .arg(DisplayFormat::time(QTime(0, 0).addSecs(h.opens * 60)),
                                     h.closes >= 24 * 60 ? TodayPage::tr("midnight")
                                                         : DisplayFormat::time(QTime(0, 0).addSecs(h.closes * 60))));
    free->setObjectName(QStringLiteral("todaySpaceFree"));
    free->setWordWrap(true);
    free->setForegroundRole(QPalette::PlaceholderText);
    return free;
}

QString bookingText(const DaySheet &sheet, const DaySheetEntry &e, bool onNow, bool isNext)
{
    const Booking &b = e.booking;
    QString tag;
    if (onNow)
        tag = QStringLiteral(" <b style=\"color:#2e7d32\">%1</b>").arg(esc(TodayPage::tr("ON NOW")));
    else if (isNext)
        tag = QStringLiteral(" <b style=\"color:#9a6b00\">%1</b>").arg(esc(TodayPage::tr("NEXT")));
    QString text = QStringLiteral("<b>%1</b>%2<br>%3").arg(esc(sheet.timeText(e)), tag, esc(b.title));
    if (e.isTentative())
        text += QStringLiteral(" <i>(%1)</i>").arg(esc(TodayPage::tr("tentative")));
    QString who = esc(booker(b));
    if (b.attendees > 0)
        who += QStringLiteral(" · ") + esc(TodayPage::tr("%Ln people", nullptr, b.attendees));
    text += QStringLiteral("<br><small>%1</small>").arg(who);
    if (!b.notes.isEmpty())
        text += QStringLiteral("<br><small><i>%1</i></small>").arg(esc(b.notes));
    return text;
}

QStringList bookingTip(const DaySheet &sheet, const DaySheetEntry &e)
{
    const Booking &b = e.booking;
    QStringList tip{TodayPage::tr("%1, %2").arg(b.title, sheet.timeText(e)),
                    TodayPage::tr("Booked by %1").arg(booker(b))};
    if (e.setupMinutes || e.cleanupMinutes)
        tip << TodayPage::tr("Kept free from %1 to %2 for setup and clean-up")
                   .arg(DisplayFormat::time(e.start.addSecs(-60 * e.setupMinutes).time()),
                        DisplayFormat::time(e.end.addSecs(60 * e.cleanupMinutes).time()));
    if (e.isTentative())
        tip << TodayPage::tr("Tentative: the slot is held until it is confirmed or declined");
    if (!b.outsideHoursOverride.isEmpty())
        tip << TodayPage::tr("Outside opening hours: %1").arg(b.outsideHoursOverride);
    if (!b.capacityOverride.isEmpty())
        tip << TodayPage::tr("Over capacity: %1").arg(b.capacityOverride);
    return tip;
}

QFrame *bookingCard(const DaySheet &sheet, const DaySheetEntry &e, bool onNow, bool isNext, const QString &colour)
{
    const Booking &b = e.booking;
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("todayBooking"));
    card->setProperty("bookingId", b.id.value());
    card->setProperty("onNow", onNow);
    card->setProperty("next", isNext);
    card->setStyleSheet(onNow    ? OnNowStyle
                        : isNext ? NextStyle
                                 : (e.isTentative() ? TentativeStyle : PlainStyle).arg(colour));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(8, 4, 6, 4);

    auto *label = new QLabel(bookingText(sheet, e, onNow, isNext));
    label->setObjectName(QStringLiteral("todayBookingText"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cardLayout->addWidget(label);

    const QStringList tip = bookingTip(sheet, e);
    card->setToolTip(tip.join(u'\n'));
    card->setAccessibleName(tip.join(QStringLiteral(". ")));
    return card;
}

// Rows of widgets and of layouts of widgets, emptied before they are filled again.
void clearRows(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        if (QLayout *l = item->layout()) {
            while (QLayoutItem *inner = l->takeAt(0)) {
                if (QWidget *w = inner->widget())
                    w->deleteLater();
                delete inner;
            }
        }
        delete item;
    }
}

QLabel *overdueActions(const QList<GroupAction> &late)
{
    constexpr int Shown = 4;
    QStringList items;
    for (qsizetype i = 0; i < std::min<qsizetype>(late.size(), Shown); ++i) {
        const GroupAction &a = late.at(i);
        items << TodayPage::tr("%1 (%2, %3, due %4)")
                     .arg(a.title.toHtmlEscaped(), a.groupName.toHtmlEscaped(), a.ownerName.toHtmlEscaped(),
                          DisplayFormat::dayMonth(a.due));
    }
    if (late.size() > Shown)
        items << TodayPage::tr("and %1 more on the Gatherings page").arg(late.size() - Shown);
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("todayOverdueActions"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setText(TodayPage::tr("<b>Overdue actions:</b> %1").arg(items.join(QStringLiteral("; "))));
    return label;
}

} // namespace

TodayPage::TodayPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Today"));
    QHBoxLayout *dateRow = buildHeading();
    QHBoxLayout *actions = buildQuickActions();
    buildBody();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(4);
    layout->addWidget(m_name);
    layout->addLayout(dateRow);
    layout->addLayout(actions);
    layout->addWidget(m_nowNext);
    layout->addWidget(m_gatherings);
    layout->addWidget(m_problem);
    layout->addWidget(m_body, 1);

    // The date must turn over at the hub's midnight and "on now" move on even
    // if the desk PC stays on all day; only while the page is shown (a
    // hidden page's refresh stalled the window for 0.4 s a minute on a city
    // hub), and showing it again refreshes it at once.
    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("todayRefreshTimer"));
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &TodayPage::refresh);

    setHub(nullptr);
}

QHBoxLayout *TodayPage::buildHeading()
{
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("todayHubName"));
    m_name->setTextFormat(Qt::PlainText);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    m_name->setFont(nameFont);

    m_date = new QLabel(this);
    m_date->setObjectName(QStringLiteral("todayDate"));
    QFont dateFont = m_date->font();
    dateFont.setPointSizeF(dateFont.pointSizeF() * 1.2);
    m_date->setFont(dateFont);

    m_zone = new QLabel(this);
    m_zone->setObjectName(QStringLiteral("todayTimeZone"));
    m_zone->setForegroundRole(QPalette::PlaceholderText);

    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date);
    dateRow->addSpacing(12);
    dateRow->addWidget(m_zone, 0, Qt::AlignBottom);
    dateRow->addStretch(1);
    return dateRow;
}

QHBoxLayout *TodayPage::buildQuickActions()
{
    // Quick actions: what the front desk does most without leaving Today.
    m_bookSpace = new QPushButton(tr("&Book a space…"), this);
    m_bookSpace->setObjectName(QStringLiteral("todayBookSpace"));
    m_bookSpace->setToolTip(tr("Take a booking for a space (Ctrl+B)"));
    m_bookSpace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_bookSpace, &QPushButton::clicked, this, [this] { bookSpace(); });

    m_checkAvailability = new QPushButton(tr("Check &availability…"), this);
    m_checkAvailability->setObjectName(QStringLiteral("todayCheckAvailability"));
    m_checkAvailability->setToolTip(tr("Find the spaces free for a time and a group size"));
    connect(m_checkAvailability, &QPushButton::clicked, this, &TodayPage::checkAvailability);

    m_recordTransfer = new QPushButton(tr("&Record a transfer…"), this);
    m_recordTransfer->setObjectName(QStringLiteral("todayRecordTransfer"));
    m_recordTransfer->setToolTip(tr("Move credit from one member to another"));
    connect(m_recordTransfer, &QPushButton::clicked, this, &TodayPage::recordTransfer);

    // The sheet of any day: today unless another date is chosen here.
    m_sheetDate = new QDateEdit(this);
    m_sheetDate->setObjectName(QStringLiteral("todaySheetDate"));
    m_sheetDate->setAccessibleName(tr("Date of the day sheet"));
    m_sheetDate->setCalendarPopup(true);
    m_sheetDate->setDisplayFormat(DisplayFormat::dateEditFormat());
    auto *sheetLabel = new QLabel(tr("Day s&heet for"), this);
    sheetLabel->setBuddy(m_sheetDate);
    m_printDaySheet = new QPushButton(tr("&Print…"), this);
    m_printDaySheet->setObjectName(QStringLiteral("todayPrintDaySheet"));
    m_printDaySheet->setToolTip(tr("Print the bookings of every space that day (Print to File makes a PDF)"));
    connect(m_printDaySheet, &QPushButton::clicked, this, &TodayPage::printDaySheet);
    m_saveDaySheet = new QPushButton(tr("Save as PD&F…"), this);
    m_saveDaySheet->setObjectName(QStringLiteral("todaySaveDaySheet"));
    m_saveDaySheet->setToolTip(tr("Save the day sheet as a PDF file"));
    connect(m_saveDaySheet, &QPushButton::clicked, this, &TodayPage::saveDaySheet);

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 8, 0, 4);
    actions->addWidget(m_bookSpace);
    actions->addWidget(m_checkAvailability);
    actions->addWidget(m_recordTransfer);
    actions->addStretch(1);
    actions->addWidget(sheetLabel);
    actions->addWidget(m_sheetDate);
    actions->addWidget(m_printDaySheet);
    actions->addWidget(m_saveDaySheet);
    return actions;
}

void TodayPage::buildBody()
{
    m_nowNext = new QLabel(this);
    m_nowNext->setObjectName(QStringLiteral("todayNowNext"));
    m_nowNext->setTextFormat(Qt::RichText);
    m_nowNext->setWordWrap(true);
    m_nowNext->setContentsMargins(10, 6, 10, 6);
    m_nowNext->setStyleSheet(
        QStringLiteral("QLabel#todayNowNext { background: palette(alternate-base); border: 1px solid palette(mid); "
                       "border-radius: 4px; }"));

    m_gatherings = new QWidget(this);
    m_gatherings->setObjectName(QStringLiteral("todayGatherings"));
    auto *gatheringsLayout = new QVBoxLayout(m_gatherings);
    gatheringsLayout->setContentsMargins(0, 4, 0, 4);
    gatheringsLayout->setSpacing(2);
    m_gatherings->hide();

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("todayProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    m_emptyState = new EmptyStateWidget(this);
    m_emptyState->setObjectName(QStringLiteral("todayEmptyState"));
    m_emptyState->setIcon(pageIcon(QStringLiteral("today"), palette()));

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("todaySheet"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Today's bookings by space"));

    m_body = new QStackedWidget(this);
    m_body->addWidget(m_emptyState);
    m_body->addWidget(m_scroll);
}

void TodayPage::setHub(Hub *hub)
{
    m_hub = hub;
    m_timeZone.clear();
    m_checkAvailability->setEnabled(hub != nullptr);
    if (!hub) {
        m_name->setText(tr("No hub is open"));
    } else if (auto settings = hub->settings().load()) {
        m_name->setText(settings->name);
        m_timeZone = settings->timeZone;
    } else {
        m_name->setText(tr("The hub's settings could not be read: %1").arg(settings.error().message));
    }
    m_name->setAccessibleName(m_name->text());
    refresh();
}

ChangeAreas TodayPage::shownAreas() const
{
    return ChangeArea::Bookings | ChangeArea::Spaces | ChangeArea::Gatherings | ChangeArea::Settings;
}

void TodayPage::refreshAfterChange(const ChangeEvent &change)
{
    // The hub's name and zone are read only with the hub itself.
    if (change.touches(ChangeArea::Settings))
        setHub(m_hub);
    else
        refresh();
}

void TodayPage::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

void TodayPage::showEvent(QShowEvent *event)
{
    HubPage::showEvent(event);
    refresh();
    m_timer->start();
}

void TodayPage::hideEvent(QHideEvent *event)
{
    HubPage::hideEvent(event);
    m_timer->stop();
}

QDateTime TodayPage::now() const
{
    if (m_clock)
        return m_clock().toUTC();
    return m_hub ? m_hub->clock().now() : QDateTime::currentDateTimeUtc();
}

void TodayPage::refresh()
{
    refreshDate();
    m_sheet.reset();
    m_problem->hide();
    if (m_hub && !m_timeZone.isEmpty()) {
        const QDate today = now().toTimeZone(QTimeZone(m_timeZone.toUtf8())).date();
        auto sheet = DaySheet::load(m_hub->spaces(), m_hub->bookings(), today);
        if (sheet) {
            m_sheet = std::move(*sheet);
        } else {
            m_problem->setText(tr("Today's bookings could not be read: %1").arg(sentence(sheet.error().text())));
            m_problem->show();
        }
    }
    m_printDaySheet->setEnabled(m_sheet.has_value());
    m_saveDaySheet->setEnabled(m_sheet.has_value());
    // The sheet's date follows the day shown; a date the desk chose stays
    // until the day itself moves on.
    if (m_sheet && m_sheet->date() != m_shownDay) {
        m_shownDay = m_sheet->date();
        m_sheetDate->setDate(m_shownDay);
    }
    showSheet();
    showGatherings(m_timeZone.isEmpty() ? QDate() : now().toTimeZone(QTimeZone(m_timeZone.toUtf8())).date());
    updateActions();
}

void TodayPage::accessChanged()
{
    updateActions();
}

void TodayPage::updateActions()
{
    const bool open = m_hub != nullptr;
    PermissionGate::apply(m_bookSpace, m_hub, Permission::Book, open);
    PermissionGate::apply(m_recordTransfer, m_hub, Permission::RecordTransfer, open);
    // The sheet and the gatherings row are rebuilt every minute: their buttons are found afresh.
    const QList<QToolButton *> bookThese = findChildren<QToolButton *>(QStringLiteral("todayBookThisSpace"));
    for (QToolButton *book : bookThese)
        PermissionGate::apply(book, m_hub, Permission::Book, open);
    const QList<QPushButton *> checkIns =
        m_gatherings->findChildren<QPushButton *>(QStringLiteral("todayStartCheckIn"));
    for (QPushButton *start : checkIns)
        PermissionGate::apply(start, m_hub, Permission::CheckIn, open);
}

void TodayPage::showGatherings(QDate today)
{
    auto *layout = static_cast<QVBoxLayout *>(m_gatherings->layout());
    clearRows(layout);
    if (!m_hub || !today.isValid()) {
        m_gatherings->hide();
        return;
    }
    const QTimeZone zone(m_timeZone.toUtf8());
    auto todays = m_hub->gatherings().onDay(today);
    auto overdue = m_hub->workingGroups().overdue();
    QList<Gathering> gatherings = todays ? *todays : QList<Gathering>();
    const QList<GroupAction> late = overdue ? *overdue : QList<GroupAction>();
    // The few that matter now (not yet over, soonest first) get a line and a
    // button each; a big hub's others are counted, and are on the Gatherings
    // page, so the page still fits the screen.
    constexpr qsizetype Shown = 4;
    const QDateTime at = now();
    std::stable_partition(gatherings.begin(), gatherings.end(), [&at](const Gathering &g) { return g.end > at; });
    const qsizetype more = std::max<qsizetype>(0, gatherings.size() - Shown);
    for (const Gathering &g : gatherings.mid(0, Shown)) {
        auto *row = new QHBoxLayout;
        auto *label = new QLabel;
        label->setObjectName(QStringLiteral("todayGathering"));
        label->setTextFormat(Qt::RichText);
        const QString where = g.spaceName.isEmpty() ? QString() : tr(" in %1").arg(g.spaceName.toHtmlEscaped());
        label->setText(tr("<b>%1–%2 %3</b>%4 · %5 signed up, %6 checked in")
                           .arg(DisplayFormat::time(g.start.toTimeZone(zone).time()),
                                DisplayFormat::time(g.end.toTimeZone(zone).time()), g.title.toHtmlEscaped(), where)
                           .arg(g.registered)
                           .arg(g.attended));
        auto *start = new QPushButton(tr("Start check-in"));
        start->setObjectName(QStringLiteral("todayStartCheckIn"));
        start->setToolTip(tr("Open the facilitator screen for “%1”: check-in, ideas and votes").arg(g.title));
        const GatheringId id = g.id;
        connect(start, &QPushButton::clicked, this, [this, id] { Q_EMIT startCheckIn(id); });
        label->setWordWrap(true);
        row->addWidget(label, 1);
        row->addWidget(start, 0, Qt::AlignTop);
        layout->addLayout(row);
    }
    if (more > 0) {
        auto *rest = new QLabel(tr("and %1 more today, on the Gatherings page").arg(more));
        rest->setObjectName(QStringLiteral("todayMoreGatherings"));
        layout->addWidget(rest);
    }
    if (!late.isEmpty())
        layout->addWidget(overdueActions(late));
    m_gatherings->setVisible(!gatherings.isEmpty() || !late.isEmpty());
}

void TodayPage::showSheet()
{
    const QDateTime at = now();
    if (!m_sheet || m_sheet->spaces().isEmpty() || m_sheet->bookingCount() == 0) {
        m_nowNext->hide();
        if (!m_hub) {
            m_emptyState->setTitle(tr("No hub is open"));
            m_emptyState->setText(tr("Open or create a hub file to see who is booked where today."));
        } else if (!m_sheet || m_sheet->spaces().isEmpty()) {
            m_emptyState->setTitle(tr("No spaces yet"));
            m_emptyState->setText(
                tr("Once the hub's rooms and areas are added — the main hall, the kitchen, the breakout "
                   "rooms — this page shows who is booked into which space today, who is coming and when. "
                   "Add spaces on the Calendar page or with “hubctl space add”."));
        } else {
            m_emptyState->setTitle(tr("Nothing booked today"));
            m_emptyState->setText(tr("Every space is free today. Use “Book a space” to take a booking, or “Check "
                                     "availability” to find a room for a time and a group size."));
        }
        m_body->setCurrentWidget(m_emptyState);
        return;
    }

    m_nowNext->setText(nowNextText(at));
    m_nowNext->show();

    QList<BookingId> next;
    for (const DaySheetEntry &e : m_sheet->next(at))
        next << e.booking.id;

    // Keep the desk's scroll position when the minute timer rebuilds the sheet.
    const int h = m_scroll->horizontalScrollBar()->value();
    const int v = m_scroll->verticalScrollBar()->value();
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("todaySheetContent"));
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 6, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(12);
    const int count = int(m_sheet->spaces().size());
    const int rows = (count + MaxColumnsPerRow - 1) / MaxColumnsPerRow;
    const int perRow = (count + rows - 1) / rows; // balanced: 7 spaces make rows of 4 and 3
    for (int i = 0; i < count; ++i)
        grid->addWidget(spaceColumn(m_sheet->spaces()[i], at, next), i / perRow, i % perRow, Qt::AlignTop);
    for (int c = 0; c < perRow; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(rows, 1);
    m_scroll->setWidget(content);
    m_scroll->horizontalScrollBar()->setValue(h);
    m_scroll->verticalScrollBar()->setValue(v);
    m_body->setCurrentWidget(m_scroll);
}

QString TodayPage::nowNextText(const QDateTime &at) const
{
    const QList<DaySheetEntry> onNow = m_sheet->onNow(at);
    const QList<DaySheetEntry> next = m_sheet->next(at);
    // A big hub has dozens on at once: the banner names the first few and
    // counts the rest, which the sheet below shows in full.
    constexpr qsizetype Named = 5;
    QStringList on;
    for (const DaySheetEntry &e : onNow.mid(0, Named))
        on << tr("<b>%1</b> in %2 until %3 (%4)")
                  .arg(esc(e.booking.title), esc(e.booking.spaceName), DisplayFormat::time(e.end.time()),
                       esc(booker(e.booking)));
    if (onNow.size() > Named)
        on << tr("and %1 more").arg(onNow.size() - Named);
    QStringList coming;
    for (const DaySheetEntry &e : next.mid(0, Named))
        coming << tr("<b>%1</b> in %2 at %3 (%4)")
                      .arg(esc(e.booking.title), esc(e.booking.spaceName), DisplayFormat::time(e.start.time()),
                           esc(booker(e.booking)));
    if (next.size() > Named)
        coming << tr("and %1 more").arg(next.size() - Named);
    const QString onText = on.isEmpty() ? tr("nothing is on right now") : on.join(QStringLiteral(" · "));
    const QString nextText = coming.isEmpty() ? tr("nothing more today") : coming.join(QStringLiteral(" · "));
    return tr("<span style=\"color:#2e7d32\">■</span> <b>On now:</b> %1<br>"
              "<span style=\"color:#b8860b\">■</span> <b>Next:</b> %2")
        .arg(onText, nextText);
}

QWidget *TodayPage::spaceColumn(const DaySheetSpace &column, const QDateTime &at, const QList<BookingId> &next)
{
    const Space &space = column.space;
    const QString colour = space.colour.isEmpty() ? QStringLiteral("palette(highlight)") : space.colour;

    auto *box = new QFrame;
    box->setObjectName(QStringLiteral("todaySpace"));
    box->setProperty("spaceId", space.id.value());
    box->setAccessibleName(space.name);
    box->setMinimumWidth(150);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    layout->addWidget(spaceTitle(space, colour));
    if (QLabel *state = spaceState(column))
        layout->addWidget(state);
    for (const DaySheetEntry &e : column.entries) {
        const bool onNow = e.isOnAt(at);
        const bool isNext = next.contains(e.booking.id);
        layout->addWidget(bookingCard(*m_sheet, e, onNow, isNext, colour));
    }

    if (column.isClosed())
        return box;
    auto *book = new QToolButton;
    book->setObjectName(QStringLiteral("todayBookThisSpace"));
    book->setText(tr("Book %1…").arg(space.name));
    book->setToolButtonStyle(Qt::ToolButtonTextOnly);
    book->setAutoRaise(true);
    const SpaceId id = space.id;
    connect(book, &QToolButton::clicked, this, [this, id] { bookSpace(id); });
    layout->addWidget(book, 0, Qt::AlignLeft);
    return box;
}

void TodayPage::recordTransfer()
{
    if (!m_hub)
        return;
    auto *dialog = new TransferDialog(*m_hub, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TodayPage::bookSpace(std::optional<SpaceId> space, const QDateTime &start, const QDateTime &end)
{
    if (!m_hub)
        return;
    auto *dialog = new BookingDialog(*m_hub, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (space)
        dialog->setSpace(*space);
    if (start.isValid() && end.isValid()) {
        dialog->setTimes(start, end);
    } else {
        // A walk-in usually wants the room from the next full hour, for an hour.
        const QTimeZone zone(m_timeZone.toUtf8());
        const QDateTime local = now().toTimeZone(zone);
        const QDateTime from = QDateTime(local.date(), QTime(local.time().hour(), 0), zone).addSecs(3600);
        dialog->setTimes(from, from.addSecs(3600));
    }
    connect(dialog, &BookingDialog::booked, this, &TodayPage::refresh);
    dialog->open();
}

void TodayPage::checkAvailability()
{
    if (!m_hub)
        return;
    auto *dialog = new AvailabilityDialog(*m_hub, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AvailabilityDialog::bookRequested, this,
            [this](SpaceId space, const QDateTime &start, const QDateTime &end) { bookSpace(space, start, end); });
    dialog->open();
}

Status TodayPage::writeDaySheet(const QString &path) const
{
    if (!m_hub || !m_sheet)
        return fail(Error::invalid(tr("there is no day sheet to print")));
    auto settings = m_hub->settings().load();
    return DaySheetPdf(*m_sheet, settings ? settings->name : QString()).write(path);
}

Status TodayPage::printDaySheetOn(QPagedPaintDevice &device, QDate date) const
{
    if (!m_hub)
        return fail(Error::invalid(tr("there is no day sheet to print")));
    auto sheet = DaySheet::load(m_hub->spaces(), m_hub->bookings(), date);
    if (!sheet)
        return fail(sheet.error());
    auto settings = m_hub->settings().load();
    return DaySheetPdf(*sheet, settings ? settings->name : QString()).print(device);
}

void TodayPage::printDaySheet()
{
    if (!m_hub)
        return;
    const QDate date = m_sheetDate->date();
    if (PrintJob::run(this, tr("Print the Day Sheet"), tr("The day sheet"),
                      tr("Day sheet %1.pdf").arg(date.toString(Qt::ISODate)),
                      [this, date](QPagedPaintDevice &device) { return printDaySheetOn(device, date); }))
        Q_EMIT statusMessage(tr("The day sheet of %1 was sent to the printer.").arg(DisplayFormat::date(date)));
}

void TodayPage::saveDaySheet()
{
    if (!m_hub)
        return;
    const QDate date = m_sheetDate->date();
    const QString suggested = ExportFolder::suggest(tr("Day sheet %1.pdf").arg(date.toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the Day Sheet"), suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status written = {};
    {
        auto sheet = DaySheet::load(m_hub->spaces(), m_hub->bookings(), date);
        auto settings = m_hub->settings().load();
        written = sheet ? DaySheetPdf(*sheet, settings ? settings->name : QString()).write(path) : fail(sheet.error());
    }
    QApplication::restoreOverrideCursor();
    if (written)
        ExportFolder::remember(path);
    else
        QMessageBox::warning(this, tr("Save day sheet"),
                             tr("The day sheet could not be saved: %1").arg(sentence(written.error().text())));
}

QString TodayPage::hubName() const
{
    return m_name->text();
}

QString TodayPage::dateText() const
{
    return m_date->text();
}

void TodayPage::refreshDate()
{
    if (!m_hub || m_timeZone.isEmpty()) {
        m_date->clear();
        m_zone->clear();
        return;
    }
    const QTimeZone zone(m_timeZone.toUtf8());
    const QDate today = now().toTimeZone(zone).date();
    m_date->setText(DisplayFormat::heading(today));
    m_date->setAccessibleName(tr("Today's date: %1").arg(m_date->text()));
    m_zone->setText(tr("Dates and times are shown in the hub's time zone, %1.").arg(m_timeZone));
}

} // namespace hub
