// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindowactions.h"

#include "core/access/userservice.h"
#include "core/hub.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/calendarexportdialog.h"
#include "ui/dialogs/calendarimportdialog.h"
#include "ui/mainwindow.h"
#include "ui/recentfiles.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace hub {

namespace {
QString hubFileFilter()
{
    return MainWindow::tr("Hubkeeper hubs (*.sqlite *.hub);;All files (*)");
}
} // namespace

MainWindowActions::MainWindowActions(MainWindow *window, QSettings &settings, const QListWidget *sidebar)
    : QObject(window), m_window(window), m_settings(settings)
{
    buildFileMenu();
    buildGoMenu(sidebar);
    buildHubAndHelpMenus();
}

void MainWindowActions::buildFileMenu()
{
    MainWindow *window = m_window;
    QMenu *file = window->menuBar()->addMenu(MainWindow::tr("&File"));
    QAction *newHub = file->addAction(MainWindow::tr("&New…"), window, [window] { window->showWelcome(); });
    newHub->setShortcut(QKeySequence::New);
    newHub->setStatusTip(MainWindow::tr("Start a new hub, open one, or explore a demo hub"));
    QAction *open = file->addAction(MainWindow::tr("&Open…"), this, &MainWindowActions::chooseHubToOpen);
    open->setShortcut(QKeySequence::Open);
    QAction *server =
        file->addAction(MainWindow::tr("Connect to a Hub &Server…"), window, [window] { window->connectToServer(); });
    server->setObjectName(QStringLiteral("connectServerAction"));
    server->setStatusTip(MainWindow::tr("Open the hub that several PCs share on a PostgreSQL server"));
    m_recentMenu = file->addMenu(MainWindow::tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindowActions::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    m_backupAction = file->addAction(MainWindow::tr("&Backup…"), this, &MainWindowActions::chooseBackupTarget);
    m_backupAction->setStatusTip(MainWindow::tr("Save a consistent copy of the hub, even while desks are busy"));
    m_restoreAction = file->addAction(MainWindow::tr("Re&store…"), this, &MainWindowActions::chooseRestoreSource);
    m_restoreAction->setStatusTip(MainWindow::tr("Put a backup in place of the hub, keeping the current file"));
    file->addSeparator();
    m_importCalendarAction =
        file->addAction(MainWindow::tr("&Import Calendar…"), this, &MainWindowActions::importCalendar);
    m_importCalendarAction->setObjectName(QStringLiteral("importCalendarAction"));
    m_importCalendarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_importCalendarAction->setStatusTip(
        MainWindow::tr("Book a space for every event of an .ics file, after a preview"));
    m_exportCalendarAction =
        file->addAction(MainWindow::tr("&Export Calendar…"), this, &MainWindowActions::exportCalendar);
    m_exportCalendarAction->setObjectName(QStringLiteral("exportCalendarAction"));
    m_exportCalendarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportCalendarAction->setStatusTip(MainWindow::tr("Save bookings as an .ics file for calendar programs"));
    file->addSeparator();
    m_switchUserAction = file->addAction(MainWindow::tr("S&witch User"), window, &MainWindow::switchUser);
    m_switchUserAction->setObjectName(QStringLiteral("switchUserAction"));
    m_switchUserAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_switchUserAction->setStatusTip(
        MainWindow::tr("Hand the desk to someone else; the window and what is open on it stay"));
    file->addSeparator();
    QAction *quit = file->addAction(MainWindow::tr("&Quit"), window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    m_quitAction = quit;
}

void MainWindowActions::buildGoMenu(const QListWidget *sidebar)
{
    MainWindow *window = m_window;
    QMenu *go = window->menuBar()->addMenu(MainWindow::tr("&Go"));
    for (int i = 0; i < MainWindow::AllPageCount; ++i) {
        if (i == MainWindow::PageCount)
            go->addSeparator();
        QListWidgetItem *item = sidebar->item(i);
        QAction *action =
            go->addAction(item->icon(), item->text(), window, [window, i] { window->showPage(MainWindow::Page(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        if (i >= MainWindow::PageCount)
            m_goActions.append(action);
    }
    QAction *refresh = go->addAction(MainWindow::tr("&Refresh"), this, &MainWindowActions::refreshRequested);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
}

void MainWindowActions::buildHubAndHelpMenus()
{
    QMenu *hubMenu = m_window->menuBar()->addMenu(MainWindow::tr("H&ub"));
    m_spacesAction = hubMenu->addAction(MainWindow::tr("&Spaces…"), this, &MainWindowActions::spacesRequested);
    m_spacesAction->setObjectName(QStringLiteral("spacesAction"));
    m_spacesAction->setStatusTip(
        MainWindow::tr("Add and change the hub's rooms: capacity, rates, opening hours, closed days"));

    QMenu *help = m_window->menuBar()->addMenu(MainWindow::tr("&Help"));
    QAction *about = help->addAction(MainWindow::tr("&About Hubkeeper"), this, &MainWindowActions::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(MainWindow::tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindowActions::update(bool covered)
{
    // While the sign-in or lock screen is up, only Quit works: no menu
    // shortcut reaches the pages or opens another hub behind it.
    const QList<QMenu *> menus = m_window->menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions)
            if (action != m_quitAction && !action->menu())
                action->setEnabled(!covered);
    }
    if (covered)
        return;
    Hub *const hub = m_window->hub();
    PermissionGate::apply(m_backupAction, hub, Permission::BackupRestore, hub != nullptr);
    PermissionGate::apply(m_restoreAction, hub, Permission::BackupRestore, hub != nullptr);
    PermissionGate::apply(m_importCalendarAction, hub, Permission::Book, hub != nullptr);
    m_exportCalendarAction->setEnabled(hub != nullptr);
    PermissionGate::apply(m_spacesAction, hub, Permission::ManageSpaces, hub != nullptr);
    m_switchUserAction->setEnabled(hub && hub->users().hasUsers());
    m_switchUserAction->setToolTip(
        m_switchUserAction->isEnabled()
            ? MainWindow::tr("Switch user (%1)").arg(m_switchUserAction->shortcut().toString(QKeySequence::NativeText))
            : MainWindow::tr("Nobody signs in until the hub has users: add them under Settings → Users."));
}

void MainWindowActions::setAdminPagesVisible(bool users, bool audit)
{
    if (m_goActions.size() == 2) {
        m_goActions[0]->setVisible(users);
        m_goActions[1]->setVisible(audit);
    }
}

void MainWindowActions::rebuildRecentMenu()
{
    m_recentMenu->clear();
    RecentFiles recent(m_settings);
    int shown = 0;
    const QStringList files = recent.files();
    for (const QString &file : files) {
        // A file that was moved or deleted is not offered; it stays listed in
        // case its drive comes back.
        if (!HubAddress::looksLikeServer(file) && !QFileInfo::exists(file))
            continue;
        ++shown;
        const QString text = MainWindow::tr("&%1 %2").arg(shown).arg(QDir::toNativeSeparators(file));
        m_recentMenu->addAction(text, m_window, [window = m_window, file] { window->openHub(file); });
    }
    if (shown == 0) {
        m_recentMenu->addAction(MainWindow::tr("No recent hubs"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(MainWindow::tr("&Clear List"), this, [this] { RecentFiles(m_settings).clear(); });
}

void MainWindowActions::chooseHubToOpen()
{
    Hub *const hub = m_window->hub();
    const QString start = hub ? QFileInfo(hub->path()).absolutePath() : QFileInfo(Hub::defaultPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, MainWindow::tr("Open a Hub"), start, hubFileFilter());
    if (!path.isEmpty())
        m_window->openHub(path);
}

void MainWindowActions::chooseBackupTarget()
{
    if (!m_window->hub())
        return;
    const QFileInfo hubFile(m_window->hub()->path());
    const QString suggested = hubFile.dir().filePath(
        MainWindow::tr("%1-backup-%2.sqlite")
            .arg(hubFile.completeBaseName(), QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
    const QString target =
        QFileDialog::getSaveFileName(m_window, MainWindow::tr("Back Up the Hub"), suggested, hubFileFilter());
    if (!target.isEmpty())
        m_window->backupTo(target);
}

void MainWindowActions::chooseRestoreSource()
{
    if (!m_window->hub())
        return;
    const QString source =
        QFileDialog::getOpenFileName(m_window, MainWindow::tr("Restore from a Backup"),
                                     QFileInfo(m_window->hub()->path()).absolutePath(), hubFileFilter());
    if (!source.isEmpty())
        m_window->restoreFrom(source);
}

void MainWindowActions::importCalendar()
{
    if (!m_window->hub())
        return;
    CalendarImportDialog dialog(*m_window->hub(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The bookings were written on another connection: look now, not at the next tick.
    m_window->pollForChanges();
    m_window->statusBar()->showMessage(MainWindow::tr("Imported %n booking(s).", nullptr, dialog.importedBookings()),
                                       8000);
}

void MainWindowActions::exportCalendar()
{
    if (!m_window->hub())
        return;
    CalendarExportDialog dialog(*m_window->hub(), m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_window->statusBar()->showMessage(MainWindow::tr("Exported %n event(s).", nullptr, dialog.exportedEvents()),
                                           8000);
}

void MainWindowActions::showAbout()
{
    QMessageBox::about(m_window, MainWindow::tr("About Hubkeeper"),
                       MainWindow::tr("<h3>Hubkeeper %1</h3>"
                                      "<p>The front desk of a neighbourhood community hub: members and skills, space "
                                      "bookings, a mutual credit ledger and gatherings, kept in one file.</p>"
                                      "<p>Free software under the GNU General Public License, version 3 or any later "
                                      "version (GPL-3.0-or-later).</p>")
                           .arg(QStringLiteral(HUB_VERSION)));
}

} // namespace hub
