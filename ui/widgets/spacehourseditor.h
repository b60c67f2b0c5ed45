// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/space.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QTimeEdit;

namespace hub {

/// A space's opening hours, one row per weekday: whether it opens that day,
/// and from when until when.
class SpaceHoursEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SpaceHoursEditor(QWidget *parent = nullptr);

    void setHours(const OpeningHours &hours);
    OpeningHours hours() const;
    /// Gives every later open day the times of the first open day.
    void copyFirstDay();
    /// Monday's tick, where a problem with the hours sends the focus.
    QWidget *firstDay() const;

Q_SIGNALS:
    void edited();

private:
    void updateRow(int day);

    std::array<QCheckBox *, 7> m_open{};
    std::array<QTimeEdit *, 7> m_opens{};
    std::array<QTimeEdit *, 7> m_closes{};
};

} // namespace hub
