// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/common/ids.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace hub {

class Hub;

/// A member's subject-access request answered: every section the areas of
/// the domain registered, in one JSON document. The GUI and hubctl both write
/// it through here, so the permission check and the audit row are the same.
class SubjectAccessExporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::SubjectAccessExporter)

public:
    explicit SubjectAccessExporter(Hub &hub);

    /// The whole document; needs ExportMembers (it is everything about a person).
    Result<QJsonObject> document(MemberId member) const;

    /// Writes the document to `path` all or nothing and records who asked.
    Status write(MemberId member, const QString &path) const;

private:
    Hub &m_hub;
};

} // namespace hub
