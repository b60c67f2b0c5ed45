// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transferrules.h"

#include "core/common/textrules.h"

namespace hub {

Status TransferRules::validate(const TransferDraft &d)
{
    if (QList<Error> found = problems(d); !found.isEmpty())
        return fail(found.takeFirst());
    return {};
}

QList<Error> TransferRules::problems(const TransferDraft &d)
{
    QList<Error> found;
    const QString memo = d.memo.trimmed();
    if (!d.payer.isValid())
        found << Error::invalid(tr("choose who pays"), QStringLiteral("payer"));
    if (!d.payee.isValid())
        found << Error::invalid(tr("choose who receives"), QStringLiteral("payee"));
    else if (d.payer.isValid() && d.payer == d.payee)
        found << Error::invalid(tr("the payer and the payee are the same member"), QStringLiteral("payee"));
    if (d.amount.minor() <= 0)
        found << Error::invalid(tr("the amount must be more than zero"), QStringLiteral("amount"));
    if (memo.isEmpty())
        found << Error::invalid(tr("a memo is required: say what the credit is for"), QStringLiteral("memo"));
    else if (memo.size() > MaxMemoLength)
        found << Error::invalid(tr("the memo is longer than %1 characters").arg(MaxMemoLength), QStringLiteral("memo"));
    else if (auto ok = TextRules::name(d.memo, QStringLiteral("memo")); !ok)
        found << ok.error();
    for (const auto &[text, field] :
         {std::pair{d.category, QStringLiteral("category")}, std::pair{d.reference, QStringLiteral("reference")}})
        if (auto ok = TextRules::oneLine(text, field); !ok)
            found << ok.error();
    if (d.category.simplified().size() > MaxCategoryLength)
        found << Error::invalid(tr("the category is longer than %1 characters").arg(MaxCategoryLength),
                                QStringLiteral("category"));
    if (d.reference.size() > MaxReferenceLength)
        found << Error::invalid(tr("the reference is longer than %1 characters").arg(MaxReferenceLength),
                                QStringLiteral("reference"));
    if (d.overrideLimits && d.overrideNote.trimmed().isEmpty())
        found << Error::invalid(tr("an override needs a note saying why"), QStringLiteral("override"));
    return found;
}

QString TransferRules::reversalMemo(const Transfer &original)
{
    return tr("Reversal of #%1: %2").arg(original.id.value()).arg(original.memo);
}

Result<std::pair<Amount, Amount>> TransferRules::checkRules(const TransferDraft &d, const Account &payer,
                                                            const Account &payee, const HubSettings &settings)
{
    const auto money = [&](Amount a) {
        return settings.formatAmount(a);
    };
    if (payer.status != AccountStatus::Open)
        return fail(
            Error::refused(tr("%1's account is %2 and cannot pay").arg(payer.memberName, toString(payer.status))));
    if (payee.status == AccountStatus::Closed)
        return fail(Error::refused(tr("%1's account is closed and cannot receive").arg(payee.memberName)));
    const auto payerAfter = payer.balance.checkedSub(d.amount);
    const auto payeeAfter = payee.balance.checkedAdd(d.amount);
    if (!payerAfter || !payeeAfter)
        return fail(Error::invalid(tr("%1 is too large to post").arg(money(d.amount)), QStringLiteral("amount")));
    if (*payerAfter < payer.limitMin && !d.overrideLimits)
        return fail(Error::refused(
            tr("%1's balance is %2 and their lower limit is %3: paying %4 would take it to %5, %6 beyond the limit.")
                .arg(payer.memberName, money(payer.balance), money(payer.limitMin), money(d.amount), money(*payerAfter),
                     money(Amount::fromMinor(payer.limitMin.minor() - payerAfter->minor()))),
            QStringLiteral("amount")));
    if (payee.limitMax && *payeeAfter > *payee.limitMax && !d.overrideLimits)
        return fail(Error::refused(
            tr("%1's balance is %2 and their upper limit is %3: receiving %4 would take it to %5, %6 beyond the "
               "limit.")
                .arg(payee.memberName, money(payee.balance), money(*payee.limitMax), money(d.amount),
                     money(*payeeAfter), money(Amount::fromMinor(payeeAfter->minor() - payee.limitMax->minor()))),
            QStringLiteral("amount")));
    return std::pair{*payerAfter, *payeeAfter};
}

QStringList TransferRules::warningsFor(const Transfer &t, const Account &payer, const Account &payee, Amount payerAfter,
                                       Amount payeeAfter, const HubSettings &settings)
{
    QStringList warnings;
    if (payer.warnMin && payer.balance >= *payer.warnMin && payerAfter < *payer.warnMin)
        warnings << tr("%1's balance is now %2, below their warning level of %3.")
                        .arg(payer.memberName, settings.formatAmount(payerAfter),
                             settings.formatAmount(*payer.warnMin));
    if (!t.overrideNote.isEmpty() && (payerAfter < payer.limitMin || (payee.limitMax && payeeAfter > *payee.limitMax)))
        warnings << tr("Posted beyond a limit by override: %1").arg(t.overrideNote);
    return warnings;
}

} // namespace hub
