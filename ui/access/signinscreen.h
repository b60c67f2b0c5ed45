// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/accesscontrol.h"

#include <QTimer>
#include <QWidget>

class QFrame;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hub {

class FieldErrorLabel;
class Hub;

/// What covers the window while nobody is signed in, or while the desk is
/// locked: the hub's users to choose from and one field for the passphrase or,
/// for a quick switch at a shared desk, the PIN. A lock keeps the window (and
/// what was on it) underneath; only the user who locked it or someone who
/// switches user in full gets past it.
class SignInScreen : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        SignIn, ///< choose who you are
        Unlock  ///< the signed-in user comes back
    };

    explicit SignInScreen(QWidget *parent = nullptr);

    void setHub(Hub *hub);
    /// Everyone may sign in: the list of users, none chosen yet.
    void showSignIn();
    /// The desk is locked for `user`, who unlocks it with a passphrase or PIN.
    /// `closedForms` are the titles of forms the lock closed unsaved, to say so.
    void showUnlock(const CurrentUser &user, const QStringList &closedForms = {});
    Mode mode() const { return m_mode; }

    /// Chooses `name` in the list (sign-in mode); false when there is no such user.
    bool chooseUser(const QString &name);
    /// Tries the secret typed in the field for the chosen user.
    bool submit();
    /// The message under the field (a refusal, a lock-out), for tests.
    QString message() const;
    /// What the lock says about forms it closed (empty when none).
    QString closedFormsNote() const;

Q_SIGNALS:
    /// Someone got past the screen; `user` is now the hub's current user.
    void signedIn(const hub::CurrentUser &user);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// The hub's logo and name over the screen's title.
    QHBoxLayout *buildHeader();
    /// Who signs in, and the passphrase or PIN.
    void buildFields();
    QHBoxLayout *buildButtons();
    /// The card in the middle of the screen that holds it all.
    QFrame *buildCard(QHBoxLayout *header, QHBoxLayout *buttons);
    void reloadUsers();
    void userChosen();
    QString chosenName() const;
    bool chosenHasPin() const;
    void showLockOut(const QString &name);
    void tick();
    void setBusy(bool locked);
    void focusField();

    Hub *m_hub = nullptr;
    Mode m_mode = Mode::SignIn;
    QString m_unlockName;
    bool m_unlockHasPin = false;
    QDateTime m_lockedUntil;
    QTimer m_countdown;

    QLabel *m_hubName = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_closedForms = nullptr;
    QListWidget *m_users = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    FieldErrorLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_switch = nullptr;
};

} // namespace hub
