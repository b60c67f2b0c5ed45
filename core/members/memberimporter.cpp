// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberimporter.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/common/csvreader.h"
#include "core/hub.h"
#include "core/members/listingservice.h"
#include "core/members/memberenrolment.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QHash>
#include <QRegularExpression>

namespace hub {

namespace {

struct FieldInfo
{
    MemberField field;
    const char *name;            // the export's header
    QList<const char *> aliases; // further headers people use, already in key form
};

const QList<FieldInfo> &fields()
{
    static const QList<FieldInfo> list = {
        {MemberField::DisplayName, "display_name", {"name", "full name", "member", "member name"}},
        {MemberField::Kind, "kind", {"type", "member type"}},
        {MemberField::GivenName, "given_name", {"first name", "forename", "given"}},
        {MemberField::FamilyName, "family_name", {"surname", "last name", "family"}},
        {MemberField::Email, "email", {"e mail", "email address", "e mail address", "mail"}},
        {MemberField::Phone, "phone", {"telephone", "mobile", "phone number", "tel"}},
        {MemberField::Postcode, "postcode", {"post code", "zip", "zip code", "postal code"}},
        {MemberField::Address, "address", {"street address"}},
        {MemberField::Website, "website", {"web", "url", "web site"}},
        {MemberField::Notes, "notes", {"note", "comments"}},
        {MemberField::Membership, "status", {"membership status"}},
        {MemberField::JoinedOn, "joined_on", {"joined", "join date", "date joined"}},
        {MemberField::LapsedOn, "lapsed_on", {"lapsed"}},
        {MemberField::LeftOn, "left_on", {"left"}},
        {MemberField::Interests, "interests", {"roles", "interested in"}},
        {MemberField::Skills, "skills", {"skill"}},
        {MemberField::Offers, "offers", {"offer", "can offer"}},
        {MemberField::Needs, "needs", {"need"}},
        {MemberField::DirectoryVisible, "directory_visible", {"directory", "in directory", "visible"}},
        {MemberField::ShowEmail, "show_email", {"show e mail"}},
        {MemberField::ShowPhone, "show_phone", {"show telephone"}},
    };
    return list;
}

// "E-Mail Address" and "email_address" both become "e mail address"; the
// export's own names ("display_name") become "display name".
QString headerKey(const QString &header)
{
    QString key = header.trimmed().toLower();
    key.replace(u'_', u' ').replace(u'-', u' ');
    return key.simplified();
}

std::optional<bool> yesNo(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QStringLiteral("no") || t == QStringLiteral("n") || t == QStringLiteral("false") ||
        t == QStringLiteral("0"))
        return false;
    if (t == QStringLiteral("yes") || t == QStringLiteral("y") || t == QStringLiteral("true") ||
        t == QStringLiteral("1") || t == QStringLiteral("x"))
        return true;
    return std::nullopt;
}

// A row as checked, ready to write.
struct RowPlan
{
    int row = 0;
    MemberDraft draft;
    QList<MemberSkill> skills;
    QList<MemberImporter::Listing> offers;
    QList<MemberImporter::Listing> needs;
};

// Calls the progress callback about every 1% (and at the end); false = cancel.
class ProgressTicker
{
public:
    ProgressTicker(const MemberImporter::Progress &progress, int total)
        : m_progress(progress), m_total(total), m_step(std::max(1, total / 100))
    {}
    bool tick(int done)
    {
        if (!m_progress || (done % m_step != 0 && done != m_total))
            return true;
        return m_progress(done, m_total);
    }

private:
    const MemberImporter::Progress &m_progress;
    int m_total;
    int m_step;
};

} // namespace

MemberImporter::MemberImporter(Hub &hub) : m_hub(hub)
{}

QString MemberImporter::fieldName(MemberField field)
{
    for (const FieldInfo &f : fields())
        if (f.field == field)
            return QString::fromLatin1(f.name);
    return {};
}

