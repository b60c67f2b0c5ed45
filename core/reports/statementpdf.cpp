// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/statementpdf.h"

#include "core/common/displayformat.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/reports/pdfdocument.h"

#include <iterator>

namespace hub {

StatementPdf::StatementPdf(Statement statement, HubSettings settings)
    : m_statement(std::move(statement)), m_settings(std::move(settings))
{}

QString StatementPdf::html() const
{
    const Statement &st = m_statement;
    const QTimeZone zone = LedgerDisplay::zone(m_settings.timeZone);
    const int decimals = m_settings.decimals;
    const auto esc = [](const QString &s) {
        return s.toHtmlEscaped();
    };
    // On paper the unit is said once, in the heading, so the figures fit
    // their columns; negative ones keep their minus sign and are also red.
    const auto amount = [&](Amount a) {
        const QString text = a.toString(decimals);
        return a.isNegative() ? QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text) : text;
    };
    QString html = QStringLiteral("<div style=\"font-size:8pt\">");
    html += QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>")
                .arg(esc(tr("Statement for %1").arg(st.account.memberName)));
    html += QStringLiteral("<p style=\"margin-top:0\">%1</p>")
                .arg(esc(tr("Account #%1 · %2 to %3 · amounts in %4")
                             .arg(st.account.id.value())
                             .arg(DisplayFormat::date(st.from), DisplayFormat::date(st.to), m_settings.unitName)));
    html += QStringLiteral("<p>%1: <b>%2</b> &nbsp;·&nbsp; %3: <b>%4</b> &nbsp;·&nbsp; %5: <b>%6</b> "
                           "&nbsp;·&nbsp; %7: <b>%8</b></p>")
                .arg(esc(tr("Opening balance")), amount(st.opening), esc(tr("Received")), amount(st.totalIn),
                     esc(tr("Paid")), amount(-st.totalOut), esc(tr("Closing balance")), amount(st.closing));

    if (st.lines.isEmpty()) {
        html += QStringLiteral("<p>%1</p></div>").arg(esc(tr("No transfers in this period.")));
        return html;
    }
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                           "style=\"border-collapse:collapse; border-color:#bbbbbb\">"
                           "<thead><tr style=\"background-color:#eeeeee\">");
    const QString headers[] = {tr("Date"), tr("#"), tr("With"), tr("Memo"), tr("Received"), tr("Paid"), tr("Balance")};
    // Date, #, With, Memo | Received, Paid, Balance: the number and the figures align right.
    for (int c = 0; c < int(std::size(headers)); ++c) {
        const bool right = c == 1 || c >= 4;
        html += QStringLiteral("<th align=\"%1\" style=\"white-space:nowrap\">%2</th>")
                    .arg(right ? QStringLiteral("right") : QStringLiteral("left"), esc(headers[c]));
    }
    html += QStringLiteral("</tr></thead>");
    html += QStringLiteral("<tr><td colspan=\"6\"><i>%1</i></td><td align=\"right\">%2</td></tr>")
                .arg(esc(tr("Opening balance")), amount(st.opening));
    const QString nowrap = QStringLiteral(" style=\"white-space:nowrap\"");
    for (const StatementLine &line : st.lines) {
        const Transfer &t = line.transfer;
        const bool received = !line.change.isNegative();
        const QString reversal = LedgerDisplay::reversalText(t);
        const QDate day = t.createdAt.toTimeZone(zone).date();
        html += QStringLiteral("<tr><td%8>%1</td><td align=\"right\">%2</td><td>%3</td><td>%4</td>"
                               "<td align=\"right\"%8>%5</td><td align=\"right\"%8>%6</td>"
                               "<td align=\"right\"%8>%7</td></tr>")
                    .arg(esc(DisplayFormat::date(day)), QString::number(t.id.value()),
                         esc(received ? t.payerName : t.payeeName),
                         esc(reversal.isEmpty() ? t.memo : tr("%1 (%2)").arg(t.memo, reversal)),
                         received ? amount(t.amount) : QString(), received ? QString() : amount(-t.amount),
                         amount(line.runningBalance), nowrap);
    }
    html += QStringLiteral("<tr><td colspan=\"6\"><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr>")
                .arg(esc(tr("Closing balance")), amount(st.closing));
    html += QStringLiteral("</table></div>");
    return html;
}

PdfDocument StatementPdf::document() const
{
    PdfDocument pdf(m_settings.name, tr("Statement for %1").arg(m_statement.account.memberName),
                    DisplayFormat::period(m_statement.from, m_statement.to));
    pdf.setHtml(html());
    return pdf;
}

Status StatementPdf::write(const QString &path) const
{
    return document().write(path);
}

Status StatementPdf::print(QPagedPaintDevice &device) const
{
    return document().render(device);
}

} // namespace hub
