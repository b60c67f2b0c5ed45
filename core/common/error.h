// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace hub {

/// What went wrong, in the terms hubctl's exit codes use (CLI.md).
enum class ErrorKind
{
    Usage = 1,    ///< unknown command, missing or malformed argument
    Invalid = 2,  ///< a value or a file that fails validation; nothing written
    Refused = 3,  ///< refused by a rule (conflict, limit, ...); nothing written
    NotFound = 4, ///< no such member, space, booking, ...
    Storage = 5,  ///< file missing, locked, damaged, not a hub, newer schema
};

/// An error as a value: a kind, a translated message for people and, where it
/// helps, where the problem is (a field, "row 12, column email", ".ics line 40").
struct Error
{
    ErrorKind kind = ErrorKind::Storage;
    QString message;
    QString where;
    /// A storage error that SQLite's own check confirmed: the file is damaged,
    /// not merely busy. Only then may a hub be replaced without opening it.
    bool damaged = false;

    static Error usage(const QString &message, const QString &where = {});
    static Error invalid(const QString &message, const QString &where = {});
    static Error refused(const QString &message, const QString &where = {});
    static Error notFound(const QString &message, const QString &where = {});
    static Error storage(const QString &message, const QString &where = {});

    int exitCode() const { return static_cast<int>(kind); }
    /// Stable machine name of the kind for JSON output ("invalid", "not-found", ...).
    QString kindName() const;
    /// The message with its location, for people.
    QString text() const;
};

template<typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error e)
{
    return std::unexpected<Error>(std::move(e));
}

} // namespace hub
