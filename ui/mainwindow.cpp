// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/backupservice.h"
#include "core/storage/changetracker.h"
#include "core/storage/hubseal.h"
#include "core/storage/hubwatcher.h"
#include "ui/access/dialogcloser.h"
#include "ui/access/idlewatcher.h"
#include "ui/access/permissiongate.h"
#include "ui/access/signinscreen.h"
#include "ui/dialogs/serverconnectdialog.h"
#include "ui/dialogs/spacedialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindowactions.h"
#include "ui/pageicon.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/calendarpage.h"
#include "ui/pages/emptystatepage.h"
#include "ui/pages/gatheringspage.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/memberspage.h"
#include "ui/pages/reportspage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/todaypage.h"
#include "ui/pages/userspage.h"
#include "ui/recentfiles.h"
#include "ui/widgets/inputguard.h"
#include "ui/widgets/viewpositions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace hub {

namespace {
const QString KeyGeometry = QStringLiteral("mainWindow/geometry");
const QString KeyState = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_settings(QStringLiteral("Hubkeeper"), QStringLiteral("hubkeeper"))
{
    setObjectName(QStringLiteral("mainWindow"));
    InputGuard::install();
    setWindowIcon(QIcon(QStringLiteral(":/icons/hubkeeper.svg")));
    buildPages();
    m_actions = new MainWindowActions(this, m_settings, m_sidebar);
    connect(m_actions, &MainWindowActions::spacesRequested, this, &MainWindow::editSpaces);
    connect(m_actions, &MainWindowActions::refreshRequested, this, &MainWindow::refreshShownPage);
    statusBar()->setSizeGripEnabled(true);

    // Who is at the desk, always in sight, with the quick way to hand over.
    m_userLabel = new QLabel;
    m_userLabel->setObjectName(QStringLiteral("currentUserLabel"));
    m_userLabel->setAccessibleName(tr("Signed-in user"));
    auto *switchButton = new QToolButton;
    switchButton->setObjectName(QStringLiteral("statusSwitchUser"));
    switchButton->setDefaultAction(m_actions->switchUserAction());
    switchButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(switchButton);
    // A hub server that stopped answering: said while it lasts, not in a box
    // that would stop the desk's work.
    m_serverAwayLabel = new QLabel(tr("The hub server is not answering: what you save now may fail."));
    m_serverAwayLabel->setObjectName(QStringLiteral("serverAwayLabel"));
    m_serverAwayLabel->setToolTip(tr("Hubkeeper keeps asking the server and says so here when it answers again. "
                                     "Nothing is saved half-way: a save that fails can be repeated."));
    m_serverAwayLabel->setForegroundRole(QPalette::BrightText);
    m_serverAwayLabel->setAutoFillBackground(true);
    m_serverAwayLabel->setBackgroundRole(QPalette::Highlight);
    m_serverAwayLabel->hide();
    statusBar()->insertPermanentWidget(0, m_serverAwayLabel);

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, [this] { lock(); });

    // Fits a 1280×720 screen with room for a panel, and a smaller screen
    // (a 1024×768 front-desk PC) whole; a stored geometry wins.
    QSize first(1200, 660);
    if (const QScreen *shown = screen())
        first = first.boundedTo(shown->availableGeometry().size());
    resize(first);
    if (!restoreGeometry(m_settings.value(KeyGeometry).toByteArray()))
        resize(first);
    restoreState(m_settings.value(KeyState).toByteArray());

    updateTitle();
    m_actions->update(isSignInShown());
}

MainWindow::~MainWindow()
{
    // Pages hold a raw Hub pointer; they let go before the Hub does.
    setHub(nullptr);
}

void MainWindow::buildPages()
{
    buildSidebar();
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("pages"));
    buildMainPages();
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        // Unsaved edits on the page being left are saved, kept or dropped as the person says.
        auto *leaving = qobject_cast<HubPage *>(m_stack->currentWidget());
        if (leaving && leaving->hasUnsavedEdits() && !leaving->settleUnsaved()) {
            const QSignalBlocker block(m_sidebar);
            const int back = m_stack->currentIndex();
            m_sidebar->setCurrentRow(back);
            return;
        }
        m_stack->setCurrentIndex(row);
    });
    m_sidebar->setCurrentRow(0);

    // Settings saved here or at another desk arrive as a change (applyChanges).
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(0);
    connect(&m_changeTimer, &QTimer::timeout, this, &MainWindow::applyChanges);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        if (auto *shown = qobject_cast<HubPage *>(m_stack->currentWidget()); shown && !isSignInShown())
            bringUpToDate(shown);
    });

    buildAdminPages();
    buildScreens();
}

