// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/userdialog.h"

#include "core/access/accesscontrol.h"
#include "core/access/userenrolment.h"
#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/hintlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hub {

namespace {
QString roleDescription(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return UserDialog::tr("members, bookings, check-in, transfers up to the ceiling");
    case Role::Facilitator:
        return UserDialog::tr("gatherings, ideas, working groups");
    case Role::Treasurer:
        return UserDialog::tr("limits, reversals, levies, reports");
    case Role::Admin:
        return UserDialog::tr("settings, users, import, erasure, backups");
    }
    return {};
}

void addFieldRow(QGridLayout *grid, int &row, const QString &label, QWidget *field, FieldErrorLabel *error,
                 QWidget *buddy = nullptr)
{
    auto *name = new QLabel(label);
    name->setBuddy(buddy ? buddy : field);
    (buddy ? buddy : field)->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    grid->addWidget(name, row, 0, Qt::AlignTop);
    grid->addWidget(FieldErrorLabel::withError(field, error), row, 1);
    ++row;
}
} // namespace

UserDialog::UserDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(tr("Add a User"));
    const bool first = !hub.users().hasUsers();

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(4);
    int row = 0;
    QButtonGroup *choice = addMemberRows(grid, row);
    addNameRow(grid, row);
    addRolesRow(grid, row, first);
    addSecretRows(grid, row);

    auto *intro = new QLabel(first ? tr("The first user is the hub's administrator. Once they exist, everyone signs in "
                                        "at this desk and every change is recorded with their name.")
                                   : tr("A user is a member who may sign in at this desk. Their roles decide what they "
                                        "may do."));
    intro->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addWidget(buildButtons());

    connect(choice, &QButtonGroup::buttonToggled, this, &UserDialog::memberChoiceChanged);
    // A new hub has nobody to pick yet.
    auto count = hub.members().count({});
    (count && *count > 0 ? m_existing : m_new)->setChecked(true);
    memberChoiceChanged();
    resize(560, sizeHint().height());
}

QButtonGroup *UserDialog::addMemberRows(QGridLayout *grid, int &row)
{
    // Who: a member already in the directory, or a new one made from a name.
    m_existing = new QRadioButton(tr("An &existing member"));
    m_existing->setObjectName(QStringLiteral("userExistingMember"));
    m_new = new QRadioButton(tr("A ne&w member"));
    m_new->setObjectName(QStringLiteral("userNewMember"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_existing);
    choice->addButton(m_new);
    auto *choiceRow = new QWidget;
    auto *choiceLayout = new QHBoxLayout(choiceRow);
    choiceLayout->setContentsMargins(0, 0, 0, 0);
    choiceLayout->addWidget(m_existing);
    choiceLayout->addWidget(m_new);
    choiceLayout->addStretch(1);
    grid->addWidget(new QLabel(tr("Who:")), row, 0);
    grid->addWidget(choiceRow, row, 1);
    ++row;

    m_member = new MemberPicker;
    m_member->setObjectName(QStringLiteral("userMember"));
    m_member->setHub(&m_hub);
    m_member->setPlaceholderText(tr("Type to find a member…"));
    m_memberName = new QLineEdit;
    m_memberName->setObjectName(QStringLiteral("userMemberName"));
    m_memberName->setPlaceholderText(tr("Full name, as in the directory"));
    auto *memberFields = new QWidget;
    auto *memberLayout = new QVBoxLayout(memberFields);
    memberLayout->setContentsMargins(0, 0, 0, 0);
    memberLayout->addWidget(m_member);
    memberLayout->addWidget(m_memberName);
    m_memberError = FieldErrorLabel::named("userMemberError");
    addFieldRow(grid, row, tr("&Member:"), memberFields, m_memberError, m_member);
    return choice;
}

void UserDialog::addNameRow(QGridLayout *grid, int &row)
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("userName"));
    m_name->setMaxLength(UserService::MaxNameLength);
    m_name->setPlaceholderText(tr("What they pick at the sign-in screen, e.g. Ana"));
    m_nameError = FieldErrorLabel::named("userNameError");
    addFieldRow(grid, row, tr("Sign-in &name:"), m_name, m_nameError);
    // The member's name is a good first guess for the sign-in name.
    const auto suggestName = [this](const QString &memberName) {
        if (m_name->text().isEmpty() || !m_name->isModified())
            m_name->setText(memberName.section(u' ', 0, 0));
    };
    connect(m_memberName, &QLineEdit::textEdited, this, suggestName);
    connect(m_member, &MemberPicker::memberChanged, this, [this, suggestName](MemberId) {
        if (m_member->member().isValid())
            suggestName(m_member->text());
    });
}

