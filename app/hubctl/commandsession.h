// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/hubctl/commandcontext.h"
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

/// The hub and its settings, opened once per command, and the lookups that
/// turn command-line text into values with errors naming the option.
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
