// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingcharges.h"

#include "core/access/accesscontrol.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingrules.h"
#include "core/storage/query.h"

#include <QLocale>

namespace hub {

BookingCharges::BookingCharges(LedgerService &ledger, const SettingsService &settings, const BookingRules &rules)
    : m_ledger(ledger), m_settings(settings), m_rules(rules)
{}

std::optional<Amount> BookingCharges::price(const Space &space, qint64 seconds)
{
    if (!space.rate)
        return std::nullopt;
    // Half a minor unit and more rounds up, as a till would.
    const qint64 minor = (space.rate->minor() * seconds + 1800) / 3600;
    return Amount::fromMinor(minor);
}

Result<std::optional<TransferId>> BookingCharges::charge(const QSqlDatabase &db, BookingId id, const Space &space,
                                                         MemberId member, qint64 start, qint64 end)
{
    const auto amount = price(space, end - start);
    if (!amount || amount->minor() <= 0)
        return std::optional<TransferId>();
    auto hubAccount = m_ledger.hubAccount();
    if (!hubAccount)
        return fail(hubAccount.error());
    TransferDraft t;
    t.payer = member;
    t.payee = hubAccount->member;
    t.amount = *amount;
    // The memo is kept for good in the chain: the same words whoever's desk wrote it.
    t.memo = tr("%1: %2").arg(space.name, BookingRules::span(start, end, m_rules.zone(), QLocale::c()));
    t.category = tr("Space hire");
    t.reference = tr("booking #%1").arg(id.value());
    // The charge is part of the booking: whoever may book may charge it.
    AccessControl::Grant grant(Permission::RecordTransfer);
    auto posted = m_ledger.pay(t);
    if (!posted) {
        Error e = posted.error();
        e.message = tr("charging %1 for %2 was refused: %3")
                        .arg(m_settings.load().value_or(HubSettings{}).formatAmount(*amount), space.name, e.message);
        e.where = QStringLiteral("charge");
        return fail(e);
    }
    Query q(db,
            QStringLiteral("UPDATE bookings SET charge_transfer_id = :t, charge_reversal_id = NULL WHERE id = :id"));
    q.bind(QStringLiteral(":t"), posted->transfer.id.value()).bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    return std::optional<TransferId>(posted->transfer.id);
}

Status BookingCharges::refund(const QSqlDatabase &db, const Booking &b)
{
    if (!b.charge || b.chargeReversal)
        return {};
    AccessControl::Grant grant(Permission::ReverseTransfer);
    auto reversed =
        m_ledger.reverse(*b.charge, tr("Booking #%1 cancelled or changed: “%2”").arg(b.id.value()).arg(b.title));
    if (!reversed)
        return fail(reversed.error());
    Query q(db, QStringLiteral("UPDATE bookings SET charge_reversal_id = :t WHERE id = :id"));
    q.bind(QStringLiteral(":t"), reversed->transfer.id.value()).bind(QStringLiteral(":id"), b.id.value());
    return q.exec();
}

Status BookingCharges::reprice(const QSqlDatabase &db, const Booking &old, const BookingDraft &d, const Space &space,
                               qint64 start, qint64 end)
{
    const bool wasCharged = old.charge && !old.chargeReversal;
    const bool same = wasCharged && d.charge && old.member == d.member && old.space == d.space &&
                      old.end.toSecsSinceEpoch() - old.start.toSecsSinceEpoch() == end - start;
    if (same)
        return {};
    if (wasCharged)
        if (auto ok = refund(db, old); !ok)
            return ok;
    if (d.charge && d.member)
        if (auto charged = charge(db, old.id, space, *d.member, start, end); !charged)
            return fail(charged.error());
    return {};
}

} // namespace hub
