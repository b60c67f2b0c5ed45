// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/daysheetpdf.h"

#include "core/common/displayformat.h"
#include "core/reports/pdfdocument.h"

namespace hub {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

DaySheetPdf::DaySheetPdf(const DaySheet &sheet, const QString &hubName) : m_sheet(sheet), m_hubName(hubName)
{}

QString DaySheetPdf::html() const
{
    QString html = QStringLiteral("<div>");
    html += QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>")
                .arg(esc(tr("Day sheet for %1").arg(DisplayFormat::heading(m_sheet.date()))));
    html += QStringLiteral("<p style=\"margin-top:0\">%1</p>")
                .arg(esc(tr("%1 · %2 · times in %3")
                             .arg(tr("%Ln booking(s)", nullptr, int(m_sheet.bookingCount())),
                                  tr("%Ln space(s)", nullptr, int(m_sheet.spaces().size())),
                                  QString::fromUtf8(m_sheet.zone().id()))));
    if (m_sheet.spaces().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("The hub has no spaces in use.")));

    const QString nowrap = QStringLiteral(" style=\"white-space:nowrap\"");
    for (const DaySheetSpace &column : m_sheet.spaces()) {
        const Space &space = column.space;
        QStringList about{tr("holds %1").arg(space.capacity)};
        if (space.setupMinutes || space.cleanupMinutes)
            about << tr("%1 min setup, %2 min clean-up").arg(space.setupMinutes).arg(space.cleanupMinutes);
        html += QStringLiteral("<h3 style=\"margin-bottom:3px; margin-top:18px\">%1 "
                               "<span style=\"font-weight:normal; font-size:small\">(%2)</span></h3>")
                    .arg(esc(space.name), esc(about.join(QStringLiteral(" · "))));
        if (column.entries.isEmpty()) {
            html += QStringLiteral("<p style=\"margin-top:0\"><i>%1</i></p>").arg(esc(tr("Nothing booked.")));
            continue;
        }
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                               "style=\"border-collapse:collapse; border-color:#bbbbbb\">"
                               "<thead><tr style=\"background-color:#eeeeee\">");
        // The same widths in every space's table, so the sheet reads down in columns.
        const QString headers[] = {tr("Time"), tr("Booking"), tr("Booked by"), tr("People"), tr("Notes")};
        const int widths[] = {15, 29, 22, 8, 26};
        for (int c = 0; c < 5; ++c)
            html += QStringLiteral("<th width=\"%4%\" align=\"%1\"%2>%3</th>")
                        .arg(c == 3 ? QStringLiteral("right") : QStringLiteral("left"), nowrap, esc(headers[c]))
                        .arg(widths[c]);
        html += QStringLiteral("</tr></thead>");
        for (const DaySheetEntry &e : column.entries) {
            const Booking &b = e.booking;
            QString title = QStringLiteral("<b>%1</b>").arg(esc(b.title));
            if (e.isTentative())
                title += QStringLiteral(" <i>(%1)</i>").arg(esc(tr("tentative")));
            QStringList notes;
            if (!b.notes.isEmpty())
                notes << esc(b.notes);
            if (!b.outsideHoursOverride.isEmpty())
                notes << esc(tr("Outside opening hours: %1").arg(b.outsideHoursOverride));
            if (!b.capacityOverride.isEmpty())
                notes << esc(tr("Over capacity: %1").arg(b.capacityOverride));
            const QString row = e.isTentative() ? QStringLiteral(" style=\"color:#555555\"") : QString();
            html +=
                QStringLiteral("<tr%6><td%7>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td>"
                               "<td>%5</td></tr>")
                    .arg(esc(m_sheet.timeText(e)), title, esc(b.memberName.isEmpty() ? tr("the hub") : b.memberName),
                         b.attendees > 0 ? QString::number(b.attendees) : QString(), notes.join(QStringLiteral("<br>")),
                         row, nowrap);
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("</div>");
    return html;
}

PdfDocument DaySheetPdf::document() const
{
    PdfDocument pdf(m_hubName, tr("Day sheet"), DisplayFormat::heading(m_sheet.date()));
    pdf.setHtml(html());
    return pdf;
}

Status DaySheetPdf::write(const QString &path) const
{
    return document().write(path);
}

Status DaySheetPdf::print(QPagedPaintDevice &device) const
{
    return document().render(device);
}

} // namespace hub
