// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace hub {

/// What an audit action was, in words for people: "member.add" is "Member
/// added", "user.sign-in-failed" "Sign-in refused". The code stays in the
/// trail, its exports and filters; an action without words here shows its code.
class AuditActionNames
{
    Q_DECLARE_TR_FUNCTIONS(hub::AuditActionNames)
public:
    static QString label(const QString &action);
    /// An area of actions ("member", "transfer") for the log's filter.
    static QString areaLabel(const QString &area);
};

} // namespace hub