QString MemberImporter::fieldLabel(MemberField field)
{
    switch (field) {
    case MemberField::Ignore:
        return tr("Leave out");
    case MemberField::DisplayName:
        return tr("Name");
    case MemberField::Kind:
        return tr("Person or organisation");
    case MemberField::GivenName:
        return tr("Given name");
    case MemberField::FamilyName:
        return tr("Family name");
    case MemberField::Email:
        return tr("E-mail");
    case MemberField::Phone:
        return tr("Phone");
    case MemberField::Postcode:
        return tr("Postcode");
    case MemberField::Address:
        return tr("Address");
    case MemberField::Website:
        return tr("Website");
    case MemberField::Notes:
        return tr("Notes");
    case MemberField::Membership:
        return tr("Membership status");
    case MemberField::JoinedOn:
        return tr("Joined on");
    case MemberField::LapsedOn:
        return tr("Lapsed on");
    case MemberField::LeftOn:
        return tr("Left on");
    case MemberField::Interests:
        return tr("Interests");
    case MemberField::Skills:
        return tr("Skills");
    case MemberField::Offers:
        return tr("Offers");
    case MemberField::Needs:
        return tr("Needs");
    case MemberField::DirectoryVisible:
        return tr("In the shared directory");
    case MemberField::ShowEmail:
        return tr("Shows e-mail to members");
    case MemberField::ShowPhone:
        return tr("Shows phone to members");
    }
    return fieldName(field);
}

QStringList MemberImporter::fieldNames()
{
    QStringList names;
    for (const FieldInfo &f : fields())
        names << QString::fromLatin1(f.name);
    return names;
}

std::optional<MemberField> MemberImporter::fieldForHeader(const QString &header)
{
    const QString key = headerKey(header);
    if (key.isEmpty())
        return std::nullopt;
    for (const FieldInfo &f : fields()) {
        if (key == headerKey(QString::fromLatin1(f.name)))
            return f.field;
        for (const char *alias : f.aliases)
            if (key == QLatin1StringView(alias))
                return f.field;
    }
    // "email" written without the hyphen's space: "e mail" is already an alias.
    return std::nullopt;
}

ColumnMapping MemberImporter::guessMapping(const QStringList &headers)
{
    ColumnMapping mapping;
    for (const QString &h : headers) {
        const auto field = fieldForHeader(h);
        mapping << (field && !mapping.contains(*field) ? *field : MemberField::Ignore);
    }
    return mapping;
}

QList<MemberSkill> MemberImporter::parseSkills(const QString &cell, QString *badLevel)
{
    static const QRegularExpression separators(QStringLiteral("[;\\n]"));
    QList<MemberSkill> skills;
    for (const QString &part : cell.split(separators, Qt::SkipEmptyParts)) {
        // Skill names cannot contain ':' (SkillService::validateName), so the
        // first one always starts the level.
        const qsizetype colon = part.indexOf(u':');
        const QString name = (colon < 0 ? part : part.left(colon)).simplified();
        const QString levelText = colon < 0 ? QString() : part.mid(colon + 1).trimmed();
        if (name.isEmpty() && levelText.isEmpty())
            continue;
        MemberSkill s;
        s.name = name;
        if (const auto level = skillLevelFrom(levelText))
            s.level = *level;
        else if (badLevel && badLevel->isEmpty())
            *badLevel = levelText;
        skills << s;
    }
    return skills;
}

QString MemberImporter::formatSkills(const QList<MemberSkill> &skills)
{
    QStringList parts;
    for (const MemberSkill &s : skills)
        parts << (s.level == SkillLevel::Unspecified ? s.name : s.name + u':' + toString(s.level));
    return parts.join(QStringLiteral("; "));
}

QList<MemberImporter::Listing> MemberImporter::parseListings(const QString &cell)
{
    static const QRegularExpression skillPrefix(QStringLiteral("^\\[([^\\]]*)\\]\\s*(.*)$"));
    QList<Listing> listings;
    for (const QString &line : cell.split(u'\n')) {
        const QString t = line.trimmed();
        if (t.isEmpty())
            continue;
        // "[Skill] text" is exact ("[] text" has no skill); otherwise the
        // "Skill: text" people type with hubctl member add --offer.
        const auto m = skillPrefix.match(t);
        if (m.hasMatch()) {
            listings << Listing{m.captured(1).simplified(), m.captured(2).trimmed()};
        } else {
            const ListingDraft d = ListingDraft::parse(t);
            listings << Listing{d.skill, d.description};
        }
    }
    return listings;
}

