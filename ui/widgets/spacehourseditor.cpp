// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/spacehourseditor.h"

#include "core/common/displayformat.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>

namespace hub {

namespace {

QTime timeOf(int minutes)
{
    return QTime(0, 0).addSecs(qint64(minutes % (24 * 60)) * 60);
}

int minutesOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

} // namespace

SpaceHoursEditor::SpaceHoursEditor(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(16);
    grid->addWidget(new QLabel(tr("Opens")), 0, 1);
    grid->addWidget(new QLabel(tr("Closes")), 0, 2);
    const QLocale locale;
    for (int day = 0; day < 7; ++day) {
        const QString dayName = locale.dayName(day + 1);
        m_open[day] = new QCheckBox(dayName);
        m_open[day]->setObjectName(QStringLiteral("spaceOpen%1").arg(day + 1));
        m_open[day]->setToolTip(tr("Open on %1").arg(dayName));
        m_opens[day] = new QTimeEdit;
        m_opens[day]->setObjectName(QStringLiteral("spaceOpens%1").arg(day + 1));
        m_opens[day]->setAccessibleName(tr("Opens on %1").arg(dayName));
        m_opens[day]->setDisplayFormat(DisplayFormat::timeEditFormat());
        m_closes[day] = new QTimeEdit;
        m_closes[day]->setObjectName(QStringLiteral("spaceCloses%1").arg(day + 1));
        m_closes[day]->setAccessibleName(tr("Closes on %1").arg(dayName));
        m_closes[day]->setDisplayFormat(DisplayFormat::timeEditFormat());
        grid->addWidget(m_open[day], day + 1, 0);
        grid->addWidget(m_opens[day], day + 1, 1);
        grid->addWidget(m_closes[day], day + 1, 2);
        connect(m_open[day], &QCheckBox::toggled, this, [this, day] {
            updateRow(day);
            Q_EMIT edited();
        });
        connect(m_opens[day], &QTimeEdit::timeChanged, this, &SpaceHoursEditor::edited);
        connect(m_closes[day], &QTimeEdit::timeChanged, this, &SpaceHoursEditor::edited);
    }
    grid->setColumnStretch(3, 1);
}

void SpaceHoursEditor::setHours(const OpeningHours &hours)
{
    for (int day = 0; day < 7; ++day) {
        const auto &h = hours.days.at(day);
        m_open[day]->setChecked(h.has_value());
        m_opens[day]->setTime(timeOf(h ? h->opens : 9 * 60));
        m_closes[day]->setTime(timeOf(h ? h->closes : 17 * 60));
        updateRow(day);
    }
}

OpeningHours SpaceHoursEditor::hours() const
{
    OpeningHours hours;
    for (int day = 0; day < 7; ++day) {
        if (!m_open[day]->isChecked()) {
            hours.days.at(day).reset();
            continue;
        }
        const int opens = minutesOf(m_opens[day]->time());
        int closes = minutesOf(m_closes[day]->time());
        if (closes == 0)
            closes = 24 * 60; // 00:00 as a closing time is midnight at the end of the day
        hours.days.at(day) = DayHours{opens, closes};
    }
    return hours;
}

void SpaceHoursEditor::copyFirstDay()
{
    int first = -1;
    for (int day = 0; day < 7 && first < 0; ++day)
        if (m_open[day]->isChecked())
            first = day;
    if (first < 0)
        return;
    for (int day = first + 1; day < 7; ++day)
        if (m_open[day]->isChecked()) {
            m_opens[day]->setTime(m_opens[first]->time());
            m_closes[day]->setTime(m_closes[first]->time());
        }
}

QWidget *SpaceHoursEditor::firstDay() const
{
    return m_open[0];
}

void SpaceHoursEditor::updateRow(int day)
{
    m_opens[day]->setEnabled(m_open[day]->isChecked());
    m_closes[day]->setEnabled(m_open[day]->isChecked());
}

} // namespace hub
