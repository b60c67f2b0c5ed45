// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/secretdialog.h"

#include "core/hub.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

SecretDialog::SecretDialog(Hub &hub, const User &user, Kind kind, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_user(user), m_kind(kind)
{
    const bool pin = kind == Kind::Pin;
    setObjectName(pin ? QStringLiteral("pinDialog") : QStringLiteral("passphraseDialog"));
    setWindowTitle(pin ? tr("Set the PIN of %1").arg(user.name) : tr("New Passphrase for %1").arg(user.name));

    auto *intro = new QLabel(pin ? tr("A PIN of %1 to %2 digits lets %3 switch in quickly at the shared desk. "
                                      "Leave both fields empty to take the PIN away.")
                                       .arg(UserService::PinMinLength)
                                       .arg(UserService::PinMaxLength)
                                       .arg(user.name)
                                 : tr("%1 signs in with this passphrase from now on; the old one stops working. "
                                      "At least %2 characters.")
                                       .arg(user.name)
                                       .arg(UserService::MinPassphraseLength));
    intro->setWordWrap(true);

    m_first = new QLineEdit;
    m_first->setObjectName(QStringLiteral("secretFirst"));
    m_first->setEchoMode(QLineEdit::Password);
    m_second = new QLineEdit;
    m_second->setObjectName(QStringLiteral("secretSecond"));
    m_second->setEchoMode(QLineEdit::Password);
    if (pin) {
        m_first->setMaxLength(UserService::PinMaxLength);
        m_second->setMaxLength(UserService::PinMaxLength);
    }
    m_firstError = FieldErrorLabel::named("secretFirstError");
    m_secondError = FieldErrorLabel::named("secretSecondError");
    m_first->setAccessibleName(pin ? tr("New PIN") : tr("New passphrase"));
    m_second->setAccessibleName(tr("Repeat"));

    auto *form = new QFormLayout;
    form->addRow(pin ? tr("New &PIN:") : tr("New &passphrase:"), FieldErrorLabel::withError(m_first, m_firstError));
    form->addRow(tr("&Repeat:"), FieldErrorLabel::withError(m_second, m_secondError));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("secretSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

bool SecretDialog::save()
{
    m_firstError->clearError();
    m_secondError->clearError();
    const QString first = m_first->text();
    const bool pin = m_kind == Kind::Pin;
    if (!(pin && first.isEmpty())) {
        const Status checked = pin ? UserService::checkPin(first) : UserService::checkPassphrase(first);
        if (!checked) {
            m_firstError->showError(checked.error().message);
            return false;
        }
    }
    if (m_second->text() != first) {
        m_secondError->showError(pin ? tr("The two PINs differ. Type it again in both fields.")
                                     : tr("The two passphrases differ. Type it again in both fields."));
        return false;
    }
    const Status saved =
        pin ? m_hub.users().setPin(m_user.id, first) : m_hub.users().changePassphrase(m_user.id, first);
    if (!saved) {
        m_firstError->showError(saved.error().message);
        return false;
    }
    return true;
}

} // namespace hub
