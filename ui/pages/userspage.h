// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/role.h"
#include "core/access/userservice.h"
#include "ui/pages/hubpage.h"

#include <QMap>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hub {

class EmptyStateWidget;
class UserTableModel;

/// Under Settings, for admins: who may sign in at this desk and with which
/// roles. Add a user, change their roles, set a new passphrase or PIN,
/// remove them. Every change goes through UserService, which audits it.
class UsersPage : public HubPage
{
    Q_OBJECT
public:
    explicit UsersPage(QWidget *parent = nullptr);

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override { reload(); }
    /// Re-reads the users (after a switch of user, or a change elsewhere).
    void reload();

    /// Opens the Add a User dialog (modal); true when a user was added.
    bool addUser();
    /// Saves the role boxes for the selected user.
    bool saveRoles();
    bool resetPassphrase();
    bool setPin();
    /// Asks, then removes the selected user.
    bool removeSelected();
    /// Selects the user called `name`; false when there is none.
    bool selectUser(const QString &name);

Q_SIGNALS:
    /// Users or roles changed; the window re-reads what the desk may do.
    void usersChanged();
    /// The hub's very first user was added (before this, everyone was admin).
    void firstUserAdded(const QString &name);
    /// The Back to Settings link.
    void backRequested();

private:
    /// The title, the count and the buttons above the table.
    QHBoxLayout *buildToolbar();
    /// The users' table, or the empty state while there are none.
    void buildTable();
    /// The roles of the selected user, beside the table.
    void buildRolesBox();
    void selectionChanged();
    void rolesEdited();
    std::optional<User> selectedUser() const;
    void updateState();

    Hub *m_hub = nullptr;
    UserTableModel *m_model = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_passphrase = nullptr;
    QPushButton *m_pin = nullptr;
    QPushButton *m_remove = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QMap<Role, QCheckBox *> m_roles;
    QPushButton *m_saveRoles = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace hub
