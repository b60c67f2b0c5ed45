// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"
#include "ui/pages/hubpage.h"

class QHBoxLayout;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace hub {

class ChallengesView;
class EmptyStateWidget;
class FacilitatorView;
class GatheringTableModel;

/// Gatherings, upcoming and past, with a create/edit dialog; facilitator
/// mode for running one; and the working groups with their actions.
class GatheringsPage : public HubPage
{
    Q_OBJECT
public:
    explicit GatheringsPage(QWidget *parent = nullptr);

    bool readsWhenShown() const override { return true; }
    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override;
    void refresh();
    /// Opens facilitator mode on a gathering (Today's "Start check-in" too).
    void startFacilitating(GatheringId id);
    void newGathering();
    void editSelected();
    void markActionDone();
    void reopenAction();
    void addAction();
    void editGroupMembers();

    /// Brings the Business challenges tab forward.
    void showChallenges();

    FacilitatorView *facilitator() const { return m_facilitator; }
    ChallengesView *challenges() const { return m_challenges; }
    GatheringId selectedGathering() const;

private:
    /// Upcoming or past, and the buttons for the selected gathering.
    QHBoxLayout *buildGatheringsBar(QWidget *list);
    void buildGatheringsTable(QWidget *list);
    /// The working groups with their actions, and the buttons for them.
    QWidget *buildGroupsBox(QWidget *list);
    void fillGatherings();
    void fillGroups();
    void updateActions();
    /// The working group of the selected row (a group, or one of its actions).
    GroupId selectedGroup() const;
    /// The selected action's row, or nullptr when a group (or nothing) is selected.
    QTreeWidgetItem *selectedAction() const;

    Hub *m_hub = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_done = nullptr;
    QPushButton *m_reopen = nullptr;
    QPushButton *m_addAction = nullptr;
    QPushButton *m_groupMembers = nullptr;
    QStackedWidget *m_stack = nullptr;
    QRadioButton *m_upcoming = nullptr;
    QTableView *m_gatherings = nullptr;
    GatheringTableModel *m_model = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QTreeWidget *m_groups = nullptr;
    FacilitatorView *m_facilitator = nullptr;
    QTabWidget *m_lowerTabs = nullptr;
    ChallengesView *m_challenges = nullptr;
};

} // namespace hub
