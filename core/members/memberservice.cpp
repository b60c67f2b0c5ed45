// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberservice.h"

#include "core/common/textfold.h"
#include "core/common/textrules.h"
#include "core/members/memberindex.h"
#include "core/members/searchterms.h"
#include "core/privacy/personaldataregistry.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/keysetorder.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace hub {

namespace {

const QString Columns =
    QStringLiteral("m.id, m.kind, m.display_name, m.given_name, m.family_name, m.email, m.phone, m.postcode, "
                   "m.address, m.website, m.notes, m.status, m.joined_on, m.lapsed_on, m.left_on, m.interests, "
                   "m.directory_visible, m.show_email, m.show_phone, m.consent_changed_at, m.forgotten_at, "
                   "m.created_at, m.updated_at");
// How many columns Columns selects: a page's sort key is read after them.
constexpr int ColumnCount = 23;

QDateTime fromSecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QDate fromIsoDate(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

QVariant isoDate(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

Member memberFrom(const Query &q)
{
    Member m;
    m.id = MemberId(q.value(0).toLongLong());
    m.kind = memberKindFrom(q.value(1).toString()).value_or(MemberKind::Person);
    m.displayName = q.value(2).toString();
    m.givenName = q.value(3).toString();
    m.familyName = q.value(4).toString();
    m.email = q.value(5).toString();
    m.phone = q.value(6).toString();
    m.postcode = q.value(7).toString();
    m.address = q.value(8).toString();
    m.website = q.value(9).toString();
    m.notes = q.value(10).toString();
    m.status = memberStatusFrom(q.value(11).toString()).value_or(MemberStatus::Active);
    m.joinedOn = fromIsoDate(q.value(12));
    m.lapsedOn = fromIsoDate(q.value(13));
    m.leftOn = fromIsoDate(q.value(14));
    const QString interests = q.value(15).toString();
    m.interests = interests.isEmpty() ? QStringList() : interests.split(u',');
    m.consent = {q.value(16).toBool(), q.value(17).toBool(), q.value(18).toBool()};
    m.consentChangedAt = fromSecs(q.value(19));
    m.forgotten = !q.value(20).isNull();
    m.createdAt = fromSecs(q.value(21));
    m.updatedAt = fromSecs(q.value(22));
    return m;
}

QString collapseSpaces(const QString &s)
{
    return s.simplified();
}

QVariant emailKey(const QString &email)
{
    return email.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(email.toCaseFolded());
}

void bindDraft(Query &q, const MemberDraft &d)
{
    q.bind(QStringLiteral(":kind"), toString(d.kind))
        .bind(QStringLiteral(":display_name"), d.displayName)
        .bind(QStringLiteral(":sort_key"), TextFold::fold(d.displayName))
        .bind(QStringLiteral(":given_name"), d.givenName)
        .bind(QStringLiteral(":family_name"), d.familyName)
        .bind(QStringLiteral(":email"), d.email)
        .bind(QStringLiteral(":email_key"), emailKey(d.email))
        .bind(QStringLiteral(":phone"), d.phone)
        .bind(QStringLiteral(":postcode"), d.postcode)
        .bind(QStringLiteral(":address"), d.address)
        .bind(QStringLiteral(":website"), d.website)
        .bind(QStringLiteral(":notes"), d.notes)
        .bind(QStringLiteral(":status"), toString(d.status))
        .bind(QStringLiteral(":joined_on"), isoDate(d.joinedOn))
        .bind(QStringLiteral(":lapsed_on"), isoDate(d.lapsedOn))
        .bind(QStringLiteral(":left_on"), isoDate(d.leftOn))
        .bind(QStringLiteral(":interests"), d.interests.join(u','));
}

Status recordConsent(const QSqlDatabase &db, MemberId id, const Consent &c, qint64 at)
{
    Query ins(db, QStringLiteral("INSERT INTO member_consents(member_id, changed_at, directory_visible, "
                                 "show_email, show_phone) VALUES (:m, :at, :d, :e, :p)"));
    ins.bind(QStringLiteral(":m"), id.value())
        .bind(QStringLiteral(":at"), at)
        .bind(QStringLiteral(":d"), c.directoryVisible)
        .bind(QStringLiteral(":e"), c.showEmail)
        .bind(QStringLiteral(":p"), c.showPhone);
    if (auto ok = ins.exec(); !ok)
        return ok;
    Query upd(db, QStringLiteral("UPDATE members SET directory_visible = :d, show_email = :e, "
                                 "show_phone = :p, consent_changed_at = :at WHERE id = :m"));
    upd.bind(QStringLiteral(":m"), id.value())
        .bind(QStringLiteral(":at"), at)
        .bind(QStringLiteral(":d"), c.directoryVisible)
        .bind(QStringLiteral(":e"), c.showEmail)
        .bind(QStringLiteral(":p"), c.showPhone);
    return upd.exec();
}

} // namespace

MemberService::MemberService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                             PersonalDataRegistry &personalData, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_settings(settings), m_clock(clock), m_personalData(personalData),
      m_work(m_db, access, audit)
{}

QString MemberService::pseudonym(MemberId id)
{
    return tr("Former member #%1").arg(id.value());
}

QDate MemberService::today() const
{
    const auto s = m_settings.load();
    return m_clock.now().toTimeZone(s ? s->zone() : QTimeZone::utc()).date();
}

MemberDraft MemberService::normalised(MemberDraft d)
{
    d.displayName = collapseSpaces(d.displayName);
    d.givenName = collapseSpaces(d.givenName);
    d.familyName = collapseSpaces(d.familyName);
    d.email = d.email.trimmed();
    d.phone = collapseSpaces(d.phone);
    d.postcode = collapseSpaces(d.postcode).toUpper();
    d.address = d.address.trimmed();
    d.website = d.website.trimmed();
    d.notes = d.notes.trimmed();
    QStringList interests;
    for (const QString &i : std::as_const(d.interests)) {
        const QString t = collapseSpaces(i).toLower();
        if (!t.isEmpty() && !interests.contains(t))
            interests << t;
    }
    d.interests = interests;
    return d;
}

Status MemberService::validate(const MemberDraft &raw)
{
    const MemberDraft d = normalised(raw);
    // The raw text: normalising would quietly turn a tab or a line break in a name into a space.
    if (auto ok = TextRules::name(raw.displayName, QStringLiteral("display_name"));
        !ok && !raw.displayName.trimmed().isEmpty())
        return ok;
    for (const auto &[value, field] :
         {std::pair{raw.givenName, QStringLiteral("given_name")},
          std::pair{raw.familyName, QStringLiteral("family_name")}, std::pair{raw.email, QStringLiteral("email")},
          std::pair{raw.phone, QStringLiteral("phone")}, std::pair{raw.postcode, QStringLiteral("postcode")},
          std::pair{raw.website, QStringLiteral("website")}})
        if (auto ok = TextRules::oneLine(value, field); !ok)
            return ok;
    for (const auto &[value, field] :
         {std::pair{raw.address, QStringLiteral("address")}, std::pair{raw.notes, QStringLiteral("notes")}})
        if (auto ok = TextRules::multiLine(value, field); !ok)
            return ok;
    for (const QString &i : raw.interests)
        if (auto ok = TextRules::oneLine(i, QStringLiteral("interests")); !ok)
            return ok;
    if (d.displayName.isEmpty())
        return fail(Error::invalid(tr("a name is required"), QStringLiteral("display_name")));
    if (d.displayName.size() > MaxNameLength)
        return fail(Error::invalid(tr("the name is longer than %1 characters").arg(MaxNameLength),
                                   QStringLiteral("display_name")));
    for (const auto &[value, field] :
         {std::pair{d.givenName, QStringLiteral("given_name")}, std::pair{d.familyName, QStringLiteral("family_name")}})
        if (value.size() > MaxNameLength)
            return fail(Error::invalid(tr("longer than %1 characters").arg(MaxNameLength), field));
    if (!d.email.isEmpty()) {
        static const QRegularExpression email(QStringLiteral(R"(^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$)"));
        if (d.email.size() > 254 || !email.match(d.email).hasMatch() || d.email.contains(QStringLiteral("..")))
            return fail(Error::invalid(tr("“%1” is not a valid e-mail address").arg(d.email), QStringLiteral("email")));
    }
    if (!d.phone.isEmpty()) {
        static const QRegularExpression phone(QStringLiteral(R"(^\+?[0-9][0-9 ()\-.]{4,24}$)"));
        if (!phone.match(d.phone).hasMatch())
            return fail(
                Error::invalid(tr("“%1” is not a phone number: use digits, spaces, +, - and brackets").arg(d.phone),
                               QStringLiteral("phone")));
    }
    if (!d.postcode.isEmpty()) {
        static const QRegularExpression postcode(QStringLiteral(R"(^[A-Z0-9][A-Z0-9 \-]{1,9}$)"));
        if (!postcode.match(d.postcode).hasMatch())
            return fail(Error::invalid(tr("“%1” is not a postcode").arg(d.postcode), QStringLiteral("postcode")));
    }
    if (!d.website.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(d.website);
        if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
            !url.host().contains(u'.') || d.website.contains(u' '))
            return fail(Error::invalid(tr("“%1” is not a web address").arg(d.website), QStringLiteral("website")));
    }
    if (d.address.size() > 500)
        return fail(Error::invalid(tr("longer than 500 characters"), QStringLiteral("address")));
    if (d.notes.size() > 5000)
        return fail(Error::invalid(tr("longer than 5000 characters"), QStringLiteral("notes")));
    for (const QString &i : d.interests)
        if (i.size() > 40 || i.contains(u','))
            return fail(Error::invalid(tr("“%1” is not a role of interest (at most 40 characters, no commas)").arg(i),
                                       QStringLiteral("interests")));
    if (d.joinedOn.isValid() && d.leftOn.isValid() && d.leftOn < d.joinedOn)
        return fail(Error::invalid(tr("the member cannot leave before joining"), QStringLiteral("left_on")));
    if (d.joinedOn.isValid() && d.lapsedOn.isValid() && d.lapsedOn < d.joinedOn)
        return fail(Error::invalid(tr("membership cannot lapse before joining"), QStringLiteral("lapsed_on")));
    return {};
}

Result<std::optional<Member>> MemberService::emailOwner(const QString &email, MemberId except) const
{
    if (email.isEmpty())
        return std::optional<Member>();
    Query q(*m_db, QStringLiteral("SELECT ") + Columns +
                       QStringLiteral(" FROM members m WHERE m.email_key = :key AND m.forgotten_at IS NULL "
                                      "AND m.id <> :except"));
    q.bind(QStringLiteral(":key"), email.toCaseFolded()).bind(QStringLiteral(":except"), except.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Member>();
    return std::optional<Member>(memberFrom(q));
}

Result<std::optional<Member>> MemberService::findByEmail(const QString &email) const
{
    return emailOwner(email.trimmed(), MemberId());
}

Result<Member> MemberService::add(MemberDraft draft)
{
    return m_work.runThenRead<MemberId>(
        Permission::AddMembers, [&](Write &w) -> Result<MemberId> { return addIn(w, draft); },
        [this](MemberId made) { return get(made); });
}

Result<MemberId> MemberService::addIn(Write &w, MemberDraft draft)
{
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    draft = normalised(draft);
    if (!draft.joinedOn.isValid())
        draft.joinedOn = today();
    if (draft.status == MemberStatus::Lapsed && !draft.lapsedOn.isValid())
        draft.lapsedOn = today();
    if (draft.status == MemberStatus::Left && !draft.leftOn.isValid())
        draft.leftOn = today();

    auto owner = emailOwner(draft.email, MemberId());
    if (!owner)
        return fail(owner.error());
    if (*owner)
        return fail(Error::invalid(tr("%1 already belongs to member #%2 (%3)")
                                       .arg(draft.email)
                                       .arg((*owner)->id.value())
                                       .arg((*owner)->displayName),
                                   QStringLiteral("email")));
    const qint64 now = m_clock.nowSecs();
    Query ins(w.connection(),
              QStringLiteral("INSERT INTO members(kind, display_name, sort_key, given_name, family_name, email, "
                             "email_key, phone, postcode, address, website, notes, status, joined_on, lapsed_on, "
                             "left_on, interests, created_at, updated_at) VALUES (:kind, :display_name, :sort_key, "
                             ":given_name, :family_name, :email, :email_key, :phone, :postcode, :address, :website, "
                             ":notes, :status, :joined_on, :lapsed_on, :left_on, :interests, :now, :now)"));
    bindDraft(ins, draft);
    ins.bind(QStringLiteral(":now"), now);
    if (auto ok = ins.exec(); !ok)
        return fail(ok.error());
    const MemberId id(ins.lastInsertId());
    if (auto ok = recordConsent(w.connection(), id, draft.consent, now); !ok)
        return fail(ok.error());
    if (auto ok = MemberIndex::reindex(w.connection(), id); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("member.add"), QStringLiteral("member"), id.value(),
            draft.kind == MemberKind::Organisation ? tr("organisation added") : tr("person added"));
    return id;
}

Result<Member> MemberService::update(MemberId id, MemberDraft draft)
{
    if (auto ok = m_work.run(Permission::EditMembers, [&](Write &w) -> Status { return updateIn(w, id, draft); }); !ok)
        return fail(ok.error());
    return get(id);
}

Status MemberService::updateIn(Write &w, MemberId id, MemberDraft draft)
{
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    draft = normalised(draft);
    auto current = get(id);
    if (!current)
        return fail(current.error());
    if (current->forgotten)
        return fail(Error::refused(tr("member #%1 was forgotten; their record cannot be edited").arg(id.value())));
    auto owner = emailOwner(draft.email, id);
    if (!owner)
        return fail(owner.error());
    if (*owner)
        return fail(Error::invalid(tr("%1 already belongs to member #%2 (%3)")
                                       .arg(draft.email)
                                       .arg((*owner)->id.value())
                                       .arg((*owner)->displayName),
                                   QStringLiteral("email")));
    if (!draft.joinedOn.isValid())
        draft.joinedOn = current->joinedOn;
    if (draft.status == MemberStatus::Lapsed && !draft.lapsedOn.isValid())
        draft.lapsedOn =
            current->status == MemberStatus::Lapsed && current->lapsedOn.isValid() ? current->lapsedOn : today();
    if (draft.status == MemberStatus::Left && !draft.leftOn.isValid())
        draft.leftOn = current->status == MemberStatus::Left && current->leftOn.isValid() ? current->leftOn : today();

    Query upd(w.connection(),
              QStringLiteral("UPDATE members SET kind = :kind, display_name = :display_name, sort_key = :sort_key, "
                             "given_name = :given_name, family_name = :family_name, email = :email, "
                             "email_key = :email_key, phone = :phone, postcode = :postcode, address = :address, "
                             "website = :website, notes = :notes, status = :status, joined_on = :joined_on, "
                             "lapsed_on = :lapsed_on, left_on = :left_on, interests = :interests, updated_at = :now "
                             "WHERE id = :id"));
    bindDraft(upd, draft);
    upd.bind(QStringLiteral(":now"), m_clock.nowSecs()).bind(QStringLiteral(":id"), id.value());
    if (auto ok = upd.exec(); !ok)
        return fail(ok.error());
    if (!(draft.consent == current->consent))
        if (auto ok = recordConsent(w.connection(), id, draft.consent, m_clock.nowSecs()); !ok)
            return fail(ok.error());
    if (auto ok = MemberIndex::reindex(w.connection(), id); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("member.edit"), QStringLiteral("member"), id.value(),
            tr("record edited; status %1").arg(toString(draft.status)));
    return {};
}

Result<Member> MemberService::get(MemberId id) const
{
    Query q(*m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM members m WHERE m.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no member #%1").arg(id.value())));
    return memberFrom(q);
}

Result<Member> MemberService::find(const QString &idOrEmail) const
{
    const QString ref = idOrEmail.trimmed();
    bool isNumber = false;
    const qint64 id = ref.startsWith(u'#') ? ref.mid(1).toLongLong(&isNumber) : ref.toLongLong(&isNumber);
    if (isNumber)
        return get(MemberId(id));
    auto byEmail = findByEmail(ref);
    if (!byEmail)
        return fail(byEmail.error());
    if (!*byEmail)
        return fail(Error::notFound(tr("no member has the id or e-mail “%1”").arg(ref)));
    return **byEmail;
}

namespace {
// The WHERE clause is assembled only from these constant fragments; every
// value the user typed is bound. `found` is the search's own condition on
// the member row `m` (empty when there is no search); its values are bound
// by the caller.
QString whereClause(const MemberFilter &f, const QString &found, QList<std::pair<QString, QVariant>> &binds)
{
    QStringList where;
    if (!f.includeForgotten)
        where << QStringLiteral("m.forgotten_at IS NULL");
    if (!found.isEmpty())
        where << found;
    if (!f.skill.trimmed().isEmpty()) {
        where << QStringLiteral("m.id IN (SELECT ms.member_id FROM member_skills ms JOIN skills s ON s.id = "
                                "ms.skill_id WHERE s.name_key = :skill)");
        binds.append({QStringLiteral(":skill"), TextFold::fold(f.skill.simplified())});
    }
    if (f.status) {
        where << QStringLiteral("m.status = :status");
        binds.append({QStringLiteral(":status"), toString(*f.status)});
    }
    if (f.kind) {
        where << QStringLiteral("m.kind = :kind");
        binds.append({QStringLiteral(":kind"), toString(*f.kind)});
    }
    if (f.directoryOnly)
        where << QStringLiteral("m.directory_visible = 1");
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

/// How many of the members a search finds, counting no further than `cap`.
Result<qint64> foundUpTo(const Database &db, const SearchTerms &terms, qint64 cap)
{
    QList<std::pair<QString, QVariant>> binds;
    terms.bindTo(binds);
    Query q(db, terms.countUpTo());
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    q.bind(QStringLiteral(":cap"), cap);
    auto found = q.scalar();
    if (!found)
        return fail(found.error());
    return found->toLongLong();
}

/// Whether a search matches so many members that walking the name index in
/// order finds a page sooner than sorting every match: from one member in
/// `share` on, a page of 200 lies within the first 200 × `share` names.
/// Counts only up to that share (and never past `most`), so a broad search
/// is not counted twice.
Result<bool> walkNameIndex(const Database &db, const SearchTerms &terms, qint64 share, qint64 most)
{
    // The highest id stands in for the number of members: one index lookup.
    Query top(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM members"));
    auto highest = top.scalar();
    if (!highest)
        return fail(highest.error());
    const qint64 enough = std::clamp<qint64>(highest->toLongLong() / share, 1, most);
    auto found = foundUpTo(db, terms, enough);
    if (!found)
        return fail(found.error());
    return *found >= enough;
}

/// A filter that is only a search: the index alone can count it.
bool searchOnly(const MemberFilter &f)
{
    return !TextFold::words(f.search).isEmpty() && f.skill.trimmed().isEmpty() && !f.status && !f.kind &&
           !f.directoryOnly;
}
} // namespace

namespace {
/// The order of each sort, name last within it so equal keys read A to Z,
/// and the id last of all so the order is total and a page key is exact.
KeysetOrder memberOrder(MemberSort sort, bool descending)
{
    using C = KeysetOrder::Column;
    const C name{QStringLiteral("m.sort_key")};
    const C id{QStringLiteral("m.id")};
    switch (sort) {
    case MemberSort::Name:
        // Both follow the direction: the name index serves either way.
        return KeysetOrder({name, {QStringLiteral("m.id"), descending}}, descending);
    case MemberSort::Email:
        return KeysetOrder({{QStringLiteral("coalesce(m.email_key, '')")}, name, id}, descending);
    case MemberSort::Postcode:
        return KeysetOrder({{QStringLiteral("m.postcode")}, name, id}, descending);
    case MemberSort::Membership:
        return KeysetOrder({{QStringLiteral("m.status")}, name, id}, descending);
    case MemberSort::Joined:
        return KeysetOrder({{QStringLiteral("coalesce(m.joined_on, '')")}, name, id}, descending);
    }
    return KeysetOrder({name, id}, descending);
}
} // namespace

Result<QList<Member>> MemberService::list(const MemberFilter &filter, int limit, MemberSort sort, bool descending) const
{
    auto first = page(filter, {}, limit, sort, descending);
    if (!first)
        return fail(first.error());
    return std::move(first->rows);
}

namespace {
// On a server, a search in name order with no other filter is answered from
// the word index. Fewer than one member in ten, and never more than 10,000,
// are read there with their sort keys and sorted ("mar", 7,000 of 100,000
// members: 5 ms). More are found by walking the members in name order and
// testing each ("cf1", 47,000: 4 ms), as sorting them all costs 60 ms.
constexpr qint64 ServerWalkShare = 10;
constexpr qint64 SortedMatchesAtMost = 10000;
// A file's index tests a member as cheaply as it lists one: it walks from
// one member in thirty on.
constexpr qint64 FileWalkShare = 30;
} // namespace

Result<Page<Member>> MemberService::page(const MemberFilter &filter, const PageKey &after, int limit, MemberSort sort,
                                         bool descending) const
{
    const KeysetOrder order = memberOrder(sort, descending);
    const SearchTerms terms(filter.search, m_db->backend());
    const bool server = m_db->backend() == Backend::PostgreSQL;
    QList<std::pair<QString, QVariant>> binds;
    terms.bindTo(binds);
    const QString select = QStringLiteral("SELECT ") + Columns + order.keyColumns() + QStringLiteral(" FROM members m");
    const QString ordered = QStringLiteral(" ORDER BY ") + order.orderBy() + QStringLiteral(" LIMIT :limit");
    QString sql;
    if (terms.isEmpty()) {
        sql = select + order.narrowed(whereClause(filter, {}, binds), after) + ordered;
    } else if (server && sort == MemberSort::Name && searchOnly(filter)) {
        auto walk = walkNameIndex(*m_db, terms, ServerWalkShare, SortedMatchesAtMost);
        if (!walk)
            return fail(walk.error());
        if (!*walk) {
            // The page's ids come in order from the word index, named `m`
            // there so the page key applies to them; only their rows are read.
            sql = select + QStringLiteral(" WHERE m.id IN (SELECT m.id FROM (") + terms.idsWithSortKeys() +
                  QStringLiteral(") AS m") + order.narrowed({}, after) + ordered + u')' + ordered;
        } else {
            sql = select + order.narrowed(whereClause(filter, terms.matchesMember(), binds), after) + ordered;
        }
    } else if (server) {
        // Other filters or orders: the matches first, then the rest of the
        // filter on them; the planner guesses a prefix's matches too badly
        // to be left to choose.
        sql = QStringLiteral("WITH found AS MATERIALIZED (") + terms.ids() + QStringLiteral(") ") + select +
              order.narrowed(whereClause(filter, QStringLiteral("m.id IN (SELECT id FROM found)"), binds), after) +
              ordered;
    } else {
        // A search sorted by name is found one of two ways. Few matches are
        // read from the search index and sorted. Many ("cf1" is half a city)
        // are found by walking the name index in order, so LIMIT stops after
        // one page instead of reading and sorting every match.
        QString from = select;
        if (sort == MemberSort::Name) {
            auto walk = walkNameIndex(*m_db, terms, FileWalkShare, std::numeric_limits<qint64>::max());
            if (!walk)
                return fail(walk.error());
            if (*walk)
                from += QStringLiteral(" INDEXED BY members_sort");
        }
        sql = from + order.narrowed(whereClause(filter, terms.matchesMember(), binds), after) + ordered;
    }
    Query q(*m_db, sql);
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    order.bind(q, after);
    q.bind(QStringLiteral(":limit"), limit < 0 ? -1 : limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Page<Member> out;
    while (q.next()) {
        out.rows << memberFrom(q);
        out.next = order.keyOf(q, ColumnCount);
    }
    return out;
}

Result<int> MemberService::count(const MemberFilter &filter) const
{
    const SearchTerms terms(filter.search, m_db->backend());
    QList<std::pair<QString, QVariant>> binds;
    terms.bindTo(binds);
    QString sql;
    // Forgotten members are never in the index (MemberIndex skips and removes
    // them), so a plain search is counted there without looking up every
    // matching member row.
    if (searchOnly(filter))
        sql = terms.count();
    else if (!terms.isEmpty() && m_db->backend() == Backend::PostgreSQL)
        sql = QStringLiteral("WITH found AS MATERIALIZED (") + terms.ids() +
              QStringLiteral(") SELECT count(*) FROM members m") +
              whereClause(filter, QStringLiteral("m.id IN (SELECT id FROM found)"), binds);
    else
        sql = QStringLiteral("SELECT count(*) FROM members m") +
              whereClause(filter, terms.isEmpty() ? QString() : terms.matchesMember(), binds);
    Query q(*m_db, sql);
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status MemberService::setStatus(MemberId id, MemberStatus status, QDate on)
{
    auto member = get(id);
    if (!member)
        return fail(member.error());
    MemberDraft draft = *member;
    draft.status = status;
    if (status == MemberStatus::Lapsed)
        draft.lapsedOn = on.isValid() ? on : today();
    if (status == MemberStatus::Left)
        draft.leftOn = on.isValid() ? on : today();
    if (auto ok = update(id, draft); !ok)
        return fail(ok.error());
    return {};
}

Status MemberService::setConsent(MemberId id, const Consent &consent)
{
    return m_work.run(Permission::EditMembers, [&](Write &w) -> Status {
        auto member = get(id);
        if (!member)
            return fail(member.error());
        if (member->forgotten)
            return fail(Error::refused(tr("member #%1 was forgotten").arg(id.value())));
        if (member->consent == consent)
            return {};
        if (auto ok = recordConsent(w.connection(), id, consent, m_clock.nowSecs()); !ok)
            return ok;
        w.audit(QStringLiteral("member.consent"), QStringLiteral("member"), id.value(),
                tr("directory %1, e-mail %2, phone %3")
                    .arg(consent.directoryVisible ? tr("shown") : tr("hidden"),
                         consent.showEmail ? tr("shown") : tr("hidden"),
                         consent.showPhone ? tr("shown") : tr("hidden")));
        return {};
    });
}

Result<QList<ConsentChange>> MemberService::consentHistory(MemberId id) const
{
    Query q(*m_db, QStringLiteral("SELECT changed_at, directory_visible, show_email, show_phone FROM member_consents "
                                  "WHERE member_id = :id ORDER BY changed_at, id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<ConsentChange> out;
    while (q.next())
        out << ConsentChange{fromSecs(q.value(0)), {q.value(1).toBool(), q.value(2).toBool(), q.value(3).toBool()}};
    return out;
}

Status MemberService::setContacts(MemberId organisation, const QList<MemberId> &people)
{
    return m_work.run(Permission::EditMembers, [&](Write &w) -> Status {
        auto org = get(organisation);
        if (!org)
            return fail(org.error());
        if (org->kind != MemberKind::Organisation)
            return fail(
                Error::invalid(tr("%1 is a person; only organisations have contact people").arg(org->displayName),
                               QStringLiteral("contacts")));
        Query del(w.connection(), QStringLiteral("DELETE FROM organisation_contacts WHERE organisation_id = :o"));
        del.bind(QStringLiteral(":o"), organisation.value());
        if (auto ok = del.exec(); !ok)
            return ok;
        for (MemberId person : people) {
            auto p = get(person);
            if (!p)
                return fail(p.error());
            if (p->kind != MemberKind::Person || person == organisation)
                return fail(Error::invalid(tr("%1 is not a person").arg(p->displayName), QStringLiteral("contacts")));
            Query ins(w.connection(), QStringLiteral("INSERT OR IGNORE INTO organisation_contacts(organisation_id, "
                                                     "person_id) VALUES (:o, :p)"));
            ins.bind(QStringLiteral(":o"), organisation.value()).bind(QStringLiteral(":p"), person.value());
            if (auto ok = ins.exec(); !ok)
                return ok;
        }
        w.audit(QStringLiteral("member.contacts"), QStringLiteral("member"), organisation.value(),
                tr("%n contact person(s)", nullptr, int(people.size())));
        return {};
    });
}

Result<QList<Member>> MemberService::contacts(MemberId organisation) const
{
    Query q(*m_db, QStringLiteral("SELECT ") + Columns +
                       QStringLiteral(" FROM organisation_contacts c JOIN members m ON m.id = c.person_id "
                                      "WHERE c.organisation_id = :o ORDER BY m.sort_key"));
    q.bind(QStringLiteral(":o"), organisation.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Member> out;
    while (q.next())
        out << memberFrom(q);
    return out;
}

Result<MemberService::Erasure> MemberService::forget(MemberId id)
{
    if (auto ok = m_work.run(Permission::ForgetMember, [&](Write &w) -> Status { return forgetIn(w, id); }); !ok)
        return fail(ok.error());
    auto done = completePendingScrub();
    if (!done)
        return fail(done.error());
    return Erasure{*done};
}

Status MemberService::forgetIn(Write &w, MemberId id)
{
    auto member = get(id);
    if (!member)
        return fail(member.error());
    if (member->forgotten)
        return fail(Error::refused(tr("member #%1 was already forgotten").arg(id.value())));
    const QString name = pseudonym(id);
    const qint64 now = m_clock.nowSecs();
    const auto run = [&](const QString &sql) -> Status {
        Query q(w.connection(), sql);
        q.bind(QStringLiteral(":id"), id.value());
        return q.exec();
    };
    Query upd(w.connection(),
              QStringLiteral("UPDATE members SET display_name = :name, sort_key = :sort, given_name = '', "
                             "family_name = '', email = '', email_key = NULL, phone = '', postcode = '', "
                             "address = '', website = '', notes = '', interests = '', directory_visible = 0, "
                             "show_email = 0, show_phone = 0, consent_changed_at = NULL, status = 'left', "
                             "left_on = coalesce(left_on, :today), forgotten_at = :now, updated_at = :now "
                             "WHERE id = :id"));
    upd.bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":sort"), TextFold::fold(name))
        .bind(QStringLiteral(":today"), today().toString(Qt::ISODate))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":id"), id.value());
    if (auto ok = upd.exec(); !ok)
        return fail(ok.error());
    for (const QString &sql : {
             QStringLiteral("DELETE FROM member_consents WHERE member_id = :id"),
             QStringLiteral("DELETE FROM organisation_contacts WHERE organisation_id = :id OR person_id = :id"),
             QStringLiteral("DELETE FROM member_skills WHERE member_id = :id"),
             QStringLiteral("DELETE FROM offer_search WHERE rowid IN (SELECT id FROM offers WHERE member_id = :id)"),
             QStringLiteral("DELETE FROM offers WHERE member_id = :id"),
             QStringLiteral("DELETE FROM need_search WHERE rowid IN (SELECT id FROM needs WHERE member_id = :id)"),
             QStringLiteral("DELETE FROM needs WHERE member_id = :id"),
         })
        if (auto ok = run(sql); !ok)
            return fail(ok.error());
    if (auto ok = MemberIndex::remove(w.connection(), id); !ok)
        return fail(ok.error());
    if (auto ok = m_personalData.eraseAll(id, name); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("member.forget"), QStringLiteral("member"), id.value(),
            tr("personal data erased; now %1").arg(name));
    Query mark(w.connection(), QStringLiteral("INSERT OR IGNORE INTO pending_scrub (one, since) VALUES (1, :now)"));
    mark.bind(QStringLiteral(":now"), now);
    if (auto ok = mark.exec(); !ok)
        return fail(ok.error());
    return {};
}

Result<bool> MemberService::completePendingScrub(ScrubWait wait)
{
    Query pending(*m_db, QStringLiteral("SELECT count(*) FROM pending_scrub"));
    auto marked = pending.scalar();
    if (!marked)
        return fail(marked.error());
    if (marked->toInt() == 0)
        return true;
    if (m_db->backend() == Backend::PostgreSQL)
        return completeServerScrub();
    // Not waiting: another desk's read (or write) makes this try give up at
    // once; the next tick or open tries again.
    const QSqlDatabase connection = m_db->connection();
    const auto setBusyTimeout = [&connection](int ms) {
        QSqlQuery(connection).exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(ms));
    };
    if (wait == ScrubWait::None)
        setBusyTimeout(0);
    // Not waiting, a busy file is "not yet", never a failure of the erasure.
    const auto notNow = [wait](const Error &e) -> Result<bool> {
        if (wait == ScrubWait::None)
            return false;
        return fail(e);
    };
    const auto truncate = [this, &notNow]() -> Result<bool> {
        // TRUNCATE waits (busy timeout) for readers, then says whether it got through.
        Query checkpoint(*m_db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (auto ok = checkpoint.exec(); !ok)
            return notNow(ok.error());
        const bool blocked = checkpoint.next() && checkpoint.value(0).toInt() != 0;
        checkpoint.raw().finish();
        return !blocked;
    };
    const auto attempt = [wait, &connection, &notNow, &truncate, this]() -> Result<bool> {
        // A window's tick, every second while another desk reads: only a
        // checkpoint is tried, so nothing is written until it can get through.
        if (wait == ScrubWait::None) {
            auto idle = truncate();
            if (!idle || !*idle)
                return idle;
        }
        // Deleted text can survive in old FTS segments and in the WAL: rewrite
        // the segments (secure_delete zeroes the freed pages) and fold the WAL back in.
        if (auto ok = MemberIndex::purgeDeleted(connection); !ok)
            return notNow(ok.error());
        auto through = truncate();
        if (!through || !*through)
            return through;
        Query clear(*m_db, QStringLiteral("DELETE FROM pending_scrub"));
        if (auto ok = clear.exec(); !ok)
            return notNow(ok.error());
        // The mark's own page, folded in too; it holds no personal data.
        (void)truncate();
        return true;
    };
    auto done = attempt();
    if (wait == ScrubWait::None)
        setBusyTimeout(Database::BusyTimeoutMs);
    return done;
}

Result<bool> MemberService::completeServerScrub()
{
    // A server keeps a changed row's old version until VACUUM finds no
    // transaction that can still see it. Only the tables' owner (or the
    // database's, or a superuser) may VACUUM them: for anyone else the server
    // skips them with a warning. So a desk's role leaves the mark in place
    // and says so, and the next open by the hub's owner finishes it.
    static const QStringList tables = {
        QStringLiteral("members"),      QStringLiteral("member_consents"), QStringLiteral("member_search"),
        QStringLiteral("member_words"), QStringLiteral("offers"),          QStringLiteral("offer_search"),
        QStringLiteral("needs"),        QStringLiteral("need_search"),     QStringLiteral("ideas"),
        QStringLiteral("walk_ins"),     QStringLiteral("group_actions"),   QStringLiteral("audit_log")};
    // The names are the constants above, never user text.
    Query owner(*m_db,
                QStringLiteral("SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR "
                               "pg_has_role((SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = "
                               "current_database()), 'USAGE') OR (SELECT bool_and(pg_has_role(tableowner, 'USAGE')) "
                               "FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('%1'))")
                    .arg(tables.join(QStringLiteral("', '"))));
    auto mayVacuum = owner.scalar();
    if (!mayVacuum)
        return fail(mayVacuum.error());
    if (!mayVacuum->toBool())
        return false;
    QSqlQuery vacuum(m_db->connection());
    if (!vacuum.exec(QStringLiteral("VACUUM ") + tables.join(QStringLiteral(", "))))
        return false;
    Query clear(*m_db, QStringLiteral("DELETE FROM pending_scrub"));
    if (auto ok = clear.exec(); !ok)
        return fail(ok.error());
    return true;
}

} // namespace hub
