// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QFontMetrics;

namespace hub {

/// Widths for table columns that show dates, measured in the widget's font
/// over every day and month name of the locale, so "Wed 30 Sep 2026 18:58"
/// is never cut to "Wed 30 Sep 2026 1…".
class ColumnWidths
{
public:
    static int date(const QFontMetrics &metrics);
    static int dateTime(const QFontMetrics &metrics);
};

} // namespace hub
