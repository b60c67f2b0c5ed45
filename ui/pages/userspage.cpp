// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/userspage.h"

#include "core/access/accesscontrol.h"
#include "core/access/usertablemodel.h"
#include "core/hub.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/secretdialog.h"
#include "ui/dialogs/userdialog.h"
#include "ui/pageicon.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/pageheading.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace hub {

namespace {
QString roleHint(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return UsersPage::tr("Members, bookings, check-in, transfers up to the ceiling");
    case Role::Facilitator:
        return UsersPage::tr("Gatherings, ideas, working groups and actions");
    case Role::Treasurer:
        return UsersPage::tr("Limits, reversals, levies, overrides, reports, audit log");
    case Role::Admin:
        return UsersPage::tr("Settings, users, import, erasure, backup and restore");
    }
    return {};
}

QPushButton *toolbarButton(const QString &text, const char *objectName, const QString &tip)
{
    auto *button = new QPushButton(text);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setToolTip(tip);
    button->setAutoDefault(false);
    return button;
}
} // namespace

UsersPage::UsersPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Users"));

    auto *back = new QPushButton(tr("‹ Settings"));
    back->setObjectName(QStringLiteral("usersBack"));
    back->setFlat(true);
    back->setToolTip(tr("Back to the Settings page"));
    connect(back, &QPushButton::clicked, this, &UsersPage::backRequested);

    QHBoxLayout *bar = buildToolbar();

    auto *intro = new QLabel(tr("People who may sign in at this desk. What each may do follows "
                                "from their roles, and every change they make is recorded in the "
                                "audit log under their name."));
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    buildTable();
    buildRolesBox();

    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_stack, 1);
    body->addWidget(m_details);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(8);
    layout->addWidget(back, 0, Qt::AlignLeft);
    layout->addLayout(bar);
    layout->addWidget(intro);
    layout->addLayout(body, 1);

    setHub(nullptr);
}

QHBoxLayout *UsersPage::buildToolbar()
{
    auto *title = PageHeading::title(tr("Users"));
    m_count = PageHeading::count(QStringLiteral("usersCount"));

    m_add = toolbarButton(tr("&Add User…"), "usersAdd",
                          tr("Let a member sign in at this desk, with roles and a passphrase"));
    connect(m_add, &QPushButton::clicked, this, [this] { addUser(); });
    m_passphrase = toolbarButton(tr("New &Passphrase…"), "usersPassphrase",
                                 tr("Set a new passphrase for the selected user, e.g. when they "
                                    "forgot theirs"));
    connect(m_passphrase, &QPushButton::clicked, this, [this] { resetPassphrase(); });
    m_pin = toolbarButton(tr("Set P&IN…"), "usersPin", tr("Set or take away the selected user's quick-switch PIN"));
    connect(m_pin, &QPushButton::clicked, this, [this] { setPin(); });
    m_remove = toolbarButton(tr("&Remove…"), "usersRemove",
                             tr("The selected user can no longer sign in; their member record "
                                "and what they did stay"));
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(m_count, 0, Qt::AlignBottom);
    bar->addStretch(1);
    bar->addWidget(m_add);
    bar->addWidget(m_passphrase);
    bar->addWidget(m_pin);
    bar->addWidget(m_remove);
    return bar;
}

void UsersPage::buildTable()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setAccessibleName(tr("Users"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(QStringLiteral("usersEmptyState"));
    m_empty->setIcon(pageIcon(QStringLiteral("members"), palette()));
    m_empty->setTitle(tr("No users yet"));
    m_empty->setText(tr("Until the first user is added, anyone at this desk acts as the "
                        "administrator and no one signs in. Add the first user, an admin, with "
                        "Add User…; from then on everyone signs in and every change carries "
                        "their name."));

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
}

void UsersPage::buildRolesBox()
{
    // The roles of the selected user, as checkboxes that say what each allows.
    m_details = new QGroupBox(tr("Roles"));
    m_details->setObjectName(QStringLiteral("usersRoles"));
    m_details->setFixedWidth(330);
    auto *details = new QVBoxLayout(m_details);
    m_detailsTitle = new QLabel;
    m_detailsTitle->setObjectName(QStringLiteral("usersRolesTitle"));
    m_detailsTitle->setWordWrap(true);
    details->addWidget(m_detailsTitle);
    details->addSpacing(4);
    for (Role role : allRoles()) {
        auto *box = new QCheckBox(roleTitle(role));
        box->setObjectName(QStringLiteral("usersRole_") + roleName(role));
        QFont bold = box->font();
        bold.setBold(true);
        box->setFont(bold);
        auto *hint = new QLabel(roleHint(role));
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        hint->setIndent(box->style()->pixelMetric(QStyle::PM_IndicatorWidth) + 6);
        details->addWidget(box);
        details->addWidget(hint);
        details->addSpacing(4);
        connect(box, &QCheckBox::toggled, this, &UsersPage::rolesEdited);
        m_roles.insert(role, box);
    }
    m_saveRoles = new QPushButton(tr("&Save Roles"));
    m_saveRoles->setObjectName(QStringLiteral("usersSaveRoles"));
    connect(m_saveRoles, &QPushButton::clicked, this, [this] { saveRoles(); });
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveRoles);
    details->addLayout(saveRow);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    details->addWidget(m_status);
    details->addStretch(1);
}

