// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ledger/ledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace hub {

/// How ledger values read in tables, dialogs and statements, so the accounts
/// table, the transfers table and a PDF statement never word them differently.
class LedgerDisplay
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerDisplay)
public:
    /// "Open", "Frozen", "Closed".
    static QString statusText(AccountStatus status);
    /// The hub's time zone, or UTC when the setting names no known zone.
    static QTimeZone zone(const QString &timeZoneId);
    /// "Reverses #12" / "Reversed by #40" / empty.
    static QString reversalText(const Transfer &transfer);
};

} // namespace hub
