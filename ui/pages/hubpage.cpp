// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/hubpage.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QToolButton>

namespace hub {

HubPage::HubPage(QWidget *parent) : QWidget(parent)
{}

QToolButton *HubPage::actionButton(QAction *action, const char *objectName)
{
    auto *button = new QToolButton;
    button->setObjectName(QString::fromLatin1(objectName));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QTableView *HubPage::makeTable(const char *objectName, const QString &accessibleName)
{
    auto *table = new QTableView;
    table->setObjectName(QString::fromLatin1(objectName));
    table->setAccessibleName(accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace hub
