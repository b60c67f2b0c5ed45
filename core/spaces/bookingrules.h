// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace hub {

class SettingsService;

/// The rules a booking keeps, read in the hub's time zone: its fields, the
/// space and booker it names, closures, opening hours, and no clash with
/// another live booking once both sides' setup and clean-up times are added.
class BookingRules
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxNotesLength = 2000;
    /// No booking lasts longer, so a clash search needs to look back only this far.
    static constexpr int MaxBookingDays = 14;

    // What keeps a slot from being booked.
    struct Problem
    {
        enum class Kind
        {
            Closed,
            Hours,
            Clash
        };
        Kind kind;
        QString message;
    };

    explicit BookingRules(const SettingsService &settings);

    /// The hub's time zone: opening hours and every wall-clock time of a booking are read in it.
    QTimeZone zone() const;

    /// The field checks of a booking, before anything is read.
    static Status validate(const BookingDraft &draft);
    /// The checks that hold for every date of a booking or series.
    static Result<Space> prepare(const QSqlDatabase &db, const BookingDraft &d);
    /// Why [start, end) of `space` cannot be booked, or nothing.
    static Result<std::optional<Problem>> problemWith(const QSqlDatabase &db, const Space &space, qint64 start,
                                                      qint64 end, const QTimeZone &zone, bool hoursOverridden,
                                                      BookingId ignore = {});
    /// Whether a booking made with an hours override needed it.
    static bool neededOverride(const QSqlDatabase &db, const Space &space, qint64 start, qint64 end,
                               const QTimeZone &zone);
    /// The refusal a form and hubctl show for `p`.
    static Error refusalFor(const Problem &p);
    /// Wall-clock times as people at the front desk read them (DisplayFormat::span).
    static QString span(qint64 start, qint64 end, const QTimeZone &zone, const QLocale &locale = QLocale());

private:
    static QTimeZone zoneOf(const BookingDraft &draft);

    const SettingsService &m_settings;
};

} // namespace hub
