// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gatheringdemopart.h"

#include "core/gatherings/challengeservice.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/registrationservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"

#include <QTimeZone>

#include <algorithm>
#include <iterator>

namespace hub {

namespace {

struct Told
{
    const char16_t *title;
    const char16_t *story;
    const char16_t *tag;
};

constexpr Told Ideas[] = {
    {u"A tool library in the old shop",
     u"Every house on our road owns a drill that is used twice a year. The empty shop on the corner could lend them "
     u"out.",
     u"sharing"},
    {u"Repair café on Saturdays",
     u"My toaster broke and the shop said buy a new one. A neighbour fixed it in ten minutes with a screwdriver.",
     u"repair"},
    {u"Community fridge", u"The bakery throws away bread every evening while families two streets away skip meals.",
     u"food"},
    {u"Street party in June", u"I have lived here eleven years and only know the names of three neighbours.",
     u"belonging"},
    {u"Planters on the high street", u"The high street feels grey; the children asked why there are no flowers.",
     u"green"},
    {u"Homework club in the library", u"My son has nowhere quiet to study and I work evenings.", u"young people"},
    {u"Lift-share board for the hospital", u"Getting to outpatients takes two buses and most of a morning.",
     u"transport"},
    {u"Welcome pack for new neighbours", u"When we moved here nobody told us where the doctor or the food bank was.",
     u"belonging"},
    {u"Saturday market for local makers",
     u"There are potters, bakers and knitters on every street and nowhere to sell.", u"local economy"},
    {u"Warm space in winter", u"Last January my neighbour sat in her coat all day to save on heating.", u"care"},
    {u"Seed swap in spring", u"I always grow too many tomato plants and end up composting them.", u"green"},
    {u"Skills swap evenings", u"I can fix bikes but cannot cook; my neighbour is the opposite.", u"sharing"},
    {u"Safer crossing by the school", u"Cars speed past the school gate every morning.", u"safety"},
    {u"Oral history of the estate",
     u"The older residents remember the estate being built and nobody has written it down.", u"heritage"},
    {u"Pop-up cinema in the hall", u"The nearest cinema is forty minutes away and costs too much for a family.",
     u"culture"},
};

constexpr const char16_t *Themes[] = {
    u"What would make our street a better place to live?",
    u"What do you love about this neighbourhood, and what is missing?",
    u"How can we help our high street through the winter?",
    u"Who is lonely here, and how would we know?",
    u"What could we share instead of everyone buying?",
};

constexpr const char16_t *Actions[] = {
    u"Ask the council about the empty shop",
    u"Draw up a volunteer rota",
    u"Find insurance for the equipment",
    u"Make a poster and a leaflet",
    u"Talk to the head teacher",
    u"Borrow tables from the church hall",
    u"Open a bank account for donations",
    u"Set up a sign-up sheet",
    u"Write to the local paper",
    u"Visit a repair café in the next town",
    u"Ask the bakery about leftover bread",
    u"Book the hall for a launch",
};

struct Challenge
{
    const char16_t *title;
    const char16_t *text;
    const char16_t *skills;
};

// Skills named as the members demo names them, so suggestions find helpers.
constexpr Challenge Challenges[] = {
    {u"Our website is out of date", u"We lose bookings because customers cannot find our opening hours online.",
     u"Web design,Social media"},
    {u"Quiet afternoons", u"The café is empty between two and five; how could the neighbourhood use it?",
     u"Catering for groups,Event photography"},
    {u"Accounts in a shoebox", u"We need help setting up simple bookkeeping before the tax deadline.",
     u"Bookkeeping,Spreadsheets,Tax returns"},
    {u"A shop window that says who we are", u"Passers-by do not know we repair bikes as well as sell them.",
     u"Drawing,Painting and decorating,Bike repair"},
    {u"Deliveries for older customers", u"Regulars who no longer get out ask whether we could deliver.",
     u"Driving (van),Elderly befriending"},
    {u"Menus in more languages",
     u"Half our customers speak Polish, Arabic or Somali at home; our menu is English only.", u"Polish,Arabic,Somali"},
    {u"Card payments confuse our regulars", u"Older customers struggle with the new card reader and the app.",
     u"Smartphone help,Computer help"},
};

// DemoContext::pick() wants a container; these word lists are plain arrays.
template<typename T, size_t N> const T &pickFrom(DemoContext &context, const T (&items)[N])
{
    return items[context.random().bounded(int(N))];
}

QString text(const char16_t *s)
{
    return QString::fromUtf16(s);
}

/// Sets the hub's clock to each moment the part writes at, and back at the end.
class ClockGuard
{
public:
    ClockGuard(Hub &hub, QDateTime *at) : m_hub(hub), m_clock(hub.clock())
    {
        m_hub.setClock(Clock([at] { return *at; }));
    }
    ~ClockGuard() { m_hub.setClock(m_clock); }
    Q_DISABLE_COPY_MOVE(ClockGuard)

private:
    Hub &m_hub;
    Clock m_clock;
};

class Generator
{
public:
    Generator(Hub &hub, DemoContext &context) : m_hub(hub), m_context(context) {}

