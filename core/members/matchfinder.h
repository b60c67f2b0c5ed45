// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/member.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class Database;

/// An offer that may meet a need, and why it was suggested.
struct Match
{
    Need need;
    Offer offer;
    QString needMemberName;
    QString offerMemberName;
    bool sameSkill = false;
    double textScore = 0; ///< higher is more similar (from FTS5 bm25)
    bool sameDistrict = false;
    QStringList reasons; ///< for people: "same skill: Guitar", "similar words: teach, guitar", ...
};

/// Ranks open offers against open needs: same skill first, then similar
/// words (FTS5 bm25), then the same postcode district. Never matches a member
/// with themselves or with anyone who has not consented to the directory.
class MatchFinder
{
    Q_DECLARE_TR_FUNCTIONS(hub::MatchFinder)
public:
    explicit MatchFinder(std::shared_ptr<Database> db);

    /// Matches for one member's needs and offers, or for everyone.
    Result<QList<Match>> find(std::optional<MemberId> member = std::nullopt, int perNeed = 5) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace hub
