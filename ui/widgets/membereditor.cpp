// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/membereditor.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/members/memberenrolment.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/privacy/subjectaccessexporter.h"
#include "ui/access/permissiongate.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/listingseditor.h"
#include "ui/widgets/memberskillseditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hub {

namespace {
// Field keys are the names core uses in Error::where, so a refused value
// finds the editor it came from.
const QString KeyDisplayName = QStringLiteral("display_name");
const QString KeyGivenName = QStringLiteral("given_name");
const QString KeyFamilyName = QStringLiteral("family_name");
const QString KeyEmail = QStringLiteral("email");
const QString KeyPhone = QStringLiteral("phone");
const QString KeyPostcode = QStringLiteral("postcode");
const QString KeyAddress = QStringLiteral("address");
const QString KeyWebsite = QStringLiteral("website");
const QString KeyInterests = QStringLiteral("interests");
const QString KeyJoinedOn = QStringLiteral("joined_on");
const QString KeyNotes = QStringLiteral("notes");

QString statusText(const Member &m)
{
    const QLocale locale;
    switch (m.status) {
    case MemberStatus::Active:
        return MemberEditor::tr("Active member since %1").arg(DisplayFormat::date(m.joinedOn));
    case MemberStatus::Lapsed:
        return MemberEditor::tr("Membership lapsed on %1").arg(DisplayFormat::date(m.lapsedOn));
    case MemberStatus::Left:
        return MemberEditor::tr("Left on %1").arg(DisplayFormat::date(m.leftOn));
    }
    return {};
}

QStringList splitInterests(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (const QString t = part.trimmed(); !t.isEmpty())
            out << t;
    }
    return out;
}
} // namespace

