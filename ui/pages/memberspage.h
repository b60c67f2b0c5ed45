// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"
#include "ui/pages/hubpage.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace hub {

class EmptyStateWidget;
class MemberEditor;
class MemberTableModel;

/// The members & skills directory: one search box with results as you type,
/// filters, the lazily fetched table and the member editor beside it.
class MembersPage : public HubPage
{
    Q_OBJECT
public:
    explicit MembersPage(QWidget *parent = nullptr);
    ~MembersPage() override;

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override;
    bool hasUnsavedEdits() const override;
    bool settleUnsaved() override;

    MemberTableModel *model() const { return m_model; }
    MemberEditor *editor() const { return m_editor; }
    /// Applies the search box and filters now instead of after the typing pause.
    void applyFilter();

    void newMember();
    void findMatches();
    void importMembers();
    void exportMembers();
    /// Selects `id`'s row (fetching further batches as needed) and shows it.
    bool selectMember(MemberId id);

private:
    QWidget *buildToolbar();
    QWidget *buildFilters();
    void reloadSkillFilter();
    void updateEmptyState();
    void selectionChanged();
    void memberSaved(MemberId id, bool created);
    void memberChanged(MemberId id);
    void memberForgotten(MemberId id);
    void showEditor(bool shown);

    Hub *m_hub = nullptr;
    MemberTableModel *m_model = nullptr;
    QTimer m_searchDelay;
    QLabel *m_count = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_skillFilter = nullptr;
    QToolButton *m_new = nullptr;
    QToolButton *m_matches = nullptr;
    QToolButton *m_import = nullptr;
    QToolButton *m_export = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTableView *m_table = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    MemberEditor *m_editor = nullptr;
};

} // namespace hub
