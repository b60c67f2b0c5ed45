// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QVariant>

class QAbstractItemView;
class QAbstractScrollArea;
class QWidget;

namespace hub {

/// Where the person was in a page: each list's current row (by its id, or
/// its first column's text) and every scroll position. Taken before a page
/// reads its data again after a change, and put back afterwards, so a change
/// at another desk never moves the row someone is looking at.
class ViewPositions
{
public:
    explicit ViewPositions(QWidget *page);
    /// Selects the same rows again (reading further pages of a lazy list up
    /// to as many rows as it had) and scrolls back.
    void restore() const;

private:
    struct Scroll
    {
        QPointer<QAbstractScrollArea> area;
        int vertical = 0;
        int horizontal = 0;
    };
    struct Current
    {
        QPointer<QAbstractItemView> view;
        int role = 0;
        QVariant key;
        int column = 0;
        int rows = 0;
    };
    static void restoreCurrent(const Current &current);

    QList<Scroll> m_scrolls;
    QList<Current> m_currents;
};

} // namespace hub