MemberEditor::MemberEditor(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Member details"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("memberEditorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("memberEditorSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    QScrollArea *scroll = buildScrollArea();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("memberEditorStatus"));
    m_status->setAccessibleName(tr("Member status message"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    buildActionButtons();
    connectActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 4, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addLayout(layOutActionButtons());

    setHub(nullptr);
}

QScrollArea *MemberEditor::buildScrollArea()
{
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 8, 0);
    contentLayout->addWidget(buildRecordGroup());
    contentLayout->addWidget(buildConsentGroup());

    auto *skillsGroup = new QGroupBox(tr("Skills"));
    m_skills = new MemberSkillsEditor;
    m_skills->setObjectName(QStringLiteral("memberSkills"));
    (new QVBoxLayout(skillsGroup))->addWidget(m_skills);
    contentLayout->addWidget(skillsGroup);

    auto *offersGroup = new QGroupBox(tr("Offers"));
    m_offers = new ListingsEditor(ListingsEditor::Kind::Offers);
    m_offers->setObjectName(QStringLiteral("memberOffers"));
    (new QVBoxLayout(offersGroup))->addWidget(m_offers);
    contentLayout->addWidget(offersGroup);

    auto *needsGroup = new QGroupBox(tr("Needs"));
    m_needs = new ListingsEditor(ListingsEditor::Kind::Needs);
    m_needs->setObjectName(QStringLiteral("memberNeeds"));
    (new QVBoxLayout(needsGroup))->addWidget(m_needs);
    contentLayout->addWidget(needsGroup);

    contentLayout->addWidget(buildContactsGroup());
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setObjectName(QStringLiteral("memberEditorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

void MemberEditor::buildActionButtons()
{
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("memberSave"));
    m_save->setAccessibleName(tr("Save member"));
    m_save->setDefault(true);
    // Only while this page is shown: a hidden button's shortcut does not fire.
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Check and save the member (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("memberCancel"));
    m_cancel->setToolTip(tr("Put the form back as it was saved"));
    connect(m_cancel, &QPushButton::clicked, this, &MemberEditor::revert);
    m_markLapsed = new QPushButton(tr("Mark &lapsed"), this);
    m_markLapsed->setObjectName(QStringLiteral("memberMarkLapsed"));
    m_markLapsed->setToolTip(tr("The membership has lapsed as of today"));
    m_markLeft = new QPushButton(tr("Mark l&eft"), this);
    m_markLeft->setObjectName(QStringLiteral("memberMarkLeft"));
    m_markLeft->setToolTip(tr("The member left the hub today"));
    m_markActive = new QPushButton(tr("Mark &active"), this);
    m_markActive->setObjectName(QStringLiteral("memberMarkActive"));
    m_markActive->setToolTip(tr("The member is active again"));
    m_forget = new QPushButton(tr("&Forget…"), this);
    m_forget->setObjectName(QStringLiteral("memberForget"));
    m_forget->setToolTip(tr("Erase this member's personal data on request"));
    m_personalData = new QPushButton(tr("Pe&rsonal data…"), this);
    m_personalData->setObjectName(QStringLiteral("memberPersonalData"));
    m_personalData->setToolTip(tr("Save everything the hub holds about this member as one file (subject access)"));
}

void MemberEditor::connectActions()
{
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_markLapsed, &QPushButton::clicked, this, [this] { markStatus(MemberStatus::Lapsed); });
    connect(m_markLeft, &QPushButton::clicked, this, [this] { markStatus(MemberStatus::Left); });
    connect(m_markActive, &QPushButton::clicked, this, [this] { markStatus(MemberStatus::Active); });
    connect(m_forget, &QPushButton::clicked, this, [this] { forget(); });
    connect(m_personalData, &QPushButton::clicked, this, [this] { exportPersonalData(); });
    connect(m_offers, &ListingsEditor::changed, this, [this] {
        if (m_member)
            Q_EMIT memberChanged(m_member->id);
    });
    connect(m_needs, &ListingsEditor::changed, this, [this] {
        if (m_member)
            Q_EMIT memberChanged(m_member->id);
    });
}

QHBoxLayout *MemberEditor::layOutActionButtons()
{
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_markActive);
    buttons->addWidget(m_markLapsed);
    buttons->addWidget(m_markLeft);
    buttons->addWidget(m_personalData);
    buttons->addWidget(m_forget);
    return buttons;
}

QWidget *MemberEditor::buildRecordGroup()
{
    auto *group = new QGroupBox(tr("Record"));
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(2);

    addNameFields(grid);
    addContactFields(grid);

    m_interests = new QLineEdit;
    m_interests->setObjectName(QStringLiteral("memberInterests"));
    m_interests->setPlaceholderText(tr("e.g. volunteer, facilitator"));
    m_interests->setToolTip(tr("Roles of interest, separated by commas"));
    addField(grid, 18, KeyInterests, tr("&Interests:"), m_interests);

    m_joinedOn = new QDateEdit;
    m_joinedOn->setObjectName(QStringLiteral("memberJoinedOn"));
    m_joinedOn->setCalendarPopup(true);
    addField(grid, 20, KeyJoinedOn, tr("&Joined:"), m_joinedOn);

    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(QStringLiteral("memberNotes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(56);
    addField(grid, 22, KeyNotes, tr("No&tes:"), m_notes);
    return group;
}

void MemberEditor::addNameFields(QGridLayout *grid)
{
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("memberKind"));
    m_kind->addItem(tr("Person"), int(MemberKind::Person));
    m_kind->addItem(tr("Organisation"), int(MemberKind::Organisation));
    addField(grid, 0, QStringLiteral("kind"), tr("&Kind:"), m_kind);

    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("memberDisplayName"));
    m_displayName->setPlaceholderText(tr("As the hub knows them, e.g. Siân Davies"));
    addField(grid, 2, KeyDisplayName, tr("&Name:"), m_displayName);

    m_givenName = new QLineEdit;
    m_givenName->setObjectName(QStringLiteral("memberGivenName"));
    addField(grid, 4, KeyGivenName, tr("&Given name:"), m_givenName);

    m_familyName = new QLineEdit;
    m_familyName->setObjectName(QStringLiteral("memberFamilyName"));
    addField(grid, 6, KeyFamilyName, tr("Famil&y name:"), m_familyName);
}

void MemberEditor::addContactFields(QGridLayout *grid)
{
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("memberEmail"));
    m_email->setPlaceholderText(tr("name@example.org"));
    addField(grid, 8, KeyEmail, tr("E-&mail:"), m_email);

    m_phone = new QLineEdit;
    m_phone->setObjectName(QStringLiteral("memberPhone"));
    addField(grid, 10, KeyPhone, tr("&Phone:"), m_phone);

    m_postcode = new QLineEdit;
    m_postcode->setObjectName(QStringLiteral("memberPostcode"));
    m_postcode->setPlaceholderText(tr("e.g. CF10 1AA"));
    addField(grid, 12, KeyPostcode, tr("P&ostcode:"), m_postcode);

    m_address = new QLineEdit;
    m_address->setObjectName(QStringLiteral("memberAddress"));
    addField(grid, 14, KeyAddress, tr("A&ddress:"), m_address);

    m_website = new QLineEdit;
    m_website->setObjectName(QStringLiteral("memberWebsite"));
    m_website->setPlaceholderText(tr("https://…"));
    addField(grid, 16, KeyWebsite, tr("&Website:"), m_website);
}

void MemberEditor::addField(QGridLayout *grid, int row, const QString &key, const QString &label, QWidget *editor)
{
    auto *name = new QLabel(label);
    name->setBuddy(editor);
    editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    auto *error = new FieldErrorLabel;
    error->setObjectName(QStringLiteral("error_") + key);
    // The message sits right under its field: the panel is too narrow for a
    // third column, and under the field it is still read with it.
    grid->addWidget(name, row, 0, key == KeyNotes ? Qt::AlignTop : Qt::Alignment());
    grid->addWidget(editor, row, 1);
    grid->addWidget(error, row + 1, 1);
    m_errors.insert(key, error);
    m_editors.insert(key, editor);
}

QWidget *MemberEditor::buildConsentGroup()
{
    auto *group = new QGroupBox(tr("Consent"));
    auto *layout = new QVBoxLayout(group);
    layout->setSpacing(2);
    m_directory = new QCheckBox(tr("Appears in the shared &directory and in matching"));
    m_directory->setObjectName(QStringLiteral("consentDirectory"));
    m_showEmail = new QCheckBox(tr("Show e-mail address in the directory"));
    m_showEmail->setObjectName(QStringLiteral("consentShowEmail"));
    m_showPhone = new QCheckBox(tr("Show phone number in the directory"));
    m_showPhone->setObjectName(QStringLiteral("consentShowPhone"));
    m_consentChanged = new QLabel;
    m_consentChanged->setObjectName(QStringLiteral("consentChanged"));
    m_consentChanged->setForegroundRole(QPalette::PlaceholderText);
    // Showing contacts only means something inside the directory.
    connect(m_directory, &QCheckBox::toggled, this, [this](bool on) {
        m_showEmail->setEnabled(on);
        m_showPhone->setEnabled(on);
    });
    layout->addWidget(m_directory);
    layout->addWidget(m_showEmail);
    layout->addWidget(m_showPhone);
    layout->addWidget(m_consentChanged);
    return group;
}

QWidget *MemberEditor::buildContactsGroup()
{
    m_contactsGroup = new QGroupBox(tr("Contact people"));
    m_contactsGroup->setObjectName(QStringLiteral("memberContactsGroup"));
    m_contacts = new QListWidget;
    m_contacts->setObjectName(QStringLiteral("memberContacts"));
    m_contacts->setAccessibleName(tr("Contact people"));
    m_contacts->setMaximumHeight(72);
    m_contactToAdd = new QLineEdit;
    m_contactToAdd->setObjectName(QStringLiteral("memberContactToAdd"));
    m_contactToAdd->setAccessibleName(tr("Contact to add"));
    m_contactToAdd->setPlaceholderText(tr("Member number or e-mail"));
    m_contactAdd = new QPushButton(tr("Add"));
    m_contactAdd->setObjectName(QStringLiteral("memberContactAdd"));
    m_contactAdd->setAccessibleName(tr("Add contact person"));
    m_contactRemove = new QPushButton(tr("Remove"));
    m_contactRemove->setObjectName(QStringLiteral("memberContactRemove"));
    m_contactRemove->setAccessibleName(tr("Remove contact person"));
    m_contactsError = new FieldErrorLabel;
    m_contactsError->setObjectName(QStringLiteral("error_contacts"));

    auto *grid = new QGridLayout(m_contactsGroup);
    grid->addWidget(m_contacts, 0, 0, 1, 2);
    grid->addWidget(m_contactRemove, 0, 2, Qt::AlignTop);
    grid->addWidget(m_contactToAdd, 1, 0);
    grid->addWidget(m_contactAdd, 1, 1);
    grid->addWidget(m_contactsError, 2, 0, 1, 3);
    grid->setColumnStretch(0, 1);

    connect(m_contactAdd, &QPushButton::clicked, this, &MemberEditor::addContact);
    connect(m_contactToAdd, &QLineEdit::returnPressed, this, &MemberEditor::addContact);
    connect(m_contactRemove, &QPushButton::clicked, this, &MemberEditor::removeContact);
    return m_contactsGroup;
}

void MemberEditor::setHub(Hub *hub)
{
    m_hub = hub;
    m_offers->setHub(hub);
    m_needs->setHub(hub);
    m_member.reset();
    setEnabled(hub != nullptr);
    reloadSkillNames();
    startNewMember();
}

void MemberEditor::reloadSkillNames()
{
    QStringList names;
    if (m_hub) {
        if (auto skills = m_hub->skills().list()) {
            for (const Skill &s : std::as_const(*skills))
                names << s.name;
        }
    }
    m_skills->setSkillNames(names);
    m_offers->setSkillNames(names);
    m_needs->setSkillNames(names);
}

void MemberEditor::startNewMember()
{
    m_member.reset();
    MemberDraft blank;
    blank.joinedOn = m_hub ? m_hub->members().today() : QDate::currentDate();
    fillFields(blank);
    m_skills->setSkills({});
    m_offers->setMember({});
    m_needs->setMember({});
    m_consentChanged->setText(tr("Consent is recorded when the member is saved."));
    m_status->clear();
    resetErrors();
    updateHeader();
    updateActions();
    markClean();
    m_displayName->setFocus();
}

void MemberEditor::showMember(MemberId id)
{
    if (!m_hub)
        return;
    auto loaded = m_hub->members().get(id);
    if (!loaded) {
        m_status->setText(loaded.error().message);
        return;
    }
    m_member = *loaded;
    fillFields(*m_member);
    auto skills = m_hub->skills().memberSkills(id);
    m_skills->setSkills(skills ? *skills : QList<MemberSkill>{});
    m_offers->setMember(id);
    m_needs->setMember(id);
    m_consentChanged->setText(
        m_member->consentChangedAt.isValid()
            ? tr("Consent last changed on %1").arg(DisplayFormat::date(m_member->consentChangedAt.toLocalTime().date()))
            : tr("Consent has not been recorded yet."));
    m_status->clear();
    resetErrors();
    reloadContacts();
    updateHeader();
    updateActions();
    markClean();
}

void MemberEditor::reread()
{
    if (!m_member)
        return;
    const QString status = m_status->text();
    showMember(m_member->id);
    if (m_status->text().isEmpty())
        m_status->setText(status);
}

void MemberEditor::fillFields(const MemberDraft &d)
{
    m_kind->setCurrentIndex(m_kind->findData(int(d.kind)));
    m_displayName->setText(d.displayName);
    m_givenName->setText(d.givenName);
    m_familyName->setText(d.familyName);
    m_email->setText(d.email);
    m_phone->setText(d.phone);
    m_postcode->setText(d.postcode);
    m_address->setText(d.address);
    m_website->setText(d.website);
    m_interests->setText(d.interests.join(QStringLiteral(", ")));
    m_joinedOn->setDate(d.joinedOn.isValid() ? d.joinedOn : QDate::currentDate());
    m_notes->setPlainText(d.notes);
    m_directory->setChecked(d.consent.directoryVisible);
    m_showEmail->setChecked(d.consent.showEmail);
    m_showPhone->setChecked(d.consent.showPhone);
    m_showEmail->setEnabled(d.consent.directoryVisible);
    m_showPhone->setEnabled(d.consent.directoryVisible);
}

QStringList MemberEditor::formState() const
{
    const MemberDraft d = draft();
    QStringList state{
        QString::number(int(d.kind)),
        d.displayName,
        d.givenName,
        d.familyName,
        d.email,
        d.phone,
        d.postcode,
        d.address,
        d.website,
        d.interests.join(u','),
        d.joinedOn.toString(Qt::ISODate),
        d.notes,
        QString::number(int(d.consent.directoryVisible) * 4 + int(d.consent.showEmail) * 2 + int(d.consent.showPhone))};
    for (const MemberSkill &skill : m_skills->skills())
        state << skill.name + u':' + QString::number(int(skill.level));
    return state;
}

bool MemberEditor::isModified() const
{
    return m_hub && isEnabled() && formState() != m_cleanState;
}

void MemberEditor::revert()
{
    clearErrors();
    if (m_member)
        showMember(m_member->id);
    else
        startNewMember();
    m_status->setText(tr("Changes were put back."));
}

bool MemberEditor::settle()
{
    if (!isModified())
        return true;
    const QString name = m_displayName->text().trimmed();
    const auto answer =
        QMessageBox::question(this, tr("Save the Changes?"),
                              name.isEmpty() ? tr("The new member's details were changed but not saved. Save them?")
                                             : tr("The details of %1 were changed but not saved. Save them?").arg(name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save(); // a refused value stays on screen, beside its field
    if (answer == QMessageBox::Discard) {
        if (m_member)
            showMember(m_member->id);
        else
            startNewMember();
        return true;
    }
    return false;
}

MemberDraft MemberEditor::draft() const
{
    // Start from the stored record so what the form does not show (status
    // dates) is kept as it is.
    MemberDraft d = m_member ? static_cast<const MemberDraft &>(*m_member) : MemberDraft{};
    d.kind = MemberKind(m_kind->currentData().toInt());
    d.displayName = m_displayName->text();
    d.givenName = m_givenName->text();
    d.familyName = m_familyName->text();
    d.email = m_email->text();
    d.phone = m_phone->text();
    d.postcode = m_postcode->text();
    d.address = m_address->text();
    d.website = m_website->text();
    d.interests = splitInterests(m_interests->text());
    d.joinedOn = m_joinedOn->date();
    d.notes = m_notes->toPlainText();
    d.consent.directoryVisible = m_directory->isChecked();
    d.consent.showEmail = m_directory->isChecked() && m_showEmail->isChecked();
    d.consent.showPhone = m_directory->isChecked() && m_showPhone->isChecked();
    return d;
}

bool MemberEditor::save()
{
    if (!m_hub)
        return false;
    clearErrors();
    const MemberDraft d = draft();
    if (auto valid = MemberService::validate(d); !valid) {
        showError(valid.error());
        return false;
    }
    const bool created = !m_member;
    Result<Member> written;
    if (created) {
        written = MemberEnrolment::enrol(*m_hub, Enrolment{d, m_skills->skills(), {}, {}});
    } else {
        written = m_hub->members().update(m_member->id, d);
        if (written) {
            if (auto ok = m_hub->skills().setMemberSkills(m_member->id, m_skills->skills()); !ok)
                written = fail(ok.error());
        }
    }
    if (!written) {
        showError(written.error());
        return false;
    }
    const MemberId id = written->id;
    reloadSkillNames();
    showMember(id);
    m_status->setText(created ? tr("%1 was added.").arg(written->displayName)
                              : tr("Changes to %1 were saved.").arg(written->displayName));
    Q_EMIT saved(id, created);
    return true;
}

bool MemberEditor::markStatus(MemberStatus status)
{
    if (!m_hub || !m_member)
        return false;
    const MemberId id = m_member->id;
    if (auto ok = m_hub->members().setStatus(id, status); !ok) {
        m_status->setText(ok.error().message);
        return false;
    }
    showMember(id);
    Q_EMIT memberChanged(id);
    return true;
}

bool MemberEditor::forget()
{
    if (!m_hub || !m_member)
        return false;
    const MemberId id = m_member->id;
    QMessageBox box(QMessageBox::Warning, tr("Forget %1?").arg(m_member->displayName),
                    tr("Forget %1 for good?\n\n"
                       "Erased from this hub: their names, e-mail, phone, postcode, address, "
                       "website, notes, interests, consent, skills, and the words of their "
                       "offers and needs. This cannot be undone.\n\n"
                       "Kept, so every total still adds up: their ledger transfers and balance, "
                       "bookings and gathering attendance, shown from now on under “%2”.")
                        .arg(m_member->displayName, MemberService::pseudonym(id)),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("forgetConfirmation"));
    box.button(QMessageBox::Yes)->setText(tr("Forget"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return false;
    auto erased = m_hub->members().forget(id);
    if (!erased) {
        m_status->setText(erased.error().message);
        return false;
    }
    startNewMember();
    const bool server = m_hub->database().backend() == Backend::PostgreSQL;
    const QString pseudonym = MemberService::pseudonym(id);
    if (erased->complete)
        m_status->setText(server ? tr("The member's personal data was erased; they are now %1. The server's own "
                                      "log and backups keep older copies until it recycles them.")
                                       .arg(pseudonym)
                                 : tr("The member's personal data was erased; they are now %1.").arg(pseudonym));
    else
        m_status->setText(server ? tr("The erasure is recorded; they are now %1. The server keeps the old values "
                                      "until the hub is next opened by its owner's role, which clears them.")
                                       .arg(pseudonym)
                                 : tr("The erasure is recorded; they are now %1. Another desk or a backup is "
                                      "reading the hub, so the old values leave the file when it closes; "
                                      "Hubkeeper finishes this by itself.")
                                       .arg(pseudonym));
    Q_EMIT forgotten(id);
    return true;
}

bool MemberEditor::exportPersonalData()
{
    if (!m_hub || !m_member)
        return false;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("Personal data of %1.json").arg(m_member->displayName));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Personal Data As"), suggested, tr("JSON documents (*.json)"));
    if (path.isEmpty())
        return false;
    return exportPersonalData(path);
}

bool MemberEditor::exportPersonalData(const QString &path)
{
    if (!m_hub || !m_member)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = SubjectAccessExporter(*m_hub).write(m_member->id, path);
    QApplication::restoreOverrideCursor();
    if (!written) {
        m_status->setText(tr("The personal data was not saved: %1").arg(written.error().message));
        return false;
    }
    m_status->setText(
        tr("Everything held about %1 is in %2. It holds personal data: hand it over and delete your copy.")
            .arg(m_member->displayName, QDir::toNativeSeparators(path)));
    return true;
}

void MemberEditor::showError(const Error &error)
{
    if (FieldErrorLabel *label = m_errors.value(error.where)) {
        label->showError(error.message);
        if (QWidget *editor = m_editors.value(error.where)) {
            // The first bad field, where the person looks: in view, with the cursor.
            m_scroll->ensureWidgetVisible(editor);
            m_scroll->ensureWidgetVisible(label);
            editor->setFocus();
        }
        m_status->setText(tr("Nothing was saved: please correct the field marked."));
        return;
    }
    if (error.where == QStringLiteral("skill")) {
        m_skills->showError(error.message);
        m_status->setText(tr("Nothing was saved: please correct the skills."));
        return;
    }
    m_status->setText(error.text());
}

void MemberEditor::resetErrors()
{
    for (FieldErrorLabel *label : std::as_const(m_errors))
        label->reset();
    m_skills->showError(QString());
}

void MemberEditor::clearErrors()
{
    for (FieldErrorLabel *label : std::as_const(m_errors))
        label->clearError();
    m_skills->showError(QString());
}

void MemberEditor::updateHeader()
{
    if (!m_member) {
        m_title->setText(tr("New member"));
        m_subtitle->setText(tr("Fill in at least a name, then Save."));
        return;
    }
    m_title->setText(m_member->displayName);
    m_subtitle->setText(tr("Member #%1 · %2").arg(m_member->id.value()).arg(statusText(*m_member)));
}

void MemberEditor::updateActions()
{
    const bool stored = m_member.has_value();
    const bool forgotten = stored && m_member->forgotten;
    const MemberStatus status = stored ? m_member->status : MemberStatus::Active;
    const Permission write = stored ? Permission::EditMembers : Permission::AddMembers;
    PermissionGate::apply(m_save, m_hub, write, !forgotten);
    for (QPushButton *button : {m_markLapsed, m_markLeft, m_markActive})
        PermissionGate::apply(button, m_hub, Permission::EditMembers);
    PermissionGate::apply(m_forget, m_hub, Permission::ForgetMember);
    PermissionGate::apply(m_personalData, m_hub, Permission::ExportMembers);
    m_markLapsed->setVisible(stored && status == MemberStatus::Active);
    m_markLeft->setVisible(stored && status != MemberStatus::Left);
    m_markActive->setVisible(stored && status != MemberStatus::Active);
    m_forget->setVisible(stored && !forgotten);
    m_personalData->setVisible(stored && !forgotten);
    for (QWidget *editor : std::as_const(m_editors))
        editor->setEnabled(!forgotten);
    m_contactsGroup->setVisible(stored && MemberKind(m_kind->currentData().toInt()) == MemberKind::Organisation);
}

void MemberEditor::reloadContacts()
{
    m_contacts->clear();
    m_contactsError->clearError();
    if (!m_hub || !m_member || m_member->kind != MemberKind::Organisation)
        return;
    if (auto people = m_hub->members().contacts(m_member->id)) {
        for (const Member &p : std::as_const(*people)) {
            auto *item = new QListWidgetItem(
                p.email.isEmpty() ? p.displayName : tr("%1 <%2>").arg(p.displayName, p.email), m_contacts);
            item->setData(Qt::UserRole, p.id.value());
        }
    }
}

void MemberEditor::addContact()
{
    if (!m_hub || !m_member)
        return;
    auto person = m_hub->members().find(m_contactToAdd->text());
    if (!person) {
        m_contactsError->showError(person.error().message);
        return;
    }
    QList<MemberId> ids;
    for (int i = 0; i < m_contacts->count(); ++i)
        ids << MemberId(m_contacts->item(i)->data(Qt::UserRole).toLongLong());
    if (!ids.contains(person->id))
        ids << person->id;
    if (auto ok = m_hub->members().setContacts(m_member->id, ids); !ok) {
        m_contactsError->showError(ok.error().message);
        return;
    }
    m_contactToAdd->clear();
    reloadContacts();
}

void MemberEditor::removeContact()
{
    if (!m_hub || !m_member || !m_contacts->currentItem())
        return;
    QList<MemberId> ids;
    for (int i = 0; i < m_contacts->count(); ++i) {
        if (i != m_contacts->currentRow())
            ids << MemberId(m_contacts->item(i)->data(Qt::UserRole).toLongLong());
    }
    if (auto ok = m_hub->members().setContacts(m_member->id, ids); !ok) {
        m_contactsError->showError(ok.error().message);
        return;
    }
    reloadContacts();
}

} // namespace hub
