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

} // namespace

// The file as read, and where each mapped field is in it.
struct MemberImporter::ScannedFile
{
    CsvTable table;
    QHash<MemberField, qsizetype> column;
    QStringList ignoredColumns;

    bool has(MemberField f) const { return column.contains(f); }
    QString cell(const CsvRecord &r, MemberField f) const { return has(f) ? r.field(column.value(f)) : QString(); }
    // The column a problem is reported in: the file's own header when mapped.
    QString columnName(MemberField f) const { return has(f) ? table.headers.at(column.value(f)) : fieldName(f); }
    QString columnForWhere(const QString &where) const
    {
        if (const auto f = fieldForHeader(where))
            return columnName(*f);
        return where;
    }
};

// A row as checked, ready to write.
struct MemberImporter::RowPlan
{
    int row = 0;
    MemberDraft draft;
    QList<MemberSkill> skills;
    QList<Listing> offers;
    QList<Listing> needs;
};

struct MemberImporter::DuplicateCheck
{
    explicit DuplicateCheck(const QSqlDatabase &connection)
        : emailTaken(connection, QStringLiteral("SELECT id FROM members WHERE email_key = :key "
                                                "AND forgotten_at IS NULL"))
    {}
    // The same test as MemberService::emailOwner (case-folded key among live
    // members), prepared once for every row: preparing it per row was an
    // eighth of a 10k-row import.
    Query emailTaken;
    QHash<QString, int> emailRow; // case-folded e-mail -> first row with it
};

// Calls the progress callback about every 1% (and at the end); false = cancel.
// It keeps the count because writing counts on from where checking stopped.
class MemberImporter::ProgressTicker
{
public:
    ProgressTicker(const Progress &progress, int total)
        : m_progress(progress), m_total(total), m_step(std::max(1, total / 100))
    {}
    bool tick()
    {
        ++m_done;
        if (!m_progress || (m_done % m_step != 0 && m_done != m_total))
            return true;
        return m_progress(m_done, m_total);
    }

private:
    const Progress &m_progress;
    int m_total;
    int m_step;
    int m_done = 0;
};

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
    auto file = scan(bytes, mapping);
    if (!file)
        return fail(file.error());

    // Reading and writing share one transaction: IMMEDIATE for a real import
    // so the duplicate checks still hold when the rows are written; a dry run
    // only reads, from one consistent snapshot.
    auto tx = Transaction::begin(m_hub.database(), dryRun ? Transaction::Mode::Deferred : Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());

    ImportReport report;
    report.dryRun = dryRun;
    report.ignoredColumns = file->ignoredColumns;
    report.rows = int(file->table.records.size());
    ProgressTicker ticker(progress, dryRun ? report.rows : 2 * report.rows);

    auto plans = checkRows(*file, *tx, ticker, report);
    if (!plans)
        return fail(plans.error());
    if (report.cancelled || !report.problems.isEmpty() || dryRun)
        return report; // the transaction rolls back: nothing was written
    return apply(*file, *plans, *tx, ticker, std::move(report));
}

Result<MemberImporter::ScannedFile> MemberImporter::scan(const QByteArray &bytes, const ColumnMapping &mapping)
{
    auto table = CsvReader::read(bytes);
    if (!table)
        return fail(table.error());
    ScannedFile file;
    file.table = std::move(*table);
    const QStringList &headers = file.table.headers;
    if (mapping.size() != headers.size())
        return fail(Error::usage(tr("The column mapping has %1 entries but the file has %2 columns.")
                                     .arg(mapping.size())
                                     .arg(headers.size())));

    // Where each field is, and which columns are left out.
    for (qsizetype c = 0; c < mapping.size(); ++c) {
        const MemberField f = mapping.at(c);
        if (f == MemberField::Ignore) {
            if (!headers.at(c).trimmed().isEmpty())
                file.ignoredColumns << headers.at(c);
            continue;
        }
        if (file.has(f))
            return fail(Error::usage(tr("Columns “%1” and “%2” are both mapped to %3.")
                                         .arg(headers.at(file.column.value(f)), headers.at(c), fieldName(f))));
        file.column.insert(f, c);
    }
    if (!file.has(MemberField::DisplayName) && !file.has(MemberField::GivenName) &&
        !file.has(MemberField::FamilyName)) {
        QStringList shown;
        for (const QString &h : headers.mid(0, 6))
            shown << u'“' + h + u'”';
        return fail(Error::invalid(tr("The first row must be a header naming the columns, with at least a name column "
                                      "(display_name, or given_name and family_name). It reads %1.")
                                       .arg(shown.join(QStringLiteral(", "))),
                                   tr("row 1")));
    }
    return file;
}

