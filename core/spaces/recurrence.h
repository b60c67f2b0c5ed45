// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

namespace hub {

/// How a booking repeats, as people choose it in the booking dialog or with
/// `hubctl book --repeat`. It is stored and exchanged as an RFC 5545 RRULE,
/// and its dates are computed by libical from the wall-clock start, so a
/// weekly 19:00 booking stays at 19:00 across daylight-saving changes.
struct Recurrence
{
    Q_DECLARE_TR_FUNCTIONS(hub::Recurrence)
public:
    enum class Frequency
    {
        Daily,
        Weekly,
        Monthly
    };
    /// Monthly on the same date (the 14th) or the same weekday of the month
    /// ("second Tuesday", "last Friday").
    enum class MonthlyBy
    {
        Date,
        Weekday
    };

    static constexpr int MaxOccurrences = 520; ///< ten years of weekly dates

    Frequency frequency = Frequency::Weekly;
    int interval = 1;    ///< every N days / weeks / months
    QList<int> weekdays; ///< weekly: Qt weekdays 1 = Monday … 7 = Sunday; empty = the first date's
    MonthlyBy monthlyBy = MonthlyBy::Date;
    int count = 0; ///< number of occurrences; 0 = until `until`
    QDate until;   ///< last possible date (local), when count is 0

    /// Field checks; the error's `where` names repeat, count, until or weekdays.
    Status validate(QDate firstDate) const;

    /// The RRULE value (without "RRULE:"), e.g. "FREQ=WEEKLY;BYDAY=TU;COUNT=10".
    /// UNTIL is written as the last local moment of `until` in UTC, as RFC
    /// 5545 asks when DTSTART carries a TZID.
    QString toRRule(const QDateTime &firstLocalStart) const;
    /// Reads an RRULE through libical. Rules Hubkeeper cannot edit (hourly,
    /// yearly, BYSETPOS lists …) are refused with a message naming the part.
    static Result<Recurrence> fromRRule(const QString &rrule);

    /// Plain words: "Every Tuesday at 19:00, 10 times",
    /// "Every month on the second Tuesday at 19:00, until 30 Jun 2027".
    QString describe(const QDateTime &firstLocalStart) const;
    /// The same without a first date: monthly series read "on the same date".
    QString describe(QTime at) const { return describe(QDateTime(QDate(), at)); }

    /// The local dates of the occurrences starting on `firstLocalStart`'s date,
    /// computed by libical, at most MaxOccurrences.
    Result<QList<QDate>> dates(const QDateTime &firstLocalStart) const;
    /// The local dates an arbitrary RRULE yields from a first local start,
    /// between `from` and `to` (inclusive); used for imported series too.
    static Result<QList<QDate>> expand(const QString &rrule, const QDateTime &firstLocalStart, QDate from = {},
                                       QDate to = {}, int limit = MaxOccurrences);

    bool operator==(const Recurrence &) const = default;
};

} // namespace hub