void MainWindow::buildSidebar()
{
    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont sidebarFont = m_sidebar->font();
    sidebarFont.setPointSizeF(sidebarFont.pointSizeF() * 1.1);
    m_sidebar->setFont(sidebarFont);
    // The sidebar reads as part of the window frame, not as a white list box.
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    m_sidebar->setFixedWidth(190);
}

void MainWindow::buildMainPages()
{
    const QPalette pal = palette();
    const auto icon = [&pal](const char *name) {
        return pageIcon(QString::fromLatin1(name), pal);
    };
    m_today = new TodayPage;
    m_settingsPage = new SettingsPage;
    // Pages read again after changes through the hub's change events
    // (noteChange), not through signals wired from page to page.
    auto *ledger = new LedgerPage;
    auto *calendar = new CalendarPage;
    connect(calendar, &CalendarPage::spacesRequested, this, &MainWindow::editSpaces);
    auto *gatherings = new GatheringsPage;
    // "Start check-in" on Today opens the gathering's facilitator mode.
    connect(m_today, &TodayPage::startCheckIn, this, [this, gatherings](GatheringId id) {
        showPage(Page::Gatherings);
        gatherings->startFacilitating(id);
    });
    m_pages = {
        m_today, new MembersPage, calendar, ledger, gatherings, new ReportsPage, m_settingsPage,
    };

    const QString names[PageCount] = {tr("Today"),      tr("Members"), tr("Calendar"), tr("Ledger"),
                                      tr("Gatherings"), tr("Reports"), tr("Settings")};
    const QIcon icons[PageCount] = {
        icon("today"),      icon("members"), icon("calendar"), icon("ledger"),
        icon("gatherings"), icon("reports"), icon("settings"),
    };
    static const char *const objectNames[PageCount] = {"todayPage",      "membersPage", "calendarPage", "ledgerPage",
                                                       "gatheringsPage", "reportsPage", "settingsPage"};
    for (int i = 0; i < PageCount; ++i) {
        m_pages[i]->setObjectName(QString::fromLatin1(objectNames[i]));
        m_stack->addWidget(m_pages[i]);
        connect(m_pages[i], &HubPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 6000); });
        auto *item = new QListWidgetItem(icons[i], names[i], m_sidebar);
        item->setSizeHint(QSize(0, 40));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(names[i]).arg(i + 1));
    }
}

void MainWindow::buildAdminPages()
{
    // Users and the audit log live under Settings: the sidebar keeps Settings lit.
    m_usersPage = new UsersPage;
    m_usersPage->setObjectName(QStringLiteral("usersPage"));
    m_auditPage = new AuditPage;
    m_auditPage->setObjectName(QStringLiteral("auditPage"));
    m_stack->addWidget(m_usersPage);
    m_stack->addWidget(m_auditPage);
    connect(m_usersPage, &HubPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_auditPage, &HubPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    // Below the others, and only for those who may (see refreshAccess).
    const QPalette pal = palette();
    for (const auto &[name, iconName] : {std::pair{tr("Users"), "users"}, std::pair{tr("Audit log"), "audit"}}) {
        auto *item = new QListWidgetItem(pageIcon(QString::fromLatin1(iconName), pal), name, m_sidebar);
        item->setSizeHint(QSize(0, 40));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(name).arg(m_sidebar->count()));
    }
    connect(m_settingsPage, &SettingsPage::usersRequested, this, [this] { showPage(Page::Users); });
    connect(m_settingsPage, &SettingsPage::auditRequested, this, [this] { showPage(Page::Audit); });
    connect(m_usersPage, &UsersPage::backRequested, this, [this] { showPage(Page::Settings); });
    connect(m_auditPage, &AuditPage::backRequested, this, [this] { showPage(Page::Settings); });
    connect(m_usersPage, &UsersPage::firstUserAdded, this, [this](const QString &name) {
        // Whoever made the first user is at the desk as that admin already.
        if (m_hub)
            m_hub->access().signInAs(name);
    });
    connect(m_usersPage, &UsersPage::usersChanged, this, [this] {
        if (!m_hub)
            return;
        m_hub->access().refresh();
        updateSession();
    });
}

