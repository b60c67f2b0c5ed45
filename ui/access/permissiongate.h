// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/permission.h"

class QAction;
class QWidget;

namespace hub {

class Hub;

/// Shows what the person at the desk may not do: an action or a widget is
/// disabled, and its tooltip says which role may (AccessControl::whoMay), so
/// nobody clicks into a refusal. Core still checks every write; this only
/// makes the rule visible. The original tooltip is kept and put back.
class PermissionGate
{
public:
    /// True when `hub` is open and its current user holds `permission`.
    static bool allows(const Hub *hub, Permission permission);

    /// Enables `action` when `enabledOtherwise` and the permission allows it;
    /// when only the permission is missing, the tooltip names who may.
    static void apply(QAction *action, const Hub *hub, Permission permission, bool enabledOtherwise = true);
    static void apply(QWidget *widget, const Hub *hub, Permission permission, bool enabledOtherwise = true);
    /// The tooltip `apply` would give when refused: base text and who may.
    static QString refusedToolTip(const QString &base, Permission permission);
};

} // namespace hub
