// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QStackedWidget;

namespace hub {

class Database;
class DemoBuilder;
class FieldErrorLabel;
class TimeZoneComboBox;

/// The first thing a new desk sees, and File → New…: make a new hub, open an
/// existing file, or make a demo hub to explore. On accept, hubPath() is a
/// file that exists and is a hub; the caller opens it.
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        Create,
        Open,
        Demo
    };

    explicit WelcomeDialog(QWidget *parent = nullptr);
    ~WelcomeDialog() override;

    void setChoice(Choice choice);
    Choice choice() const;
    /// Where a new hub goes unless the user picks another file. An existing
    /// file is never overwritten, so a free name beside it is suggested instead.
    void setSuggestedPath(const QString &path);
    /// A line at the top, e.g. why the hub could not be opened.
    void setNotice(const QString &notice);

    /// The hub file to open after the dialog was accepted.
    QString hubPath() const { return m_hubPath; }
    /// The sign-in name of the first admin made with a new hub; empty when skipped.
    QString firstAdmin() const { return m_firstAdmin; }

    /// A free file name: `path` itself, or "name-2.sqlite", "name-3.sqlite"... beside it.
    static QString freePath(const QString &path);

private:
    QWidget *buildChoices();
    QWidget *buildCreateForm();
    QWidget *buildOpenForm();
    QWidget *buildDemoForm();
    QWidget *pathRow(QLineEdit *edit, QPushButton *browse);
    void choiceChanged();
    void proceed();
    bool createHub();
    /// Checks the optional first-admin fields; true when they are empty or fine.
    bool checkFirstAdmin();
    bool openExisting();
    void startDemo();
    void demoFinished(bool ok, bool cancelled, const QString &message);
    void browseNewFile(QLineEdit *edit, const QString &caption);
    void browseExistingFile();
    void clearErrors();
    void showStorageError(const QString &title, const QString &message);

    QString m_hubPath;
    std::shared_ptr<Database> m_server; ///< a connected server hub, open until the window takes it
    FieldErrorLabel *m_notice = nullptr;
    QButtonGroup *m_choices = nullptr;
    QStackedWidget *m_forms = nullptr;
    QPushButton *m_proceed = nullptr;
    QPushButton *m_cancel = nullptr;

    QLineEdit *m_createName = nullptr;
    TimeZoneComboBox *m_createTimeZone = nullptr;
    QLineEdit *m_createUnit = nullptr;
    QLineEdit *m_createPath = nullptr;
    FieldErrorLabel *m_createNameError = nullptr;
    FieldErrorLabel *m_createTimeZoneError = nullptr;
    FieldErrorLabel *m_createUnitError = nullptr;
    FieldErrorLabel *m_createPathError = nullptr;
    QString m_firstAdmin;
    QLineEdit *m_adminName = nullptr;
    QLineEdit *m_adminPassphrase = nullptr;
    QLineEdit *m_adminRepeat = nullptr;
    FieldErrorLabel *m_adminNameError = nullptr;
    FieldErrorLabel *m_adminPassphraseError = nullptr;
    FieldErrorLabel *m_adminRepeatError = nullptr;

    QLineEdit *m_openPath = nullptr;
    FieldErrorLabel *m_openPathError = nullptr;

    QLineEdit *m_demoPath = nullptr;
    QComboBox *m_demoScale = nullptr;
    FieldErrorLabel *m_demoPathError = nullptr;
    QLabel *m_demoStatus = nullptr;
    DemoBuilder *m_demo = nullptr;
    QProgressDialog *m_demoProgress = nullptr;
    QString m_demoTarget;
};

} // namespace hub
