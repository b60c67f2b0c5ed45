// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/gatheringspage.h"

#include "core/access/accesscontrol.h"
#include "core/common/displayformat.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/gatheringtablemodel.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/actiondialog.h"
#include "ui/dialogs/gatheringdialog.h"
#include "ui/dialogs/groupmembersdialog.h"
#include "ui/widgets/challengesview.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/facilitatorview.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/pageheading.h"
#include "ui/widgets/sentence.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int KindRole = Qt::UserRole + 1; // 0 = group, 1 = action
constexpr int OpenRole = Qt::UserRole + 2; // an action still open
} // namespace

GatheringsPage::GatheringsPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Gatherings"));
    auto *list = new QWidget(this);
    QHBoxLayout *bar = buildGatheringsBar(list);
    buildGatheringsTable(list);
    QWidget *groupsBox = buildGroupsBox(list);

    // Working groups and business challenges share the lower half, as tabs.
    m_challenges = new ChallengesView(list);
    connect(m_challenges, &ChallengesView::changed, this, &GatheringsPage::fillGatherings);
    m_lowerTabs = new QTabWidget(list);
    m_lowerTabs->setObjectName(QStringLiteral("gatheringsTabs"));
    m_lowerTabs->setDocumentMode(true);
    m_lowerTabs->addTab(groupsBox, tr("&Working groups"));
    m_lowerTabs->addTab(m_challenges, tr("&Business challenges"));

    auto *split = new QSplitter(Qt::Vertical, list);
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_gatherings, 1);
    topLayout->addWidget(m_empty, 1);
    split->addWidget(top);
    split->addWidget(m_lowerTabs);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->addWidget(split);

    m_facilitator = new FacilitatorView(this);
    connect(m_facilitator, &FacilitatorView::closeRequested, this, [this] {
        m_stack->setCurrentIndex(0);
        refresh();
    });
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(list);
    m_stack->addWidget(m_facilitator);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QHBoxLayout *GatheringsPage::buildGatheringsBar(QWidget *list)
{
    auto *create = new QPushButton(tr("&New gathering…"), list);
    create->setObjectName(QStringLiteral("newGathering"));
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    create->setToolTip(tr("Plan a Friendly gathering or a Collaboratory (Ctrl+Shift+G)"));
    auto *edit = new QPushButton(tr("&Edit…"), list);
    edit->setObjectName(QStringLiteral("editGathering"));
    edit->setToolTip(tr("Change the selected gathering"));
    auto *run = new QPushButton(tr("Start &check-in"), list);
    run->setObjectName(QStringLiteral("startCheckIn"));
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    run->setToolTip(tr("Facilitator mode for the selected gathering: check-in, ideas and votes (Ctrl+K)"));
    m_create = create;
    m_edit = edit;
    m_run = run;
    m_upcoming = new QRadioButton(tr("&Upcoming"), list);
    auto *past = new QRadioButton(tr("&Past"), list);
    m_upcoming->setChecked(true);
    connect(create, &QPushButton::clicked, this, &GatheringsPage::newGathering);
    connect(edit, &QPushButton::clicked, this, &GatheringsPage::editSelected);
    connect(run, &QPushButton::clicked, this, [this] { startFacilitating(selectedGathering()); });
    connect(m_upcoming, &QRadioButton::toggled, this, &GatheringsPage::fillGatherings);
    auto *bar = new QHBoxLayout;
    bar->addWidget(PageHeading::title(tr("Gatherings"), list));
    bar->addSpacing(12);
    bar->addWidget(m_upcoming);
    bar->addWidget(past);
    bar->addStretch(1);
    bar->addWidget(create);
    bar->addWidget(edit);
    bar->addWidget(run);
    return bar;
}

void GatheringsPage::buildGatheringsTable(QWidget *list)
{
    m_gatherings = new QTableView(list);
    m_gatherings->setObjectName(QStringLiteral("gatheringsTable"));
    m_gatherings->setAccessibleName(tr("Gatherings"));
    m_gatherings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_gatherings->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gatherings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gatherings->verticalHeader()->hide();
    m_gatherings->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gatherings->setWordWrap(false);
    connect(m_gatherings, &QTableView::activated, this, [this] { startFacilitating(selectedGathering()); });
    m_empty = new EmptyStateWidget(QIcon(), tr("No gatherings yet"),
                                   tr("Hold a Friendly gathering with “New gathering…”: neighbours sign up, "
                                      "check in at the door, tell their stories and vote on ideas."),
                                   list);
}

