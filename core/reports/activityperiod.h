// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/reports/report.h"

#include <QCoreApplication>
#include <QDate>
#include <QTimeZone>

namespace hub {

/// The local dates an activity report (occupancy, membership, gatherings)
/// covers, as the UTC instants bookings, gatherings and offers are stored in.
/// Days begin at local midnight in the hub's zone, so a period that crosses a
/// daylight-saving change is still whole days.
class ActivityPeriod
{
    Q_DECLARE_TR_FUNCTIONS(hub::ActivityPeriod)
public:
    /// Error::usage naming --from when the request is not a period.
    static Result<ActivityPeriod> of(const ReportRequest &request, const HubSettings &settings);

    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    const QTimeZone &zone() const { return m_zone; }

    /// Where a local date begins (a day starting in a gap begins at the first valid instant).
    qint64 utcOf(QDate day) const;
    qint64 startUtc() const { return utcOf(m_from); }
    qint64 endUtc() const { return utcOf(m_to.addDays(1)); } ///< exclusive
    QDate dateOf(qint64 utc) const;

    /// The heading every format prints: the report, the hub and the period.
    ReportHeading heading(const Report &report, const HubSettings &settings) const;

    /// Polled every so many rows; a cancelled report ends with this error.
    static constexpr int CancelCheckRows = 256;
    static Error cancelled();

private:
    ActivityPeriod(QDate from, QDate to, QTimeZone zone);

    QDate m_from;
    QDate m_to;
    QTimeZone m_zone;
};

} // namespace hub
