// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/common/ids.h"
#include "core/storage/backend.h"

#include <QSqlDatabase>

namespace hub {

/// Keeps a member's full-text search document in step with their record,
/// skills, offers and needs. Called inside the writer's transaction.
class MemberIndex
{
public:
    static Status reindex(const QSqlDatabase &db, MemberId member);
    static Status remove(const QSqlDatabase &db, MemberId member);
    /// Rewrites the index segments so deleted text no longer exists in the file.
    static Status purgeDeleted(const QSqlDatabase &db);
};

} // namespace hub
