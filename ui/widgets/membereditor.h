// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/member.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace hub {

class FieldErrorLabel;
class Hub;
class ListingsEditor;
class MemberSkillsEditor;

/// The detail panel of the Members page: every field of one member (or of a
/// new one), consent, skills, offers and needs, an organisation's contact
/// people, and the actions on the record. Core checks every value; a refused
/// one is explained beside its field.
class MemberEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MemberEditor(QWidget *parent = nullptr);

    void setHub(Hub *hub);
    /// The user at the desk changed: Save, the status buttons and Forget follow their roles.
    void accessChanged() { updateActions(); }
    /// An empty form for a new member, with the cursor in the name.
    void startNewMember();
    /// Loads `id` into the form.
    void showMember(MemberId id);
    /// Reads the shown member again (changed at another desk), keeping the
    /// line that said what was last done.
    void reread();
    /// The member on the form, or nullopt for a new one not yet saved.
    std::optional<Member> member() const { return m_member; }

    /// Checks and writes the form; false (with errors beside the fields) when
    /// something was refused, and then nothing was written.
    bool save();
    /// True when the form holds edits not yet saved.
    bool isModified() const;
    /// Before the form shows something else: with unsaved edits, asks
    /// Save / Discard / Cancel. False when the person chose to stay (or a
    /// save was refused, its errors shown): the form must stay as it is.
    bool settle();
    /// Cancel: the form goes back to what is stored (a new member's to blank).
    void revert();
    /// Marks the member lapsed, left or active again, as of today.
    bool markStatus(MemberStatus status);
    /// Asks for confirmation, then erases the member's personal data.
    bool forget();
    /// Asks where, then saves everything held about the member (subject access).
    bool exportPersonalData();
    bool exportPersonalData(const QString &path);

Q_SIGNALS:
    /// The member was written; `created` when the form held a new member.
    void saved(hub::MemberId id, bool created);
    /// Status, listings or contacts changed: the table row may need refreshing.
    void memberChanged(hub::MemberId id);
    void forgotten(hub::MemberId id);

private:
    /// Every group of fields, in a scroll area.
    QScrollArea *buildScrollArea();
    /// Save, Cancel and the actions on the record.
    void buildActionButtons();
    void connectActions();
    QHBoxLayout *layOutActionButtons();
    QWidget *buildRecordGroup();
    /// Kind and names, rows 0 to 7 of the record's grid.
    void addNameFields(QGridLayout *grid);
    /// E-mail to website, rows 8 to 17.
    void addContactFields(QGridLayout *grid);
    QWidget *buildConsentGroup();
    QWidget *buildContactsGroup();
    void addField(QGridLayout *grid, int row, const QString &key, const QString &label, QWidget *editor);
    MemberDraft draft() const;
    void fillFields(const MemberDraft &draft);
    /// Everything the form shows that save() writes, to notice edits.
    QStringList formState() const;
    void markClean() { m_cleanState = formState(); }
    void showError(const Error &error);
    void clearErrors();
    /// Another member is shown: the rooms kept for fixed errors go too.
    void resetErrors();
    void updateHeader();
    void updateActions();
    void reloadSkillNames();
    void reloadContacts();
    void addContact();
    void removeContact();

    Hub *m_hub = nullptr;
    std::optional<Member> m_member;
    QStringList m_cleanState;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_givenName = nullptr;
    QLineEdit *m_familyName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_postcode = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_website = nullptr;
    QLineEdit *m_interests = nullptr;
    QDateEdit *m_joinedOn = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QCheckBox *m_directory = nullptr;
    QCheckBox *m_showEmail = nullptr;
    QCheckBox *m_showPhone = nullptr;
    QLabel *m_consentChanged = nullptr;
    MemberSkillsEditor *m_skills = nullptr;
    ListingsEditor *m_offers = nullptr;
    ListingsEditor *m_needs = nullptr;
    QGroupBox *m_contactsGroup = nullptr;
    QListWidget *m_contacts = nullptr;
    QLineEdit *m_contactToAdd = nullptr;
    QPushButton *m_contactAdd = nullptr;
    QPushButton *m_contactRemove = nullptr;
    FieldErrorLabel *m_contactsError = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QPushButton *m_markLapsed = nullptr;
    QPushButton *m_markLeft = nullptr;
    QPushButton *m_markActive = nullptr;
    QPushButton *m_forget = nullptr;
    QPushButton *m_personalData = nullptr;
    QHash<QString, FieldErrorLabel *> m_errors;
    QHash<QString, QWidget *> m_editors;
};

} // namespace hub
