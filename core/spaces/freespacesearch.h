// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <memory>

namespace hub {

class BookingRules;
class Database;

/// Finds the spaces a booking of a given time and size could have, under
/// the same rules a booking is checked by.
class FreeSpaceSearch
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    FreeSpaceSearch(std::shared_ptr<Database> db, const BookingRules &rules);

    /// Active spaces holding `capacity` people, open and free (buffers
    /// included) for the whole of [from, to).
    Result<QList<Space>> freeSpaces(const QDateTime &from, const QDateTime &to, int capacity) const;

private:
    std::shared_ptr<Database> m_db;
    const BookingRules &m_rules;
};

} // namespace hub
