// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace hub {

/// What the ledger reports and journal writers share: where a hub-local day
/// begins, and the one error a cancelled export ends with.
class LedgerReportSupport
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerReportSupport)
public:
    /// UTC seconds where the local date begins in the hub's zone (a day
    /// starting in a daylight-saving gap begins at the first valid instant).
    static qint64 startOfDay(QDate date, const QTimeZone &zone)
    {
        return QDateTime(date, QTime(0, 0), zone).toSecsSinceEpoch();
    }
    /// How often (in rows) a streaming report asks its sink whether to stop.
    static constexpr int CancelCheckRows = 512;
    static Error cancelled() { return Error::refused(tr("The report was cancelled.")); }
};

} // namespace hub
