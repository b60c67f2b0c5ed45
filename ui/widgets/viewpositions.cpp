// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/viewpositions.h"

#include "ui/widgets/itemroles.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace hub {

ViewPositions::ViewPositions(QWidget *page)
{
    const QList<QAbstractScrollArea *> areas = page->findChildren<QAbstractScrollArea *>();
    for (QAbstractScrollArea *area : areas) {
        m_scrolls.append({area, area->verticalScrollBar()->value(), area->horizontalScrollBar()->value()});
        auto *view = qobject_cast<QAbstractItemView *>(area);
        if (!view || !view->model())
            continue;
        const QModelIndex current = view->currentIndex();
        Current c;
        c.view = view;
        c.rows = view->model()->rowCount();
        if (current.isValid()) {
            const QModelIndex first = current.siblingAtColumn(0);
            c.column = current.column();
            // Core's models and the widgets' own lists keep a row's id at
            // IdRole; a row without one is known by its text.
            if (first.data(IdRole).isValid()) {
                c.role = IdRole;
                c.key = first.data(IdRole);
            } else {
                c.role = Qt::DisplayRole;
                c.key = first.data(Qt::DisplayRole);
            }
        }
        m_currents.append(c);
    }
}

void ViewPositions::restore() const
{
    for (const Current &c : m_currents)
        restoreCurrent(c);
    for (const Scroll &s : m_scrolls) {
        if (!s.area)
            continue;
        if (auto *view = qobject_cast<QAbstractItemView *>(s.area.data()))
            view->doItemsLayout(); // the scroll ranges follow the new rows now, not later
        s.area->verticalScrollBar()->setValue(s.vertical);
        s.area->horizontalScrollBar()->setValue(s.horizontal);
    }
}

void ViewPositions::restoreCurrent(const Current &c)
{
    QAbstractItemView *view = c.view;
    QAbstractItemModel *model = view ? view->model() : nullptr;
    if (!model)
        return;
    // A lazy list shows its first page again: read on to where it was.
    while (model->rowCount() < c.rows && model->canFetchMore({}))
        model->fetchMore({});
    if (!c.key.isValid())
        return;
    const QModelIndex now = view->currentIndex();
    if (now.isValid() && now.siblingAtColumn(0).data(c.role) == c.key)
        return; // the page kept it itself
    const QModelIndexList found =
        model->match(model->index(0, 0), c.role, c.key, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return; // gone: deleted or filtered out at another desk
    const QModelIndex target = found.first().siblingAtColumn(c.column);
    if (QItemSelectionModel *selection = view->selectionModel())
        selection->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace hub