QWidget *GatheringsPage::buildGroupsBox(QWidget *list)
{
    m_groups = new QTreeWidget(list);
    m_groups->setObjectName(QStringLiteral("workingGroups"));
    m_groups->setAccessibleName(tr("Working groups and their actions"));
    m_groups->setHeaderLabels({tr("Working group / action"), tr("Convenor / owner"), tr("Due"), tr("Status")});
    m_groups->header()->setStretchLastSection(false);
    m_groups->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_groups->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_groups, &QTreeWidget::currentItemChanged, this, &GatheringsPage::updateActions);
    m_addAction = new QPushButton(tr("Add &action…"), list);
    m_addAction->setObjectName(QStringLiteral("addAction"));
    m_addAction->setToolTip(tr("A task for the selected working group: what, who, by when"));
    connect(m_addAction, &QPushButton::clicked, this, &GatheringsPage::addAction);
    m_groupMembers = new QPushButton(tr("&Members and convenor…"), list);
    m_groupMembers->setObjectName(QStringLiteral("groupMembersButton"));
    connect(m_groupMembers, &QPushButton::clicked, this, &GatheringsPage::editGroupMembers);
    auto *done = new QPushButton(tr("Mark action &done…"), list);
    done->setObjectName(QStringLiteral("markActionDone"));
    m_done = done;
    connect(done, &QPushButton::clicked, this, &GatheringsPage::markActionDone);
    m_reopen = new QPushButton(tr("&Reopen action"), list);
    m_reopen->setObjectName(QStringLiteral("reopenAction"));
    connect(m_reopen, &QPushButton::clicked, this, &GatheringsPage::reopenAction);

    auto *groupsBox = new QWidget(list);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupsHead = new QHBoxLayout;
    auto *groupsHint = new QLabel(tr("Groups grow from ideas promoted at a Collaboratory."), groupsBox);
    groupsHint->setEnabled(false);
    groupsHint->setWordWrap(true); // gives way to the buttons on a narrow screen
    groupsHead->addWidget(groupsHint, 1);
    groupsHead->addWidget(m_addAction);
    groupsHead->addWidget(m_groupMembers);
    groupsHead->addWidget(done);
    groupsHead->addWidget(m_reopen);
    groupsLayout->addLayout(groupsHead);
    groupsLayout->addWidget(m_groups);
    return groupsBox;
}

void GatheringsPage::setHub(Hub *hub)
{
    m_hub = hub;
    // The old model reads through the old hub: it goes before the hub does.
    m_gatherings->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    if (hub) {
        m_model = new GatheringTableModel(*hub, this);
        m_gatherings->setModel(m_model);
        m_gatherings->horizontalHeader()->setSectionResizeMode(GatheringTableModel::TitleColumn, QHeaderView::Stretch);
        connect(m_gatherings->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &GatheringsPage::updateActions);
    }
    m_facilitator->setHub(hub);
    m_challenges->setHub(hub);
    m_stack->setCurrentIndex(0);
    refresh();
}

ChangeAreas GatheringsPage::shownAreas() const
{
    return ChangeArea::Gatherings | ChangeArea::Members | ChangeArea::Spaces | ChangeArea::Bookings;
}

void GatheringsPage::refreshAfterChange(const ChangeEvent &)
{
    refresh();
    // A facilitator's board shows another laptop's check-ins and votes too.
    if (m_stack->currentIndex() == 1)
        m_facilitator->reload();
}

void GatheringsPage::accessChanged()
{
    updateActions();
    m_facilitator->accessChanged();
    m_challenges->accessChanged();
}

void GatheringsPage::updateActions()
{
    // Planning gatherings is the facilitators'; opening the door for check-in
    // is the front desk's too.
    const bool chosen = m_hub && selectedGathering().isValid();
    PermissionGate::apply(m_create, m_hub, Permission::ManageGatherings, m_hub != nullptr);
    PermissionGate::apply(m_edit, m_hub, Permission::ManageGatherings, chosen);
    PermissionGate::apply(m_run, m_hub, Permission::CheckIn, chosen);
    const QTreeWidgetItem *action = selectedAction();
    const bool open = action && action->data(0, OpenRole).toBool();
    const bool group = m_hub && selectedGroup().isValid();
    PermissionGate::apply(m_addAction, m_hub, Permission::ManageGatherings, group);
    PermissionGate::apply(m_groupMembers, m_hub, Permission::ManageGatherings, group);
    PermissionGate::apply(m_done, m_hub, Permission::ManageGatherings, action && open);
    PermissionGate::apply(m_reopen, m_hub, Permission::ManageGatherings, action && !open);
}

GroupId GatheringsPage::selectedGroup() const
{
    const QTreeWidgetItem *item = m_groups->currentItem();
    if (!item)
        return {};
    if (item->data(0, KindRole).toInt() == 1)
        item = item->parent();
    return item ? GroupId(item->data(0, IdRole).toLongLong()) : GroupId();
}

QTreeWidgetItem *GatheringsPage::selectedAction() const
{
    QTreeWidgetItem *item = m_groups->currentItem();
    return item && item->data(0, KindRole).toInt() == 1 ? item : nullptr;
}

void GatheringsPage::refresh()
{
    fillGatherings();
    fillGroups();
    m_challenges->refresh();
    updateActions();
}

void GatheringsPage::showChallenges()
{
    m_stack->setCurrentIndex(0);
    m_lowerTabs->setCurrentWidget(m_challenges);
}

GatheringId GatheringsPage::selectedGathering() const
{
    const QModelIndexList rows =
        m_gatherings->selectionModel() ? m_gatherings->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return {};
    return GatheringId(rows.first().data(GatheringTableModel::GatheringIdRole).toLongLong());
}

