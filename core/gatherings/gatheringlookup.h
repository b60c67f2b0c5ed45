// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/gatherings/gathering.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace hub {

/// Reads the gathering services share inside their callers' transactions:
/// who a member is and whether they may take part, and a gathering's voting.
class GatheringLookup
{
    Q_DECLARE_TR_FUNCTIONS(hub::GatheringLookup)
public:
    /// The member's name; not found when there is none, refused when they
    /// have left or were forgotten. `where` names the field or option.
    static Result<QString> activeMember(const QSqlDatabase &db, MemberId id, const QString &where);
    /// The gathering's title; not found when there is none.
    static Result<QString> gatheringTitle(const QSqlDatabase &db, GatheringId id);

    struct Voting
    {
        QString title;
        VotingMode mode = VotingMode::OneVote;
        int dots = 1;
        bool closed = false;
    };
    static Result<Voting> voting(const QSqlDatabase &db, GatheringId id);

    /// Comma-separated words as stored, and back.
    static QString joinWords(const QStringList &words);
    static QStringList splitWords(const QString &text);
    /// UTC seconds as a UTC QDateTime; invalid for NULL.
    static QDateTime instant(const QVariant &secs);
};

} // namespace hub
