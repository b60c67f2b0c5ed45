// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/challengedialog.h"

#include "core/common/displayformat.h"
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/spaces/bookingservice.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimeZone>
#include <QVBoxLayout>

#include <utility>

namespace hub {

ChallengeDialog::ChallengeDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setWindowTitle(tr("New business challenge"));
    setObjectName(QStringLiteral("challengeDialog"));

    buildOrganisationField();
    buildTextFields();
    QWidget *skillBox = buildSkillsBox();
    buildGatheringField();

    auto *form = new QFormLayout;
    form->addRow(tr("&Business:"), FieldErrorLabel::withError(m_organisation, m_organisationError));
    form->addRow(tr("&Challenge:"), FieldErrorLabel::withError(m_title, m_titleError));
    form->addRow(tr("&Description:"), FieldErrorLabel::withError(m_description, m_descriptionError));
    form->addRow(tr("&Skills:"), skillBox);
    form->addRow(tr("&Presented at:"), m_gathering);
    auto *hint = new QLabel(tr("Members in the shared directory with these skills are suggested as helpers."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("challengeSave"));
    buttons->button(QDialogButtonBox::Save)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChallengeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChallengeDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void ChallengeDialog::buildOrganisationField()
{
    // Organisations only: a challenge comes from a local business. Editable,
    // so a long directory is searched by typing rather than scrolled.
    m_organisation = new QComboBox(this);
    m_organisation->setObjectName(QStringLiteral("challengeOrganisation"));
    m_organisation->setAccessibleName(tr("Business"));
    m_organisation->setEditable(true);
    m_organisation->setInsertPolicy(QComboBox::NoInsert);
    m_organisation->completer()->setFilterMode(Qt::MatchContains);
    m_organisation->completer()->setCompletionMode(QCompleter::PopupCompletion);
    MemberFilter organisations;
    organisations.kind = MemberKind::Organisation;
    organisations.status = MemberStatus::Active;
    if (auto list = m_hub.members().list(organisations))
        for (const Member &m : std::as_const(*list))
            m_organisation->addItem(m.displayName, m.id.value());
    m_organisation->setCurrentIndex(-1);
    m_organisation->lineEdit()->setPlaceholderText(
        m_organisation->count() > 0 ? tr("Type to find an organisation member")
                                    : tr("No organisation members yet: add the business on the Members page"));
    m_organisationError = FieldErrorLabel::named("challengeOrganisationError");
}

void ChallengeDialog::buildTextFields()
{
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("challengeTitle"));
    m_title->setMaxLength(ChallengeService::MaxTitleLength);
    m_title->setPlaceholderText(tr("e.g. Our website is out of date"));
    m_titleError = FieldErrorLabel::named("challengeTitleError");

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("challengeDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What the business needs, in its own words"));
    m_description->setMinimumHeight(90);
    m_descriptionError = FieldErrorLabel::named("challengeDescriptionError");
}

QWidget *ChallengeDialog::buildSkillsBox()
{
    m_skill = new QLineEdit(this);
    m_skill->setObjectName(QStringLiteral("challengeSkill"));
    m_skill->setPlaceholderText(tr("A skill that would help, then Enter"));
    m_skill->setAccessibleName(tr("Add a skill"));
    QStringList names;
    if (auto skills = m_hub.skills().list())
        for (const Skill &s : std::as_const(*skills))
            names << s.name;
    auto *completer = new QCompleter(names, m_skill);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_skill->setCompleter(completer);
    auto *add = new QPushButton(tr("&Add skill"), this);
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &ChallengeDialog::addTypedSkill);
    connect(m_skill, &QLineEdit::returnPressed, this, [this] {
        addTypedSkill();
        m_skillEntered = true;
    });
    m_skills = new QListWidget(this);
    m_skills->setObjectName(QStringLiteral("challengeSkills"));
    m_skills->setAccessibleName(tr("Skills that would help"));
    m_skills->setFlow(QListView::LeftToRight);
    m_skills->setWrapping(true);
    m_skills->setSpacing(3);
    m_skills->setMaximumHeight(64);
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setAutoDefault(false);
    connect(remove, &QPushButton::clicked, this, &ChallengeDialog::removeSkill);
    auto *del = new QShortcut(QKeySequence::Delete, m_skills);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ChallengeDialog::removeSkill);
    m_skillsError = FieldErrorLabel::named("challengeSkillsError");
    auto *skillRow = new QHBoxLayout;
    skillRow->addWidget(m_skill, 1);
    skillRow->addWidget(add);
    auto *chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_skills, 1);
    chosenRow->addWidget(remove, 0, Qt::AlignTop);
    auto *skillBox = new QWidget(this);
    auto *skillColumn = new QVBoxLayout(skillBox);
    skillColumn->setContentsMargins(0, 0, 0, 0);
    skillColumn->addLayout(skillRow);
    skillColumn->addLayout(chosenRow);
    skillColumn->addWidget(m_skillsError);
    return skillBox;
}