    Status run()
    {
        const QDateTime realNow = m_hub.clock().now();
        m_at = realNow;
        ClockGuard guard(m_hub, &m_at);
        if (auto ok = loadPeople(); !ok)
            return ok;
        if (m_people.isEmpty())
            return m_context.progress(1, 1); // nobody to gather
        if (auto ok = loadSpaces(); !ok)
            return ok;
        const int total = GatheringDemoPart::gatheringCount(m_context.options().scale);
        const QDate today = realNow.toTimeZone(m_hub.bookings().zone()).date();
        // A year up to a month from now, so the Gatherings page has both.
        const QDate first = today.addDays(-335);
        for (int i = 0; i < total; ++i) {
            const QDate day = first.addDays(qint64(i + 1) * 365 / total);
            if (auto ok = gathering(i, day, realNow); !ok)
                return ok;
            if (auto ok = m_context.progress(i + 1, total + 1); !ok)
                return ok;
        }
        m_at = realNow;
        if (auto ok = challenges(); !ok)
            return ok;
        return m_context.progress(total + 1, total + 1);
    }

private:
    Status loadPeople()
    {
        MemberFilter f;
        f.status = MemberStatus::Active;
        auto all = m_hub.members().list(f);
        if (!all)
            return fail(all.error());
        for (const Member &m : std::as_const(*all)) {
            if (m.kind == MemberKind::Organisation)
                m_organisations << m.id;
            else
                m_people << m.id;
        }
        // The hub's own account is an organisation too, but it brings no challenges to itself.
        if (auto own = m_hub.ledger().hubAccount())
            m_organisations.removeAll(own->member);
        // Regulars: a steady core who come to most gatherings.
        const int regulars = std::max<int>(3, int(m_people.size()) / 12);
        for (int i = 0; i < regulars && i < m_people.size(); ++i)
            m_regulars << m_people[m_context.random().bounded(int(m_people.size()))];
        return {};
    }

    Status loadSpaces()
    {
        auto spaces = m_hub.spaces().list(true);
        if (!spaces)
            return fail(spaces.error());
        for (const Space &s : std::as_const(*spaces)) {
            if (s.name.compare(QStringLiteral("Main hall"), Qt::CaseInsensitive) == 0)
                m_spaces.prepend(s.id);
            else if (s.capacity >= 20 && m_context.options().scale != DemoScale::Small)
                m_spaces << s.id;
        }
        if (m_spaces.isEmpty()) {
            // No spaces part ran (or it has no hall): the gatherings get one.
            Space hall;
            hall.name = QStringLiteral("Main hall");
            hall.description = QStringLiteral("Where the Friendly gatherings meet");
            hall.capacity = 60;
            hall.setupMinutes = 15;
            hall.cleanupMinutes = 30;
            auto added = m_hub.spaces().add(hall);
            if (!added)
                return fail(added.error());
            m_spaces << added->id;
        }
        return {};
    }

    // Books the first free room and evening slot; outdoors when none is free.
    Result<Gathering> hold(GatheringDraft d, QDate day)
    {
        static constexpr int Starts[][2] = {{19, 0}, {18, 0}, {10, 30}, {14, 0}, {20, 0}};
        for (const auto &[h, m] : Starts) {
            for (SpaceId space : std::as_const(m_spaces)) {
                d.space = space;
                d.start = m_hub.bookings().localTime(day, QTime(h, m));
                d.end = d.start.addSecs(2 * 3600);
                d.capacity = 0;
                auto g = m_hub.gatherings().add(d);
                if (g)
                    return g;
                if (g.error().kind != ErrorKind::Refused && g.error().kind != ErrorKind::Invalid)
                    return g;
            }
        }
        d.space.reset();
        d.capacity = 40;
        d.notes = QStringLiteral("Outdoors in the park: every room was taken.");
        d.start = m_hub.bookings().localTime(day, QTime(19, 0));
        d.end = d.start.addSecs(2 * 3600);
        return m_hub.gatherings().add(d);
    }

