// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/spacedemopart.h"

#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/query.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <vector>

namespace hub {

namespace {

// ---- The rooms --------------------------------------------------------------

/// What a room is used for: it picks the events booked into it.
enum class Kind
{
    Hall,
    Kitchen,
    Meeting,
    Cafe,
    Quiet,
    Studio
};

/// Opening hours by weekday (Monday first), in local minutes; closes 0 = closed.
struct WeekHours
{
    int opens[7];
    int closes[7];
};

constexpr int H(int hour, int minute = 0)
{
    return hour * 60 + minute;
}

// Mon–Sat 08:00–22:00, Sun 10:00–18:00: the hub's own hours.
constexpr WeekHours HallHours = {{H(8), H(8), H(8), H(8), H(8), H(8), H(10)},
                                 {H(22), H(22), H(22), H(22), H(22), H(22), H(18)}};
constexpr WeekHours KitchenHours = {{H(8), H(8), H(8), H(8), H(8), H(8), H(10)},
                                    {H(21), H(21), H(21), H(21), H(21), H(21), H(16)}};
// Meeting rooms rest on Sundays.
constexpr WeekHours RoomHours = {{H(8), H(8), H(8), H(8), H(8), H(9), 0},
                                 {H(22), H(22), H(22), H(22), H(22), H(18), 0}};
constexpr WeekHours CafeHours = {{H(8), H(8), H(8), H(8), H(8), H(8), H(10)},
                                 {H(18), H(18), H(18), H(18), H(18), H(18), H(16)}};
constexpr WeekHours QuietHours = {{H(9), H(9), H(9), H(9), H(9), H(9), H(9)},
                                  {H(21), H(21), H(21), H(21), H(21), H(21), H(21)}};

struct RoomSpec
{
    const char16_t *name;
    const char16_t *description;
    Kind kind;
    int capacity;
    int rate; ///< whole units per hour; 0 = free
    int setup;
    int cleanup;
    const char16_t *features; ///< comma-separated
    const char *colour;
    const WeekHours *hours;
};

const RoomSpec Rooms[] = {
    {u"Main hall", u"The big room, with a stage at the far end. Seats 80, or 120 standing.", Kind::Hall, 80, 4, 30, 30,
     u"stage,PA system,projector,step-free access", "#3a7bd5", &HallHours},
    {u"Kitchen", u"Commercial kitchen with a serving hatch to the hall. A food hygiene certificate is needed.",
     Kind::Kitchen, 12, 2, 15, 30, u"commercial oven,six-ring hob,dishwasher,step-free access", "#e07a2f",
     &KitchenHours},
    {u"Breakout room 1", u"Bright room off the hall with a big screen; good for workshops.", Kind::Meeting, 14, 1, 10,
     10, u"screen,whiteboard,step-free access", "#2f9e6e", &RoomHours},
    {u"Breakout room 2", u"Small meeting room looking onto the garden.", Kind::Meeting, 8, 1, 10, 10,
     u"whiteboard,garden view", "#9b59b6", &RoomHours},
    {u"Café corner", u"Sofas and tables by the coffee machine, at the front of the building.", Kind::Cafe, 25, 0, 15,
     15, u"coffee machine,sofas,children's corner,step-free access", "#d4a017", &CafeHours},
    {u"Quiet room", u"A calm room for one-to-ones, prayer and meditation. Phones off, please.", Kind::Quiet, 6, 0, 0,
     10, u"soft lighting,prayer mats,no phones", "#16a085", &QuietHours},
};

// The town demo adds these rooms; the city demo adds one of each kind below on
// every site of the hub's network.
const RoomSpec TownRooms[] = {
    {u"Meeting room A", u"Upstairs meeting room with a video-call screen.", Kind::Meeting, 12, 1, 10, 10,
     u"screen,video calls", "#5d6d7e", &RoomHours},
    {u"Meeting room B", u"Upstairs meeting room; the lift stops outside.", Kind::Meeting, 10, 1, 10, 10,
     u"whiteboard,step-free access", "#2c3e91", &RoomHours},
    {u"Art studio", u"North-light studio with sinks, easels and a pottery wheel.", Kind::Studio, 16, 2, 15, 30,
     u"sinks,easels,pottery wheel", "#c0392b", &HallHours},
    {u"Workshop", u"Benches, tools and a bike stand for the repair groups.", Kind::Studio, 10, 2, 15, 30,
     u"workbenches,tools,bike stand", "#d35400", &HallHours},
    {u"Music room", u"Soundproofed, with an upright piano and a drum kit.", Kind::Studio, 8, 2, 10, 10,
     u"piano,drum kit,soundproofing", "#8e44ad", &HallHours},
    {u"Garden room", u"Glass room opening onto the community garden.", Kind::Cafe, 20, 1, 15, 15,
     u"garden access,step-free access", "#27ae60", &CafeHours},
};

const char16_t *const Sites[] = {u"Canal Street", u"Old Market", u"Brookside", u"Northfield",  u"Llanfair Road",
                                 u"Station Yard", u"Mill Lane",  u"Parkside",  u"Harbour View"};

const RoomSpec SiteRooms[] = {
    {u"hall", u"The site's main hall.", Kind::Hall, 60, 3, 30, 30, u"stage,PA system,step-free access", "#3a7bd5",
     &HallHours},
    {u"kitchen", u"Community kitchen.", Kind::Kitchen, 10, 2, 15, 30, u"oven,hob,dishwasher", "#e07a2f", &KitchenHours},
    {u"meeting room", u"Meeting room for up to a dozen.", Kind::Meeting, 12, 1, 10, 10, u"screen,whiteboard", "#2f9e6e",
     &RoomHours},
    {u"café", u"The site's café tables.", Kind::Cafe, 20, 0, 15, 15, u"coffee machine,step-free access", "#d4a017",
     &CafeHours},
    {u"quiet room", u"Small quiet room.", Kind::Quiet, 4, 0, 0, 10, u"soft lighting", "#16a085", &QuietHours},
    {u"studio", u"Studio for classes and rehearsals.", Kind::Studio, 15, 2, 15, 15, u"mirrors,sound system", "#c0392b",
     &HallHours},
};

// ---- What is booked ---------------------------------------------------------

struct EventSpec
{
    Kind kind;
    const char16_t *title;
    int minMinutes;
    int maxMinutes;
};

const EventSpec Events[] = {
    {Kind::Hall, u"Birthday party", 120, 240},
    {Kind::Hall, u"Ceilidh", 180, 210},
    {Kind::Hall, u"Community cinema night", 150, 180},
    {Kind::Hall, u"Jumble sale", 180, 240},
    {Kind::Hall, u"Wedding reception", 240, 300},
    {Kind::Hall, u"Quiz night", 150, 180},
    {Kind::Hall, u"Residents' association AGM", 90, 120},
    {Kind::Hall, u"Table tennis club", 90, 120},
    {Kind::Hall, u"Dance class", 60, 90},
    {Kind::Hall, u"Open-mic night", 150, 180},
    {Kind::Hall, u"Blood donor session", 240, 300},
    {Kind::Kitchen, u"Cookery class: family meals on a budget", 120, 180},
    {Kind::Kitchen, u"Community lunch preparation", 150, 210},
    {Kind::Kitchen, u"Sourdough workshop", 180, 240},
    {Kind::Kitchen, u"Pop-up supper club", 180, 240},
    {Kind::Kitchen, u"Food bank sorting", 120, 180},
    {Kind::Kitchen, u"Jam making", 120, 180},
    {Kind::Meeting, u"Tenants' meeting", 60, 120},
    {Kind::Meeting, u"CV workshop", 90, 120},
    {Kind::Meeting, u"Benefits advice drop-in", 120, 180},
    {Kind::Meeting, u"Board meeting", 90, 120},
    {Kind::Meeting, u"Maths tutoring", 60, 90},
    {Kind::Meeting, u"Working group meeting", 60, 120},
    {Kind::Meeting, u"English conversation class", 90, 90},
    {Kind::Meeting, u"Councillor's surgery", 60, 120},
    {Kind::Cafe, u"Coffee morning", 90, 120},
    {Kind::Cafe, u"Baby and toddler group", 90, 120},
    {Kind::Cafe, u"Knit and natter", 120, 120},
    {Kind::Cafe, u"Language café", 90, 120},
    {Kind::Cafe, u"Dementia café", 120, 120},
    {Kind::Cafe, u"Book swap", 60, 120},
    {Kind::Quiet, u"Meditation", 60, 60},
    {Kind::Quiet, u"One-to-one advice", 30, 60},
    {Kind::Quiet, u"Study session", 120, 180},
    {Kind::Quiet, u"Mindfulness course", 90, 90},
    {Kind::Quiet, u"Counselling session", 60, 60},
    {Kind::Studio, u"Life drawing", 120, 120},
    {Kind::Studio, u"Pottery class", 120, 150},
    {Kind::Studio, u"Bike repair workshop", 120, 180},
    {Kind::Studio, u"Band rehearsal", 120, 180},
    {Kind::Studio, u"Kids' art club", 90, 90},
    {Kind::Studio, u"Sewing bee", 120, 180},
};

// Bookings the hub makes for itself (no member).
const char16_t *const HubTitles[] = {u"Hub team meeting", u"Volunteer induction", u"Front-desk training",
                                     u"Trustees' meeting", u"Safeguarding training"};

const char16_t *const Notes[] = {
    u"Needs the projector and a microphone.", u"Key holder: ask at the front desk.",
    u"Bringing their own urn and cups.",      u"Step-free access needed for two guests.",
    u"Will set up through the side door.",    u"Invoice the organisation, not the contact."};

/// The weekly groups of the main site; the town and city demos add more.
struct SeriesSpec
{
    const char16_t *title;
    int room; ///< index into Rooms
    int weekday;
    int start;
    int minutes;
    int attendees;
    const char16_t *notes;
};

const SeriesSpec BaseSeries[] = {
    {u"Yoga for all", 0, 2, H(9, 30), 75, 18, u"Mats in the stage cupboard."},
    {u"Community choir", 0, 3, H(19, 30), 120, 35, u""},
    {u"Friendly gathering", 0, 4, H(18, 30), 120, 40,
     u"Citizens' Action Network: neighbours meet and listen to each other's stories."},
    {u"Repair café", 4, 6, H(10), 180, 20, u"Volunteer fixers bring their own tools."},
};

const char16_t *const ExtraSeriesTitles[] = {
    u"Tai chi",       u"Chess club",       u"Knit and natter", u"Youth club", u"Parents' meet-up",
    u"Ukulele group", u"Walking football", u"Men's shed",      u"Code club",  u"Spanish for beginners"};

QString text(const char16_t *s)
{
    return QString::fromUtf16(s);
}

template<size_t N> QString pickText(QRandomGenerator &random, const char16_t *const (&items)[N])
{
    return text(items[random.bounded(int(N))]);
}

/// Restores the hub's clock and actor however the part ends.
class ClockGuard
{
public:
    ClockGuard(Hub &hub, const qint64 *cursor) : m_hub(hub), m_clock(hub.clock()), m_actor(hub.actor())
    {
        m_hub.setClock(Clock([cursor] { return QDateTime::fromSecsSinceEpoch(*cursor, QTimeZone::utc()); }));
        m_hub.setActor(QStringLiteral("front desk"));
    }
    ~ClockGuard()
    {
        m_hub.setClock(m_clock);
        m_hub.setActor(m_actor);
    }
    Q_DISABLE_COPY_MOVE(ClockGuard)

private:
    Hub &m_hub;
    Clock m_clock;
    QString m_actor;
};

struct Room
{
    Space space;
    Kind kind;
    std::vector<int> events; ///< indices into Events
};

/// Taken time of one space on one local day, in minutes with the buffers.
using DayPlan = std::vector<std::pair<int, int>>;

class Generator
{
public:
    Generator(Hub &hub, DemoContext &context) : m_hub(hub), m_context(context), m_random(context.random()) {}
    Status run();

private:
    Status addRooms();
    Status addClosures();
    Status addSeries();
    Status addOneOffs();
    Status book(const BookingDraft &draft, int room, int day);
    Status counted(qint64 n = 1);
    void take(int room, const QDateTime &startUtc, const QDateTime &endUtc);
    DayPlan &plan(int room, int day) { return m_plans[size_t(room) * size_t(m_days) + size_t(day)]; }
    /// Start minutes on a quarter-hour grid where `minutes` fit, buffers included.
    std::vector<int> freeStarts(int room, int day, int minutes) const;
    bool isOpen(int room, int day) const;
    QDate dateOf(int day) const { return m_first.addDays(day); }
    QDateTime local(int day, int minute) const;
    int between(int low, int high) { return low >= high ? low : low + int(m_random.bounded(high - low + 1)); }

