// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerdemopart.h"

#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/query.h"

#include <QLocale>
#include <QMap>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <vector>

namespace hub {

namespace {

// ---- What people trade ------------------------------------------------------

// One kind of transfer a member with `skill` might be paid for. In `text`,
// {h} becomes the time taken ("2h", "45 min") and {skill} the skill's name, so
// a memo always agrees with its amount. Amounts are in quarter hours: the
// unit is "Hours" and most jobs take between a quarter of an hour and four.
struct MemoSpec
{
    const char16_t *skill; ///< a skill name from the members demo; "" = anyone can do it
    const char16_t *text;
    const char16_t *category;
    int minQuarters;
    int maxQuarters;
};

// Skills without a line here (none at the moment) fall back to the general memos.
constexpr const char16_t *HubWork = u"@hub";   // the hub pays volunteers
constexpr const char16_t *RoomHire = u"@room"; // members pay the hub

const MemoSpec Memos[] = {
    {u"Cooking", u"{h} cooking for the community lunch", u"food", 4, 12},
    {u"Cooking", u"hot meals for a neighbour after an operation", u"care", 2, 6},
    {u"Cooking", u"{h} cooking lesson: family meals on a budget", u"lessons", 4, 8},
    {u"Baking", u"bread for the community dinner", u"food", 2, 6},
    {u"Baking", u"birthday cake for the street party", u"food", 4, 10},
    {u"Baking", u"{h} sourdough workshop", u"lessons", 6, 12},
    {u"Catering for groups", u"buffet for the summer fair", u"events", 8, 20},
    {u"Catering for groups", u"{h} food for the volunteers' evening", u"events", 4, 12},
    {u"Food hygiene", u"kitchen check before the pop-up café", u"food", 2, 6},
    {u"Carpentry", u"shelves put up in the kitchen", u"repairs", 4, 10},
    {u"Carpentry", u"garden gate fixed", u"repairs", 2, 8},
    {u"Carpentry", u"raised beds for the allotment", u"garden", 8, 16},
    {u"Sewing", u"trousers taken up", u"repairs", 1, 3},
    {u"Sewing", u"zip replaced on a winter coat", u"repairs", 2, 4},
    {u"Sewing", u"curtains for the hub hall", u"events", 8, 16},
    {u"Knitting", u"{h} knitting lesson", u"lessons", 4, 8},
    {u"Knitting", u"hats for the winter appeal", u"care", 4, 12},
    {u"Bike repair", u"bike repair: new brake cables", u"repairs", 2, 4},
    {u"Bike repair", u"bike repair: puncture and gears", u"repairs", 1, 4},
    {u"Bike repair", u"child's bike serviced", u"repairs", 2, 4},
    {u"Electronics repair", u"lamp rewired at the repair café", u"repairs", 1, 3},
    {u"Electronics repair", u"toaster repaired", u"repairs", 1, 4},
    {u"Plumbing", u"dripping tap fixed, new washers", u"repairs", 2, 4},
    {u"Plumbing", u"radiators bled and checked", u"repairs", 2, 4},
    {u"Painting and decorating", u"{h} painting the community hall", u"events", 8, 16},
    {u"Painting and decorating", u"bedroom decorated for a new baby", u"repairs", 8, 16},
    {u"Bookkeeping", u"{h} club accounts before the AGM", u"admin", 4, 12},
    {u"Tax returns", u"self-assessment tax return help", u"admin", 4, 8},
    {u"Benefits advice", u"Universal Credit claim, {h} of help", u"admin", 2, 8},
    {u"Form filling", u"housing application form filled in", u"admin", 2, 6},
    {u"Form filling", u"passport renewal form", u"admin", 1, 3},
    {u"CV writing", u"CV review and interview practice", u"admin", 4, 8},
    {u"Guitar", u"{h} guitar lesson", u"lessons", 2, 8},
    {u"Guitar", u"guitar restrung and tuned", u"repairs", 1, 2},
    {u"Guitar", u"guitar at the open-mic night", u"events", 4, 8},
    {u"Piano", u"{h} piano lesson", u"lessons", 2, 6},
    {u"Piano", u"piano for the carol concert", u"events", 4, 10},
    {u"Singing", u"{h} choir session", u"lessons", 4, 8},
    {u"Singing", u"singing at a wedding", u"events", 4, 8},
    {u"Drawing", u"{h} drawing class", u"lessons", 4, 8},
    {u"Drawing", u"posters for the jumble sale", u"events", 2, 6},
    {u"Event photography", u"photos of the summer fair", u"events", 8, 16},
    {u"Event photography", u"portraits for the volunteer board", u"events", 4, 8},
    {u"Pottery", u"{h} pottery session", u"lessons", 4, 10},
    {u"Pottery", u"mugs glazed for the fundraiser", u"events", 4, 8},
    {u"Web design", u"website for the residents' association", u"digital", 8, 16},
    {u"Web design", u"café menu updated online", u"digital", 1, 4},
    {u"Computer help", u"laptop set up and cleaned of viruses", u"digital", 4, 8},
    {u"Computer help", u"photos recovered from an old computer", u"digital", 2, 6},
    {u"Smartphone help", u"video calls set up on a new phone", u"digital", 2, 4},
    {u"Smartphone help", u"contacts moved to a new phone", u"digital", 1, 2},
    {u"Spreadsheets", u"volunteer rota spreadsheet", u"admin", 4, 8},
    {u"Social media", u"posts for the jumble sale", u"events", 2, 4},
    {u"Childcare", u"{h} babysitting", u"care", 4, 16},
    {u"Childcare", u"school run cover", u"care", 2, 4},
    {u"Elderly befriending", u"visit and a cuppa with an older neighbour", u"care", 4, 8},
    {u"Elderly befriending", u"lift to a hospital appointment", u"transport", 4, 12},
    {u"Dog walking", u"{h} dog walking in Roath Park", u"care", 2, 6},
    {u"Dog walking", u"cat fed during the holidays", u"care", 2, 8},
    {u"First aid", u"first aid cover at the fun run", u"events", 8, 16},
    {u"First aid", u"{h} first aid training", u"lessons", 8, 12},
    {u"Mental health first aid", u"{h} wellbeing walk", u"care", 4, 8},
    {u"Gardening", u"{h} weeding and planting", u"garden", 4, 12},
    {u"Gardening", u"seedlings for the allotment", u"garden", 1, 3},
    {u"Tree pruning", u"apple tree pruned", u"garden", 4, 8},
    {u"Tree pruning", u"hedge cut back from the pavement", u"garden", 4, 10},
    {u"Composting", u"compost bin set up", u"garden", 2, 6},
    {u"Beekeeping", u"honey from the community hives", u"food", 1, 4},
    {u"Beekeeping", u"swarm collected from a shed", u"garden", 4, 8},
    {u"Maths tutoring", u"{h} GCSE maths tutoring", u"lessons", 4, 8},
    {u"Reading with children", u"{h} reading with a child after school", u"lessons", 2, 4},
    {u"English conversation", u"{h} English conversation practice", u"languages", 2, 6},
    {u"British Sign Language", u"{h} BSL lesson", u"lessons", 4, 8},
    {u"British Sign Language", u"signing at the open day", u"events", 8, 12},
    {u"Driving (van)", u"van for a house move", u"transport", 8, 24},
    {u"Driving (van)", u"food donations collected with the van", u"transport", 4, 10},
    {u"Moving help", u"{h} help moving to a new flat", u"transport", 8, 16},
    {u"Moving help", u"sofa carried up two flights of stairs", u"transport", 2, 4},
    // Languages: the same three memos for each.
    {u"Polish", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Polish", u"interpreting {skill} at a GP appointment", u"languages", 4, 8},
    {u"Welsh", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Welsh", u"{h} {skill} conversation practice", u"languages", 2, 6},
    {u"Bengali", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Bengali", u"interpreting {skill} at a GP appointment", u"languages", 4, 8},
    {u"Somali", u"translation {skill}-English, 2 pages", u"languages", 8, 8},
    {u"Somali", u"interpreting {skill} at a GP appointment", u"languages", 4, 8},
    {u"Arabic", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Arabic", u"interpreting {skill} at the housing office", u"languages", 4, 8},
    {u"Portuguese", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Portuguese", u"{h} {skill} conversation practice", u"languages", 2, 6},
    {u"Turkish", u"translation {skill}-English, 1 page", u"languages", 4, 4},
    {u"Turkish", u"interpreting {skill} at a GP appointment", u"languages", 4, 8},
    {u"Romanian", u"translation {skill}-English, 2 pages", u"languages", 8, 8},
    {u"Romanian", u"{h} {skill} conversation practice", u"languages", 2, 6},
    // Anyone can do these: what members without a listed skill are paid for.
    {u"", u"{h} helping at the community lunch", u"events", 4, 12},
    {u"", u"litter pick in the park", u"events", 4, 8},
    {u"", u"lift to the supermarket", u"transport", 2, 4},
    {u"", u"shopping for a neighbour", u"care", 2, 4},
    {u"", u"chairs set out for the hub meeting", u"events", 2, 4},
    {u"", u"leaflets delivered on three streets", u"events", 4, 8},
    // The hub pays volunteers for running it, out of the levies.
    {HubWork, u"{h} reception shift at the hub", u"admin", 8, 16},
    {HubWork, u"hub newsletter folded and posted", u"admin", 4, 8},
    {HubWork, u"hall set up for the AGM", u"events", 4, 8},
    {HubWork, u"{h} stewarding the summer fair", u"events", 8, 16},
    // Members pay the hub for its rooms.
    {RoomHire, u"back room hire, {h}", u"events", 4, 12},
    {RoomHire, u"main hall hire for a birthday party, {h}", u"events", 12, 20},
};

constexpr const char16_t *ReversalReasons[] = {
    u"entered twice",          u"wrong member chosen",    u"session cancelled",
    u"amount entered wrongly", u"paid the wrong account",
};

QString text(const char16_t *s)
{
    return QString::fromUtf16(s);
}

/// "15 min", "1h", "1h 30 min": how members write time in a memo.
QString hoursPhrase(int quarters)
{
    const int hours = quarters / 4;
    const int minutes = (quarters % 4) * 15;
    if (hours == 0)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes == 0)
        return QStringLiteral("%1h").arg(hours);
    return QStringLiteral("%1h %2 min").arg(hours).arg(minutes);
}

constexpr qint64 Day = 24 * 60 * 60;
constexpr qint64 Never = std::numeric_limits<qint64>::max();

// ---- Who trades -------------------------------------------------------------

struct Trader
{
    MemberId member;
    bool organisation = false;
    qint64 from = 0;        ///< first moment they may trade: the day they joined
    qint64 until = Never;   ///< the day they lapsed or left
    std::vector<int> memos; ///< indices into Memos this member can be paid for
    // A copy of the account as the service keeps it, only to avoid drawing
    // transfers that are bound to be refused; the service still decides.
    qint64 balance = 0;
    qint64 limitMin = 0;
    std::optional<qint64> limitMax;

    bool activeAt(qint64 at) const { return from <= at && at < until; }
};

/// A posted trade that may later be reversed.
struct Reversible
{
    TransferId id;
    int payer;
    int payee;
    qint64 amount;
};

/// Restores the hub's clock and actor however the part ends.
class ClockGuard
{
public:
    ClockGuard(Hub &hub, qint64 *cursor) : m_hub(hub), m_clock(hub.clock()), m_actor(hub.actor())
    {
        m_hub.setClock(Clock([cursor] { return QDateTime::fromSecsSinceEpoch(*cursor, Qt::UTC); }));
        // The actor is part of each transfer's hash: a fixed name keeps the demo
        // the same whoever runs it.
        m_hub.setActor(QStringLiteral("demo"));
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

class Generator
{
public:
    Generator(Hub &hub, DemoContext &context)
        : m_hub(hub), m_ledger(hub.ledger()), m_context(context), m_random(context.random())
    {}

    Status run();

private:
    enum class Outcome
    {
        Posted,
        Skipped
    };

    Status loadTraders();
    Status openAccounts();
    void rankActivity();
    Status setStartingLimits();
    Status planLevies();
    double slotPosition(qint64 slot) const;
    qint64 slotTime(qint64 slot) const;

    Result<Outcome> trade(qint64 at);
    Result<Outcome> hubPays(qint64 at);
    Result<Outcome> roomHire(qint64 at);
    Result<Outcome> reverseOne();
    Status changeLimit(qint64 at);
    Status runLevy(int index);

    Result<Outcome> pay(int payer, int payee, const MemoSpec &memo, int quarters, bool reversible);
    Result<Outcome> outcomeOf(const Result<Posting> &posting, int payer, int payee);
    Status limits(int trader, qint64 min, std::optional<qint64> max, std::optional<qint64> warn, const QString &note);
    Status counted(qint64 n = 1);

    int draw(const std::vector<double> &cumulative);
    const MemoSpec &memoFor(int trader);
    int quartersFor(const MemoSpec &memo);
    bool headroom(const Trader &payer, const Trader &payee, qint64 amount) const;
    qint64 minor(int quarters) const { return std::max<qint64>(1, quarters * m_unit / 4); }

    Hub &m_hub;
    LedgerService &m_ledger;
    DemoContext &m_context;
    QRandomGenerator &m_random;

    std::vector<Trader> m_traders; ///< members in id order, then the hub
    int m_hubIndex = -1;
    QMap<MemberId, int> m_indexOf;
    std::vector<double> m_payerWeights; ///< cumulative
    std::vector<double> m_payeeWeights; ///< cumulative, favouring those with something to offer
    std::vector<int> m_busiest;
    std::vector<int> m_generalMemos;
    std::vector<int> m_hubMemos;
    std::vector<int> m_roomMemos;
    std::deque<Reversible> m_recent;

    struct Levy
    {
        qint64 at;
        bool organisations; ///< monthly for organisations, else the yearly one for people
        qint64 quarters;
        QString memo;
    };
    std::vector<Levy> m_levies;
    qint64 levyEstimate(size_t from) const;

    qint64 m_unit = 100; ///< minor units in one hour
    qint64 m_now = 0;
    qint64 m_start = 0;
    qint64 m_cursor = 0; ///< what the hub's clock says while the part runs
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_step = 1;
    // Trade slots from m_segmentSlot on are spread evenly from day
    // m_segmentStart to the end of the year; after each levy the rest is
    // spread again, so the last trade lands near "now" however many levies
    // the limits let through.
    double m_segmentStart = 0;
    qint64 m_segmentSlot = 0;
    qint64 m_segmentSlots = 1;
};

Status Generator::run()
{
    m_total = LedgerDemoPart::transferCount(m_context.options().scale);
    // Progress about every 1%: often enough for a bar, rare enough to cost nothing.
    m_step = std::max<qint64>(1, m_total / 100);
    const auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    m_unit = 1;
    for (int i = 0; i < settings->decimals; ++i)
        m_unit *= 10;
    // A year of trade up to the hub's "now", by whole days from midnight UTC.
    m_now = m_hub.clock().nowSecs();
    m_start = (m_now - 365 * Day) / Day * Day;
    m_cursor = m_start;
    ClockGuard guard(m_hub, &m_cursor);

    for (int i = 0; i < int(std::size(Memos)); ++i) {
        const QString skill = text(Memos[i].skill);
        if (skill.isEmpty())
            m_generalMemos.push_back(i);
        else if (skill == text(HubWork))
            m_hubMemos.push_back(i);
        else if (skill == text(RoomHire))
            m_roomMemos.push_back(i);
    }
    if (auto ok = loadTraders(); !ok)
        return ok;
    if (m_traders.size() < 3)
        return m_context.progress(m_total, m_total); // nobody to trade with
    if (auto ok = openAccounts(); !ok)
        return ok;
    rankActivity();
    if (auto ok = setStartingLimits(); !ok)
        return ok;
    if (auto ok = planLevies(); !ok)
        return ok;
    m_segmentSlots = std::max<qint64>(1, m_total - levyEstimate(0));

    size_t nextLevy = 0;
    qint64 slot = 0;
    qint64 misses = 0;
    while (m_done < m_total) {
        const qint64 at = slotTime(slot);
        if (nextLevy < m_levies.size() && m_levies[nextLevy].at <= at) {
            while (nextLevy < m_levies.size() && m_levies[nextLevy].at <= at && m_done < m_total)
                if (auto ok = runLevy(int(nextLevy++)); !ok)
                    return ok;
            m_segmentStart = slotPosition(slot);
            m_segmentSlot = slot;
            m_segmentSlots = std::max<qint64>(1, m_total - m_done - levyEstimate(nextLevy));
            continue; // the slot's time moved a little; take it again
        }
        if (m_done >= m_total)
            break;
        m_cursor = at;
        // What happens next: mostly members trading; now and then the hub pays
        // a volunteer or hires out a room, a mistake is reversed, a limit changes.
        const int roll = int(m_random.bounded(10'000));
        Result<Outcome> outcome = Outcome::Skipped;
        if (roll < 50)
            outcome = reverseOne();
        else if (roll < 350)
            outcome = hubPays(at);
        else if (roll < 450)
            outcome = roomHire(at);
        else if (roll < 460) {
            if (auto ok = changeLimit(at); !ok)
                return ok;
        } else {
            outcome = trade(at);
        }
        if (!outcome)
            return fail(outcome.error());
        if (*outcome == Outcome::Posted) {
            ++slot;
            misses = 0;
            if (auto ok = counted(); !ok)
                return ok;
        } else if (++misses > 100'000) {
            // Only reachable if every member sat at a limit: say so rather than spin.
            return fail(Error::storage(QStringLiteral("the ledger demo found no transfer within the limits after "
                                                      "100,000 tries (%1 of %2 made)")
                                           .arg(m_done)
                                           .arg(m_total)));
        }
    }
    return m_context.progress(m_total, m_total);
}

Status Generator::counted(qint64 n)
{
    const qint64 before = m_done;
    m_done += n;
    if (m_done / m_step != before / m_step && m_done < m_total)
        return m_context.progress(m_done, m_total);
    return {};
}

Status Generator::loadTraders()
{
    // Straight from the tables the member part just filled: one pass each
    // instead of 100,000 service calls, and in id order so the draw is stable.
    Query members(m_hub.database(), QStringLiteral("SELECT id, kind, status, joined_on, lapsed_on, left_on FROM "
                                                   "members WHERE forgotten_at IS NULL ORDER BY id"));
    if (auto ok = members.exec(); !ok)
        return ok;
    const auto dayStart = [this](const QVariant &v) -> std::optional<qint64> {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        return d.isValid() ? std::optional(m_ledger.startOfDay(d).toSecsSinceEpoch()) : std::nullopt;
    };
    while (members.next()) {
        Trader t;
        t.member = MemberId(members.value(0).toLongLong());
        t.organisation = members.value(1).toString() == QStringLiteral("organisation");
        t.from = dayStart(members.value(3)).value_or(0);
        const QString status = members.value(2).toString();
        if (status == QStringLiteral("lapsed"))
            t.until = dayStart(members.value(4)).value_or(Never);
        else if (status == QStringLiteral("left"))
            t.until = dayStart(members.value(5)).value_or(Never);
        m_indexOf.insert(t.member, int(m_traders.size()));
        m_traders.push_back(std::move(t));
    }

    QMap<QString, std::vector<int>> memosBySkill;
    for (int i = 0; i < int(std::size(Memos)); ++i)
        memosBySkill[text(Memos[i].skill)].push_back(i);
    // Skills, and open offers once more: what someone offers is what they are
    // most often asked for.
    Query skills(m_hub.database(),
                 QStringLiteral("SELECT ms.member_id, s.name FROM member_skills ms JOIN skills s ON s.id = ms.skill_id "
                                "UNION ALL SELECT o.member_id, s.name FROM offers o JOIN skills s ON s.id = o.skill_id "
                                "WHERE o.status = 'open' ORDER BY 1, 2"));
    if (auto ok = skills.exec(); !ok)
        return ok;
    while (skills.next()) {
        const auto trader = m_indexOf.constFind(MemberId(skills.value(0).toLongLong()));
        const auto memos = memosBySkill.constFind(skills.value(1).toString());
        if (trader == m_indexOf.cend() || memos == memosBySkill.cend())
            continue;
        auto &own = m_traders[size_t(*trader)].memos;
        own.insert(own.end(), memos->begin(), memos->end());
    }
    return {};
}

Status Generator::openAccounts()
{
    // Every member gets an account, opened the day they joined (or when the
    // ledger started, for earlier members).
    for (Trader &t : m_traders) {
        m_cursor = std::clamp(t.from, m_start, m_now);
        auto account = m_ledger.account(t.member);
        if (!account)
            return fail(account.error());
        t.balance = account->balance.minor();
        t.limitMin = account->limitMin.minor();
        if (account->limitMax)
            t.limitMax = account->limitMax->minor();
    }
    m_cursor = m_start;
    auto hub = m_ledger.hubAccount();
    if (!hub)
        return fail(hub.error());
    Trader t;
    t.member = hub->member;
    t.organisation = true;
    t.balance = hub->balance.minor();
    t.limitMin = hub->limitMin.minor();
    if (hub->limitMax)
        t.limitMax = hub->limitMax->minor();
    m_hubIndex = int(m_traders.size());
    m_indexOf.insert(t.member, m_hubIndex);
    m_traders.push_back(std::move(t));
    return {};
}

void Generator::rankActivity()
{
    // Zipf-like activity: a random order of members, the k-th of them weighted
    // 1/(k + offset). A few trade every week, most a handful of times a year.
    // The offset grows with the hub so the busiest person in a city still
    // trades a few times a day, not hundreds.
    const int n = m_hubIndex;
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        order[size_t(i)] = i;
    for (int i = n - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[size_t(m_random.bounded(i + 1))]);
    const double offset = std::max(3.0, n / 1000.0);
    std::vector<double> weight(static_cast<size_t>(n));
    for (int rank = 0; rank < n; ++rank) {
        const Trader &t = m_traders[size_t(order[size_t(rank)])];
        // Organisations (the café, the bakery) trade more than most people.
        weight[size_t(order[size_t(rank)])] = (t.organisation ? 3.0 : 1.0) / (rank + offset);
    }
    m_payerWeights.resize(size_t(n));
    m_payeeWeights.resize(size_t(n));
    double payers = 0;
    double payees = 0;
    for (int i = 0; i < n; ++i) {
        const Trader &t = m_traders[size_t(i)];
        payers += weight[size_t(i)];
        // Members with skills to offer are asked more often than they ask.
        payees +=
            weight[size_t(i)] * (t.memos.empty() ? 0.4 : 1.0 + 0.15 * double(std::min<size_t>(t.memos.size(), 8)));
        m_payerWeights[size_t(i)] = payers;
        m_payeeWeights[size_t(i)] = payees;
    }
    const int busy = std::max(1, n / 100);
    m_busiest.assign(order.begin(), order.begin() + std::min(n, busy));
}

Status Generator::setStartingLimits()
{
    // The hub may run a deficit to pay its volunteers before the levies come in.
    if (auto ok = limits(m_hubIndex, -200 * m_unit, std::nullopt, -150 * m_unit,
                         QStringLiteral("the hub pays volunteers ahead of the levies"));
        !ok)
        return ok;
    // The busiest traders got more room early on, with a warning before it.
    for (int i : m_busiest)
        if (auto ok = limits(i, -40 * m_unit, std::nullopt, -30 * m_unit, QStringLiteral("busy trader"));
            !ok && ok.error().kind != ErrorKind::Refused)
            return ok;
    return {};
}

Status Generator::planLevies()
{
    // A monthly membership from organisations, and one yearly contribution from
    // every active person, each posted as one batch on the first of a month.
    const QDate first = QDateTime::fromSecsSinceEpoch(m_start, Qt::UTC).date();
    const QDate last = QDateTime::fromSecsSinceEpoch(m_now, Qt::UTC).date();
    QDate month(first.year(), first.month(), 1);
    std::vector<QDate> months;
    for (month = month.addMonths(1); month <= last; month = month.addMonths(1))
        months.push_back(month);
    const QLocale english = QLocale::c();
    for (const QDate &m : months) {
        // 07:00 UTC, before the day's trade starts, so ids stay in time order.
        const qint64 at = m.startOfDay(QTimeZone::utc()).toSecsSinceEpoch() + 7 * 3600;
        if (at > m_now)
            continue;
        m_levies.push_back(
            {at, true, 4,
             QStringLiteral("Monthly organisation membership, ") + english.toString(m, QStringLiteral("MMMM yyyy"))});
    }
    if (months.size() > 4) {
        const QDate m = months[months.size() - 4];
        m_levies.push_back({m.startOfDay(QTimeZone::utc()).toSecsSinceEpoch() + 7 * 3600, false, 1,
                            QStringLiteral("Yearly hub contribution %1").arg(m.year())});
    }
    std::stable_sort(m_levies.begin(), m_levies.end(), [](const Levy &a, const Levy &b) { return a.at < b.at; });
    return {};
}

qint64 Generator::levyEstimate(size_t from) const
{
    // An upper bound: those the limits leave out are not known in advance.
    qint64 n = 0;
    for (size_t l = from; l < m_levies.size(); ++l)
        for (int i = 0; i < m_hubIndex; ++i)
            if (m_traders[size_t(i)].organisation == m_levies[l].organisations &&
                m_traders[size_t(i)].activeAt(m_levies[l].at))
                ++n;
    return n;
}

double Generator::slotPosition(qint64 slot) const
{
    // Where a trade slot falls in the year, in days from its start.
    return std::min(364.999999, m_segmentStart + (double(slot - m_segmentSlot) + 0.5) /
                                                     double(std::max<qint64>(1, m_segmentSlots)) *
                                                     (365.0 - m_segmentStart));
}

qint64 Generator::slotTime(qint64 slot) const
{
    // Each day's trade falls between 08:00 and 21:00 UTC; a later slot is
    // never earlier, so ids follow time.
    const double position = slotPosition(slot);
    const double day = std::floor(position);
    const qint64 at = m_start + qint64(day) * Day + 8 * 3600 + qint64((position - day) * 13 * 3600);
    return std::min(at, m_now);
}

Status Generator::runLevy(int index)
{
    const Levy &levy = m_levies[size_t(index)];
    m_cursor = levy.at;
    for (int i = 0; i < m_hubIndex && m_done < m_total; ++i) {
        const Trader &t = m_traders[size_t(i)];
        if (t.organisation != levy.organisations || !t.activeAt(levy.at))
            continue;
        // Someone the levy would take past their limit is left out, as the
        // levy preview would list them for the treasurer.
        if (!headroom(t, m_traders[size_t(m_hubIndex)], minor(int(levy.quarters))))
            continue;
        TransferDraft d;
        d.payer = t.member;
        d.payee = m_traders[size_t(m_hubIndex)].member;
        d.amount = Amount::fromMinor(minor(int(levy.quarters)));
        d.memo = levy.memo;
        d.category = QStringLiteral("levy");
        auto outcome = outcomeOf(m_ledger.pay(d), i, m_hubIndex);
        if (!outcome)
            return fail(outcome.error());
        if (*outcome == Outcome::Posted)
            if (auto ok = counted(); !ok)
                return ok;
    }
    return {};
}

int Generator::draw(const std::vector<double> &cumulative)
{
    const double x = m_random.generateDouble() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return int(std::min<ptrdiff_t>(it - cumulative.begin(), ptrdiff_t(cumulative.size()) - 1));
}

const MemoSpec &Generator::memoFor(int trader)
{
    const auto &own = m_traders[size_t(trader)].memos;
    // Now and then even a skilled member is paid for an everyday favour.
    if (own.empty() || m_random.bounded(10) == 0)
        return Memos[m_generalMemos[m_random.bounded(int(m_generalMemos.size()))]];
    return Memos[own[m_random.bounded(int(own.size()))]];
}

int Generator::quartersFor(const MemoSpec &memo)
{
    // Shorter jobs are more common than long ones.
    const int span = memo.maxQuarters - memo.minQuarters + 1;
    return memo.minQuarters + std::min(span - 1, int(span * std::pow(m_random.generateDouble(), 1.6)));
}

bool Generator::headroom(const Trader &payer, const Trader &payee, qint64 amount) const
{
    return payer.balance - amount >= payer.limitMin && (!payee.limitMax || payee.balance + amount <= *payee.limitMax);
}

Result<Generator::Outcome> Generator::trade(qint64 at)
{
    int payee = draw(m_payeeWeights);
    int payer = draw(m_payerWeights);
    if (payer == payee || !m_traders[size_t(payer)].activeAt(at) || !m_traders[size_t(payee)].activeAt(at))
        return Outcome::Skipped;
    const MemoSpec *memo = &memoFor(payee);
    int quarters = quartersFor(*memo);
    if (!headroom(m_traders[size_t(payer)], m_traders[size_t(payee)], minor(quarters))) {
        // Someone at their limit earns rather than spends: most often the
        // same two trade the other way round.
        if (m_random.bounded(4) == 0)
            return Outcome::Skipped;
        std::swap(payer, payee);
        memo = &memoFor(payee);
        quarters = quartersFor(*memo);
        if (!headroom(m_traders[size_t(payer)], m_traders[size_t(payee)], minor(quarters)))
            return Outcome::Skipped;
    }
    return pay(payer, payee, *memo, quarters, true);
}

Result<Generator::Outcome> Generator::hubPays(qint64 at)
{
    const int payee = draw(m_payerWeights);
    if (!m_traders[size_t(payee)].activeAt(at) || m_traders[size_t(payee)].organisation)
        return Outcome::Skipped;
    const MemoSpec &memo = Memos[m_hubMemos[m_random.bounded(int(m_hubMemos.size()))]];
    const int quarters = quartersFor(memo);
    if (!headroom(m_traders[size_t(m_hubIndex)], m_traders[size_t(payee)], minor(quarters)))
        return Outcome::Skipped;
    return pay(m_hubIndex, payee, memo, quarters, false);
}

Result<Generator::Outcome> Generator::roomHire(qint64 at)
{
    const int payer = draw(m_payerWeights);
    if (!m_traders[size_t(payer)].activeAt(at))
        return Outcome::Skipped;
    const MemoSpec &memo = Memos[m_roomMemos[m_random.bounded(int(m_roomMemos.size()))]];
    const int quarters = quartersFor(memo);
    if (!headroom(m_traders[size_t(payer)], m_traders[size_t(m_hubIndex)], minor(quarters)))
        return Outcome::Skipped;
    return pay(payer, m_hubIndex, memo, quarters, false);
}

Result<Generator::Outcome> Generator::reverseOne()
{
    if (m_recent.empty())
        return Outcome::Skipped;
    const size_t pick = size_t(m_random.bounded(int(m_recent.size())));
    const Reversible r = m_recent[pick];
    m_recent.erase(m_recent.begin() + ptrdiff_t(pick));
    // The reversal pays back: the original payee must have the credit.
    if (!headroom(m_traders[size_t(r.payee)], m_traders[size_t(r.payer)], r.amount))
        return Outcome::Skipped;
    const QString memo = QStringLiteral("Reversal of #%1: %2")
                             .arg(r.id.value())
                             .arg(text(ReversalReasons[m_random.bounded(int(std::size(ReversalReasons)))]));
    return outcomeOf(m_ledger.reverse(r.id, memo), r.payee, r.payer);
}

Status Generator::changeLimit(qint64 at)
{
    const int i = draw(m_payerWeights);
    const Trader &t = m_traders[size_t(i)];
    if (!t.activeAt(at))
        return {};
    const int kind = int(m_random.bounded(20));
    if (kind < 12) // more room for a regular
        return limits(i, -30 * m_unit, t.limitMax, -25 * m_unit, QStringLiteral("regular trader"));
    if (kind < 15) // a warning level, same limit
        return limits(i, t.limitMin, t.limitMax, t.limitMin * 3 / 4, QStringLiteral("warning added"));
    if (kind < 18) // tightened after a long stretch in debt; refused when already past it
        return limits(i, -10 * m_unit, t.limitMax, std::nullopt, QStringLiteral("tightened"));
    // An upper limit, so credit keeps moving rather than piling up.
    return limits(i, t.limitMin, 60 * m_unit, std::nullopt, QStringLiteral("upper limit"));
}

Status Generator::limits(int trader, qint64 min, std::optional<qint64> max, std::optional<qint64> warn,
                         const QString &note)
{
    Trader &t = m_traders[size_t(trader)];
    LimitChange change;
    change.min = Amount::fromMinor(min);
    change.max = max ? std::optional(Amount::fromMinor(*max)) : std::nullopt;
    change.warn = warn ? std::optional(Amount::fromMinor(*warn)) : std::nullopt;
    change.note = note;
    auto ok = m_ledger.setLimits(t.member, change);
    if (!ok)
        // A change the balance does not allow is refused, as it would be for a person.
        return ok.error().kind == ErrorKind::Refused ? Status() : ok;
    t.limitMin = min;
    t.limitMax = max;
    return {};
}

Result<Generator::Outcome> Generator::pay(int payer, int payee, const MemoSpec &memo, int quarters, bool reversible)
{
    QString memoText = text(memo.text);
    memoText.replace(QStringLiteral("{h}"), hoursPhrase(quarters));
    memoText.replace(QStringLiteral("{skill}"), text(memo.skill));
    TransferDraft d;
    d.payer = m_traders[size_t(payer)].member;
    d.payee = m_traders[size_t(payee)].member;
    d.amount = Amount::fromMinor(minor(quarters));
    d.memo = memoText;
    d.category = text(memo.category);
    auto posting = m_ledger.pay(d);
    auto outcome = outcomeOf(posting, payer, payee);
    if (outcome && *outcome == Outcome::Posted && reversible) {
        m_recent.push_back({posting->transfer.id, payer, payee, d.amount.minor()});
        // Mistakes are noticed within days, so only recent trades are reversed.
        if (m_recent.size() > 200)
            m_recent.pop_front();
    }
    return outcome;
}

Result<Generator::Outcome> Generator::outcomeOf(const Result<Posting> &posting, int payer, int payee)
{
    if (!posting)
        return posting.error().kind == ErrorKind::Refused ? Result<Outcome>(Outcome::Skipped)
                                                          : Result<Outcome>(fail(posting.error()));
    const qint64 amount = posting->transfer.amount.minor();
    m_traders[size_t(payer)].balance -= amount;
    m_traders[size_t(payee)].balance += amount;
    return Outcome::Posted;
}

} // namespace

int LedgerDemoPart::transferCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return 500;
    case DemoScale::Town:
        return 30'000;
    case DemoScale::City:
        return 1'000'000;
    }
    return 500;
}

Status LedgerDemoPart::generate(Hub &hub, DemoContext &context)
{
    Generator generator(hub, context);
    return generator.run();
}

} // namespace hub
