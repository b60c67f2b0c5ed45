// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/welcomedialog.h"

#include "core/access/accesscontrol.h"
#include "core/access/userenrolment.h"
#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "ui/dialogs/demobuilder.h"
#include "ui/dialogs/serverconnectdialog.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/hintlabel.h"
#include "ui/widgets/timezonecombobox.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
QString welcomeFileFilter()
{
    return WelcomeDialog::tr("Hubkeeper hubs (*.sqlite *.hub);;All files (*)");
}

QLabel *formTitle(const QString &text)
{
    auto *title = new QLabel(text);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    title->setFont(font);
    return title;
}
} // namespace

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Hubkeeper"));
    setAccessibleName(tr("Welcome to Hubkeeper"));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/hubkeeper.svg")).pixmap(56, 56));
    auto *heading = new QLabel(tr("Welcome to Hubkeeper"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto *intro = new QLabel(tr("Hubkeeper keeps your hub's members and skills, space bookings, time credits and "
                                "gatherings together in one file on this computer. How would you like to start?"),
                             this);
    intro->setWordWrap(true);

    auto *headerText = new QVBoxLayout;
    headerText->addWidget(heading);
    headerText->addWidget(intro);
    auto *header = new QHBoxLayout;
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(headerText, 1);

    m_notice = new FieldErrorLabel(this);
    m_notice->setObjectName(QStringLiteral("welcomeNotice"));

    m_forms = new QStackedWidget(this);
    m_forms->addWidget(buildCreateForm());
    m_forms->addWidget(buildOpenForm());
    m_forms->addWidget(buildDemoForm());

    auto *body = new QHBoxLayout;
    body->setSpacing(24);
    body->addWidget(buildChoices());
    body->addWidget(m_forms, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_proceed = buttons->addButton(tr("Create Hub"), QDialogButtonBox::AcceptRole);
    m_proceed->setObjectName(QStringLiteral("welcomeProceed"));
    m_proceed->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("welcomeCancel"));
    // A hub on a server for several PCs: connected here, then handed to the window.
    QPushButton *server = buttons->addButton(tr("Connect to a Hub &Server…"), QDialogButtonBox::ResetRole);
    server->setObjectName(QStringLiteral("welcomeConnectServer"));
    connect(server, &QPushButton::clicked, this, [this] {
        ServerConnectDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_server = dialog.connection();
        m_hubPath = dialog.hubPath();
        accept();
    });
    // Accepting is our decision, made once the hub exists; the box only asks.
    connect(m_proceed, &QPushButton::clicked, this, &WelcomeDialog::proceed);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addWidget(m_notice);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    m_demo = new DemoBuilder(this);
    connect(m_demo, &DemoBuilder::finished, this, &WelcomeDialog::demoFinished);

    setSuggestedPath(Hub::defaultPath());
    setChoice(Choice::Create);
    resize(820, 600);
}

WelcomeDialog::~WelcomeDialog() = default;

QWidget *WelcomeDialog::buildChoices()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_choices = new QButtonGroup(this);

    const auto add = [&](Choice choice, const QString &objectName, const QString &text, const QString &explanation) {
        auto *button = new QRadioButton(text);
        button->setObjectName(objectName);
        QFont font = button->font();
        font.setBold(true);
        button->setFont(font);
        button->setAccessibleDescription(explanation);
        auto *hint = hintLabel(explanation);
        // Line the explanation up under the button text, not under the circle.
        hint->setIndent(button->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 6);
        m_choices->addButton(button, int(choice));
        layout->addWidget(button);
        layout->addWidget(hint);
        layout->addSpacing(10);
    };
    add(Choice::Create, QStringLiteral("welcomeChoiceCreate"), tr("Start a new hub"),
        tr("An empty hub for your community, ready for members, spaces and credits."));
    add(Choice::Open, QStringLiteral("welcomeChoiceOpen"), tr("Open an existing hub"),
        tr("A hub file made on this or another computer, or restored from a backup."));
    add(Choice::Demo, QStringLiteral("welcomeChoiceDemo"), tr("Explore a demo hub"),
        tr("A made-up hub full of sample data, to try things out without touching real records."));
    layout->addStretch(1);
    box->setMaximumWidth(300);

    connect(m_choices, &QButtonGroup::idClicked, this, &WelcomeDialog::choiceChanged);
    return box;
}

