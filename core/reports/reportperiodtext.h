// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace hub {

/// How every report names its period for people — the Reports page's
/// heading, the PDF's title and page header, JSON's "period" — in one short
/// form: "1 Nov 2026 – 30 Nov 2026", "at the end of 30 Nov 2026". Month
/// names follow the locale, the same as the page's date boxes.
class ReportPeriodText
{
    Q_DECLARE_TR_FUNCTIONS(hub::ReportPeriodText)
public:
    /// "1 Nov 2026"
    static QString date(QDate date);
    /// "1 Nov 2026 – 30 Nov 2026"; one day is just that day.
    static QString range(QDate from, QDate to);
    /// "at the end of 30 Nov 2026", for a balance at a date.
    static QString at(QDate date);
};

} // namespace hub
