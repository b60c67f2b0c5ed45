// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace hub {

class FieldErrorLabel;
class Hub;

/// Records a challenge a local business brings: which organisation, what it
/// needs, the skills that would help (completed from the hub's skills, so the
/// suggestions find people) and, optionally, the gathering where it was told.
class ChallengeDialog : public QDialog
{
    Q_OBJECT
public:
    ChallengeDialog(Hub &hub, QWidget *parent = nullptr);

    ChallengeId saved() const { return m_saved; }
    void accept() override;
    /// Picks the organisation by name, as typing it and Enter would.
    bool setOrganisation(const QString &name);
    void addSkill(const QString &name);
    QStringList skills() const;

private:
    void buildOrganisationField();
    void buildTextFields();
    QWidget *buildSkillsBox();
    void buildGatheringField();
    void addTypedSkill();
    void removeSkill();
    ChallengeDraft draft() const;
    void clearErrors();

    Hub &m_hub;
    ChallengeId m_saved;
    bool m_skillEntered = false; ///< Enter in the skill box adds a skill; it must not also save
    QComboBox *m_organisation = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLineEdit *m_skill = nullptr;
    QListWidget *m_skills = nullptr;
    QComboBox *m_gathering = nullptr;
    FieldErrorLabel *m_organisationError = nullptr;
    FieldErrorLabel *m_titleError = nullptr;
    FieldErrorLabel *m_descriptionError = nullptr;
    FieldErrorLabel *m_skillsError = nullptr;
};

} // namespace hub