void UserDialog::addRolesRow(QGridLayout *grid, int &row, bool first)
{
    auto *rolesBox = new QWidget;
    auto *rolesLayout = new QVBoxLayout(rolesBox);
    rolesLayout->setContentsMargins(0, 0, 0, 0);
    rolesLayout->setSpacing(2);
    for (Role role : allRoles()) {
        auto *box = new QCheckBox(roleTitle(role) + QStringLiteral(" — ") + roleDescription(role));
        box->setObjectName(QStringLiteral("userRole_") + roleName(role));
        rolesLayout->addWidget(box);
        m_roles.insert(role, box);
    }
    m_rolesError = FieldErrorLabel::named("userRolesError");
    addFieldRow(grid, row, tr("Roles:"), rolesBox, m_rolesError, m_roles.value(Role::FrontDesk));
    if (first) {
        // Core refuses a first user who is not an admin: a hub never locks itself out.
        m_roles.value(Role::Admin)->setChecked(true);
        m_roles.value(Role::Admin)->setEnabled(false);
        m_roles.value(Role::Admin)->setToolTip(tr("The first user is always an admin."));
    }
}

void UserDialog::addSecretRows(QGridLayout *grid, int &row)
{
    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("userPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphraseError = FieldErrorLabel::named("userPassphraseError");
    addFieldRow(grid, row, tr("&Passphrase:"), m_passphrase, m_passphraseError);
    m_repeat = new QLineEdit;
    m_repeat->setObjectName(QStringLiteral("userRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_repeatError = FieldErrorLabel::named("userRepeatError");
    addFieldRow(grid, row, tr("&Repeat:"), m_repeat, m_repeatError);
    grid->addWidget(hintLabel(tr("At least %1 characters; a few words are easier to remember than "
                                 "symbols.")
                                  .arg(UserService::MinPassphraseLength)),
                    row++, 1);

    m_pin = new QLineEdit;
    m_pin->setObjectName(QStringLiteral("userPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(UserService::PinMaxLength);
    m_pin->setPlaceholderText(tr("Optional"));
    m_pinError = FieldErrorLabel::named("userPinError");
    addFieldRow(grid, row, tr("P&IN:"), m_pin, m_pinError);
    grid->addWidget(hintLabel(tr("%1 to %2 digits, for a quick switch at the shared desk.")
                                  .arg(UserService::PinMinLength)
                                  .arg(UserService::PinMaxLength)),
                    row++, 1);
}

QDialogButtonBox *UserDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox;
    QPushButton *add = buttons->addButton(tr("&Add User"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("userAdd"));
    add->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(add, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void UserDialog::memberChoiceChanged()
{
    const bool existing = m_existing->isChecked();
    m_member->setVisible(existing);
    m_memberName->setVisible(!existing);
    m_memberError->clearError();
    (existing ? static_cast<QWidget *>(m_member) : m_memberName)->setFocus();
}

void UserDialog::clearErrors()
{
    for (FieldErrorLabel *label :
         {m_memberError, m_nameError, m_rolesError, m_passphraseError, m_repeatError, m_pinError})
        label->clearError();
}

bool UserDialog::save()
{
    clearErrors();
    const std::optional<UserDraft> user = checkedUser();
    if (!user)
        return false;
    // The member, the user and the PIN are one change: all or nothing.
    auto added = UserEnrolment::add(m_hub, *user);
    if (!added) {
        const Error &e = added.error();
        FieldErrorLabel *label = e.where == QStringLiteral("passphrase") ? m_passphraseError
                                 : e.where == QStringLiteral("pin")      ? m_pinError
                                 : e.where == QStringLiteral("roles")    ? m_rolesError
                                 : e.where == QStringLiteral("member")   ? m_memberError
                                                                         : m_nameError;
        label->showError(e.where.isEmpty() ? e.text() : e.message);
        return false;
    }
    m_added = added->name;
    return true;
}

std::optional<UserDraft> UserDialog::checkedUser()
{
    bool ok = true;
    const auto show = [&ok](FieldErrorLabel *label, const QString &message) {
        label->showError(message);
        ok = false;
    };

    MemberDraft draft;
    if (m_existing->isChecked()) {
        m_member->resolveTyped();
        if (!m_member->member().isValid())
            show(m_memberError, tr("Choose the member from the list that appears as you type."));
    } else {
        draft.displayName = m_memberName->text().trimmed();
        if (draft.displayName.isEmpty())
            show(m_memberError, tr("Type the new member's name."));
    }
    const QString name = m_name->text().trimmed();
    if (auto checked = UserService::checkName(name); !checked)
        show(m_nameError, checked.error().message);
    else if (m_hub.users().find(name))
        show(m_nameError, tr("There is already a user called “%1”.").arg(name));
    QList<Role> roles;
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it)
        if (it.value()->isChecked())
            roles << it.key();
    if (roles.isEmpty())
        show(m_rolesError, tr("Give the user at least one role."));
    if (auto checked = UserService::checkPassphrase(m_passphrase->text()); !checked)
        show(m_passphraseError, checked.error().message);
    else if (m_repeat->text() != m_passphrase->text())
        show(m_repeatError, tr("The two passphrases differ. Type it again in both fields."));
    if (!m_pin->text().isEmpty()) {
        if (auto checked = UserService::checkPin(m_pin->text()); !checked)
            show(m_pinError, checked.error().message);
    }
    if (!ok)
        return std::nullopt;

    UserDraft user;
    user.name = name;
    user.roles = roles;
    user.passphrase = m_passphrase->text();
    user.pin = m_pin->text();
    if (m_new->isChecked())
        user.newMember = draft;
    else
        user.member = m_member->member();
    return user;
}

} // namespace hub
