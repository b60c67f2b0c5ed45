// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace hub {

/// Renders rich text to an A4 PDF with a running header (hub name, title,
/// period) and page numbers. Text stays text, so pdftotext can read figures.
class PdfDocument
{
    Q_DECLARE_TR_FUNCTIONS(hub::PdfDocument)
public:
    PdfDocument(const QString &hubName, const QString &title, const QString &period = {});

    void setHtml(const QString &html) { m_html = html; }
    Status write(const QString &path) const;
    /// The same pages on any paged device: a QPrinter from the print dialog.
    Status render(QPagedPaintDevice &device) const;

private:
    QString m_hubName;
    QString m_title;
    QString m_period;
    QString m_html;
};

} // namespace hub
