// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/integritychecker.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace hub {

class Database;

/// The integrity check of the bookings: no two live bookings of a space overlap.
class BookingVerifier
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    explicit BookingVerifier(std::shared_ptr<Database> db);

    /// Live bookings of one space that overlap each other: each is named.
    QList<Finding> verify() const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace hub
