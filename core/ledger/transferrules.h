// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <utility>

namespace hub {

/// The rules of a transfer that need no database: its fields, what the two
/// accounts' status and limits allow, and the soft warnings it crosses.
class TransferRules
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    static constexpr int MaxMemoLength = 500;
    static constexpr int MaxCategoryLength = 40;
    static constexpr int MaxReferenceLength = 100;

    /// The field checks of a transfer (payer, payee, amount, memo, ...), before any balance is read.
    static Status validate(const TransferDraft &draft);
    /// Every field problem of a transfer, the first being the one validate()
    /// reports, so a form can mark each bad field at once.
    static QList<Error> problems(const TransferDraft &draft);
    /// The memo a reversal gets when it is given none.
    static QString reversalMemo(const Transfer &original);

    /// The payer's and the payee's balances after `d`, or why the accounts'
    /// status or limits refuse it.
    static Result<std::pair<Amount, Amount>> checkRules(const TransferDraft &d, const Account &payer,
                                                        const Account &payee, const HubSettings &settings);
    static QStringList warningsFor(const Transfer &t, const Account &payer, const Account &payee, Amount payerAfter,
                                   Amount payeeAfter, const HubSettings &settings);
};

} // namespace hub
