// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/hubaddress.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hub {

class Database;
class FieldErrorLabel;

/// File → Connect to a hub server…: host, port, database, user, the
/// password (asked, never stored) and TLS. Connects before closing, so a
/// refusal (unreachable, wrong password, not a hub) keeps the form as typed
/// for another try. Once connected, the hub's address is remembered in Open
/// Recent by the window; the password lives only in this run of Hubkeeper.
class ServerConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerConnectDialog(QWidget *parent = nullptr);
    /// Fills the form from an address (a recent server asking for its password).
    void setAddress(const HubAddress &address);
    /// The connected hub's address (no password in it).
    QString hubPath() const { return m_hubPath; }
    /// The open server hub, kept so the window finds it open with its password.
    std::shared_ptr<Database> connection() const { return m_connection; }

private:
    void tryToConnect();
    Result<HubAddress> typedAddress();

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_tls = nullptr;
    FieldErrorLabel *m_error = nullptr;
    QString m_hubPath;
    std::shared_ptr<Database> m_connection;
};

} // namespace hub
