// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/userservice.h"

#include <QDialog>

class QLineEdit;

namespace hub {

class FieldErrorLabel;
class Hub;

/// A new passphrase, or a new PIN, for one user, typed twice. For a PIN both
/// fields may stay empty, which takes the PIN away.
class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Passphrase,
        Pin
    };

    SecretDialog(Hub &hub, const User &user, Kind kind, QWidget *parent = nullptr);

    /// Checks and saves; false (nothing changed) with the problem shown.
    bool save();

private:
    Hub &m_hub;
    User m_user;
    Kind m_kind;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    FieldErrorLabel *m_firstError = nullptr;
    FieldErrorLabel *m_secondError = nullptr;
};

} // namespace hub
