// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace hub {

class BookingRules;
class LedgerService;
class SettingsService;

/// A booking's hire charge in the ledger: what the space costs, the transfer
/// that charges the booker, and its reversal when the booking is cancelled
/// or changed.
class BookingCharges
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    BookingCharges(LedgerService &ledger, const SettingsService &settings, const BookingRules &rules);

    /// What `seconds` of `space` cost at its hourly rate (rounded to the
    /// minor unit); none when the space is free of charge.
    static std::optional<Amount> price(const Space &space, qint64 seconds);
    /// Charges `member` for booking `id` and records the transfer on it;
    /// none when the time costs nothing.
    Result<std::optional<TransferId>> charge(const QSqlDatabase &db, BookingId id, const Space &space, MemberId member,
                                             qint64 start, qint64 end);
    /// Reverses the charge of `b`, if it has one not yet reversed.
    Status refund(const QSqlDatabase &db, const Booking &b);
    /// Charges `old` anew for what `d` makes of it, unless the charge stays the same.
    Status reprice(const QSqlDatabase &db, const Booking &old, const BookingDraft &d, const Space &space, qint64 start,
                   qint64 end);

private:
    LedgerService &m_ledger;
    const SettingsService &m_settings;
    const BookingRules &m_rules;
};

} // namespace hub
