// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

namespace hub {

/// What a file on disk is, found out without writing a byte to it.
struct FileInspection
{
    bool exists = false;
    bool emptyDatabase = false; ///< an empty file or an SQLite file with no tables
    int schemaVersion = 0;
};

/// How much of a file an inspection reads.
enum class InspectDepth
{
    /// The header, application id, schema level and that the tables of that
    /// level are there: what every open pays, in milliseconds at any size.
    Header,
    /// The above and SQLite's quick_check, which reads every page (half a
    /// second on a city-sized hub): before a restore or a backup is trusted.
    Quick,
    /// The above with the full integrity_check (indexes against tables).
    Thorough,
};

/// Read-only checks that a file may be opened as a hub, used both on open and
/// before a restore. Each refusal names the file and says what to do.
class FileInspector
{
    Q_DECLARE_TR_FUNCTIONS(hub::FileInspector)
public:
    static Result<FileInspection> inspect(const QString &path, InspectDepth depth = InspectDepth::Quick);
    /// Checks the file and its folder can be written, without writing.
    static Status checkWritable(const QString &path);
    /// The refusal for a file SQLite's check found damaged (Error::damaged set).
    static Error damaged(const QString &shown, const QString &problem);
    /// A warning when the file is on a network share, where SQLite locking is unsafe.
    static QString networkShareWarning(const QString &path);
};

} // namespace hub
