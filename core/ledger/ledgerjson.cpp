// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerjson.h"

#include <QJsonArray>
#include <QTimeZone>

namespace hub {

namespace {
QJsonValue instant(const QDateTime &t, const HubSettings &s)
{
    if (!t.isValid())
        return QJsonValue();
    // ISO 8601 in the hub's zone with its offset, so it is never ambiguous.
    return t.toTimeZone(s.zone()).toString(Qt::ISODateWithMs).replace(QStringLiteral(".000"), QString());
}
} // namespace

void LedgerJson::insertAmount(QJsonObject &o, const QString &key, const std::optional<Amount> &a, const HubSettings &s)
{
    o.insert(key, a ? QJsonValue(a->toString(s.decimals)) : QJsonValue());
    o.insert(key + QStringLiteral("_minor"), a ? QJsonValue(double(a->minor())) : QJsonValue());
}

QJsonObject LedgerJson::account(const Account &a, const HubSettings &s)
{
    QJsonObject o{{QStringLiteral("id"), double(a.id.value())},
                  {QStringLiteral("member_id"), double(a.member.value())},
                  {QStringLiteral("member"), a.memberName},
                  {QStringLiteral("hub_account"), a.isHub},
                  {QStringLiteral("status"), toString(a.status)},
                  {QStringLiteral("unit"), s.unitName},
                  {QStringLiteral("last_activity"), instant(a.lastActivityAt, s)}};
    insertAmount(o, QStringLiteral("balance"), a.balance, s);
    insertAmount(o, QStringLiteral("limit_min"), a.limitMin, s);
    insertAmount(o, QStringLiteral("limit_max"), a.limitMax, s);
    insertAmount(o, QStringLiteral("warn_min"), a.warnMin, s);
    return o;
}

QJsonObject LedgerJson::transfer(const Transfer &t, const HubSettings &s)
{
    QJsonObject o{
        {QStringLiteral("id"), double(t.id.value())},
        {QStringLiteral("payer_id"), double(t.payer.value())},
        {QStringLiteral("payer"), t.payerName},
        {QStringLiteral("payee_id"), double(t.payee.value())},
        {QStringLiteral("payee"), t.payeeName},
        {QStringLiteral("memo"), t.memo},
        {QStringLiteral("category"), t.category.isEmpty() ? QJsonValue() : QJsonValue(t.category)},
        {QStringLiteral("reference"), t.reference.isEmpty() ? QJsonValue() : QJsonValue(t.reference)},
        {QStringLiteral("reverses"), t.reverses ? QJsonValue(double(t.reverses->value())) : QJsonValue()},
        {QStringLiteral("reversed_by"), t.reversedBy ? QJsonValue(double(t.reversedBy->value())) : QJsonValue()},
        {QStringLiteral("override_note"), t.overrideNote.isEmpty() ? QJsonValue() : QJsonValue(t.overrideNote)},
        {QStringLiteral("entered_by"), t.enteredBy},
        {QStringLiteral("at"), instant(t.createdAt, s)},
        {QStringLiteral("hash"), t.hash}};
    insertAmount(o, QStringLiteral("amount"), t.amount, s);
    return o;
}

QJsonObject LedgerJson::statement(const Statement &st, const HubSettings &s)
{
    QJsonObject o{
        {QStringLiteral("account"), account(st.account, s)},
        {QStringLiteral("from"), st.from.isValid() ? QJsonValue(st.from.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("to"), st.to.isValid() ? QJsonValue(st.to.toString(Qt::ISODate)) : QJsonValue()}};
    insertAmount(o, QStringLiteral("opening"), st.opening, s);
    insertAmount(o, QStringLiteral("closing"), st.closing, s);
    insertAmount(o, QStringLiteral("total_in"), st.totalIn, s);
    insertAmount(o, QStringLiteral("total_out"), st.totalOut, s);
    QJsonArray lines;
    for (const StatementLine &l : st.lines) {
        QJsonObject line = transfer(l.transfer, s);
        insertAmount(line, QStringLiteral("change"), l.change, s);
        insertAmount(line, QStringLiteral("running_balance"), l.runningBalance, s);
        lines.append(line);
    }
    o.insert(QStringLiteral("lines"), lines);
    return o;
}

} // namespace hub
