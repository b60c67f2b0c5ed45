// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberexporter.h"

#include "core/access/accesscontrol.h"
#include "core/common/csvwriter.h"
#include "core/hub.h"
#include "core/members/listingservice.h"
#include "core/members/memberimporter.h"
#include "core/members/memberjson.h"
#include "core/members/skillservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/transaction.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hub {

namespace {

constexpr int PageSize = 500;

// A member with what the export shows of them.
struct Entry
{
    Member member;
    QList<MemberSkill> skills;
    QList<Offer> offers;
    QList<Need> needs;
};

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString exportDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QStringList csvRow(const Entry &e)
{
    const Member &m = e.member;
    QStringList offers;
    for (const Offer &o : e.offers)
        offers << MemberImporter::formatListing(o.skillName, o.description);
    QStringList needs;
    for (const Need &n : e.needs)
        needs << MemberImporter::formatListing(n.skillName, n.description);
    QStringList row;
    // The same order as MemberImporter::fieldNames().
    row << m.displayName << toString(m.kind) << m.givenName << m.familyName << m.email << m.phone << m.postcode
        << m.address << m.website << m.notes << toString(m.status) << exportDate(m.joinedOn) << exportDate(m.lapsedOn)
        << exportDate(m.leftOn) << m.interests.join(QStringLiteral(", ")) << MemberImporter::formatSkills(e.skills)
        << offers.join(u'\n') << needs.join(u'\n') << yesNo(m.consent.directoryVisible) << yesNo(m.consent.showEmail)
        << yesNo(m.consent.showPhone);
    return row;
}

QByteArray vcard(const Entry &e)
{
    const Member &m = e.member;
    const auto esc = &MemberExporter::vcardEscape;
    QByteArray out;
    const auto line = [&out](const QString &text) {
        out += MemberExporter::vcardLine(text);
    };
    const bool org = m.kind == MemberKind::Organisation;
    line(QStringLiteral("BEGIN:VCARD"));
    line(QStringLiteral("VERSION:4.0"));
    line(org ? QStringLiteral("KIND:org") : QStringLiteral("KIND:individual"));
    line(QStringLiteral("FN:") + esc(m.displayName));
    if (org)
        line(QStringLiteral("ORG:") + esc(m.displayName));
    else if (!m.givenName.isEmpty() || !m.familyName.isEmpty())
        line(QStringLiteral("N:") + esc(m.familyName) + u';' + esc(m.givenName) + QStringLiteral(";;;"));
    if (!m.email.isEmpty())
        line(QStringLiteral("EMAIL:") + esc(m.email));
    if (!m.phone.isEmpty())
        line(QStringLiteral("TEL;VALUE=text:") + esc(m.phone));
    if (!m.address.isEmpty() || !m.postcode.isEmpty())
        // ADR parts: PO box; extended; street; locality; region; postcode; country.
        line(QStringLiteral("ADR:;;") + esc(m.address) + QStringLiteral(";;;") + esc(m.postcode) + u';');
    if (!m.website.isEmpty())
        line(QStringLiteral("URL:") + m.website);
    if (!m.notes.isEmpty())
        line(QStringLiteral("NOTE:") + esc(m.notes));
    if (!e.skills.isEmpty()) {
        QStringList names;
        for (const MemberSkill &s : e.skills)
            names << esc(s.name);
        line(QStringLiteral("CATEGORIES:") + names.join(u','));
    }
    line(QStringLiteral("END:VCARD"));
    return out;
}

QByteArray json(const Entry &e, int decimals)
{
    QJsonObject o = MemberJson::member(e.member);
    QJsonArray skills;
    for (const MemberSkill &s : e.skills)
        skills << MemberJson::skill(s);
    QJsonArray offers;
    for (const Offer &offer : e.offers)
        offers << MemberJson::offer(offer, decimals);
    QJsonArray needs;
    for (const Need &n : e.needs)
        needs << MemberJson::need(n);
    o.insert(QStringLiteral("skills"), skills);
    o.insert(QStringLiteral("offers"), offers);
    o.insert(QStringLiteral("needs"), needs);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

MemberExporter::MemberExporter(Hub &hub) : m_hub(hub)
{}

std::optional<ExportFormat> MemberExporter::formatFrom(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QStringLiteral("csv"))
        return ExportFormat::Csv;
    if (n == QStringLiteral("vcard") || n == QStringLiteral("vcf"))
        return ExportFormat::VCard;
    if (n == QStringLiteral("json"))
        return ExportFormat::Json;
    return std::nullopt;
}

QString MemberExporter::formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::VCard:
        return QStringLiteral("vcard");
    case ExportFormat::Json:
        return QStringLiteral("json");
    }
    return QStringLiteral("csv");
}

