// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/memberservice.h"

#include <QByteArray>
#include <QCoreApplication>

#include <functional>
#include <optional>

class QIODevice;

namespace hub {

class Hub;

enum class ExportFormat
{
    Csv,
    VCard,
    Json
};

struct ExportOptions
{
    ExportFormat format = ExportFormat::Csv;
    MemberFilter filter;
    /// The full export for admins: every member and every field. Without it
    /// only members in the shared directory are exported, with e-mail and phone
    /// only where each allowed it, and never their address or the hub's notes.
    bool all = false;
    /// CSV only: start with a byte-order mark so spreadsheets read UTF-8.
    bool bom = false;
};

/// Writes members as CSV (the importer's columns, so an export imports back
/// unchanged), vCard 4.0 or JSON, streaming to a device page by page so a
/// city-sized hub never sits in memory as one string.
class MemberExporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::MemberExporter)
public:
    /// Members written so far out of `total`; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    explicit MemberExporter(Hub &hub);

    static std::optional<ExportFormat> formatFrom(const QString &name);
    static QString formatName(ExportFormat format);
    static QString fileSuffix(ExportFormat format);

    /// Writes the members the options select; returns how many.
    Result<int> write(QIODevice &out, const ExportOptions &options, const Progress &progress = {});

    /// vCard TEXT escaping: backslash, comma, semicolon and line breaks.
    static QString vcardEscape(const QString &text);
    /// One content line, folded at 75 octets without splitting a UTF-8
    /// sequence, ending in CRLF.
    static QByteArray vcardLine(const QString &line);

private:
    Hub &m_hub;
};

} // namespace hub
