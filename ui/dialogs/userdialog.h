// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/role.h"
#include "core/common/ids.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QGridLayout;
class QLineEdit;
class QRadioButton;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberPicker;
struct UserDraft;

/// Adds a user: a member of the hub (picked, or made here from a name) with
/// roles, a passphrase typed twice and, if wanted, a PIN for the quick switch.
/// Everything is checked before anything is written, and the member and the
/// user are written together or not at all.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserDialog(Hub &hub, QWidget *parent = nullptr);

    /// Checks every field, then writes; false (nothing written) with the
    /// problems shown beside their fields.
    bool save();
    /// The sign-in name of the user that was added.
    QString addedName() const { return m_added; }

private:
    QButtonGroup *addMemberRows(QGridLayout *grid, int &row);
    void addNameRow(QGridLayout *grid, int &row);
    void addRolesRow(QGridLayout *grid, int &row, bool first);
    void addSecretRows(QGridLayout *grid, int &row);
    QDialogButtonBox *buildButtons();
    /// The user to add once every field is right; none, with the problems shown, otherwise.
    std::optional<UserDraft> checkedUser();
    void memberChoiceChanged();
    void clearErrors();

    Hub &m_hub;
    QString m_added;
    QRadioButton *m_existing = nullptr;
    QRadioButton *m_new = nullptr;
    MemberPicker *m_member = nullptr;
    QLineEdit *m_memberName = nullptr;
    QLineEdit *m_name = nullptr;
    QMap<Role, QCheckBox *> m_roles;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLineEdit *m_pin = nullptr;
    FieldErrorLabel *m_memberError = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_rolesError = nullptr;
    FieldErrorLabel *m_passphraseError = nullptr;
    FieldErrorLabel *m_repeatError = nullptr;
    FieldErrorLabel *m_pinError = nullptr;
};

} // namespace hub
