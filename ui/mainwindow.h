// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QSettings>
#include <array>
#include <memory>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace hub {

class Hub;
class HubPage;
class SettingsPage;
class TodayPage;

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
        Settings
    };
    static constexpr int PageCount = 7;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the hub to start with: `requested` (--db) if given, else the last
    /// file, else the default one. Without a usable file it shows the welcome
    /// dialog. Returns false when the user closed that dialog without a hub.
    bool start(const QString &requested = {});

    /// Opens `path` in place of the current hub. A refused file is explained
    /// in a message box and the current hub stays open.
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

    /// Shows the welcome dialog until a hub opens or the user cancels.
    bool showWelcome(const QString &suggestedPath = {}, const QString &notice = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildMenus();
    void setHub(std::unique_ptr<Hub> hub);
    void refreshPages();
    void updateTitle();
    void updateActions();
    void rebuildRecentMenu();
    void chooseHubToOpen();
    void chooseBackupTarget();
    void chooseRestoreSource();
    /// iCalendar: import an .ics file into a space (with a preview), export bookings.
    void importCalendar();
    void exportCalendar();
    void showAbout();
    /// The space editor; pages that show spaces are refreshed after it saved anything.
    void editSpaces();
    void showStorageError(const QString &title, const QString &message);
    /// Before the hub closes: offers to save edited settings. False means stay.
    bool settleUnsavedSettings();

    QSettings m_settings;
    std::unique_ptr<Hub> m_hub;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::array<HubPage *, PageCount> m_pages{};
    TodayPage *m_today = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_backupAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_spacesAction = nullptr;
    QAction *m_importCalendarAction = nullptr;
    QAction *m_exportCalendarAction = nullptr;
};

} // namespace hub