    Hub &m_hub;
    DemoContext &m_context;
    QRandomGenerator &m_random;
    QTimeZone m_zone;
    int m_decimals = 2;
    qint64 m_now = 0;
    qint64 m_cursor = 0;
    QDate m_first;
    int m_days = 0;
    int m_today = 0; ///< day index of "now"
    std::vector<Room> m_rooms;
    std::vector<DayPlan> m_plans;
    std::vector<char> m_full; ///< per room and day: closed, or found full
    QSet<QDate> m_hubClosed;
    QSet<std::pair<int, QDate>> m_roomClosed;
    std::vector<MemberId> m_members;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_step = 1;
};

Status Generator::run()
{
    const DemoScale scale = m_context.options().scale;
    m_total = SpaceDemoPart::bookingCount(scale);
    m_step = std::max<qint64>(1, m_total / 100);
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    m_zone = settings->zone();
    m_decimals = settings->decimals;
    m_now = m_hub.clock().nowSecs();
    m_cursor = m_now;
    ClockGuard guard(m_hub, &m_cursor);

    // The calendar reaches back and ahead of today; the bigger the hub, the
    // longer it has been running and the further ahead people book.
    const int back = scale == DemoScale::Small ? 42 : scale == DemoScale::Town ? 365 : 730;
    const int ahead = scale == DemoScale::Small ? 56 : scale == DemoScale::Town ? 180 : 365;
    const QDate today = QDateTime::fromSecsSinceEpoch(m_now, QTimeZone::utc()).toTimeZone(m_zone).date();
    m_first = today.addDays(-back);
    m_today = back;
    m_days = back + ahead + 1;

    Query members(m_hub.database(), QStringLiteral("SELECT id FROM members WHERE status = 'active' AND "
                                                   "forgotten_at IS NULL ORDER BY id"));
    if (auto ok = members.exec(); !ok)
        return ok;
    while (members.next())
        m_members.push_back(MemberId(members.value(0).toLongLong()));

    if (auto ok = addRooms(); !ok)
        return ok;
    m_plans.assign(m_rooms.size() * size_t(m_days), {});
    m_full.assign(m_rooms.size() * size_t(m_days), 0);
    if (auto ok = addClosures(); !ok)
        return ok;
    for (int room = 0; room < int(m_rooms.size()); ++room)
        for (int day = 0; day < m_days; ++day)
            if (!isOpen(room, day))
                m_full[size_t(room) * size_t(m_days) + size_t(day)] = 1;
    if (auto ok = addSeries(); !ok)
        return ok;
    if (auto ok = addOneOffs(); !ok)
        return ok;
    return m_context.progress(m_total, m_total);
}

Status Generator::addRooms()
{
    std::vector<const RoomSpec *> specs;
    std::vector<QString> names;
    for (const RoomSpec &r : Rooms) {
        specs.push_back(&r);
        names.push_back(text(r.name));
    }
    const DemoScale scale = m_context.options().scale;
    if (scale != DemoScale::Small)
        for (const RoomSpec &r : TownRooms) {
            specs.push_back(&r);
            names.push_back(text(r.name));
        }
    if (scale == DemoScale::City)
        for (const char16_t *site : Sites)
            for (const RoomSpec &r : SiteRooms) {
                specs.push_back(&r);
                names.push_back(text(site) + u' ' + text(r.name));
            }
    qint64 unit = 1;
    for (int i = 0; i < m_decimals; ++i)
        unit *= 10;
    for (size_t i = 0; i < specs.size(); ++i) {
        const RoomSpec &r = *specs[i];
        Space s;
        s.name = names[i];
        s.description = text(r.description);
        s.capacity = r.capacity;
        if (r.rate > 0)
            s.rate = Amount::fromMinor(r.rate * unit);
        s.setupMinutes = r.setup;
        s.cleanupMinutes = r.cleanup;
        s.features = text(r.features).split(u',');
        s.colour = QString::fromLatin1(r.colour);
        s.hours = {};
        for (int day = 0; day < 7; ++day)
            if (r.hours->closes[day] > 0)
                s.hours.days.at(day) = DayHours{r.hours->opens[day], r.hours->closes[day]};
        auto added = m_hub.spaces().add(s);
        if (!added)
            return fail(added.error());
        Room room{*added, r.kind, {}};
        for (int e = 0; e < int(std::size(Events)); ++e)
            if (Events[e].kind == r.kind)
                room.events.push_back(e);
        m_rooms.push_back(std::move(room));
    }
    return {};
}

Status Generator::addClosures()
{
    // Christmas, Boxing Day and New Year's Day close the whole hub every year
    // the calendar covers; a calendar without a Christmas gets the next one.
    const QDate last = dateOf(m_days - 1);
    QList<std::pair<QDate, QString>> holidays;
    for (int year = m_first.year(); year <= last.year(); ++year)
        holidays << std::pair{QDate(year, 1, 1), QStringLiteral("New Year's Day")}
                 << std::pair{QDate(year, 12, 25), QStringLiteral("Christmas Day")}
                 << std::pair{QDate(year, 12, 26), QStringLiteral("Boxing Day")};
    holidays.removeIf([&](const auto &h) { return h.first < m_first || h.first > last; });
    if (std::none_of(holidays.cbegin(), holidays.cend(), [](const auto &h) { return h.first.month() == 12; })) {
        const int year = last < QDate(last.year(), 12, 25) ? last.year() : last.year() + 1;
        holidays << std::pair{QDate(year, 12, 25), QStringLiteral("Christmas Day")}
                 << std::pair{QDate(year, 12, 26), QStringLiteral("Boxing Day")};
    }
    for (const auto &[day, reason] : std::as_const(holidays)) {
        if (auto ok = m_hub.spaces().addClosure(std::nullopt, day, reason); !ok)
            return fail(ok.error());
        m_hubClosed.insert(day);
    }
    // The kitchen's deep clean and the hall's floor, a few weeks from today.
    const QDate clean = dateOf(std::min(m_days - 1, m_today + 17));
    if (auto ok = m_hub.spaces().addClosure(m_rooms[1].space.id, clean, QStringLiteral("Deep clean")); !ok)
        return fail(ok.error());
    m_roomClosed.insert({1, clean});
    for (int i = 0; i < 2; ++i) {
        const QDate floor = dateOf(std::min(m_days - 1, m_today + 30 + i));
        if (m_hubClosed.contains(floor))
            continue;
        if (auto ok = m_hub.spaces().addClosure(m_rooms[0].space.id, floor, QStringLiteral("Floor sanded and sealed"));
            !ok)
            return fail(ok.error());
        m_roomClosed.insert({0, floor});
    }
    return {};
}

bool Generator::isOpen(int room, int day) const
{
    const QDate date = dateOf(day);
    return m_rooms[size_t(room)].space.hours.on(date.dayOfWeek()).has_value() && !m_hubClosed.contains(date) &&
           !m_roomClosed.contains({room, date});
}

QDateTime Generator::local(int day, int minute) const
{
    // Wall-clock arithmetic: on the days the clocks change, midnight plus
    // 19 hours is not 19:00.
    if (minute >= 24 * 60)
        return QDateTime(dateOf(day + 1), QTime(0, 0), m_zone);
    return QDateTime(dateOf(day), QTime(minute / 60, minute % 60), m_zone);
}

void Generator::take(int room, const QDateTime &startUtc, const QDateTime &endUtc)
{
    const QDateTime start = startUtc.toTimeZone(m_zone);
    const QDateTime end = endUtc.toTimeZone(m_zone);
    const int day = int(m_first.daysTo(start.date()));
    if (day < 0 || day >= m_days)
        return;
    const Space &s = m_rooms[size_t(room)].space;
    const int from = start.time().hour() * 60 + start.time().minute() - s.setupMinutes;
    const int to = int(start.secsTo(end) / 60) + from + s.setupMinutes + s.cleanupMinutes;
    DayPlan &p = plan(room, day);
    p.insert(std::upper_bound(p.begin(), p.end(), std::pair{from, to}), {from, to});
}

std::vector<int> Generator::freeStarts(int room, int day, int minutes) const
{
    const Space &s = m_rooms[size_t(room)].space;
    const auto hours = s.hours.on(dateOf(day).dayOfWeek());
    std::vector<int> starts;
    if (!hours)
        return starts;
    const DayPlan &p = m_plans[size_t(room) * size_t(m_days) + size_t(day)];
    // Buffers stay inside the opening hours too, so no booking needs an override.
    const int earliest = (hours->opens + s.setupMinutes + 14) / 15 * 15;
    for (int start = earliest; start + minutes + s.cleanupMinutes <= hours->closes; start += 15) {
        const int from = start - s.setupMinutes;
        const int to = start + minutes + s.cleanupMinutes;
        if (std::none_of(p.cbegin(), p.cend(),
                         [&](const auto &taken) { return from < taken.second && taken.first < to; }))
            starts.push_back(start);
    }
    return starts;
}

Status Generator::counted(qint64 n)
{
    const qint64 before = m_done;
    m_done += n;
    if (m_done / m_step != before / m_step && m_done < m_total)
        return m_context.progress(m_done, m_total);
    return {};
}

Status Generator::addSeries()
{
    struct Planned
    {
        QString title;
        int room;
        int weekday;
        int start;
        int minutes;
        int attendees;
        QString notes;
    };
    std::vector<Planned> planned;
    for (const SeriesSpec &s : BaseSeries)
        planned.push_back({text(s.title), s.room, s.weekday, s.start, s.minutes, s.attendees, text(s.notes)});
    // Every other room of a bigger hub has a weekly group of its own.
    for (int room = int(std::size(Rooms)); room < int(m_rooms.size()); room += 2) {
        const Space &s = m_rooms[size_t(room)].space;
        const int weekday = between(1, 6);
        const auto hours = s.hours.on(weekday);
        if (!hours)
            continue;
        const int minutes = 90;
        const int latest = hours->closes - s.cleanupMinutes - minutes;
        const int earliest = hours->opens + s.setupMinutes;
        if (latest < earliest)
            continue;
        const int start = (earliest + int(m_random.bounded(latest - earliest + 1))) / 30 * 30 + 30;
        if (start > latest)
            continue;
        planned.push_back({pickText(m_random, ExtraSeriesTitles), room, weekday, start, minutes,
                           std::max(1, s.capacity * 2 / 3), QString()});
    }

    const QDate last = dateOf(m_days - 1);
    for (const Planned &p : planned) {
        const Space &space = m_rooms[size_t(p.room)].space;
        int firstDay = 0;
        while (firstDay < m_days && dateOf(firstDay).dayOfWeek() != p.weekday)
            ++firstDay;
        if (firstDay >= m_days)
            continue;
        BookingDraft d;
        d.space = space.id;
        d.title = p.title;
        d.attendees = std::min(p.attendees, space.capacity);
        d.notes = p.notes;
        d.start = local(firstDay, p.start);
        d.end = local(firstDay, p.start + p.minutes);
        if (!m_members.empty() && p.title != QStringLiteral("Friendly gathering"))
            d.member = m_members[m_random.bounded(int(m_members.size()))];
        Recurrence r;
        r.frequency = Recurrence::Frequency::Weekly;
        r.weekdays = {p.weekday};
        r.until = last;
        d.repeat = r;
        d.skipClashes = true; // Christmas and the other closed days
        m_cursor = std::min(m_now, d.start.toSecsSinceEpoch() - 14 * 86400);
        auto outcome = m_hub.bookings().bookSeries(d);
        if (!outcome)
            return fail(outcome.error());
        for (const Booking &b : std::as_const(outcome->booked))
            take(p.room, b.start, b.end);
        if (auto ok = counted(outcome->booked.size()); !ok)
            return ok;
        // Now and then a session is called off: the date stays, cancelled.
        const QList<Booking> &booked = outcome->booked;
        if (booked.size() > 6) {
            const Booking &off = booked.at(int(m_random.bounded(int(booked.size()))));
            m_cursor = std::min(m_now, off.start.toSecsSinceEpoch() - 3 * 86400);
            if (auto cancelled = m_hub.bookings().cancel(off.id, CancelScope::Occurrence); !cancelled)
                return fail(cancelled.error());
        }
    }
    return {};
}

Status Generator::addOneOffs()
{
    const int ahead = m_days - 1 - m_today;
    qint64 misses = 0;
    while (m_done < m_total) {
        const int room = int(m_random.bounded(int(m_rooms.size())));
        const int day = int(m_random.bounded(m_days));
        // Fewer bookings the further ahead: people book weeks, not months, ahead.
        if (day > m_today && m_random.bounded(1000) < 600 * (day - m_today) / std::max(1, ahead))
            continue;
        char &full = m_full[size_t(room) * size_t(m_days) + size_t(day)];
        if (full)
            continue;
        const Room &r = m_rooms[size_t(room)];
        const bool hubOwn = m_members.empty() || m_random.bounded(100) < 12;
        const EventSpec &e = Events[r.events[m_random.bounded(int(r.events.size()))]];
        const int minutes = hubOwn
                                ? 60 + 30 * int(m_random.bounded(3))
                                : (e.minMinutes + 15 * int(m_random.bounded((e.maxMinutes - e.minMinutes) / 15 + 1)));
        const std::vector<int> starts = freeStarts(room, day, minutes);
        if (starts.empty()) {
            // Even the shortest booking no longer fits: stop drawing this day.
            if (freeStarts(room, day, 30).empty())
                full = 1;
            if (++misses > 50 * m_total)
                return fail(Error::storage(QStringLiteral("the spaces demo found no free time after %1 tries "
                                                          "(%2 of %3 bookings made)")
                                               .arg(misses)
                                               .arg(m_done)
                                               .arg(m_total)));
            continue;
        }
        const int start = starts[m_random.bounded(int(starts.size()))];
        BookingDraft d;
        d.space = r.space.id;
        d.title = hubOwn ? pickText(m_random, HubTitles) : text(e.title);
        if (!hubOwn)
            d.member = m_members[m_random.bounded(int(m_members.size()))];
        d.attendees = between(std::max(1, r.space.capacity / 4), std::max(1, r.space.capacity * 9 / 10));
        d.start = local(day, start);
        d.end = local(day, start + minutes);
        // Holds are for dates still to come.
        d.tentative = day > m_today && m_random.bounded(100) < 15;
        if (m_random.bounded(100) < 10)
            d.notes = pickText(m_random, Notes);
        // Booked a few days to a few weeks before, and never after today.
        m_cursor = std::min(m_now - qint64(m_random.bounded(3 * 86400)),
                            d.start.toSecsSinceEpoch() - qint64(between(1, 40)) * 86400);
        if (auto ok = book(d, room, day); !ok)
            return ok;
    }
    return {};
}

Status Generator::book(const BookingDraft &draft, int room, int day)
{
    auto booked = m_hub.bookings().book(draft);
    if (!booked)
        return fail(Error{booked.error().kind,
                          QStringLiteral("demo booking “%1” on %2 was refused: %3")
                              .arg(draft.title, dateOf(day).toString(Qt::ISODate), booked.error().message),
                          booked.error().where});
    take(room, booked->start, booked->end);
    // A few are called off again; their rows stay, cancelled.
    if (m_random.bounded(100) < 3)
        if (auto cancelled = m_hub.bookings().cancel(booked->id); !cancelled)
            return fail(cancelled.error());
    return counted();
}

} // namespace

int SpaceDemoPart::bookingCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return 200;
    case DemoScale::Town:
        return 10'000;
    case DemoScale::City:
        return 200'000;
    }
    return 200;
}

int SpaceDemoPart::spaceCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return int(std::size(Rooms));
    case DemoScale::Town:
        return int(std::size(Rooms) + std::size(TownRooms));
    case DemoScale::City:
        return int(std::size(Rooms) + std::size(TownRooms) + std::size(Sites) * std::size(SiteRooms));
    }
    return int(std::size(Rooms));
}

Status SpaceDemoPart::generate(Hub &hub, DemoContext &context)
{
    Generator generator(hub, context);
    return generator.run();
}

} // namespace hub