void ChallengeDialog::buildGatheringField()
{
    m_gathering = new QComboBox(this);
    m_gathering->setObjectName(QStringLiteral("challengeGathering"));
    m_gathering->addItem(tr("Not presented at a gathering"), 0);
    const QTimeZone zone = m_hub.bookings().zone();
    auto addGatherings = [&](const Result<QList<Gathering>> &list) {
        if (list)
            for (const Gathering &g : std::as_const(*list))
                m_gathering->addItem(tr("%1 — %2").arg(DisplayFormat::date(g.start.toTimeZone(zone).date()), g.title),
                                     g.id.value());
    };
    addGatherings(m_hub.gatherings().upcoming(20));
    addGatherings(m_hub.gatherings().past(30));
}

bool ChallengeDialog::setOrganisation(const QString &name)
{
    const int at = m_organisation->findText(name, Qt::MatchFixedString);
    m_organisation->setCurrentIndex(at);
    return at >= 0;
}

void ChallengeDialog::addSkill(const QString &name)
{
    const QString skill = name.trimmed();
    if (skill.isEmpty())
        return;
    for (int i = 0; i < m_skills->count(); ++i)
        if (m_skills->item(i)->text().compare(skill, Qt::CaseInsensitive) == 0)
            return;
    m_skills->addItem(skill);
    m_skillsError->clearError();
}

QStringList ChallengeDialog::skills() const
{
    QStringList out;
    for (int i = 0; i < m_skills->count(); ++i)
        out << m_skills->item(i)->text();
    return out;
}

void ChallengeDialog::addTypedSkill()
{
    addSkill(m_skill->text());
    m_skill->clear();
    m_skill->setFocus();
}

void ChallengeDialog::removeSkill()
{
    delete m_skills->currentItem();
}

ChallengeDraft ChallengeDialog::draft() const
{
    ChallengeDraft d;
    d.title = m_title->text();
    d.description = m_description->toPlainText();
    d.skills = skills();
    if (const qint64 g = m_gathering->currentData().toLongLong(); g > 0)
        d.gathering = GatheringId(g);
    return d;
}

void ChallengeDialog::clearErrors()
{
    for (FieldErrorLabel *e : {m_organisationError, m_titleError, m_descriptionError, m_skillsError})
        e->clearError();
}

void ChallengeDialog::accept()
{
    // The same Enter reaches the dialog's default button after the skill box.
    if (std::exchange(m_skillEntered, false))
        return;
    clearErrors();
    // A skill still in the box counts: nobody expects to press Add before Save.
    if (!m_skill->text().trimmed().isEmpty())
        addTypedSkill();
    ChallengeDraft d = draft();
    // The typed text decides, so a name typed without choosing from the popup still counts.
    const int at = m_organisation->findText(m_organisation->currentText().trimmed(), Qt::MatchFixedString);
    if (at < 0) {
        m_organisationError->showError(
            m_organisation->currentText().trimmed().isEmpty()
                ? tr("Choose the business bringing the challenge.")
                : tr("No organisation member is called “%1”.").arg(m_organisation->currentText().trimmed()));
        m_organisation->setFocus();
        return;
    }
    d.organisation = MemberId(m_organisation->itemData(at).toLongLong());
    auto c = m_hub.challenges().add(d);
    if (!c) {
        const QString where = c.error().where;
        FieldErrorLabel *error = m_titleError;
        QWidget *field = m_title;
        if (where == QStringLiteral("organisation")) {
            error = m_organisationError;
            field = m_organisation;
        } else if (where == QStringLiteral("description")) {
            error = m_descriptionError;
            field = m_description;
        } else if (where == QStringLiteral("skills")) {
            error = m_skillsError;
            field = m_skill;
        }
        error->showError(c.error().message);
        field->setFocus();
        return;
    }
    m_saved = c->id;
    QDialog::accept();
}

} // namespace hub
