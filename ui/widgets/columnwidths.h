// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QFontMetrics;
class QString;

namespace hub {

/// Widths for table columns that show dates, measured in the widget's font
/// over every day and month name of the locale, so "Wed 30 Sep 2026 18:58"
/// is never cut to "Wed 30 Sep 2026 1…"; and numbers, so a city's
/// transfer 1000005 is never cut to "1000…".
class ColumnWidths
{
public:
    static int date(const QFontMetrics &metrics);
    static int dateTime(const QFontMetrics &metrics);
    /// Room for numbers of `digits` digits (at least), and for the header `title`.
    static int number(const QFontMetrics &metrics, int digits, const QString &title);
};

} // namespace hub
