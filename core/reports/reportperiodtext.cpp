// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportperiodtext.h"

#include <QLocale>

namespace hub {

QString ReportPeriodText::date(QDate date)
{
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}

QString ReportPeriodText::range(QDate from, QDate to)
{
    if (from == to)
        return date(from);
    return tr("%1 – %2").arg(date(from), date(to));
}

QString ReportPeriodText::at(QDate date)
{
    return tr("at the end of %1").arg(ReportPeriodText::date(date));
}

} // namespace hub