QString MemberExporter::fileSuffix(ExportFormat format)
{
    return format == ExportFormat::VCard ? QStringLiteral("vcf") : formatName(format);
}

QString MemberExporter::vcardEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u',' || c == u';') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            out += QStringLiteral("\\n");
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray MemberExporter::vcardLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8();
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    bool first = true;
    while (true) {
        // RFC 6350 3.2: lines are at most 75 octets; a continuation starts with
        // a space, which counts towards its 75.
        const qsizetype room = first ? 75 : 74;
        qsizetype end = std::min(bytes.size(), pos + room);
        if (end < bytes.size())
            while (end > pos + 1 && (static_cast<unsigned char>(bytes.at(end)) & 0xC0) == 0x80)
                --end; // never cut inside a UTF-8 sequence
        if (!first)
            out += ' ';
        out += bytes.mid(pos, end - pos);
        out += "\r\n";
        pos = end;
        first = false;
        if (pos >= bytes.size())
            break;
    }
    return out;
}

Result<int> MemberExporter::write(QIODevice &out, const ExportOptions &options, const Progress &progress)
{
    // The shared directory is for everyone at the desk; every member's
    // details, consent or not, only for an admin.
    if (auto ok = m_hub.access().require(options.all ? Permission::ExportMembers : Permission::ViewMembers); !ok)
        return fail(ok.error());
    MemberFilter filter = options.filter;
    if (!options.all)
        filter.directoryOnly = true;
    filter.includeForgotten = false; // a forgotten member has nothing left to export

    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    const int decimals = settings->decimals;

    // One read transaction, so the pages form one consistent snapshot even
    // while another desk is adding members.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    MemberService &members = m_hub.members();
    auto total = members.count(filter);
    if (!total)
        return fail(total.error());

    const auto writeFailed = [&out] {
        return Error::storage(tr("Could not write the export: %1").arg(out.errorString()));
    };
    const auto put = [&](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size();
    };

    CsvWriter csv(out, CsvWriter::Options{u',', options.bom});
    if (options.format == ExportFormat::Csv) {
        if (auto ok = csv.writeRow(MemberImporter::fieldNames()); !ok)
            return fail(ok.error());
    } else if (options.format == ExportFormat::Json && !put("[")) {
        return fail(writeFailed());
    }

    int done = 0;
    for (PageKey after;;) {
        auto page = members.page(filter, after, PageSize, MemberSort::Name);
        if (!page)
            return fail(page.error());
        after = page->next;
        for (const Member &m : std::as_const(page->rows)) {
            Entry e;
            e.member = m;
            if (!options.all) {
                // The shared directory shows only what each member agreed to.
                if (!m.consent.showEmail)
                    e.member.email.clear();
                if (!m.consent.showPhone)
                    e.member.phone.clear();
                e.member.address.clear();
                e.member.notes.clear();
            }
            auto skills = m_hub.skills().memberSkills(m.id);
            if (!skills)
                return fail(skills.error());
            e.skills = *skills;
            auto offers = m_hub.listings().offers(m.id, true);
            if (!offers)
                return fail(offers.error());
            e.offers = *offers;
            auto needs = m_hub.listings().needs(m.id, true);
            if (!needs)
                return fail(needs.error());
            e.needs = *needs;

            switch (options.format) {
            case ExportFormat::Csv:
                if (auto ok = csv.writeRow(csvRow(e)); !ok)
                    return fail(ok.error());
                break;
            case ExportFormat::VCard:
                if (!put(vcard(e)))
                    return fail(writeFailed());
                break;
            case ExportFormat::Json:
                if (!put((done == 0 ? QByteArray("\n") : QByteArray(",\n")) + json(e, decimals)))
                    return fail(writeFailed());
                break;
            }
            ++done;
            if (progress && (done % std::max(1, *total / 100) == 0 || done == *total) && !progress(done, *total))
                return fail(Error::refused(tr("The export was cancelled.")));
        }
        if (page->rows.size() < PageSize)
            break;
    }
    if (options.format == ExportFormat::Json && !put("\n]\n"))
        return fail(writeFailed());
    return done;
}

} // namespace hub
