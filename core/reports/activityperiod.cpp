// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/activityperiod.h"

#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"

#include <QDateTime>

namespace hub {

ActivityPeriod::ActivityPeriod(QDate from, QDate to, QTimeZone zone) : m_from(from), m_to(to), m_zone(std::move(zone))
{}

Result<ActivityPeriod> ActivityPeriod::of(const ReportRequest &request, const HubSettings &settings)
{
    if (!request.from.isValid() || !request.to.isValid())
        return fail(Error::usage(tr("The report needs a period: give --from and --to."), QStringLiteral("--from")));
    if (request.from > request.to)
        return fail(Error::usage(tr("The period starts (%1) after it ends (%2).")
                                     .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate)),
                                 QStringLiteral("--from")));
    return ActivityPeriod(request.from, request.to, settings.zone());
}

qint64 ActivityPeriod::utcOf(QDate day) const
{
    return QDateTime(day, QTime(0, 0), m_zone).toSecsSinceEpoch();
}

QDate ActivityPeriod::dateOf(qint64 utc) const
{
    return QDateTime::fromSecsSinceEpoch(utc, m_zone).date();
}

ReportHeading ActivityPeriod::heading(const Report &report, const HubSettings &settings) const
{
    return ReportHeading{report.name(),
                         report.title(),
                         settings.name,
                         ReportPeriodText::range(m_from, m_to),
                         m_from,
                         m_to,
                         {},
                         settings.unitName,
                         settings.decimals,
                         {}};
}

Error ActivityPeriod::cancelled()
{
    return Error::refused(tr("The report was cancelled."));
}

} // namespace hub
