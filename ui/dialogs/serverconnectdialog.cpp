// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/serverconnectdialog.h"

#include "core/hub.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hub {

ServerConnectDialog::ServerConnectDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("serverConnectDialog"));
    setWindowTitle(tr("Connect to a Hub Server"));
    auto *intro = new QLabel(tr("A hub server keeps one hub for several PCs: the front desk, the hall and the "
                                "treasurer's laptop. Ask whoever set it up for these details. The password is "
                                "never saved."));
    intro->setWordWrap(true);

    m_host = new QLineEdit;
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setPlaceholderText(tr("e.g. office-pc or 192.168.1.20"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(HubAddress::DefaultPort);
    m_database = new QLineEdit(QStringLiteral("hub"));
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_user->setPlaceholderText(tr("e.g. hub_desk"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: from ~/.pgpass or PGPASSWORD"));
    m_tls = new QComboBox;
    m_tls->setObjectName(QStringLiteral("serverTls"));
    m_tls->addItem(tr("When the server offers it"), QStringLiteral("prefer"));
    m_tls->addItem(tr("Always (refuse without)"), QStringLiteral("require"));
    m_tls->addItem(tr("Always, and check the server's certificate"), QStringLiteral("verify-full"));
    m_tls->addItem(tr("Never (only on a trusted network)"), QStringLiteral("disable"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Encryption (TLS):"), m_tls);

    m_error = new FieldErrorLabel;
    m_error->setObjectName(QStringLiteral("serverError"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("serverConnect"));
    connectButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerConnectDialog::tryToConnect);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void ServerConnectDialog::setAddress(const HubAddress &address)
{
    m_host->setText(address.host());
    m_port->setValue(address.port());
    m_database->setText(address.databaseName());
    m_user->setText(address.user());
    const int tls = m_tls->findData(address.sslMode().isEmpty() ? QStringLiteral("prefer") : address.sslMode());
    m_tls->setCurrentIndex(tls < 0 ? 0 : tls);
    m_password->setFocus();
}

Result<HubAddress> ServerConnectDialog::typedAddress()
{
    const auto missing = [this](QLineEdit *field, const QString &message) -> Result<HubAddress> {
        field->setFocus();
        return fail(Error::invalid(message));
    };
    if (m_host->text().trimmed().isEmpty())
        return missing(m_host, tr("Give the name or address of the hub server."));
    if (m_database->text().trimmed().isEmpty())
        return missing(m_database, tr("Give the name of the hub's database on the server."));
    if (m_user->text().trimmed().isEmpty())
        return missing(m_user, tr("Give the user name the server knows this desk by."));
    const QString tls = m_tls->currentData().toString();
    HubAddress address =
        HubAddress::server(m_user->text().trimmed(), m_host->text().trimmed(), m_port->value(),
                           m_database->text().trimmed(), tls == QStringLiteral("prefer") ? QString() : tls);
    // Through the parser, so the window and hubctl accept exactly the same addresses.
    auto parsed = HubAddress::parse(address.toString());
    if (!parsed)
        return fail(parsed.error());
    parsed->setPassword(m_password->text());
    return *parsed;
}

void ServerConnectDialog::tryToConnect()
{
    m_error->clearError();
    auto address = typedAddress();
    if (!address) {
        m_error->showError(address.error().message);
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto opened = Hub::open(*address, OpenMode::ExistingOnly);
    QApplication::restoreOverrideCursor();
    if (!opened) {
        m_error->showError(opened.error().message);
        if (opened.error().where == QStringLiteral("password"))
            m_password->setFocus();
        return;
    }
    m_connection = (*opened)->sharedDatabase();
    m_hubPath = (*opened)->path();
    accept();
}

} // namespace hub
