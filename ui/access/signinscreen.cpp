// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access/signinscreen.h"

#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/pageheading.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int CardWidth = 460;
constexpr int NameRole = Qt::UserRole;
constexpr int HasPinRole = Qt::UserRole + 1;

QString rolesText(const QList<Role> &roles)
{
    QStringList titles;
    for (Role role : roles)
        titles << roleTitle(role);
    return titles.join(QStringLiteral(", "));
}

bool looksLikePin(const QString &secret)
{
    if (secret.size() < UserService::LegacyPinMinLength || secret.size() > UserService::PinMaxLength)
        return false;
    for (QChar c : secret)
        if (!c.isDigit())
            return false;
    return true;
}
} // namespace

SignInScreen::SignInScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signInScreen"));
    setAccessibleName(tr("Sign in"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    QHBoxLayout *header = buildHeader();
    buildFields();
    QHBoxLayout *buttons = buildButtons();
    QFrame *card = buildCard(header, buttons);

    // Centred by stretches, not by alignment: an aligned item gets its
    // size hint's height, which is too short once the card's texts wrap.
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(card);
    centred->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(centred);
    outer->addStretch(2);

    // On the card's Base background a label paints in the Text role;
    // FieldErrorLabel's red is its WindowText.
    m_message->setForegroundRole(QPalette::WindowText);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SignInScreen::tick);

    showSignIn();
}

QHBoxLayout *SignInScreen::buildHeader()
{
    auto *logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/hubkeeper.svg")).pixmap(48, 48));
    m_hubName = new QLabel;
    m_hubName->setObjectName(QStringLiteral("signInHubName"));
    m_hubName->setForegroundRole(QPalette::PlaceholderText);
    m_hubName->setTextFormat(Qt::PlainText);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("signInTitle"));
    PageHeading::styleAsTitle(m_title);

    auto *headerText = new QVBoxLayout;
    headerText->setSpacing(2);
    headerText->addWidget(m_hubName);
    headerText->addWidget(m_title);
    auto *header = new QHBoxLayout;
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(headerText, 1);
    return header;
}

void SignInScreen::buildFields()
{
    m_intro = new QLabel;
    m_intro->setObjectName(QStringLiteral("signInIntro"));
    m_intro->setWordWrap(true);

    m_closedForms = new QLabel;
    m_closedForms->setObjectName(QStringLiteral("signInClosedForms"));
    m_closedForms->setWordWrap(true);
    m_closedForms->setTextFormat(Qt::PlainText);
    m_closedForms->hide();

    m_users = new QListWidget;
    m_users->setObjectName(QStringLiteral("signInUsers"));
    m_users->setAccessibleName(tr("Who is signing in"));
    m_users->setIconSize(QSize(0, 0));
    m_users->setSpacing(1);
    m_users->setMinimumHeight(150);
    m_users->setMaximumHeight(230);
    connect(m_users, &QListWidget::currentRowChanged, this, &SignInScreen::userChosen);
    // A double click or Enter on a name moves on to the passphrase.
    connect(m_users, &QListWidget::itemActivated, this, [this] { m_secret->setFocus(); });

    m_secretLabel = new QLabel;
    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("signInSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMaxLength(UserService::MaxPassphraseLength);
    m_secretLabel->setBuddy(m_secret);
    connect(m_secret, &QLineEdit::returnPressed, this, [this] { submit(); });
    connect(m_secret, &QLineEdit::textEdited, this, [this] {
        if (!m_lockedUntil.isValid())
            m_message->clearError();
    });

    m_message = new FieldErrorLabel;
    m_message->setObjectName(QStringLiteral("signInMessage"));
}

QHBoxLayout *SignInScreen::buildButtons()
{
    m_submit = new QPushButton;
    m_submit->setObjectName(QStringLiteral("signInButton"));
    m_submit->setDefault(true);
    connect(m_submit, &QPushButton::clicked, this, [this] { submit(); });

    m_switch = new QPushButton(tr("S&witch User"));
    m_switch->setObjectName(QStringLiteral("signInSwitchUser"));
    m_switch->setToolTip(tr("Someone else signs in; what was open stays open"));
    m_switch->setAutoDefault(false);
    connect(m_switch, &QPushButton::clicked, this, &SignInScreen::showSignIn);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_switch);
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    return buttons;
}

