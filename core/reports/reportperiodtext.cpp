// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportperiodtext.h"

#include "core/common/displayformat.h"

namespace hub {

QString ReportPeriodText::date(QDate date)
{
    return DisplayFormat::date(date);
}

QString ReportPeriodText::range(QDate from, QDate to)
{
    return DisplayFormat::period(from, to);
}

QString ReportPeriodText::at(QDate date)
{
    return tr("at the end of %1").arg(ReportPeriodText::date(date));
}

} // namespace hub