void MainWindow::buildScreens()
{
    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);

    m_content = central;
    m_signIn = new SignInScreen;
    connect(m_signIn, &SignInScreen::signedIn, this, &MainWindow::signedIn);
    m_screens = new QStackedWidget;
    m_screens->setObjectName(QStringLiteral("screens"));
    m_screens->addWidget(m_content);
    m_screens->addWidget(m_signIn);
    setCentralWidget(m_screens);
}

void MainWindow::refreshShownPage()
{
    auto *page = qobject_cast<HubPage *>(m_stack->currentWidget());
    if (!page || !m_hub || m_locked)
        return;
    // A form with unsaved edits is not read again over them.
    if (!page->refreshShown() && !page->hasUnsavedEdits())
        page->setHub(m_hub.get());
    statusBar()->showMessage(tr("Refreshed."), 2000);
}

bool MainWindow::start(const QString &requested)
{
    QString path = requested;
    if (path.isEmpty()) {
        const QString last = RecentFiles(m_settings).lastFile();
        if (!last.isEmpty() && (HubAddress::looksLikeServer(last) || QFileInfo::exists(last)))
            path = last;
        else if (QFileInfo::exists(Hub::defaultPath()))
            path = Hub::defaultPath();
    }
    QString notice;
    if (!path.isEmpty() && (HubAddress::looksLikeServer(path) || QFileInfo::exists(path))) {
        if (openHub(path))
            return true;
        notice = tr("%1 could not be opened. Choose another way to start.").arg(QDir::toNativeSeparators(path));
    }
    return showWelcome(requested, notice);
}

bool MainWindow::showWelcome(const QString &suggestedPath, const QString &notice)
{
    QString message = notice;
    for (;;) {
        WelcomeDialog dialog(this);
        if (!suggestedPath.isEmpty())
            dialog.setSuggestedPath(suggestedPath);
        dialog.setNotice(message);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        if (openHub(dialog.hubPath())) {
            // The admin who just made the hub is at the desk already.
            if (!dialog.firstAdmin().isEmpty() && m_hub->access().signInAs(dialog.firstAdmin())) {
                m_shownUser = dialog.firstAdmin();
                updateSession();
            }
            return true;
        }
        message =
            tr("%1 could not be opened. Choose another way to start.").arg(QDir::toNativeSeparators(dialog.hubPath()));
    }
}

bool MainWindow::openHub(const QString &path)
{
    if (!settleUnsavedSettings())
        return false;
    auto opened = Hub::open(path, OpenMode::ExistingOnly);
    // A server that wants a password neither ~/.pgpass nor PGPASSWORD gave.
    if (!opened && opened.error().where == QStringLiteral("password")) {
        ServerConnectDialog dialog(this);
        if (auto address = HubAddress::parse(path))
            dialog.setAddress(*address);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        // The dialog holds it open, password and all: found here without asking again.
        opened = Hub::open(dialog.hubPath(), OpenMode::ExistingOnly);
    }
    if (!opened) {
        showStorageError(tr("The Hub Could Not Be Opened"), opened.error().message);
        return false;
    }
    setHub(std::move(*opened));
    RecentFiles(m_settings).add(m_hub->path());
    const QStringList warnings = m_hub->database().warnings();
    for (const QString &warning : warnings)
        QMessageBox::warning(this, tr("Please Take Care With This Hub"), warning);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_hub->path())), 5000);
    return true;
}

bool MainWindow::connectToServer()
{
    ServerConnectDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return openHub(dialog.hubPath());
}

