// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/emptystatewidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int IconSize = 72;
// Long lines are hard to read; the explanation wraps at about 70 characters.
constexpr int TextWidth = 560;
} // namespace

EmptyStateWidget::EmptyStateWidget(QWidget *parent) : QWidget(parent)
{
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("emptyStateIcon"));
    m_icon->setAlignment(Qt::AlignCenter);
    // Decorative: screen readers get the title and the text instead.
    m_icon->setAccessibleName(QString());

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.1);
    m_text->setFont(textFont);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(m_icon);
    layout->addSpacing(4);
    layout->addWidget(m_title);
    // A centred column no wider than TextWidth: the label must get the column's
    // width (not its own size hint) or a wrapped text is cut off.
    auto *textColumn = new QWidget(this);
    textColumn->setMaximumWidth(TextWidth);
    auto *columnLayout = new QVBoxLayout(textColumn);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(m_text);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(textColumn, 100);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(3);
}

EmptyStateWidget::EmptyStateWidget(const QIcon &icon, const QString &title, const QString &text, QWidget *parent)
    : EmptyStateWidget(parent)
{
    setIcon(icon);
    setTitle(title);
    setText(text);
}

void EmptyStateWidget::setIcon(const QIcon &icon)
{
    m_icon->setPixmap(icon.pixmap(IconSize, IconSize));
    m_icon->setVisible(!icon.isNull());
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setAccessibleName(title);
}

void EmptyStateWidget::setText(const QString &text)
{
    m_text->setText(text);
    m_text->setAccessibleName(text);
    setAccessibleName(m_title->text());
    setAccessibleDescription(text);
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::text() const
{
    return m_text->text();
}

} // namespace hub