QFrame *SignInScreen::buildCard(QHBoxLayout *header, QHBoxLayout *buttons)
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("signInCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    card->setFixedWidth(CardWidth);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 20);
    cardLayout->setSpacing(8);
    cardLayout->addLayout(header);
    cardLayout->addSpacing(4);
    cardLayout->addWidget(m_intro);
    cardLayout->addWidget(m_closedForms);
    cardLayout->addWidget(m_users);
    cardLayout->addSpacing(4);
    cardLayout->addWidget(m_secretLabel);
    cardLayout->addWidget(m_secret);
    cardLayout->addWidget(m_message);
    cardLayout->addSpacing(4);
    cardLayout->addLayout(buttons);
    return card;
}

void SignInScreen::setHub(Hub *hub)
{
    m_hub = hub;
    QString name;
    if (hub) {
        if (auto settings = hub->settings().load())
            name = settings->name;
    }
    m_hubName->setText(name);
    m_hubName->setVisible(!name.isEmpty());
    reloadUsers();
}

void SignInScreen::reloadUsers()
{
    const QString keep = chosenName();
    QSignalBlocker block(m_users);
    m_users->clear();
    if (!m_hub)
        return;
    auto users = m_hub->users().list();
    if (!users) {
        m_message->showError(users.error().text());
        return;
    }
    for (const User &user : std::as_const(*users)) {
        auto *item = new QListWidgetItem(user.name + u'\n' + rolesText(user.roles), m_users);
        item->setData(NameRole, user.name);
        item->setData(HasPinRole, user.hasPin);
        item->setToolTip(tr("%1 (%2)").arg(user.memberName, rolesText(user.roles)));
        item->setSizeHint(QSize(0, 2 * fontMetrics().height() + 12));
        if (user.name.compare(keep, Qt::CaseInsensitive) == 0)
            m_users->setCurrentItem(item);
    }
}

void SignInScreen::showSignIn()
{
    m_mode = Mode::SignIn;
    m_unlockName.clear();
    m_closedForms->clear();
    m_closedForms->hide();
    m_title->setText(tr("Who is at the desk?"));
    m_intro->setText(tr("Choose your name, then type your passphrase, or your PIN if you set one."));
    m_users->show();
    m_switch->hide();
    m_submit->setText(tr("&Sign In"));
    m_submit->setAccessibleName(tr("Sign in"));
    m_secret->clear();
    m_message->clearError();
    m_lockedUntil = {};
    m_countdown.stop();
    reloadUsers();
    {
        QSignalBlocker block(m_users);
        m_users->setCurrentRow(-1);
        m_users->clearSelection();
    }
    userChosen();
    focusField();
}

void SignInScreen::showUnlock(const CurrentUser &user, const QStringList &closedForms)
{
    m_mode = Mode::Unlock;
    m_unlockName = user.name;
    m_unlockHasPin = false;
    if (m_hub) {
        if (auto found = m_hub->users().find(user.name))
            m_unlockHasPin = found->hasPin;
    }
    m_title->setText(tr("Locked"));
    m_intro->setText(tr("The desk was locked for %1 (%2). Everything stays as it was: type the passphrase%3 "
                        "to carry on, or switch user.")
                         .arg(user.name, rolesText(user.roles), m_unlockHasPin ? tr(" or PIN") : QString()));
    // Whoever comes back must not think a half-typed transfer went through.
    QStringList quoted;
    for (const QString &form : closedForms)
        quoted << tr("“%1”").arg(form);
    m_closedForms->setText(closedForms.isEmpty() ? QString()
                           : closedForms.size() == 1
                               ? tr("%1 was left open: it was closed and nothing in it was saved.").arg(quoted.first())
                               : tr("%1 were left open: they were closed and nothing in them was saved.")
                                     .arg(quoted.join(QStringLiteral(", "))));
    m_closedForms->setVisible(!closedForms.isEmpty());
    m_users->hide();
    m_switch->show();
    m_submit->setText(tr("&Unlock"));
    m_submit->setAccessibleName(tr("Unlock"));
    m_secret->clear();
    m_message->clearError();
    m_lockedUntil = {};
    m_countdown.stop();
    userChosen();
    focusField();
}