Result<QList<MemberImporter::RowPlan>> MemberImporter::checkRows(const ScannedFile &file, const Transaction &tx,
                                                                 ProgressTicker &ticker, ImportReport &report)
{
    DuplicateCheck duplicates(tx.connection());
    QList<RowPlan> plans;
    plans.reserve(file.table.records.size());
    for (const CsvRecord &record : file.table.records) {
        const qsizetype problemsBefore = report.problems.size();
        RowPlan plan = parseRow(file, record, report.problems);
        if (auto ok = planRow(file, plan, duplicates, report.problems); !ok)
            return fail(ok.error());
        if (report.problems.size() == problemsBefore)
            plans << std::move(plan);
        if (!ticker.tick()) {
            report.cancelled = true;
            return plans;
        }
    }
    return plans;
}

MemberImporter::RowPlan MemberImporter::parseRow(const ScannedFile &file, const CsvRecord &record,
                                                 QList<ImportProblem> &problems)
{
    const qsizetype columns = file.table.headers.size();
    for (qsizetype c = columns; c < record.fields.size(); ++c)
        if (!record.fields.at(c).trimmed().isEmpty()) {
            problems << ImportProblem{record.row, QString(),
                                      tr("has %1 fields but the header has %2 columns; is a comma or "
                                         "quote missing?")
                                          .arg(record.fields.size())
                                          .arg(columns)};
            break;
        }

    RowPlan plan;
    plan.row = record.row;
    plan.draft = parseDraft(file, record, problems);
    parseSkillsAndListings(file, record, plan, problems);
    return plan;
}

MemberDraft MemberImporter::parseDraft(const ScannedFile &file, const CsvRecord &record, QList<ImportProblem> &problems)
{
    const auto problem = [&](const QString &col, const QString &message) {
        problems << ImportProblem{record.row, col, message};
    };
    const auto cell = [&](MemberField f) {
        return file.cell(record, f);
    };

    MemberDraft d;
    d.displayName = cell(MemberField::DisplayName);
    d.givenName = cell(MemberField::GivenName);
    d.familyName = cell(MemberField::FamilyName);
    if (d.displayName.trimmed().isEmpty())
        d.displayName = QStringList{d.givenName.trimmed(), d.familyName.trimmed()}.join(u' ').trimmed();
    d.email = cell(MemberField::Email);
    d.phone = cell(MemberField::Phone);
    d.postcode = cell(MemberField::Postcode);
    d.address = cell(MemberField::Address);
    d.website = cell(MemberField::Website);
    d.notes = cell(MemberField::Notes);

    if (const QString kind = cell(MemberField::Kind); !kind.trimmed().isEmpty()) {
        if (const auto k = memberKindFrom(kind))
            d.kind = *k;
        else
            problem(file.columnName(MemberField::Kind),
                    tr("unknown kind “%1”: use person or organisation").arg(kind.trimmed()));
    }
    if (const QString status = cell(MemberField::Membership); !status.trimmed().isEmpty()) {
        if (const auto s = memberStatusFrom(status))
            d.status = *s;
        else
            problem(file.columnName(MemberField::Membership),
                    tr("unknown status “%1”: use active, lapsed or left").arg(status.trimmed()));
    }
    for (const auto &[field, target] :
         {std::pair{MemberField::JoinedOn, &d.joinedOn}, std::pair{MemberField::LapsedOn, &d.lapsedOn},
          std::pair{MemberField::LeftOn, &d.leftOn}}) {
        const QString text = cell(field).trimmed();
        if (text.isEmpty())
            continue;
        *target = QDate::fromString(text, Qt::ISODate);
        if (!target->isValid())
            problem(file.columnName(field), tr("“%1” is not a date: use YYYY-MM-DD").arg(text));
    }
    static const QRegularExpression listSeparators(QStringLiteral("[,;\\n]"));
    d.interests = cell(MemberField::Interests).split(listSeparators, Qt::SkipEmptyParts);
    for (const auto &[field, target] : {std::pair{MemberField::DirectoryVisible, &d.consent.directoryVisible},
                                        std::pair{MemberField::ShowEmail, &d.consent.showEmail},
                                        std::pair{MemberField::ShowPhone, &d.consent.showPhone}}) {
        const QString text = cell(field);
        if (const auto yes = yesNo(text))
            *target = *yes;
        else
            problem(file.columnName(field), tr("“%1” is not yes or no").arg(text.trimmed()));
    }

    d = MemberService::normalised(d);
    if (auto ok = MemberService::validate(d); !ok)
        problem(file.columnForWhere(ok.error().where), ok.error().message);
    return d;
}