    Status gathering(int index, QDate day, const QDateTime &realNow)
    {
        auto &rnd = m_context.random();
        GatheringDraft d;
        const bool bigHub = m_context.options().scale != DemoScale::Small;
        d.kind = index % 4 == 3                   ? GatheringKind::Collaboratory
                 : bigHub && rnd.bounded(20) == 0 ? GatheringKind::BusinessChallenge
                                                  : GatheringKind::Friendly;
        d.title = d.kind == GatheringKind::Collaboratory       ? QStringLiteral("Collaboratory")
                  : d.kind == GatheringKind::BusinessChallenge ? QStringLiteral("Business challenge evening")
                                                               : QStringLiteral("Friendly gathering");
        d.title += QStringLiteral(" — ") + QLocale::c().toString(day, QStringLiteral("MMMM yyyy"));
        d.theme = text(pickFrom(m_context, Themes));
        if (d.kind == GatheringKind::Collaboratory) {
            d.voting = VotingMode::Dots;
            d.dotsPerAttendee = 3;
        }
        d.facilitators << m_regulars[rnd.bounded(int(m_regulars.size()))];
        m_at = m_hub.bookings().localTime(day.addDays(-21), QTime(12, 0));
        auto g = hold(d, day);
        if (!g)
            return fail(g.error());

        // Sign-ups in the three weeks before.
        const int signUps = std::min<int>(int(m_people.size()), 4 + rnd.bounded(12));
        QList<MemberId> coming;
        for (int i = 0; i < signUps; ++i) {
            const MemberId who = rnd.bounded(2) ? m_regulars[rnd.bounded(int(m_regulars.size()))]
                                                : m_people[rnd.bounded(int(m_people.size()))];
            m_at = m_at.addSecs(3600 * (1 + rnd.bounded(24)));
            if (m_hub.registrations().add(g->id, who))
                coming << who;
        }
        if (g->start > realNow)
            return {};

        // The evening: most who signed up come, plus regulars, newcomers and walk-ins.
        m_at = g->start;
        QList<AttendanceId> here;
        QList<std::pair<std::optional<MemberId>, std::optional<WalkInId>>> voices;
        auto arrive = [&](MemberId who) {
            m_at = m_at.addSecs(30 + rnd.bounded(120));
            if (auto a = m_hub.checkIns().checkIn(g->id, who)) {
                here << a->id;
                voices.push_back({who, std::nullopt});
            }
        };
        for (MemberId who : std::as_const(coming))
            if (rnd.bounded(10) < 8)
                arrive(who);
        for (int i = 0; i < 2 + rnd.bounded(4); ++i)
            arrive(m_people[rnd.bounded(int(m_people.size()))]);
        static const QStringList Given = {QStringLiteral("Sam"),   QStringLiteral("Priya"),   QStringLiteral("Tomasz"),
                                          QStringLiteral("Aisha"), QStringLiteral("Rhys"),    QStringLiteral("Mei"),
                                          QStringLiteral("Kwame"), QStringLiteral("Siobhan"), QStringLiteral("Yusuf")};
        static const QStringList Family = {QStringLiteral("Hughes"), QStringLiteral("Nowak"), QStringLiteral("Okafor"),
                                           QStringLiteral("Patel"),  QStringLiteral("Byrne"), QStringLiteral("Chen")};
        for (int i = 0; i < rnd.bounded(4); ++i) {
            WalkInDraft w;
            w.name = m_context.pick(Given) + u' ' + m_context.pick(Family);
            if (rnd.bounded(2)) {
                w.email = w.name.toLower().replace(u' ', u'.') + QStringLiteral("@example.net");
                w.consent = rnd.bounded(3) > 0;
            }
            m_at = m_at.addSecs(60);
            if (auto a = m_hub.checkIns().checkInWalkIn(g->id, w)) {
                here << a->id;
                voices.push_back({std::nullopt, a->walkIn});
            }
        }
        if (here.isEmpty())
            return {};

        // Stories and ideas, then the votes.
        QList<IdeaId> ideas;
        const int told = 2 + rnd.bounded(4);
        for (int i = 0; i < told; ++i) {
            const Told &t = pickFrom(m_context, Ideas);
            const auto &[member, walkIn] = voices[rnd.bounded(int(voices.size()))];
            IdeaDraft idea;
            idea.gathering = g->id;
            idea.title = text(t.title);
            idea.story = text(t.story);
            idea.tags = {text(t.tag)};
            idea.authorMember = member;
            idea.authorWalkIn = walkIn;
            m_at = g->start.addSecs(1800 + 300 * i);
            if (auto added = m_hub.ideas().add(idea))
                ideas << added->id;
        }
        m_at = g->start.addSecs(5400);
        for (AttendanceId voter : std::as_const(here)) {
            if (d.voting == VotingMode::Dots) {
                for (int dot = 0; dot < 3; ++dot)
                    (void)m_hub.ideas().vote(ideas[rnd.bounded(int(ideas.size()))], voter, 1);
            } else {
                for (IdeaId idea : std::as_const(ideas))
                    if (rnd.bounded(3) == 0)
                        (void)m_hub.ideas().vote(idea, voter);
            }
        }
        if (auto ok = m_hub.ideas().closeVoting(g->id); !ok)
            return ok;
        if (d.kind == GatheringKind::Collaboratory)
            return promote(*g, voices);
        return {};
    }

