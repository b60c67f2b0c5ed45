// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace hub {

class PdfDocument;

/// A member's statement on paper: the period, the opening and closing
/// balances, and every transfer with its running balance. The Statement
/// dialog saves and prints it; the Ledger page prints it directly.
class StatementPdf
{
    Q_DECLARE_TR_FUNCTIONS(hub::StatementPdf)
public:
    StatementPdf(Statement statement, HubSettings settings);

    /// The statement as rich text, as it goes into the PDF.
    QString html() const;
    /// Writes an A4 PDF with the hub's name, the period and page numbers.
    Status write(const QString &path) const;
    /// Prints it on `device` (a printer chosen in the print dialog).
    Status print(QPagedPaintDevice &device) const;

private:
    PdfDocument document() const;

    Statement m_statement;
    HubSettings m_settings;
};

} // namespace hub
