// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/hubctl/commandcontext.h"
#include "core/access/userservice.h"
#include "core/gatherings/gathering.h"
#include "core/settings/hubsettings.h"
#include "core/spaces/space.h"

#include <QCommandLineOption>

namespace hub::cli {

/// A command option with a value when `value` names it, a flag otherwise.
QCommandLineOption option(const QString &name, const QString &help, const QString &value = {});

/// A date argument, YYYY-MM-DD; a malformed one is a usage error naming `where`.
Result<QDate> parseDate(const QString &text, const QString &where);

/// Weekdays as "mon", "monday", "mon-fri" or a list such as "sat,sun", as
/// Qt weekdays (1 = Monday); anything else is invalid input naming `where`.
Result<QList<int>> parseWeekdays(const QString &text, const QString &where);

/// `e` as the command line says it: the argument or option it is about.
inline Error located(Error e, const QString &where)
{
    e.where = where;
    return e;
}

/// The hub and its settings, opened once per command by the framework, and
/// the lookups that turn command-line text into records and values, each
/// with an error naming the argument or option it came from.
struct CommandSession
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::CommandSession)
public:
    std::unique_ptr<Hub> hub;
    HubSettings settings;

    static Result<CommandSession> open(CommandContext &ctx);

    Result<Amount> amount(const QString &text, const QString &where) const;
    Result<MemberId> member(const QString &ref, const QString &where) const;
    Result<Space> space(const QString &ref, const QString &where) const;
    /// A gathering, idea or working group by number ("12", "#12") or title.
    Result<Gathering> gathering(const QString &ref, const QString &where = QStringLiteral("GATHERING")) const;
    Result<Idea> idea(const QString &ref, const QString &where = QStringLiteral("IDEA")) const;
    Result<WorkingGroup> group(const QString &ref, const QString &where = QStringLiteral("GROUP")) const;
    /// A user of the hub by sign-in name.
    Result<User> user(const QString &name, const QString &where) const;
    /// A wall-clock time in the hub's zone, "YYYY-MM-DD HH:MM" (or with a T);
    /// a malformed one is invalid input naming `where`.
    Result<QDateTime> dateTime(const QString &text, const QString &where) const;
    /// A whole number of at least zero; otherwise invalid input naming `where`.
    static Result<int> count(const QString &text, const QString &where);
    /// "12.50 Hours"
    QString money(Amount a) const { return settings.formatAmount(a); }
    /// A UTC instant as "yyyy-MM-dd HH:mm" in the hub's zone; empty if invalid.
    QString local(const QDateTime &utc) const;
};

} // namespace hub::cli