    Status promote(const Gathering &g, const QList<std::pair<std::optional<MemberId>, std::optional<WalkInId>>> &voices)
    {
        auto &rnd = m_context.random();
        auto ranked = m_hub.ideas().ranked(g.id);
        if (!ranked)
            return fail(ranked.error());
        if (ranked->isEmpty() || ranked->first().promotedTo)
            return {};
        const Idea &best = ranked->first();
        std::optional<MemberId> convenor = best.authorMember;
        if (!convenor)
            for (const auto &v : voices)
                if (v.first)
                    convenor = v.first;
        auto group = m_hub.workingGroups().promote(best.id, best.title, convenor);
        if (!group)
            return group.error().kind == ErrorKind::Refused ? Status() : fail(group.error());
        for (const auto &v : voices)
            if (v.first && rnd.bounded(3) == 0)
                (void)m_hub.workingGroups().join(group->id, *v.first);
        const QDate day = g.start.toTimeZone(m_hub.bookings().zone()).date();
        const QDate today = m_hub.workingGroups().today();
        for (int i = 0; i < 2 + rnd.bounded(3); ++i) {
            ActionDraft a;
            a.group = group->id;
            a.title = text(pickFrom(m_context, Actions));
            a.owner = convenor && rnd.bounded(2) ? *convenor : m_regulars[rnd.bounded(int(m_regulars.size()))];
            a.due = day.addDays(14 + rnd.bounded(60));
            auto added = m_hub.workingGroups().addAction(a);
            if (!added)
                continue;
            // Most actions due in the past were done; a few are overdue or dropped.
            if (a.due < today) {
                const int fate = rnd.bounded(10);
                if (fate < 7) {
                    m_at = m_hub.bookings().localTime(a.due, QTime(18, 0));
                    (void)m_hub.workingGroups().setStatus(added->id, ActionStatus::Done);
                } else if (fate == 7) {
                    (void)m_hub.workingGroups().setStatus(added->id, ActionStatus::Dropped,
                                                          QStringLiteral("Overtaken by events"));
                }
            }
        }
        return {};
    }

    Status challenges()
    {
        if (m_organisations.isEmpty())
            return {};
        auto &rnd = m_context.random();
        const int n = m_context.options().scale == DemoScale::Small  ? 2
                      : m_context.options().scale == DemoScale::Town ? 10
                                                                     : 100;
        // Walk the list from a random start, so a small hub never hears one challenge twice.
        constexpr int kinds = int(std::size(Challenges));
        const int first = rnd.bounded(kinds);
        const qsizetype firstBusiness = rnd.bounded(int(m_organisations.size()));
        for (int i = 0; i < n; ++i) {
            const Challenge &c = Challenges[(first + i) % kinds];
            ChallengeDraft d;
            d.organisation = m_organisations[(firstBusiness + i) % m_organisations.size()];
            d.title = text(c.title);
            d.description = text(c.text);
            d.skills = text(c.skills).split(u',');
            auto added = m_hub.challenges().add(d);
            if (!added)
                return added.error().kind == ErrorKind::Storage ? fail(added.error()) : Status();
            auto helpers = m_hub.challenges().suggestions(added->id, 5);
            if (!helpers)
                return fail(helpers.error());
            for (const SuggestedHelper &h : std::as_const(*helpers))
                if (rnd.bounded(2) == 0)
                    (void)m_hub.challenges().volunteer(added->id, h.member);
        }
        return {};
    }

    Hub &m_hub;
    DemoContext &m_context;
    QDateTime m_at;
    QList<MemberId> m_people;
    QList<MemberId> m_regulars;
    QList<MemberId> m_organisations;
    QList<SpaceId> m_spaces;
};

} // namespace

int GatheringDemoPart::gatheringCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return 12;
    case DemoScale::Town:
        return 200;
    case DemoScale::City:
        return 5000;
    }
    return 12;
}

Status GatheringDemoPart::generate(Hub &hub, DemoContext &context)
{
    Generator generator(hub, context);
    return generator.run();
}

} // namespace hub
