// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerpersonaldata.h"

#include "core/hub.h"
#include "core/ledger/ledgerjson.h"
#include "core/ledger/ledgerservice.h"
#include "core/privacy/personaldataregistry.h"
#include "core/settings/settingsservice.h"

#include <QJsonArray>

namespace hub {

void registerLedgerPersonalData(Hub &hub)
{
    Hub *h = &hub;
    hub.personalData().addSection(QStringLiteral("ledger"), [h](MemberId id) -> Result<QJsonValue> {
        auto settings = h->settings().load();
        if (!settings)
            return fail(settings.error());
        auto accounts = h->ledger().accounts();
        if (!accounts)
            return fail(accounts.error());
        QJsonObject out;
        for (const Account &a : std::as_const(*accounts))
            if (a.member == id)
                out.insert(QStringLiteral("account"), LedgerJson::account(a, *settings));
        TransferFilter f;
        f.member = id;
        auto transfers = h->ledger().transfers(f, -1, false);
        if (!transfers)
            return fail(transfers.error());
        QJsonArray list;
        for (const Transfer &t : std::as_const(*transfers))
            list.append(LedgerJson::transfer(t, *settings));
        out.insert(QStringLiteral("transfers"), list);
        return QJsonValue(out);
    });
}

} // namespace hub
