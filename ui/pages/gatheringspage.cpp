// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/gatheringspage.h"

#include "core/access/accesscontrol.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/gatheringdialog.h"
#include "ui/widgets/challengesview.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/facilitatorview.h"
#include "ui/widgets/sentence.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr int KindRole = Qt::UserRole + 1; // 0 = group, 1 = action
}

GatheringsPage::GatheringsPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Gatherings"));
    auto *list = new QWidget(this);
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
    run->setToolTip(
        tr("Facilitator mode for the selected gathering: check-in, ideas and votes (Ctrl+K)"));
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
    bar->addWidget(m_upcoming);
    bar->addWidget(past);
    bar->addStretch(1);
    bar->addWidget(create);
    bar->addWidget(edit);
    bar->addWidget(run);

    m_gatherings = new QTableWidget(0, 6, list);
    m_gatherings->setObjectName(QStringLiteral("gatheringsTable"));
    m_gatherings->setAccessibleName(tr("Gatherings"));
    m_gatherings->setHorizontalHeaderLabels(
        {tr("When"), tr("Kind"), tr("Title"), tr("Space"), tr("Signed up"), tr("Came")});
    m_gatherings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_gatherings->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gatherings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gatherings->verticalHeader()->hide();
    m_gatherings->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    connect(m_gatherings, &QTableWidget::cellActivated, this, [this] { startFacilitating(selectedGathering()); });
    connect(m_gatherings, &QTableWidget::itemSelectionChanged, this,
            &GatheringsPage::updateActions);
    m_empty = new EmptyStateWidget(QIcon(), tr("No gatherings yet"),
                                   tr("Hold a Friendly gathering with “New gathering…”: neighbours sign up, "
                                      "check in at the door, tell their stories and vote on ideas."),
                                   list);

    m_groups = new QTreeWidget(list);
    m_groups->setObjectName(QStringLiteral("workingGroups"));
    m_groups->setAccessibleName(tr("Working groups and their actions"));
    m_groups->setHeaderLabels({tr("Working group / action"), tr("Convenor / owner"), tr("Due"), tr("Status")});
    m_groups->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *done = new QPushButton(tr("Mark action &done"), list);
    done->setObjectName(QStringLiteral("markActionDone"));
    m_done = done;
    connect(done, &QPushButton::clicked, this, &GatheringsPage::markActionDone);

    auto *groupsBox = new QWidget(list);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupsHead = new QHBoxLayout;
    auto *groupsHint = new QLabel(tr("Groups grow from ideas promoted at a Collaboratory."), groupsBox);
    groupsHint->setEnabled(false);
    groupsHead->addWidget(groupsHint, 1);
    groupsHead->addWidget(done);
    groupsLayout->addLayout(groupsHead);
    groupsLayout->addWidget(m_groups);

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

void GatheringsPage::setHub(Hub *hub)
{
    m_hub = hub;
    m_facilitator->setHub(hub);
    m_challenges->setHub(hub);
    m_stack->setCurrentIndex(0);
    refresh();
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
    PermissionGate::apply(m_done, m_hub, Permission::ManageGatherings, m_hub != nullptr);
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
    const int row = m_gatherings->currentRow();
    if (row < 0)
        return {};
    return GatheringId(m_gatherings->item(row, 0)->data(IdRole).toLongLong());
}

void GatheringsPage::fillGatherings()
{
    m_gatherings->setRowCount(0);
    if (!m_hub)
        return;
    auto list = m_upcoming->isChecked() ? m_hub->gatherings().upcoming(500) : m_hub->gatherings().past(500);
    if (!list)
        return;
    const QTimeZone zone = m_hub->bookings().zone();
    for (const Gathering &g : std::as_const(*list)) {
        const int row = m_gatherings->rowCount();
        m_gatherings->insertRow(row);
        auto *when = new QTableWidgetItem(g.start.toTimeZone(zone).toString(QStringLiteral("ddd d MMM yyyy HH:mm")));
        when->setData(IdRole, g.id.value());
        m_gatherings->setItem(row, 0, when);
        m_gatherings->setItem(row, 1, new QTableWidgetItem(toString(g.kind)));
        m_gatherings->setItem(row, 2, new QTableWidgetItem(g.title));
        m_gatherings->setItem(row, 3, new QTableWidgetItem(g.spaceName.isEmpty() ? tr("elsewhere") : g.spaceName));
        m_gatherings->setItem(row, 4, new QTableWidgetItem(
                                          g.capacity ? tr("%1 of %2%3")
                                                           .arg(g.registered)
                                                           .arg(*g.capacity)
                                                           .arg(g.waiting ? tr(", %1 waiting").arg(g.waiting) : QString())
                                                     : QString::number(g.registered)));
        m_gatherings->setItem(row, 5, new QTableWidgetItem(QString::number(g.attended)));
    }
    const bool none = m_gatherings->rowCount() == 0;
    m_gatherings->setVisible(!none);
    m_empty->setVisible(none);
    if (!none)
        m_gatherings->selectRow(0);
}

void GatheringsPage::fillGroups()
{
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
                                                    tr("%1 members, %2 open").arg(g.members).arg(g.openActions)});
        item->setData(0, IdRole, g.id.value());
        item->setData(0, KindRole, 0);
        if (!g.originIdeaTitle.isEmpty())
            item->setToolTip(0, tr("Grew from “%1” at “%2”").arg(g.originIdeaTitle, g.originGatheringTitle));
        auto actions = service.actions(g.id);
        if (!actions)
            continue;
        for (const GroupAction &a : std::as_const(*actions)) {
            auto *child = new QTreeWidgetItem(item, {a.title, a.ownerName,
                                                     a.due.isValid() ? a.due.toString(Qt::ISODate) : QString(),
                                                     a.isOverdue(today) ? tr("overdue") : toString(a.status)});
            child->setData(0, IdRole, a.id.value());
            child->setData(0, KindRole, 1);
            if (a.isOverdue(today))
                child->setForeground(3, QColor(0xb0, 0x00, 0x20));
        }
    }
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
    QTreeWidgetItem *item = m_groups->currentItem();
    if (!m_hub || !item || item->data(0, KindRole).toInt() != 1)
        return;
    auto done = m_hub->workingGroups().setStatus(ActionId(item->data(0, IdRole).toLongLong()), ActionStatus::Done);
    if (!done)
        QMessageBox::information(this, tr("Action"), sentence(done.error().message));
    fillGroups();
}

} // namespace hub
