// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerdisplay.h"

namespace hub {

QString LedgerDisplay::statusText(AccountStatus status)
{
    switch (status) {
    case AccountStatus::Open:
        return tr("Open");
    case AccountStatus::Frozen:
        return tr("Frozen");
    case AccountStatus::Closed:
        return tr("Closed");
    }
    return {};
}

QTimeZone LedgerDisplay::zone(const QString &timeZoneId)
{
    QTimeZone z(timeZoneId.toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

QString LedgerDisplay::reversalText(const Transfer &transfer)
{
    if (transfer.reverses)
        return tr("Reverses #%1").arg(transfer.reverses->value());
    if (transfer.reversedBy)
        return tr("Reversed by #%1").arg(transfer.reversedBy->value());
    return {};
}

} // namespace hub
