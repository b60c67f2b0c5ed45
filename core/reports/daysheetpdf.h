// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/daysheet.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace hub {

class PdfDocument;

/// The printed day sheet for the front desk: per space, a table of the day's
/// bookings (time, title, booker, attendees, notes), tentative ones marked.
class DaySheetPdf
{
    Q_DECLARE_TR_FUNCTIONS(hub::DaySheetPdf)
public:
    DaySheetPdf(const DaySheet &sheet, const QString &hubName);

    /// The sheet as rich text, as it goes into the PDF.
    QString html() const;
    /// Writes an A4 PDF with the hub's name, the date and page numbers.
    Status write(const QString &path) const;
    /// Prints it on `device` (a printer chosen in the print dialog).
    Status print(QPagedPaintDevice &device) const;

private:
    PdfDocument document() const;

    const DaySheet &m_sheet;
    QString m_hubName;
};

} // namespace hub
