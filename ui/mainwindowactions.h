// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QListWidget;
class QMenu;
class QSettings;

namespace hub {

class MainWindow;

/// The main window's menus (File, Go, Hub and Help) and what they do that
/// needs only the window's public side: choosing a hub, a backup or a restore
/// source, the iCalendar dialogs, the recent hubs and About. It also enables
/// each action for the person at the desk.
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    /// Fills `window`'s menu bar; the Go menu names the pages as `sidebar` does.
    /// `settings` (the window's) keeps the recent hubs.
    MainWindowActions(MainWindow *window, QSettings &settings, const QListWidget *sidebar);

    /// Switch User, for the status bar's button too.
    QAction *switchUserAction() const { return m_switchUserAction; }
    /// Enables what the person at the desk may do; while the sign-in or lock
    /// screen `covered` the pages, only Quit.
    void update(bool covered);
    /// Go's Users and Audit log, shown to those who may.
    void setAdminPagesVisible(bool users, bool audit);

Q_SIGNALS:
    /// Hub › Spaces…: the space editor is the window's.
    void spacesRequested();
    /// Go › Refresh: the page on show reads the hub again.
    void refreshRequested();

private:
    void buildFileMenu();
    void buildGoMenu(const QListWidget *sidebar);
    void buildHubAndHelpMenus();
    void rebuildRecentMenu();
    void chooseHubToOpen();
    void chooseBackupTarget();
    void chooseRestoreSource();
    /// iCalendar: import an .ics file into a space (with a preview), export bookings.
    void importCalendar();
    void exportCalendar();
    void showAbout();

    MainWindow *m_window;
    QSettings &m_settings;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_goActions; ///< Users and Audit log, shown to those who may
    QAction *m_backupAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_spacesAction = nullptr;
    QAction *m_importCalendarAction = nullptr;
    QAction *m_exportCalendarAction = nullptr;
    QAction *m_switchUserAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace hub
