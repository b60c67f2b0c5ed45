// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/privacy/subjectaccessexporter.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/common/privatefiles.h"
#include "core/hub.h"
#include "core/privacy/personaldataregistry.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace hub {

SubjectAccessExporter::SubjectAccessExporter(Hub &hub) : m_hub(hub)
{}

Result<QJsonObject> SubjectAccessExporter::document(MemberId member) const
{
    if (auto ok = m_hub.access().require(Permission::ExportMembers); !ok)
        return fail(ok.error());
    // One read transaction: the sections describe the person at one moment.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    auto data = m_hub.personalData().exportAll(member);
    if (!data)
        return fail(data.error());
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    QJsonObject doc{
        {QStringLiteral("subject_access"),
         QJsonObject{{QStringLiteral("member_id"), double(member.value())},
                     {QStringLiteral("hub"), settings->name},
                     {QStringLiteral("generated_at"), m_hub.clock().now().toString(Qt::ISODate)},
                     {QStringLiteral("sections"), QJsonArray::fromStringList(m_hub.personalData().sectionNames())}}}};
    for (auto it = data->begin(); it != data->end(); ++it)
        doc.insert(it.key(), it.value());
    return doc;
}

Status SubjectAccessExporter::write(MemberId member, const QString &path) const
{
    auto doc = document(member);
    if (!doc)
        return fail(doc.error());
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSaveFile file(absolute);
    if (!file.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(file) ||
        file.write(QJsonDocument(*doc).toJson()) < 0)
        return fail(
            Error::invalid(tr("cannot write %1: %2").arg(QDir::toNativeSeparators(absolute), file.errorString()),
                           QStringLiteral("output")));
    // The file is only committed once the request is on record.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    if (auto ok = m_hub.audit().record(QStringLiteral("member.subject-access"), QStringLiteral("member"),
                                       member.value(), tr("personal data exported"));
        !ok)
        return ok;
    if (!file.commit())
        return fail(
            Error::invalid(tr("cannot write %1: %2").arg(QDir::toNativeSeparators(absolute), file.errorString()),
                           QStringLiteral("output")));
    return tx->commit();
}

} // namespace hub
