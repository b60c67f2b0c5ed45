// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/hub.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hub {

Result<DemoScale> DemoOptions::parseScale(const QString &text)
{
    if (text == QStringLiteral("small"))
        return DemoScale::Small;
    if (text == QStringLiteral("town"))
        return DemoScale::Town;
    if (text == QStringLiteral("city"))
        return DemoScale::City;
    return fail(Error::usage(DemoGenerator::tr("unknown scale “%1”; use small, town or city").arg(text),
                             QStringLiteral("--scale")));
}

QString DemoOptions::scaleName(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return QStringLiteral("small");
    case DemoScale::Town:
        return QStringLiteral("town");
    case DemoScale::City:
        return QStringLiteral("city");
    }
    return QStringLiteral("small");
}

namespace {
quint32 partSeed(quint32 seed, const QString &part)
{
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::number(seed) + '/' + part.toUtf8(), QCryptographicHash::Sha256);
    return quint32(quint8(digest[0])) << 24 | quint32(quint8(digest[1])) << 16 | quint32(quint8(digest[2])) << 8 |
           quint32(quint8(digest[3]));
}
} // namespace

DemoContext::DemoContext(const DemoOptions &options, const QString &part, DemoProgressFn progress)
    : m_options(options), m_part(part), m_random(partSeed(options.seed, part)), m_progress(std::move(progress))
{}

Status DemoContext::progress(qint64 done, qint64 total)
{
    if (m_progress && !m_progress(DemoProgress{m_part, done, total}))
        return fail(Error::refused(tr("Making demo data was cancelled; nothing was written.")));
    return {};
}

void DemoGenerator::add(std::unique_ptr<DemoPart> part)
{
    m_parts.push_back(std::move(part));
}

QStringList DemoGenerator::partNames() const
{
    QStringList names;
    for (const auto &p : m_parts)
        names << p->name();
    return names;
}

Status DemoGenerator::run(Hub &hub, const DemoOptions &options, const DemoProgressFn &progress)
{
    if (auto ok = hub.access().require(Permission::GenerateDemo); !ok)
        return ok;
    auto tx = Transaction::begin(hub.database());
    if (!tx)
        return fail(tx.error());
    {
        // Thousands of made-up changes are one row in the audit trail.
        AuditTrail::Quiet quiet;
        for (const auto &part : m_parts) {
            DemoContext context(options, part->name(), progress);
            if (auto ok = part->generate(hub, context); !ok)
                return ok;
        }
    }
    if (auto ok = hub.audit().record(QStringLiteral("hub.demo"), QStringLiteral("hub"), 0,
                                     tr("demo data generated: %1").arg(partNames().join(QStringLiteral(", "))));
        !ok)
        return ok;
    return tx->commit();
}

} // namespace hub

namespace hub {

Status DemoGenerator::createDemoHub(const QString &path, const DemoOptions &options, const DemoProgressFn &progress)
{
    const bool server = HubAddress::looksLikeServer(path);
    if (!server && QFileInfo::exists(path))
        return fail(Error::refused(tr("%1 already exists; demo data is made in a new file. Choose another file name.")
                                       .arg(QDir::toNativeSeparators(path))));
    Status ran;
    {
        auto hub = Hub::open(path, OpenMode::CreateIfMissing);
        if (!hub)
            return fail(hub.error());
        // On a server, demo data goes only into an empty database.
        if (server && !(*hub)->isNew())
            return fail(
                Error::refused(tr("%1 already holds a hub; demo data is made in an empty database.").arg(path)));
        ran = (*hub)->demo().run(**hub, options, progress);
        (*hub)->database().releaseThreadConnection();
    }
    // The run rolled back; the file only exists because of it, so it goes too.
    if (!ran && !server)
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    return ran;
}

} // namespace hub
