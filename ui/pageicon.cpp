// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pageicon.h"

#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

// The icons live in this static library; register them before first use.
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace hub {

namespace {
// Colours written in the SVG files, replaced per mode below.
constexpr char InkColour[] = "#2f6f5e";
constexpr char PaperColour[] = "#ffffff";

QPixmap render(const QByteArray &svg, int size)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    return pixmap;
}
} // namespace

QIcon pageIcon(const QString &name, const QPalette &palette)
{
    initUiResources();
    QFile file(QStringLiteral(":/ui/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray source = file.readAll();

    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // Paper first: the new ink may well be white, which must not be repainted.
    QByteArray normal = source;
    normal.replace(PaperColour, palette.color(QPalette::Window).name().toLatin1());
    // On a dark palette the hub's green is too dim; a lighter tint of it reads well.
    normal.replace(InkColour, dark ? QByteArray("#8fd1bd") : QByteArray(InkColour));
    QByteArray selected = source;
    selected.replace(PaperColour, palette.color(QPalette::Highlight).name().toLatin1());
    selected.replace(InkColour, palette.color(QPalette::HighlightedText).name().toLatin1());

    QIcon icon;
    for (int size : {16, 24, 32, 48, 72, 96}) {
        icon.addPixmap(render(normal, size), QIcon::Normal);
        icon.addPixmap(render(selected, size), QIcon::Selected);
    }
    return icon;
}

} // namespace hub
