// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/changeevent.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <array>
#include <chrono>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace hub {

class AuditPage;
class Hub;
class HubWatcher;
class HubPage;
class IdleWatcher;
class MainWindowActions;
class SettingsPage;
class SignInScreen;
class TodayPage;
class UsersPage;
struct CurrentUser;

/// The front-desk window: a sidebar of pages over one open hub. The window
/// owns the Hub; opening another file replaces it and every page is handed
/// the new one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page
    {
        Today,
        Members,
        Calendar,
        Ledger,
        Gatherings,
        Reports,
        Settings,
        // Also reached from Settings; in the sidebar for those who may use them.
        Users,
        Audit
    };
    /// The pages always in the sidebar (Ctrl+1 … Ctrl+7).
    static constexpr int PageCount = 7;
    /// With Users (Ctrl+8) and the audit log (Ctrl+9), for those who may.
    static constexpr int AllPageCount = 9;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the hub to start with: `requested` (--db) if given, else the last
    /// file, else the default one. Without a usable file it shows the welcome
    /// dialog. Returns false when the user closed that dialog without a hub.
    bool start(const QString &requested = {});

    /// File → Connect to a hub server…: the hub on a PostgreSQL server.
    bool connectToServer();
    /// Opens `path` (a file or a server's address) in place of the current
    /// hub. A refused one is explained in a message box and the current hub
    /// stays open; a server that needs a password asks for it.
    bool openHub(const QString &path);
    Hub *hub() const { return m_hub.get(); }

    void showPage(Page page);
    Page currentPage() const;
    HubPage *page(Page page) const;

    /// A consistent copy of the open hub at `target` (never overwriting a file).
    bool backupTo(const QString &target);
    /// Asks for confirmation, then puts `source` in place of the open hub,
    /// keeping the current file beside it.
    bool restoreFrom(const QString &source);

    /// Another window or hubctl restored the open hub: forms over the window
    /// are closed unsaved, the person signs in again (the restored hub has
    /// its own users), every page reloads, and a notice says what happened.
    /// `notify` false: the caller tells the person itself.
    void reloadAfterRestore(bool notify = true);
    /// Looks for changes by others now (a timer does it every second).
    void pollForChanges();

    /// Shows the welcome dialog until a hub opens or the user cancels.
    bool showWelcome(const QString &suggestedPath = {}, const QString &notice = {});

    /// The screen that covers the window while nobody is signed in or the desk is locked.
    SignInScreen *signInScreen() const { return m_signIn; }
    /// True while the sign-in or lock screen covers the pages.
    bool isSignInShown() const;
    bool isLocked() const { return m_locked; }
    /// Locks the desk for the signed-in user; the pages stay as they are
    /// underneath. Dialogs left open over the window are closed unsaved first,
    /// and the lock screen names them. False when there is nobody to lock for.
    bool lock();
    /// Signs the current user out and shows the sign-in screen; the window stays open.
    void switchUser();
    /// The idle lock's wait; tests make it short. Without it, the hub's setting counts.
    void setIdleLockInterval(std::optional<std::chrono::milliseconds> interval);
    /// The text beside the status bar's Switch User button: who is at the desk.
    QString currentUserText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildSidebar();
    /// The pages always in the sidebar, each with its sidebar entry.
    void buildMainPages();
    /// Users and the audit log, reached from Settings and, for those who may, the sidebar.
    void buildAdminPages();
    /// The sidebar beside the pages, and the sign-in screen that covers them.
    void buildScreens();
    void setHub(std::unique_ptr<Hub> hub);
    void refreshPages();
    /// Change events, from this window's commits and (by polling) other desks'.
    void noteChange(const ChangeEvent &change);
    void applyChanges();
    void refreshAfterChange(HubPage *page, const ChangeEvent &change);
    /// The page about to be seen reads what it missed while hidden: the whole
    /// hub if it has not had it yet, else the changes made meanwhile.
    void bringUpToDate(HubPage *page);
    void updateTitle();
    /// Go › Refresh: the page on show reads the hub again.
    void refreshShownPage();
    /// The space editor; pages that show spaces are refreshed after it saved anything.
    void editSpaces();
    void showStorageError(const QString &title, const QString &message);
    /// Before the hub closes: offers to save edited settings. False means stay.
    bool settleUnsavedSettings();
    /// Every page, the sidebar's and those reached from Settings.
    QList<HubPage *> allPages() const;
    /// Sign-in screen or pages, after a hub opened or users changed.
    void updateSession();
    void signedIn(const CurrentUser &user);
    void showSignInScreen(bool shown);
    /// Pages, menus and the status bar follow what the current user may do.
    void refreshAccess();
    void updateIdleWatch();

    QSettings m_settings;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<HubWatcher> m_watcher;
    QTimer m_changeTimer;
    ChangeEvent m_pendingChange;
    QHash<HubPage *, ChangeEvent> m_stale; ///< pages to read when next shown
    /// Pages given the hub only when first shown (HubPage::readsWhenShown).
    QSet<HubPage *> m_waitingForHub;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::array<HubPage *, PageCount> m_pages{};
    TodayPage *m_today = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    MainWindowActions *m_actions = nullptr;

    // Roles and sign-in.
    UsersPage *m_usersPage = nullptr;
    AuditPage *m_auditPage = nullptr;
    QStackedWidget *m_screens = nullptr;
    QWidget *m_content = nullptr;
    SignInScreen *m_signIn = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_serverAwayLabel = nullptr;
    IdleWatcher *m_idle = nullptr;
    std::optional<std::chrono::milliseconds> m_idleOverride;
    bool m_locked = false;
    // Who the pages were last refreshed for, so an unlock by the same person keeps them as they are.
    QString m_shownUser;
};

} // namespace hub