void MemberImporter::parseSkillsAndListings(const ScannedFile &file, const CsvRecord &record, RowPlan &plan,
                                            QList<ImportProblem> &problems)
{
    const auto problem = [&](MemberField f, const QString &message) {
        problems << ImportProblem{record.row, file.columnName(f), message};
    };

    QString badLevel;
    plan.skills = parseSkills(file.cell(record, MemberField::Skills), &badLevel);
    if (!badLevel.isEmpty())
        problem(MemberField::Skills,
                tr("unknown skill level “%1”: use beginner, intermediate or expert").arg(badLevel));
    for (const MemberSkill &s : std::as_const(plan.skills))
        if (auto ok = SkillService::validateName(s.name); !ok) {
            problem(MemberField::Skills, ok.error().message);
            break;
        }
    plan.offers = parseListings(file.cell(record, MemberField::Offers));
    plan.needs = parseListings(file.cell(record, MemberField::Needs));
    for (const auto &[field, listings] :
         {std::pair{MemberField::Offers, &plan.offers}, std::pair{MemberField::Needs, &plan.needs}}) {
        for (const Listing &l : std::as_const(*listings)) {
            if (l.description.isEmpty()) {
                problem(field, tr("“[%1]” has no description after the skill").arg(l.skill));
                break;
            }
            if (l.description.size() > ListingService::MaxDescriptionLength) {
                problem(field,
                        tr("a description is longer than %1 characters").arg(ListingService::MaxDescriptionLength));
                break;
            }
            if (!l.skill.isEmpty())
                if (auto ok = SkillService::validateName(l.skill); !ok) {
                    problem(field, ok.error().message);
                    break;
                }
        }
    }
}

Status MemberImporter::planRow(const ScannedFile &file, const RowPlan &plan, DuplicateCheck &duplicates,
                               QList<ImportProblem> &problems)
{
    // Duplicates by e-mail, compared as the members table does (case-folded).
    const QString &email = plan.draft.email;
    if (email.isEmpty())
        return {};
    const QString column = file.columnName(MemberField::Email);
    const QString key = email.toCaseFolded();
    if (const auto first = duplicates.emailRow.constFind(key); first != duplicates.emailRow.cend()) {
        problems << ImportProblem{plan.row, column, tr("“%1” is a duplicate of row %2").arg(email).arg(first.value())};
        return {};
    }
    duplicates.emailRow.insert(key, plan.row);
    auto existing = duplicates.emailTaken.bind(QStringLiteral(":key"), key).scalar();
    if (!existing)
        return fail(existing.error());
    duplicates.emailTaken.raw().finish();
    if (!existing->isNull())
        problems << ImportProblem{
            plan.row, column, tr("“%1” is a duplicate of existing member #%2").arg(email).arg(existing->toLongLong())};
    return {};
}

Result<ImportReport> MemberImporter::apply(const ScannedFile &file, const QList<RowPlan> &plans, Transaction &tx,
                                           ProgressTicker &ticker, ImportReport report)
{
    MemberService &members = m_hub.members();
    SkillService &skills = m_hub.skills();
    ListingService &listings = m_hub.listings();
    // A rule the checks did not know about still stops the whole import,
    // reported against its row like any other problem.
    const auto refuse = [&](int row, const Error &error) -> Result<ImportReport> {
        if (error.kind == ErrorKind::Storage)
            return fail(error);
        report.created.clear();
        report.problems << ImportProblem{row, file.columnForWhere(error.where), error.message};
        return report;
    };
    // An import is one change in the audit trail, not one per member; the
    // right to import covers adding and editing what it imports.
    std::optional<AuditTrail::Quiet> quiet(std::in_place);
    AccessControl::Grant mayAdd(Permission::AddMembers);
    AccessControl::Grant mayEdit(Permission::EditMembers);
    for (const RowPlan &plan : plans) {
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
        if (!ticker.tick()) {
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
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return report;
}

} // namespace hub
