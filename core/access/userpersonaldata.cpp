// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/userpersonaldata.h"

#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/privacy/personaldataregistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub {

void registerUserPersonalData(Hub &hub)
{
    Hub *h = &hub;
    hub.personalData().addSection(QStringLiteral("user_accounts"), [h](MemberId id) -> Result<QJsonValue> {
        auto users = h->users().list();
        if (!users)
            return fail(users.error());
        QJsonArray out;
        for (const User &u : std::as_const(*users)) {
            if (u.member != id)
                continue;
            QJsonArray roles;
            for (Role r : u.roles)
                roles.append(roleName(r));
            out.append(QJsonObject{{QStringLiteral("name"), u.name},
                                   {QStringLiteral("roles"), roles},
                                   {QStringLiteral("created_at"), u.createdAt.toString(Qt::ISODate)}});
        }
        return QJsonValue(out);
    });
    hub.personalData().addEraser(QStringLiteral("user_accounts"), [h](MemberId id, const QString &pseudonym) {
        return h->users().eraseMember(id, pseudonym);
    });
}

} // namespace hub
