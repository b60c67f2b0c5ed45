// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace hub::cli {

/// Where hubctl writes: data to stdout (JSON with --json, aligned text
/// otherwise), messages for people to stderr.
class CliOutput
{
public:
    void setJson(bool json) { m_json = json; }
    bool json() const { return m_json; }

    /// Prints one JSON document (only with --json).
    void document(const QJsonValue &value) const;
    /// Prints text for people to stdout (only without --json).
    void text(const QString &text) const;
    /// Prints an aligned table to stdout (only without --json).
    void table(const QStringList &headers, const QList<QStringList> &rows) const;
    /// Prints either the JSON document or the text, whichever the mode asks for.
    void result(const QJsonValue &value, const QString &text) const;
    /// A message for people, always on stderr.
    void message(const QString &text) const;
    /// Reports an error (JSON on stdout with --json, always a message on
    /// stderr) and returns the exit code for it.
    int error(const Error &error) const;
    /// A file's path as messages show it: absolute, with the system's separators.
    static QString shownPath(const QString &path);

private:
    bool m_json = false;
};

} // namespace hub::cli