QWidget *WelcomeDialog::pathRow(QLineEdit *edit, QPushButton *browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

QWidget *WelcomeDialog::buildCreateForm()
{
    auto *form = new QWidget;
    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);

    const auto addRow = [&](int row, const QString &label, QWidget *field, QWidget *buddy, FieldErrorLabel *error) {
        auto *name = new QLabel(label);
        name->setBuddy(buddy);
        buddy->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        grid->addWidget(name, row, 0);
        grid->addWidget(field, row, 1);
        grid->addWidget(error, row + 1, 1);
    };

    grid->addWidget(formTitle(tr("Start a new hub")), 0, 0, 1, 2);
    grid->addWidget(hintLabel(tr("You can change all of this later in Settings.")), 1, 0, 1, 2);
    grid->setRowMinimumHeight(2, 8);

    m_createName = new QLineEdit;
    m_createName->setObjectName(QStringLiteral("createName"));
    m_createName->setPlaceholderText(tr("e.g. Riverside Community Hub"));
    m_createNameError = new FieldErrorLabel;
    m_createNameError->setObjectName(QStringLiteral("createNameError"));
    addRow(3, tr("Hub &name:"), m_createName, m_createName, m_createNameError);

    m_createTimeZone = new TimeZoneComboBox;
    m_createTimeZone->setObjectName(QStringLiteral("createTimeZone"));
    m_createTimeZone->setZone(HubSettings::defaults().timeZone);
    m_createTimeZoneError = new FieldErrorLabel;
    m_createTimeZoneError->setObjectName(QStringLiteral("createTimeZoneError"));
    addRow(5, tr("&Time zone:"), m_createTimeZone, m_createTimeZone, m_createTimeZoneError);

    m_createUnit = new QLineEdit(HubSettings::defaults().unitName);
    m_createUnit->setObjectName(QStringLiteral("createUnit"));
    m_createUnit->setToolTip(tr("What the hub's mutual credit is counted in, e.g. Hours or Credits"));
    m_createUnitError = new FieldErrorLabel;
    m_createUnitError->setObjectName(QStringLiteral("createUnitError"));
    addRow(7, tr("Credit &unit:"), m_createUnit, m_createUnit, m_createUnitError);

    m_createPath = new QLineEdit;
    m_createPath->setObjectName(QStringLiteral("createPath"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("createBrowse"));
    browse->setAccessibleName(tr("Browse for the new hub file"));
    connect(browse, &QPushButton::clicked, this, [this] { browseNewFile(m_createPath, tr("Save the New Hub As")); });
    m_createPathError = new FieldErrorLabel;
    m_createPathError->setObjectName(QStringLiteral("createPathError"));
    addRow(9, tr("&File:"), pathRow(m_createPath, browse), m_createPath, m_createPathError);

    // The first admin, so the hub asks everyone to sign in from the start.
    // Optional: a hub without users lets everyone act as admin, which demos
    // and scripts rely on, and users can be added later under Settings.
    grid->setRowMinimumHeight(11, 10);
    auto *adminTitle = new QLabel(tr("Sign-in at the desk"));
    QFont adminFont = adminTitle->font();
    adminFont.setBold(true);
    adminTitle->setFont(adminFont);
    grid->addWidget(adminTitle, 12, 0, 1, 2);
    grid->addWidget(hintLabel(tr("You become the hub's first admin, and from then on everyone "
                                 "signs in. Leave these empty to skip for now: until the first "
                                 "user is added, anyone at this desk acts as admin.")),
                    13, 0, 1, 2);
    m_adminName = new QLineEdit;
    m_adminName->setObjectName(QStringLiteral("createAdminName"));
    m_adminName->setPlaceholderText(tr("Optional, e.g. Ana Ferreira"));
    m_adminName->setMaxLength(UserService::MaxNameLength);
    m_adminNameError = FieldErrorLabel::named("createAdminNameError");
    addRow(14, tr("Your na&me:"), m_adminName, m_adminName, m_adminNameError);
    m_adminPassphrase = new QLineEdit;
    m_adminPassphrase->setObjectName(QStringLiteral("createAdminPassphrase"));
    m_adminPassphrase->setEchoMode(QLineEdit::Password);
    m_adminPassphrase->setPlaceholderText(tr("At least %1 characters").arg(UserService::MinPassphraseLength));
    m_adminPassphraseError = FieldErrorLabel::named("createAdminPassphraseError");
    addRow(16, tr("&Passphrase:"), m_adminPassphrase, m_adminPassphrase, m_adminPassphraseError);
    m_adminRepeat = new QLineEdit;
    m_adminRepeat->setObjectName(QStringLiteral("createAdminRepeat"));
    m_adminRepeat->setEchoMode(QLineEdit::Password);
    m_adminRepeatError = FieldErrorLabel::named("createAdminRepeatError");
    addRow(18, tr("&Repeat:"), m_adminRepeat, m_adminRepeat, m_adminRepeatError);

    grid->setRowStretch(20, 1);
    return form;
}

QWidget *WelcomeDialog::buildOpenForm()
{
    auto *form = new QWidget;
    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);

    grid->addWidget(formTitle(tr("Open an existing hub")), 0, 0, 1, 2);
    grid->addWidget(hintLabel(tr("Choose a hub file. A backup can be opened too, but to put a "
                                 "backup back in place of your hub use File → Restore…")),
                    1, 0, 1, 2);
    grid->setRowMinimumHeight(2, 8);

    m_openPath = new QLineEdit;
    m_openPath->setObjectName(QStringLiteral("openPath"));
    m_openPath->setAccessibleName(tr("Hub file to open"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("openBrowse"));
    browse->setAccessibleName(tr("Browse for a hub file"));
    connect(browse, &QPushButton::clicked, this, &WelcomeDialog::browseExistingFile);
    auto *label = new QLabel(tr("&File:"));
    label->setBuddy(m_openPath);
    m_openPathError = new FieldErrorLabel;
    m_openPathError->setObjectName(QStringLiteral("openPathError"));
    grid->addWidget(label, 3, 0);
    grid->addWidget(pathRow(m_openPath, browse), 3, 1);
    grid->addWidget(m_openPathError, 4, 1);
    grid->setRowStretch(5, 1);
    return form;
}

QWidget *WelcomeDialog::buildDemoForm()
{
    auto *form = new QWidget;
    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);

    grid->addWidget(formTitle(tr("Explore a demo hub")), 0, 0, 1, 2);
    grid->addWidget(hintLabel(tr("The demo is a separate file with invented people and places. "
                                 "Your own hub, if you have one, is not touched.")),
                    1, 0, 1, 2);
    grid->setRowMinimumHeight(2, 8);

    m_demoPath = new QLineEdit;
    m_demoPath->setObjectName(QStringLiteral("demoPath"));
    m_demoPath->setAccessibleName(tr("Demo hub file"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("demoBrowse"));
    browse->setAccessibleName(tr("Browse for the demo hub file"));
    connect(browse, &QPushButton::clicked, this, [this] { browseNewFile(m_demoPath, tr("Save the Demo Hub As")); });
    auto *pathLabel = new QLabel(tr("&File:"));
    pathLabel->setBuddy(m_demoPath);
    m_demoPathError = new FieldErrorLabel;
    m_demoPathError->setObjectName(QStringLiteral("demoPathError"));
    grid->addWidget(pathLabel, 3, 0);
    grid->addWidget(pathRow(m_demoPath, browse), 3, 1);
    grid->addWidget(m_demoPathError, 4, 1);

    m_demoScale = new QComboBox;
    m_demoScale->setObjectName(QStringLiteral("demoScale"));
    m_demoScale->setAccessibleName(tr("Demo size"));
    m_demoScale->addItem(tr("Small — a quick look, made in a moment"), int(DemoScale::Small));
    m_demoScale->addItem(tr("Town — a busy neighbourhood hub"), int(DemoScale::Town));
    m_demoScale->addItem(tr("City — a large hub, to see how it copes"), int(DemoScale::City));
    auto *scaleLabel = new QLabel(tr("&Size:"));
    scaleLabel->setBuddy(m_demoScale);
    grid->addWidget(scaleLabel, 5, 0);
    grid->addWidget(m_demoScale, 5, 1);

    m_demoStatus = new QLabel;
    m_demoStatus->setObjectName(QStringLiteral("demoStatus"));
    m_demoStatus->setWordWrap(true);
    grid->addWidget(m_demoStatus, 6, 1);
    grid->setRowStretch(7, 1);
    return form;
}

void WelcomeDialog::setChoice(Choice choice)
{
    m_choices->button(int(choice))->setChecked(true);
    choiceChanged();
}

WelcomeDialog::Choice WelcomeDialog::choice() const
{
    return Choice(m_choices->checkedId());
}

void WelcomeDialog::setSuggestedPath(const QString &path)
{
    const QString free = freePath(path);
    m_createPath->setText(QDir::toNativeSeparators(free));
    const QFileInfo info(free);
    m_demoPath->setText(QDir::toNativeSeparators(freePath(info.dir().filePath(QStringLiteral("demo-hub.sqlite")))));
}

void WelcomeDialog::setNotice(const QString &notice)
{
    m_notice->showError(notice);
}

QString WelcomeDialog::freePath(const QString &path)
{
    if (!QFileInfo::exists(path))
        return path;
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QString() : u'.' + info.suffix();
    for (int n = 2;; ++n) {
        const QString candidate = info.dir().filePath(info.completeBaseName() + u'-' + QString::number(n) + suffix);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

void WelcomeDialog::choiceChanged()
{
    const Choice current = choice();
    m_forms->setCurrentIndex(int(current));
    switch (current) {
    case Choice::Create:
        m_proceed->setText(tr("Create Hub"));
        break;
    case Choice::Open:
        m_proceed->setText(tr("Open Hub"));
        break;
    case Choice::Demo:
        m_proceed->setText(tr("Create Demo Hub"));
        break;
    }
    m_proceed->setAccessibleName(m_proceed->text());
}

void WelcomeDialog::proceed()
{
    clearErrors();
    switch (choice()) {
    case Choice::Create:
        if (createHub())
            accept();
        break;
    case Choice::Open:
        if (openExisting())
            accept();
        break;
    case Choice::Demo:
        startDemo();
        break;
    }
}

bool WelcomeDialog::createHub()
{
    // The same rules as the Settings page and hubctl, checked before any file exists.
    HubSettings settings = HubSettings::defaults();
    bool ok = true;
    const auto check = [&](const QString &key, const QString &value, FieldErrorLabel *error) {
        if (auto applied = SettingsService::apply(settings, key, value); !applied) {
            error->showError(applied.error().message);
            ok = false;
        }
    };
    check(SettingsService::keyName(), m_createName->text(), m_createNameError);
    check(SettingsService::keyTimeZone(), m_createTimeZone->zone(), m_createTimeZoneError);
    check(SettingsService::keyUnit(), m_createUnit->text(), m_createUnitError);
    // The default symbol belongs to the default unit ("h" for Hours).
    if (settings.unitName != HubSettings::defaults().unitName)
        settings.unitSymbol.clear();

    if (!checkFirstAdmin())
        ok = false;

    const QString path = QDir::fromNativeSeparators(m_createPath->text().trimmed());
    if (path.isEmpty()) {
        m_createPathError->showError(tr("Choose where to save the hub file."));
        ok = false;
    } else if (QFileInfo::exists(path)) {
        m_createPathError->showError(tr("A file already exists there. Choose another name, or open it instead."));
        ok = false;
    }
    if (!ok)
        return false;

    auto opened = Hub::open(path, OpenMode::CreateIfMissing);
    if (!opened) {
        showStorageError(tr("The Hub Could Not Be Created"), opened.error().message);
        return false;
    }
    if (auto saved = (*opened)->settings().save(settings); !saved) {
        showStorageError(tr("The Hub Could Not Be Created"), saved.error().text());
        return false;
    }
    m_hubPath = (*opened)->path();

    const QString admin = m_adminName->text().trimmed();
    if (!admin.isEmpty()) {
        // The member and their user are one change on the new hub: both or neither.
        Hub &hub = **opened;
        UserDraft first;
        first.name = admin;
        first.newMember = MemberDraft();
        first.newMember->displayName = admin;
        first.roles = {Role::Admin};
        first.passphrase = m_adminPassphrase->text();
        const Result<User> user = UserEnrolment::add(hub, first);
        if (!user) {
            // The hub exists; the admin can still be added under Settings → Users.
            showStorageError(
                tr("The First Admin Was Not Added"),
                tr("The hub was created, but %1 could not be added as its admin: %2").arg(admin, user.error().text()));
            return true;
        }
        m_firstAdmin = user->name;
    }
    return true;
}

bool WelcomeDialog::checkFirstAdmin()
{
    const QString name = m_adminName->text().trimmed();
    const QString passphrase = m_adminPassphrase->text();
    if (name.isEmpty() && passphrase.isEmpty() && m_adminRepeat->text().isEmpty())
        return true;
    bool ok = true;
    if (name.isEmpty()) {
        m_adminNameError->showError(tr("Type your name, or empty the passphrase fields to skip."));
        ok = false;
    } else if (auto checked = UserService::checkName(name); !checked) {
        m_adminNameError->showError(checked.error().message);
        ok = false;
    }
    if (auto checked = UserService::checkPassphrase(passphrase); !checked) {
        m_adminPassphraseError->showError(checked.error().message);
        ok = false;
    } else if (m_adminRepeat->text() != passphrase) {
        m_adminRepeatError->showError(tr("The two passphrases differ. Type it again in both fields."));
        ok = false;
    }
    return ok;
}

bool WelcomeDialog::openExisting()
{
    const QString path = QDir::fromNativeSeparators(m_openPath->text().trimmed());
    if (path.isEmpty()) {
        m_openPathError->showError(tr("Choose a hub file to open."));
        return false;
    }
    if (!QFileInfo(path).isFile()) {
        m_openPathError->showError(tr("There is no file at this path."));
        return false;
    }
    // Try it here so a refused file keeps the dialog open for another choice.
    auto opened = Hub::open(path, OpenMode::ExistingOnly);
    if (!opened) {
        showStorageError(tr("The Hub Could Not Be Opened"), opened.error().message);
        return false;
    }
    m_hubPath = (*opened)->path();
    return true;
}

void WelcomeDialog::startDemo()
{
    const QString path = QDir::fromNativeSeparators(m_demoPath->text().trimmed());
    if (path.isEmpty()) {
        m_demoPathError->showError(tr("Choose where to save the demo hub."));
        return;
    }
    if (QFileInfo::exists(path)) {
        m_demoPathError->showError(tr("A file already exists there. The demo needs a new file; choose another name."));
        return;
    }
    m_demoTarget = QFileInfo(path).absoluteFilePath();
    m_demoStatus->clear();
    m_proceed->setEnabled(false);

    m_demoProgress = new QProgressDialog(tr("Making the demo hub…"), tr("Cancel"), 0, 0, this);
    m_demoProgress->setObjectName(QStringLiteral("demoProgress"));
    m_demoProgress->setWindowTitle(tr("Demo Hub"));
    m_demoProgress->setWindowModality(Qt::WindowModal);
    m_demoProgress->setAutoClose(false);
    m_demoProgress->setAutoReset(false);
    // A small demo is done before a dialog could be read; show it only if it takes a while.
    m_demoProgress->setMinimumDuration(400);
    connect(m_demoProgress, &QProgressDialog::canceled, m_demo, &DemoBuilder::cancel);
    connect(m_demo, &DemoBuilder::progressed, m_demoProgress, [this](const QString &part, qint64 done, qint64 total) {
        m_demoProgress->setLabelText(tr("Making the demo hub: %1…").arg(part));
        // QProgressDialog counts in int; a percentage cannot overflow.
        m_demoProgress->setMaximum(100);
        m_demoProgress->setValue(total > 0 ? int(done * 100 / total) : 0);
    });

    DemoOptions options;
    options.scale = DemoScale(m_demoScale->currentData().toInt());
    m_demo->start(m_demoTarget, options);
}

void WelcomeDialog::demoFinished(bool ok, bool cancelled, const QString &message)
{
    if (m_demoProgress) {
        m_demoProgress->deleteLater();
        m_demoProgress = nullptr;
    }
    m_proceed->setEnabled(true);
    if (ok) {
        m_hubPath = m_demoTarget;
        accept();
        return;
    }
    if (cancelled) {
        m_demoStatus->setText(tr("Cancelled. Nothing was written."));
        return;
    }
    showStorageError(tr("The Demo Hub Could Not Be Made"), message);
}

void WelcomeDialog::browseNewFile(QLineEdit *edit, const QString &caption)
{
    // We refuse existing files ourselves, with a clearer message than "replace?".
    const QString chosen =
        QFileDialog::getSaveFileName(this, caption, QDir::fromNativeSeparators(edit->text()), welcomeFileFilter(),
                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        edit->setText(QDir::toNativeSeparators(chosen));
}

void WelcomeDialog::browseExistingFile()
{
    const QString start = m_openPath->text().isEmpty() ? QFileInfo(Hub::defaultPath()).absolutePath()
                                                       : QDir::fromNativeSeparators(m_openPath->text());
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Open a Hub"), start, welcomeFileFilter());
    if (!chosen.isEmpty())
        m_openPath->setText(QDir::toNativeSeparators(chosen));
}

void WelcomeDialog::clearErrors()
{
    for (FieldErrorLabel *label :
         {m_createNameError, m_createTimeZoneError, m_createUnitError, m_createPathError, m_openPathError,
          m_demoPathError, m_adminNameError, m_adminPassphraseError, m_adminRepeatError})
        label->clearError();
}

void WelcomeDialog::showStorageError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

} // namespace hub