void MainWindow::setHub(std::unique_ptr<Hub> hub)
{
    // Pages drop their pointer to the old hub before it closes.
    for (HubPage *page : m_pages)
        page->setHub(nullptr);
    m_usersPage->setHub(nullptr);
    m_auditPage->setHub(nullptr);
    m_watcher.reset();
    m_serverAwayLabel->hide();
    m_changeTimer.stop();
    m_pendingChange = {};
    m_stale.clear();
    m_waitingForHub.clear();
    m_hub = std::move(hub);
    if (m_hub) {
        m_watcher = std::make_unique<HubWatcher>(m_hub->sharedDatabase());
        connect(m_watcher.get(), &HubWatcher::restored, this, [this] { reloadAfterRestore(); });
        connect(m_watcher.get(), &HubWatcher::serverAwayChanged, this, [this](bool away) {
            m_serverAwayLabel->setVisible(away);
            if (!away)
                statusBar()->showMessage(tr("The hub server answers again."), 6000);
        });
        connect(&m_hub->changes(), &ChangeTracker::changed, this, &MainWindow::noteChange);
        connect(m_watcher.get(), &HubWatcher::changedElsewhere, this, [this] {
            ChangeEvent change;
            change.areas = ChangeEvent::everything();
            change.elsewhere = true;
            noteChange(change);
        });
        // An erasure that another desk's read held up is finished as soon as
        // that read ends, without waiting for anyone.
        connect(m_watcher.get(), &HubWatcher::looked, this, [this] {
            if (m_hub)
                (void)m_hub->members().completePendingScrub(MemberService::ScrubWait::None);
        });
    }
    m_locked = false;
    m_shownUser.clear();
    if (m_hub && m_hub->access().currentUser())
        m_shownUser = m_hub->access().currentUser()->name;
    refreshPages();
    m_signIn->setHub(m_hub.get());
    updateTitle();
    updateSession();
}

void MainWindow::noteChange(const ChangeEvent &change)
{
    // Signalled from inside a commit: only note it; the pages read once the
    // work that made it has returned to the event loop.
    m_pendingChange.merge(change);
    if (!m_changeTimer.isActive())
        m_changeTimer.start(0);
}

void MainWindow::applyChanges()
{
    if (!m_hub)
        return;
    // A dialog or menu is open over the pages: its work is not finished, and
    // the pages are read once it closes.
    if (QApplication::activeModalWidget() || QApplication::activePopupWidget()) {
        m_changeTimer.start(250);
        return;
    }
    const ChangeEvent change = std::exchange(m_pendingChange, ChangeEvent());
    if (change.touches(ChangeArea::Settings)) {
        updateTitle();
        updateIdleWatch();
    }
    auto *shown = qobject_cast<HubPage *>(m_stack->currentWidget());
    for (HubPage *page : allPages()) {
        if (!change.touches(page->shownAreas()) || m_waitingForHub.contains(page))
            continue;
        // A hidden page (or any behind the sign-in screen) reads when it is shown.
        if (page == shown && !m_locked && !isSignInShown())
            refreshAfterChange(page, change);
        else
            m_stale[page].merge(change);
    }
}

void MainWindow::refreshAfterChange(HubPage *page, const ChangeEvent &change)
{
    const ViewPositions positions(page);
    page->refreshAfterChange(change);
    positions.restore();
}

void MainWindow::refreshPages()
{
    if (!m_hub)
        return;
    // Every page reads everything now, but a heavy one out of sight only
    // when it is first shown.
    m_stale.clear();
    auto *shown = qobject_cast<HubPage *>(m_stack->currentWidget());
    for (HubPage *page : allPages()) {
        if (page == shown || !page->readsWhenShown()) {
            m_waitingForHub.remove(page);
            page->setHub(m_hub.get());
        } else {
            m_waitingForHub.insert(page);
        }
    }
}

void MainWindow::bringUpToDate(HubPage *page)
{
    if (m_waitingForHub.remove(page)) {
        if (m_hub) {
            page->setHub(m_hub.get());
            // Who is at the desk may have changed while the page had no hub.
            page->accessChanged();
        }
        m_stale.remove(page);
    } else if (m_stale.contains(page)) {
        refreshAfterChange(page, m_stale.take(page));
    }
}

QList<HubPage *> MainWindow::allPages() const
{
    QList<HubPage *> pages(m_pages.begin(), m_pages.end());
    pages << m_usersPage << m_auditPage;
    return pages;
}

