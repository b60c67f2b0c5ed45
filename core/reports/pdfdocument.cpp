// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/pdfdocument.h"

#include "core/common/privatefiles.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace hub {

PdfDocument::PdfDocument(const QString &hubName, const QString &title, const QString &period)
    : m_hubName(hubName), m_title(title), m_period(period)
{}

Status PdfDocument::write(const QString &path) const
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly))
        return fail(Error::invalid(tr("cannot write %1: %2").arg(path, probe.errorString()), path));
    (void)PrivateFiles::restrict(probe); // QPdfWriter then rewrites this file, keeping its mode
    probe.close();

    QPdfWriter writer(path);
    writer.setTitle(m_title);
    writer.setCreator(QStringLiteral("Hubkeeper"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 20, 15, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    if (auto ok = render(writer); !ok)
        return fail(Error::storage(tr("cannot start the PDF %1").arg(path)));
    return {};
}

Status PdfDocument::render(QPagedPaintDevice &device) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return fail(Error::storage(tr("The printer could not be started.")));
    const int resolution = device.logicalDpiY();
    const QRectF page = device.pageLayout().paintRectPixels(resolution);
    const qreal headerHeight = resolution * 0.45;
    const qreal footerHeight = resolution * 0.35;
    const QRectF body(0, headerHeight, page.width(), page.height() - headerHeight - footerHeight);

    // No shaping where the script needs none: Latin text keeps "f" and "i"
    // apart instead of the "ﬁ" ligature, so text extracted from the PDF reads as typed.
    QFont font(QStringLiteral("DejaVu Sans"), 9);
    font.setStyleStrategy(QFont::PreferNoShaping);
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(font);
    doc.setPageSize(QSizeF(body.width() * 72.0 / resolution, body.height() * 72.0 / resolution));
    doc.setHtml(m_html);
    const int pages = doc.pageCount();
    const qreal scale = resolution / 72.0;

    const QFont headerFont = font;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.setFont(headerFont);
        painter.drawText(QRectF(0, 0, page.width(), headerHeight), Qt::AlignLeft | Qt::AlignTop,
                         m_hubName + QStringLiteral(" — ") + m_title);
        painter.drawText(QRectF(0, 0, page.width(), headerHeight), Qt::AlignRight | Qt::AlignTop, m_period);
        painter.drawText(QRectF(0, page.height() - footerHeight, page.width(), footerHeight),
                         Qt::AlignHCenter | Qt::AlignBottom, tr("Page %1 of %2").arg(i + 1).arg(pages));

        painter.save();
        painter.translate(body.topLeft());
        painter.scale(scale, scale);
        const QRectF clip(0, i * doc.pageSize().height(), doc.pageSize().width(), doc.pageSize().height());
        painter.translate(0, -clip.top());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        // The layout skips blocks outside ctx.clip but still paints the one
        // that crosses the page end: clip, or it runs into the footer.
        painter.setClipRect(clip);
        doc.documentLayout()->draw(&painter, ctx);
        painter.restore();
    }
    painter.end();
    return {};
}

} // namespace hub
