// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/space.h"

namespace hub {

OpeningHours OpeningHours::always()
{
    OpeningHours h;
    h.days.fill(DayHours{});
    return h;
}

QString toString(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Tentative:
        return QStringLiteral("tentative");
    case BookingStatus::Confirmed:
        return QStringLiteral("confirmed");
    case BookingStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("confirmed");
}

std::optional<BookingStatus> bookingStatusFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("tentative"))
        return BookingStatus::Tentative;
    if (t == QStringLiteral("confirmed"))
        return BookingStatus::Confirmed;
    if (t == QStringLiteral("cancelled"))
        return BookingStatus::Cancelled;
    return std::nullopt;
}

} // namespace hub
