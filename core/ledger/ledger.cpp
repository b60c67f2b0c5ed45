// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledger.h"

namespace hub {

QString toString(AccountStatus status)
{
    switch (status) {
    case AccountStatus::Open:
        return QStringLiteral("open");
    case AccountStatus::Frozen:
        return QStringLiteral("frozen");
    case AccountStatus::Closed:
        return QStringLiteral("closed");
    }
    return QStringLiteral("open");
}

std::optional<AccountStatus> accountStatusFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("open"))
        return AccountStatus::Open;
    if (t == QStringLiteral("frozen"))
        return AccountStatus::Frozen;
    if (t == QStringLiteral("closed"))
        return AccountStatus::Closed;
    return std::nullopt;
}

} // namespace hub
