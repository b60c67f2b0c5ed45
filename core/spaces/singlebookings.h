// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QList>

namespace hub {

class BookingCharges;
class BookingRows;
class BookingRules;

/// The writes of one booking, each one unit of work: booking it, changing
/// it, and moving it from one status to another.
class SingleBookings
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    SingleBookings(const UnitOfWork &work, const BookingRules &rules, BookingRows &rows, BookingCharges &charges);

    Result<Booking> book(const BookingDraft &draft);
    Result<Booking> confirm(BookingId id);
    Result<Booking> decline(BookingId id);
    Result<Booking> cancel(BookingId id);
    Result<Booking> edit(BookingId id, const BookingDraft &draft);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<Booking> bookIn(Write &w, const BookingDraft &d);
    Result<Booking> changeStatusIn(Write &w, BookingId id, const QList<BookingStatus> &from, BookingStatus to);
    Result<Booking> editIn(Write &w, BookingId id, const BookingDraft &draft);

    Result<Booking> changeStatus(BookingId id, const QList<BookingStatus> &from, BookingStatus to);

    const UnitOfWork &m_work;
    const BookingRules &m_rules;
    BookingRows &m_rows;
    BookingCharges &m_charges;
};

} // namespace hub