QString SignInScreen::chosenName() const
{
    if (m_mode == Mode::Unlock)
        return m_unlockName;
    // The cursor may rest on a row nobody picked (the list takes focus):
    // only a highlighted row is a chosen name.
    const QListWidgetItem *item = m_users->currentItem();
    return item && item->isSelected() ? item->data(NameRole).toString() : QString();
}

bool SignInScreen::chosenHasPin() const
{
    if (m_mode == Mode::Unlock)
        return m_unlockHasPin;
    const QListWidgetItem *item = m_users->currentItem();
    return item && item->isSelected() && item->data(HasPinRole).toBool();
}

bool SignInScreen::chooseUser(const QString &name)
{
    for (int row = 0; row < m_users->count(); ++row) {
        if (m_users->item(row)->data(NameRole).toString().compare(name, Qt::CaseInsensitive) == 0) {
            m_users->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void SignInScreen::userChosen()
{
    const bool pin = chosenHasPin();
    m_secretLabel->setText(pin ? tr("&Passphrase or PIN:") : tr("&Passphrase:"));
    m_secret->setAccessibleName(pin ? tr("Passphrase or PIN") : tr("Passphrase"));
    m_secret->setPlaceholderText(chosenName().isEmpty() ? tr("Choose your name first") : QString());
    m_lockedUntil = {};
    m_countdown.stop();
    m_message->clearError();
    setBusy(false);
    if (!chosenName().isEmpty() && m_hub) {
        // Someone locked out a moment ago stays locked out when chosen again.
        if (auto user = m_hub->users().find(chosenName());
            user && user->lockedUntil.isValid() && user->lockedUntil > m_hub->clock().now())
            showLockOut(chosenName());
    }
    if (m_users->isVisible() && !chosenName().isEmpty())
        m_secret->setFocus();
}

bool SignInScreen::submit()
{
    if (!m_hub || m_lockedUntil.isValid())
        return false;
    const QString name = chosenName();
    if (name.isEmpty()) {
        m_message->showError(tr("Choose your name in the list first."));
        m_users->setFocus();
        return false;
    }
    const QString secret = m_secret->text();
    if (secret.isEmpty()) {
        m_message->showError(chosenHasPin() ? tr("Type your passphrase or PIN.") : tr("Type your passphrase."));
        m_secret->setFocus();
        return false;
    }
    // A PIN is 4 to 8 digits and a passphrase at least 10 characters, so the
    // one field can tell them apart.
    AccessControl &access = m_hub->access();
    auto result =
        chosenHasPin() && looksLikePin(secret) ? access.signInWithPin(name, secret) : access.signIn(name, secret);
    m_secret->clear();
    if (!result) {
        m_message->showError(result.error().message);
        showLockOut(name);
        m_secret->setFocus();
        return false;
    }
    m_message->clearError();
    Q_EMIT signedIn(*result);
    return true;
}

void SignInScreen::showLockOut(const QString &name)
{
    auto user = m_hub->users().find(name);
    if (!user || !user->lockedUntil.isValid() || user->lockedUntil <= m_hub->clock().now())
        return;
    m_lockedUntil = user->lockedUntil;
    setBusy(true);
    tick();
    m_countdown.start();
}

void SignInScreen::tick()
{
    if (!m_hub || !m_lockedUntil.isValid()) {
        m_countdown.stop();
        return;
    }
    const qint64 left = m_hub->clock().now().secsTo(m_lockedUntil);
    if (left <= 0) {
        m_countdown.stop();
        m_lockedUntil = {};
        m_message->clearError();
        setBusy(false);
        focusField();
        return;
    }
    m_message->showError(tr("Too many wrong tries. Try again in %1 s.").arg(left));
}

void SignInScreen::setBusy(bool locked)
{
    m_secret->setEnabled(!locked);
    m_submit->setEnabled(!locked);
}

QString SignInScreen::message() const
{
    return m_message->text();
}

QString SignInScreen::closedFormsNote() const
{
    return m_closedForms->text();
}

void SignInScreen::focusField()
{
    if (m_mode == Mode::SignIn && chosenName().isEmpty())
        m_users->setFocus();
    else
        m_secret->setFocus();
}

void SignInScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    focusField();
}

} // namespace hub
