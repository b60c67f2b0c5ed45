// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/bookingrefusal.h"

#include "core/common/displayformat.h"
#include "ui/widgets/sentence.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>

namespace hub {

BookingRefusal::BookingRefusal()
{
    m_refusal = new QLabel;
    m_refusal->setObjectName(QStringLiteral("bookingRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusal->setFrameShape(QFrame::StyledPanel);
    m_refusal->setMargin(8);
    {
        // The same dark red as the field messages, readable on light and dark palettes.
        QPalette p = m_refusal->palette();
        const bool dark = p.color(QPalette::Window).lightness() < 128;
        p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
        m_refusal->setPalette(p);
    }
    m_refusal->hide();
    m_clashes = new QListWidget;
    m_clashes->setObjectName(QStringLiteral("bookingClashes"));
    m_clashes->setAccessibleName(tr("Dates that cannot be booked"));
    m_clashes->setWordWrap(true);
    m_clashes->setMaximumHeight(m_clashes->fontMetrics().height() * 6);
    m_clashes->hide();
    m_skipClashes = new QCheckBox;
    m_skipClashes->setObjectName(QStringLiteral("bookingSkipClashes"));
    m_skipClashes->hide();
}

void BookingRefusal::addTo(QBoxLayout *layout) const
{
    layout->addWidget(m_refusal);
    layout->addWidget(m_clashes);
    layout->addWidget(m_skipClashes);
}

bool BookingRefusal::skipsClashes() const
{
    return m_skipClashes->isVisible() && m_skipClashes->isChecked();
}

void BookingRefusal::show(const QString &text)
{
    m_refusal->setText(text);
    m_refusal->setAccessibleName(m_refusal->text());
    m_refusal->show();
}

bool BookingRefusal::showClashes(const QList<SeriesOccurrence> &preview)
{
    m_clashes->clear();
    int free = 0;
    for (const SeriesOccurrence &o : preview) {
        if (o.problem.isEmpty()) {
            ++free;
            continue;
        }
        m_clashes->addItem(tr("%1: %2").arg(DisplayFormat::date(o.date), sentence(o.problem)));
    }
    if (m_clashes->count() == 0)
        return false;
    show(tr("Not booked. %n of the series' dates cannot be booked:", nullptr, int(m_clashes->count())));
    m_clashes->show();
    if (free > 0) {
        m_skipClashes->setText(tr("Book the &free dates only (%n dates)", nullptr, free));
        m_skipClashes->show();
    }
    return true;
}

void BookingRefusal::hideClashes()
{
    m_clashes->hide();
    m_skipClashes->hide();
    m_skipClashes->setChecked(false);
}

void BookingRefusal::hide()
{
    m_refusal->hide();
    m_refusal->clear();
}

QString BookingRefusal::text() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

} // namespace hub