void MainWindow::updateTitle()
{
    QString name;
    if (m_hub) {
        if (auto settings = m_hub->settings().load())
            name = settings->name;
        else
            name = QFileInfo(m_hub->path()).fileName();
    }
    setWindowTitle(name.isEmpty() ? tr("Hubkeeper") : tr("%1 — Hubkeeper").arg(name));
}

bool MainWindow::isSignInShown() const
{
    return m_screens && m_screens->currentWidget() == m_signIn;
}

void MainWindow::showSignInScreen(bool shown)
{
    m_screens->setCurrentWidget(shown ? static_cast<QWidget *>(m_signIn) : m_content);
    m_sidebar->setEnabled(!shown);
    if (!shown && m_stack->currentWidget())
        m_stack->currentWidget()->setFocus();
    // What changed while the screen covered the page shows now.
    if (auto *page = qobject_cast<HubPage *>(m_stack->currentWidget()); !shown && page)
        bringUpToDate(page);
}

void MainWindow::updateSession()
{
    const bool needsSignIn = m_hub && m_hub->users().hasUsers() && !m_hub->access().isSignedIn();
    if (needsSignIn) {
        m_locked = false;
        if (!isSignInShown() || m_signIn->mode() != SignInScreen::Mode::SignIn)
            m_signIn->showSignIn();
        showSignInScreen(true);
    } else if (!m_locked) {
        showSignInScreen(false);
    }
    refreshAccess();
}

void MainWindow::signedIn(const CurrentUser &user)
{
    const bool samePerson = m_locked && user.name == m_shownUser;
    m_locked = false;
    showSignInScreen(false);
    if (!samePerson) {
        m_shownUser = user.name;
        statusBar()->showMessage(tr("Signed in as %1.").arg(user.name), 5000);
    }
    // Someone else may do other things: every page shows what they may.
    refreshAccess();
}

void MainWindow::refreshAccess()
{
    m_actions->update(isSignInShown());
    for (HubPage *page : allPages())
        page->accessChanged();
    const bool users = m_hub && PermissionGate::allows(m_hub.get(), Permission::ManageUsers);
    const bool audit = m_hub && PermissionGate::allows(m_hub.get(), Permission::ViewAudit);
    m_sidebar->item(int(Page::Users))->setHidden(!users);
    m_sidebar->item(int(Page::Audit))->setHidden(!audit);
    m_actions->setAdminPagesVisible(users, audit);
    const Page current = currentPage();
    if ((current == Page::Users && !users) || (current == Page::Audit && !audit))
        showPage(Page::Settings);
    m_userLabel->setText(currentUserText());
    m_userLabel->setToolTip(m_hub && m_hub->access().isImplicitAdmin()
                                ? tr("Until the hub has users, nobody signs in and every change "
                                     "is recorded under this computer's user name.")
                                : QString());
    updateIdleWatch();
}

QString MainWindow::currentUserText() const
{
    if (!m_hub)
        return {};
    const AccessControl &access = m_hub->access();
    if (access.isImplicitAdmin())
        return tr("No sign-in yet: everyone here is admin");
    const auto user = access.currentUser();
    if (!user)
        return tr("Nobody signed in");
    QStringList roles;
    for (Role role : user->roles)
        roles << roleTitle(role);
    return tr("%1 · %2").arg(user->name, roles.join(QStringLiteral(", ")));
}

void MainWindow::updateIdleWatch()
{
    if (!m_idle)
        return;
    std::chrono::milliseconds wait{0};
    if (m_idleOverride)
        wait = *m_idleOverride;
    else if (m_hub)
        wait = std::chrono::minutes(m_hub->access().idleLockMinutes());
    if (wait != m_idle->timeout())
        m_idle->setTimeout(wait);
    const bool armed = m_hub && m_hub->users().hasUsers() && m_hub->access().isSignedIn() && !isSignInShown();
    if (armed != m_idle->isArmed())
        m_idle->setArmed(armed);
}

void MainWindow::setIdleLockInterval(std::optional<std::chrono::milliseconds> interval)
{
    m_idleOverride = interval;
    updateIdleWatch();
}