void UsersPage::setHub(Hub *hub)
{
    // The old model reads through the old hub: it goes before the hub does.
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_hub = hub;
    if (hub) {
        m_model = new UserTableModel(*hub, this);
        m_table->setModel(m_model);
        m_table->setColumnWidth(UserTableModel::NameColumn, 150);
        m_table->setColumnWidth(UserTableModel::MemberColumn, 190);
        m_table->setColumnWidth(UserTableModel::RolesColumn, 260);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::selectionChanged);
    }
    reload();
}

ChangeAreas UsersPage::shownAreas() const
{
    return ChangeArea::Users | ChangeArea::Members;
}

void UsersPage::refreshAfterChange(const ChangeEvent &)
{
    reload();
}

void UsersPage::reload()
{
    const auto keep = selectedUser();
    m_status->clear();
    int count = 0;
    if (m_model) {
        QSignalBlocker block(m_table->selectionModel());
        m_model->reload();
        if (const auto error = m_model->lastError())
            m_status->setText(tr("The users could not be read: %1").arg(error->text()));
        count = m_model->matchingCount();
    }
    m_count->setText(tr("%Ln user(s)", nullptr, count));
    const bool none = !m_model || m_model->rowCount() == 0;
    m_stack->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_table);
    if (!keep || !selectUser(keep->name)) {
        if (!none)
            m_table->selectRow(0);
        selectionChanged();
    }
    updateState();
}

std::optional<User> UsersPage::selectedUser() const
{
    if (!m_model || !m_table->selectionModel())
        return std::nullopt;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->userAt(rows.first());
}

bool UsersPage::selectUser(const QString &name)
{
    const int row = m_model ? m_model->rowOfName(name) : -1;
    if (row < 0)
        return false;
    m_table->selectRow(row);
    selectionChanged();
    return true;
}

void UsersPage::selectionChanged()
{
    const auto user = selectedUser();
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
        QSignalBlocker block(it.value());
        it.value()->setChecked(user && user->roles.contains(it.key()));
    }
    m_detailsTitle->setText(user ? tr("What %1 may do at this desk:").arg(user->name)
                                 : tr("Select a user to see and change their roles."));
    m_status->clear();
    updateState();
}

void UsersPage::rolesEdited()
{
    m_status->clear();
    updateState();
}

void UsersPage::updateState()
{
    const auto user = selectedUser();
    PermissionGate::apply(m_add, m_hub, Permission::ManageUsers);
    PermissionGate::apply(m_passphrase, m_hub, Permission::ManageUsers, user.has_value());
    PermissionGate::apply(m_pin, m_hub, Permission::ManageUsers, user.has_value());
    PermissionGate::apply(m_remove, m_hub, Permission::ManageUsers, user.has_value());
    bool changed = false;
    if (user) {
        for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it)
            changed |= it.value()->isChecked() != user->roles.contains(it.key());
    }
    for (QCheckBox *box : std::as_const(m_roles))
        PermissionGate::apply(box, m_hub, Permission::ManageUsers, user.has_value());
    PermissionGate::apply(m_saveRoles, m_hub, Permission::ManageUsers, changed);
}

bool UsersPage::addUser()
{
    if (!m_hub)
        return false;
    const bool first = !m_hub->users().hasUsers();
    UserDialog dialog(*m_hub, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString name = dialog.addedName();
    if (first)
        Q_EMIT firstUserAdded(name);
    reload();
    selectUser(name);
    m_status->setText(tr("%1 may sign in now.").arg(name));
    Q_EMIT usersChanged();
    return true;
}

bool UsersPage::saveRoles()
{
    const auto user = selectedUser();
    if (!m_hub || !user)
        return false;
    QList<Role> roles;
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it)
        if (it.value()->isChecked())
            roles << it.key();
    if (auto ok = m_hub->users().setRoles(user->id, roles); !ok) {
        QMessageBox::warning(this, tr("Roles Not Saved"), sentence(ok.error().message));
        return false;
    }
    reload();
    m_status->setText(tr("The roles of %1 were saved.").arg(user->name));
    Q_EMIT usersChanged();
    return true;
}

bool UsersPage::resetPassphrase()
{
    const auto user = selectedUser();
    if (!m_hub || !user)
        return false;
    SecretDialog dialog(*m_hub, *user, SecretDialog::Kind::Passphrase, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_status->setText(tr("%1 has a new passphrase.").arg(user->name));
    return true;
}

bool UsersPage::setPin()
{
    const auto user = selectedUser();
    if (!m_hub || !user)
        return false;
    SecretDialog dialog(*m_hub, *user, SecretDialog::Kind::Pin, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    reload();
    return true;
}

bool UsersPage::removeSelected()
{
    const auto user = selectedUser();
    if (!m_hub || !user)
        return false;
    const auto answer =
        QMessageBox::question(this, tr("Remove %1?").arg(user->name),
                              tr("%1 will no longer be able to sign in at this desk. Their member record, their "
                                 "transfers and the audit log of what they did all stay.")
                                  .arg(user->name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    if (auto ok = m_hub->users().remove(user->id); !ok) {
        QMessageBox::warning(this, tr("Not Removed"), sentence(ok.error().message));
        return false;
    }
    reload();
    m_status->setText(tr("%1 was removed.").arg(user->name));
    Q_EMIT usersChanged();
    return true;
}

} // namespace hub
