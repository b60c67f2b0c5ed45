// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access/permissiongate.h"

#include "core/access/accesscontrol.h"
#include "core/hub.h"

#include <QAction>
#include <QVariant>
#include <QWidget>

namespace hub {

namespace {
// Where the tooltip the code gave first is kept, so a second apply() never
// appends "Only a … may" twice and an allowed user sees the plain text again.
constexpr const char *BaseToolTip = "hubBaseToolTip";

template<typename T> void gate(T *target, const Hub *hub, Permission permission, bool enabledOtherwise)
{
    if (!target)
        return;
    QVariant stored = target->property(BaseToolTip);
    if (!stored.isValid()) {
        stored = target->toolTip();
        target->setProperty(BaseToolTip, stored);
    }
    const QString base = stored.toString();
    const bool allowed = PermissionGate::allows(hub, permission);
    target->setEnabled(enabledOtherwise && allowed);
    target->setToolTip(allowed || !hub ? base : PermissionGate::refusedToolTip(base, permission));
}
} // namespace

bool PermissionGate::allows(const Hub *hub, Permission permission)
{
    return hub && hub->access().allows(permission);
}

void PermissionGate::apply(QAction *action, const Hub *hub, Permission permission, bool enabledOtherwise)
{
    gate(action, hub, permission, enabledOtherwise);
}

void PermissionGate::apply(QWidget *widget, const Hub *hub, Permission permission, bool enabledOtherwise)
{
    gate(widget, hub, permission, enabledOtherwise);
}

QString PermissionGate::refusedToolTip(const QString &base, Permission permission)
{
    const QString who = AccessControl::whoMay(permission);
    return base.isEmpty() ? who : base + u'\n' + who;
}

} // namespace hub