bool MainWindow::lock()
{
    if (!m_hub || !m_hub->users().hasUsers() || m_locked)
        return false;
    const auto user = m_hub->access().currentUser();
    if (!user)
        return false;
    // A form left open must not keep the desk in reach: typing in it counts
    // as activity (IdleWatcher watches every window), so one idle this long
    // was abandoned, and is closed unsaved.
    const bool active = QApplication::activeWindow() != nullptr;
    const QStringList closed = closeDialogsOver(this);
    m_locked = true;
    m_signIn->showUnlock(*user, closed);
    showSignInScreen(true);
    // A closed dialog may have had the keyboard: the lock screen's field takes it.
    if (active)
        activateWindow();
    m_actions->update(isSignInShown());
    updateIdleWatch();
    return true;
}

void MainWindow::switchUser()
{
    if (!m_hub || !m_hub->users().hasUsers())
        return;
    m_hub->access().signOut();
    m_locked = false;
    m_signIn->showSignIn();
    showSignInScreen(true);
    refreshAccess();
}

void MainWindow::editSpaces()
{
    if (!m_hub)
        return;
    // Pages that show spaces follow the change events of what it saved.
    SpaceDialog dialog(*m_hub, this);
    dialog.exec();
}

void MainWindow::showPage(Page page)
{
    if (int(page) < AllPageCount && !m_sidebar->item(int(page))->isHidden()) {
        m_sidebar->setCurrentRow(int(page));
        // The person chose to stay with unsaved edits: the sidebar went back.
        if (m_sidebar->currentRow() != int(page))
            return;
        // Already the sidebar's row (e.g. back from Users to Settings): show it anyway.
        m_stack->setCurrentIndex(int(page));
        return;
    }
    auto *leaving = qobject_cast<HubPage *>(m_stack->currentWidget());
    if (leaving && leaving != this->page(page) && leaving->hasUnsavedEdits() && !leaving->settleUnsaved())
        return;
    {
        QSignalBlocker block(m_sidebar);
        m_sidebar->setCurrentRow(int(Page::Settings));
    }
    m_stack->setCurrentWidget(this->page(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    QWidget *shown = m_stack->currentWidget();
    if (shown == m_usersPage)
        return Page::Users;
    if (shown == m_auditPage)
        return Page::Audit;
    return Page(m_stack->currentIndex());
}

HubPage *MainWindow::page(Page page) const
{
    if (page == Page::Users)
        return m_usersPage;
    if (page == Page::Audit)
        return m_auditPage;
    return m_pages[int(page)];
}

bool MainWindow::backupTo(const QString &target)
{
    if (!m_hub)
        return false;
    if (auto ok = BackupService::backup(m_hub->database(), target, m_hub->access(), m_hub->audit()); !ok) {
        showStorageError(tr("The Backup Was Not Made"), ok.error().message);
        return false;
    }
    statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(target)), 8000);
    // The seal of the copy, to note down beside it: "hubctl check --seal"
    // proves later that nothing up to this point was changed or cut off.
    const auto seal = HubSeal::ofBackup(target);
    QString text = tr("The hub was backed up to %1.").arg(QDir::toNativeSeparators(target));
    if (seal)
        text +=
            QStringLiteral("\n\n") + tr("Its seal is %1. Note it down with the backup: it proves later that the ledger "
                                        "and the audit trail up to now were not changed.")
                                         .arg(seal->text());
    auto *box = new QMessageBox(QMessageBox::Information, tr("Backup Made"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("backupNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    if (seal) {
        auto *copy = box->addButton(tr("&Copy Seal"), QMessageBox::ActionRole);
        copy->setObjectName(QStringLiteral("backupCopySeal"));
        const QString sealText = seal->text();
        connect(copy, &QAbstractButton::clicked, this, [this, sealText] {
            QGuiApplication::clipboard()->setText(sealText);
            statusBar()->showMessage(tr("The seal %1 was copied.").arg(sealText), 8000);
        });
    }
    box->setEscapeButton(QMessageBox::Ok); // Esc closes it, Copy Seal or not
    box->open();
    return true;
}

bool MainWindow::restoreFrom(const QString &source)
{
    if (!m_hub)
        return false;
    const QString hubPath = m_hub->path();
    const bool server = m_hub->database().backend() == Backend::PostgreSQL;
    // A server hub is kept as a file beside the backup, as it stood.
    const QString keptAs = (server ? m_hub->database().address().databaseName() : QFileInfo(hubPath).fileName()) +
                           QStringLiteral(".before-restore-") + tr("<date and time>");
    const auto answer = QMessageBox::question(
        this, tr("Restore from a Backup?"),
        (server ? tr("The hub %1 on the server will be replaced by the backup %2, for every desk connected to "
                     "it.\n\nThe current hub is kept as a file beside the backup as %3, so nothing is lost.")
                : tr("The hub %1 will be replaced by the backup %2.\n\nThe current hub is kept beside it as "
                     "%3, so nothing is lost."))
            .arg(server ? hubPath : QDir::toNativeSeparators(hubPath), QDir::toNativeSeparators(source), keptAs),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes || !settleUnsavedSettings())
        return false;

    // In place, while other desks may be at work; the hub stays open.
    auto restored = BackupService::restoreInto(m_hub->database(), source, m_hub->access(), m_hub->actor());
    if (!restored && BackupService::failedTheCheck(restored.error()) &&
        PermissionGate::allows(m_hub.get(), Permission::ManageUsers)) {
        // An admin may still restore it (the only copy left), saying why.
        bool accepted = false;
        const QString reason =
            QInputDialog::getText(this, tr("Restore Anyway?"),
                                  restored.error().message + QStringLiteral("\n\n") +
                                      tr("To restore it anyway, say why; the reason is kept in the audit trail:"),
                                  QLineEdit::Normal, QString(), &accepted);
        if (accepted && !reason.trimmed().isEmpty())
            restored = BackupService::restoreInto(m_hub->database(), source, m_hub->access(), m_hub->actor(),
                                                  QDateTime::currentDateTimeUtc(), reason);
    }
    if (!restored) {
        showStorageError(tr("The Backup Was Not Restored"), restored.error().message);
        return false;
    }
    reloadAfterRestore(/*notify=*/false);
    QMessageBox::information(this, tr("Backup Restored"),
                             tr("The hub was restored from %1.\n\nThe previous hub was kept as %2.")
                                 .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(*restored)));
    return true;
}

void MainWindow::pollForChanges()
{
    if (m_watcher)
        m_watcher->poll();
}

void MainWindow::reloadAfterRestore(bool notify)
{
    if (!m_hub)
        return;
    // Forms show and would save what the restore replaced.
    const QStringList closed = closeDialogsOver(this);
    if (m_settingsPage->isModified())
        m_settingsPage->revert();
    // This window's own restore is not announced to it again.
    if (m_watcher)
        m_watcher->acknowledge();
    // The restored hub has the users of its backup: whoever was at the desk
    // signs in again.
    if (m_hub->access().isSignedIn())
        m_hub->access().signOut();
    m_locked = false;
    m_shownUser.clear();
    refreshPages();
    updateTitle();
    updateSession();
    if (!notify)
        return;
    QString text = tr("Another Hubkeeper window or hubctl restored this hub from a backup. Everything "
                      "shown now comes from the restored hub.");
    if (!closed.isEmpty())
        text += QStringLiteral("\n\n") +
                tr("These forms were closed without saving: %1.").arg(closed.join(QStringLiteral(", ")));
    statusBar()->showMessage(tr("The hub was restored from a backup by another desk."), 15000);
    auto *box = new QMessageBox(QMessageBox::Information, tr("The Hub Was Restored"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("restoredNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showStorageError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

bool MainWindow::settleUnsavedSettings()
{
    if (!m_hub)
        return true;
    for (HubPage *page : allPages()) {
        if (page == m_settingsPage || !page->hasUnsavedEdits())
            continue;
        m_stack->setCurrentWidget(page);
        if (!page->settleUnsaved())
            return false;
    }
    if (!m_settingsPage->isModified())
        return true;
    showPage(Page::Settings);
    const auto answer =
        QMessageBox::question(this, tr("Save the Settings?"),
                              tr("The hub's settings were changed but not saved. Save them before the hub is closed?"),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return m_settingsPage->save(); // a refused value stays on screen to be fixed
    if (answer == QMessageBox::Discard) {
        m_settingsPage->revert();
        return true;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!settleUnsavedSettings()) {
        event->ignore();
        return;
    }
    m_settings.setValue(KeyGeometry, saveGeometry());
    m_settings.setValue(KeyState, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace hub