void GatheringsPage::fillGatherings()
{
    if (!m_model)
        return;
    m_model->setUpcoming(m_upcoming->isChecked());
    const bool none = m_model->rowCount() == 0;
    m_gatherings->setVisible(!none);
    m_empty->setVisible(none);
    if (!none)
        m_gatherings->selectRow(0);
}

void GatheringsPage::fillGroups()
{
    // The row selected before stays selected (by kind and id), and groups stay open.
    const QTreeWidgetItem *current = m_groups->currentItem();
    const int keepKind = current ? current->data(0, KindRole).toInt() : -1;
    const qint64 keepId = current ? current->data(0, IdRole).toLongLong() : 0;
    m_groups->clear();
    if (!m_hub)
        return;
    auto &service = m_hub->workingGroups();
    auto groups = service.list();
    if (!groups)
        return;
    const QDate today = service.today();
    for (const WorkingGroup &g : std::as_const(*groups)) {
        auto *item = new QTreeWidgetItem(m_groups, {g.name, g.convenorName, QString(),
                                                    tr("%Ln member(s)", nullptr, g.members) + QStringLiteral(", ") +
                                                        tr("%Ln open action(s)", nullptr, g.openActions)});
        item->setData(0, IdRole, g.id.value());
        item->setData(0, KindRole, 0);
        if (!g.originIdeaTitle.isEmpty())
            item->setToolTip(0, tr("Grew from “%1” at “%2”").arg(g.originIdeaTitle, g.originGatheringTitle));
        auto actions = service.actions(g.id);
        if (!actions)
            continue;
        for (const GroupAction &a : std::as_const(*actions)) {
            auto *child = new QTreeWidgetItem(item, {a.title, a.ownerName, DisplayFormat::date(a.due),
                                                     a.isOverdue(today) ? tr("Overdue") : label(a.status)});
            child->setData(0, IdRole, a.id.value());
            child->setData(0, KindRole, 1);
            child->setData(0, OpenRole, a.status == ActionStatus::Open);
            if (!a.notes.isEmpty())
                child->setToolTip(0, a.notes);
            if (a.isOverdue(today))
                child->setForeground(3, QColor(0xb0, 0x00, 0x20));
            if (keepKind == 1 && keepId == a.id.value())
                m_groups->setCurrentItem(child);
        }
        if (keepKind == 0 && keepId == g.id.value())
            m_groups->setCurrentItem(item);
    }
    m_groups->expandAll();
    updateActions();
}

void GatheringsPage::startFacilitating(GatheringId id)
{
    if (!m_hub || !id.isValid())
        return;
    m_facilitator->setGathering(id);
    m_stack->setCurrentIndex(1);
}

void GatheringsPage::newGathering()
{
    if (!m_hub)
        return;
    GatheringDialog dialog(*m_hub, {}, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void GatheringsPage::editSelected()
{
    if (!m_hub || !selectedGathering().isValid())
        return;
    GatheringDialog dialog(*m_hub, selectedGathering(), this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void GatheringsPage::markActionDone()
{
    QTreeWidgetItem *item = selectedAction();
    if (!m_hub || !item)
        return;
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(
        this, tr("Mark Action Done"), tr("“%1” is done. A note for the group (optional):").arg(item->text(0)),
        QString(), &ok);
    if (!ok)
        return;
    auto done = m_hub->workingGroups().setStatus(ActionId(item->data(0, IdRole).toLongLong()), ActionStatus::Done,
                                                 note.trimmed());
    if (!done) {
        QMessageBox::information(this, tr("Action"), sentence(done.error().message));
        return;
    }
    fillGroups();
    emit statusMessage(tr("“%1” marked done.").arg(done->title));
}

void GatheringsPage::reopenAction()
{
    QTreeWidgetItem *item = selectedAction();
    if (!m_hub || !item)
        return;
    auto open = m_hub->workingGroups().setStatus(ActionId(item->data(0, IdRole).toLongLong()), ActionStatus::Open);
    if (!open) {
        QMessageBox::information(this, tr("Action"), sentence(open.error().message));
        return;
    }
    fillGroups();
    emit statusMessage(tr("“%1” is open again.").arg(open->title));
}

void GatheringsPage::addAction()
{
    const GroupId group = selectedGroup();
    if (!m_hub || !group.isValid())
        return;
    ActionDialog dialog(*m_hub, group, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    fillGroups();
    // The new action is selected, so "done" and "reopen" act on it next.
    for (QTreeWidgetItemIterator it(m_groups); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() == 1 && (*it)->data(0, IdRole).toLongLong() == dialog.saved().value()) {
            m_groups->setCurrentItem(*it);
            emit statusMessage(tr("Action “%1” added.").arg((*it)->text(0)));
            break;
        }
    }
}

void GatheringsPage::editGroupMembers()
{
    const GroupId group = selectedGroup();
    if (!m_hub || !group.isValid())
        return;
    GroupMembersDialog dialog(*m_hub, group, this);
    dialog.exec();
    if (dialog.changedAnything())
        fillGroups();
}

} // namespace hub
