// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"

#include <QDateTime>
#include <QMetaType>
#include <QVariant>

#include <optional>

namespace hub {

/// The ledger's column values as SQL holds them: an optional amount is NULL
/// when unset, an instant is whole seconds since the epoch (NULL: none).
/// Shared by the account and transfer readers so both read them alike.
struct LedgerSqlValues
{
    static std::optional<Amount> optionalAmount(const QVariant &v)
    {
        return v.isNull() ? std::nullopt : std::optional(Amount::fromMinor(v.toLongLong()));
    }

    static QVariant nullable(const std::optional<Amount> &a)
    {
        return a ? QVariant(a->minor()) : QVariant(QMetaType(QMetaType::LongLong));
    }

    static QDateTime fromSecs(const QVariant &v)
    {
        return v.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
    }
};

} // namespace hub