QString MemberImporter::formatListing(const QString &skill, const QString &description)
{
    // Descriptions are one line each in the cell, so line breaks become spaces.
    const QString text = QString(description).replace(u'\n', u' ').trimmed();
    if (!skill.isEmpty())
        return u'[' + skill + QStringLiteral("] ") + text;
    // "[] " keeps a colon or a leading bracket from being read back as a skill.
    if (text.contains(u':') || text.startsWith(u'['))
        return QStringLiteral("[] ") + text;
    return text;
}

Result<ImportPreview> MemberImporter::preview(const QByteArray &bytes) const
{
    auto table = CsvReader::read(bytes);
    if (!table)
        return fail(table.error());
    ImportPreview p;
    p.separator = table->separator;
    p.headers = table->headers;
    p.mapping = guessMapping(table->headers);
    p.rowCount = int(table->records.size());
    for (qsizetype i = 0; i < table->records.size() && i < 20; ++i)
        p.sampleRows << table->records.at(i).fields;
    return p;
}

Result<ImportReport> MemberImporter::run(const QByteArray &bytes, bool dryRun, const Progress &progress)
{
    auto p = preview(bytes);
    if (!p)
        return fail(p.error());
    return run(bytes, p->mapping, dryRun, progress);
}

Result<ImportReport> MemberImporter::run(const QByteArray &bytes, const ColumnMapping &mapping, bool dryRun,
                                         const Progress &progress)
{
    if (auto ok = m_hub.access().require(Permission::ImportMembers); !ok)
        return fail(ok.error());
    auto table = CsvReader::read(bytes);
    if (!table)
        return fail(table.error());
    const QStringList &headers = table->headers;
    if (mapping.size() != headers.size())
        return fail(Error::usage(tr("The column mapping has %1 entries but the file has %2 columns.")
                                     .arg(mapping.size())
                                     .arg(headers.size())));

    // Where each field is, and which columns are left out.
    QHash<MemberField, qsizetype> column;
    ImportReport report;
    report.dryRun = dryRun;
    for (qsizetype c = 0; c < mapping.size(); ++c) {
        const MemberField f = mapping.at(c);
        if (f == MemberField::Ignore) {
            if (!headers.at(c).trimmed().isEmpty())
                report.ignoredColumns << headers.at(c);
            continue;
        }
        if (column.contains(f))
            return fail(Error::usage(tr("Columns “%1” and “%2” are both mapped to %3.")
                                         .arg(headers.at(column.value(f)), headers.at(c), fieldName(f))));
        column.insert(f, c);
    }
    if (!column.contains(MemberField::DisplayName) && !column.contains(MemberField::GivenName) &&
        !column.contains(MemberField::FamilyName)) {
        QStringList shown;
        for (const QString &h : headers.mid(0, 6))
            shown << u'“' + h + u'”';
        return fail(Error::invalid(tr("The first row must be a header naming the columns, with at least a name column "
                                      "(display_name, or given_name and family_name). It reads %1.")
                                       .arg(shown.join(QStringLiteral(", "))),
                                   tr("row 1")));
    }

    const auto has = [&](MemberField f) {
        return column.contains(f);
    };
    const auto cell = [&](const CsvRecord &r, MemberField f) {
        return has(f) ? r.field(column.value(f)) : QString();
    };
    // The column a problem is reported in: the file's own header when mapped.
    const auto columnName = [&](MemberField f) {
        return has(f) ? headers.at(column.value(f)) : fieldName(f);
    };
    const auto columnForWhere = [&](const QString &where) {
        if (const auto f = fieldForHeader(where))
            return columnName(*f);
        return where;
    };

    // Reading and writing share one transaction: IMMEDIATE for a real import
    // so the duplicate checks still hold when the rows are written; a dry run
    // only reads, from one consistent snapshot.
    auto tx = Transaction::begin(m_hub.database(), dryRun ? Transaction::Mode::Deferred : Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());

    const int rows = int(table->records.size());
    report.rows = rows;
    ProgressTicker ticker(progress, dryRun ? rows : 2 * rows);
    MemberService &members = m_hub.members();

    // The same test as MemberService::emailOwner (case-folded key among live
    // members), prepared once for every row: preparing it per row was an
    // eighth of a 10k-row import.
    Query emailTaken(tx->connection(), QStringLiteral("SELECT id FROM members WHERE email_key = :key "
                                                      "AND forgotten_at IS NULL"));

    QList<RowPlan> plans;
    plans.reserve(rows);
    QHash<QString, int> emailRow; // case-folded e-mail -> first row with it
    int done = 0;
    for (const CsvRecord &record : std::as_const(table->records)) {
        const int row = record.row;
        const auto problem = [&](const QString &col, const QString &message) {
            report.problems << ImportProblem{row, col, message};
        };
        const qsizetype problemsBefore = report.problems.size();

        for (qsizetype c = headers.size(); c < record.fields.size(); ++c)
            if (!record.fields.at(c).trimmed().isEmpty()) {
                problem(QString(), tr("has %1 fields but the header has %2 columns; is a comma or "
                                      "quote missing?")
                                       .arg(record.fields.size())
                                       .arg(headers.size()));
                break;
            }

        RowPlan plan;
        plan.row = row;
        MemberDraft &d = plan.draft;
        d.displayName = cell(record, MemberField::DisplayName);
        d.givenName = cell(record, MemberField::GivenName);
        d.familyName = cell(record, MemberField::FamilyName);
        if (d.displayName.trimmed().isEmpty())
            d.displayName = QStringList{d.givenName.trimmed(), d.familyName.trimmed()}.join(u' ').trimmed();
        d.email = cell(record, MemberField::Email);
        d.phone = cell(record, MemberField::Phone);
        d.postcode = cell(record, MemberField::Postcode);
        d.address = cell(record, MemberField::Address);
        d.website = cell(record, MemberField::Website);
        d.notes = cell(record, MemberField::Notes);

        if (const QString kind = cell(record, MemberField::Kind); !kind.trimmed().isEmpty()) {
            if (const auto k = memberKindFrom(kind))
                d.kind = *k;
            else
                problem(columnName(MemberField::Kind),
                        tr("unknown kind “%1”: use person or organisation").arg(kind.trimmed()));
        }
        if (const QString status = cell(record, MemberField::Membership); !status.trimmed().isEmpty()) {
            if (const auto s = memberStatusFrom(status))
                d.status = *s;
            else
                problem(columnName(MemberField::Membership),
                        tr("unknown status “%1”: use active, lapsed or left").arg(status.trimmed()));
        }
        for (const auto &[field, target] :
             {std::pair{MemberField::JoinedOn, &d.joinedOn}, std::pair{MemberField::LapsedOn, &d.lapsedOn},
              std::pair{MemberField::LeftOn, &d.leftOn}}) {
            const QString text = cell(record, field).trimmed();
            if (text.isEmpty())
                continue;
            *target = QDate::fromString(text, Qt::ISODate);
            if (!target->isValid())
                problem(columnName(field), tr("“%1” is not a date: use YYYY-MM-DD").arg(text));
        }
        static const QRegularExpression listSeparators(QStringLiteral("[,;\\n]"));
        d.interests = cell(record, MemberField::Interests).split(listSeparators, Qt::SkipEmptyParts);
        for (const auto &[field, target] : {std::pair{MemberField::DirectoryVisible, &d.consent.directoryVisible},
                                            std::pair{MemberField::ShowEmail, &d.consent.showEmail},
                                            std::pair{MemberField::ShowPhone, &d.consent.showPhone}}) {
            const QString text = cell(record, field);
            if (const auto yes = yesNo(text))
                *target = *yes;
            else
                problem(columnName(field), tr("“%1” is not yes or no").arg(text.trimmed()));
        }

        d = MemberService::normalised(d);
        if (auto ok = MemberService::validate(d); !ok)
            problem(columnForWhere(ok.error().where), ok.error().message);

        QString badLevel;
        plan.skills = parseSkills(cell(record, MemberField::Skills), &badLevel);
        if (!badLevel.isEmpty())
            problem(columnName(MemberField::Skills),
                    tr("unknown skill level “%1”: use beginner, intermediate or expert").arg(badLevel));
        for (const MemberSkill &s : std::as_const(plan.skills))
            if (auto ok = SkillService::validateName(s.name); !ok) {
                problem(columnName(MemberField::Skills), ok.error().message);
                break;
            }
        plan.offers = parseListings(cell(record, MemberField::Offers));
        plan.needs = parseListings(cell(record, MemberField::Needs));
        for (const auto &[field, listings] :
             {std::pair{MemberField::Offers, &plan.offers}, std::pair{MemberField::Needs, &plan.needs}}) {
            for (const Listing &l : std::as_const(*listings)) {
                if (l.description.isEmpty()) {
                    problem(columnName(field), tr("“[%1]” has no description after the skill").arg(l.skill));
                    break;
                }
                if (l.description.size() > ListingService::MaxDescriptionLength) {
                    problem(columnName(field),
                            tr("a description is longer than %1 characters").arg(ListingService::MaxDescriptionLength));
                    break;
                }
                if (!l.skill.isEmpty())
                    if (auto ok = SkillService::validateName(l.skill); !ok) {
                        problem(columnName(field), ok.error().message);
                        break;
                    }
            }
        }

        // Duplicates by e-mail, compared as the members table does (case-folded).
        if (!d.email.isEmpty()) {
            const QString key = d.email.toCaseFolded();
            if (const auto first = emailRow.constFind(key); first != emailRow.cend()) {
                problem(columnName(MemberField::Email),
                        tr("“%1” is a duplicate of row %2").arg(d.email).arg(first.value()));
            } else {
                emailRow.insert(key, row);
                auto existing = emailTaken.bind(QStringLiteral(":key"), key).scalar();
                if (!existing)
                    return fail(existing.error());
                emailTaken.raw().finish();
                if (!existing->isNull())
                    problem(columnName(MemberField::Email),
                            tr("“%1” is a duplicate of existing member #%2").arg(d.email).arg(existing->toLongLong()));
            }
        }

        if (report.problems.size() == problemsBefore)
            plans << plan;
        if (!ticker.tick(++done)) {
            report.cancelled = true;
            return report;
        }
    }

    if (!report.problems.isEmpty() || dryRun)
        return report; // the transaction rolls back: nothing was written

    SkillService &skills = m_hub.skills();
    ListingService &listings = m_hub.listings();
    // A rule the checks above did not know about still stops the whole import,
    // reported against its row like any other problem.
    const auto refuse = [&](int row, const Error &error) -> Result<ImportReport> {
        if (error.kind == ErrorKind::Storage)
            return fail(error);
        report.created.clear();
        report.problems << ImportProblem{row, columnForWhere(error.where), error.message};
        return report;
    };
    // An import is one change in the audit trail, not one per member; the
    // right to import covers adding and editing what it imports.
    std::optional<AuditTrail::Quiet> quiet(std::in_place);
    AccessControl::Grant mayAdd(Permission::AddMembers);
    AccessControl::Grant mayEdit(Permission::EditMembers);
    for (const RowPlan &plan : std::as_const(plans)) {
        auto member = members.add(plan.draft);
        if (!member)
            return refuse(plan.row, member.error());
        const MemberId id = member->id;
        if (!plan.skills.isEmpty())
            if (auto ok = skills.setMemberSkills(id, plan.skills); !ok)
                return refuse(plan.row, Error{ok.error().kind, ok.error().message, fieldName(MemberField::Skills)});
        for (const Listing &o : plan.offers)
            if (auto ok = listings.addOffer(id, o.skill, o.description); !ok)
                return refuse(plan.row, Error{ok.error().kind, ok.error().message, fieldName(MemberField::Offers)});
        for (const Listing &n : plan.needs)
            if (auto ok = listings.addNeed(id, n.skill, n.description); !ok)
                return refuse(plan.row, Error{ok.error().kind, ok.error().message, fieldName(MemberField::Needs)});
        report.created << id;
        if (!ticker.tick(++done)) {
            report.created.clear();
            report.cancelled = true;
            return report;
        }
    }
    quiet.reset();
    if (auto ok = m_hub.audit().record(QStringLiteral("member.import"), QStringLiteral("member"),
                                       report.created.isEmpty() ? 0 : report.created.first().value(),
                                       tr("%n member(s) imported from CSV", nullptr, int(report.created.size())));
        !ok)
        return fail(ok.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return report;
}

} // namespace hub
