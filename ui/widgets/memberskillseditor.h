// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/members/member.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace hub {

class FieldErrorLabel;

/// The skills of one member: a list with levels, and a line to add a skill
/// that completes from the hub's taxonomy so "guitar" is not typed three ways.
/// Edits stay here until the member is saved.
class MemberSkillsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MemberSkillsEditor(QWidget *parent = nullptr);

    /// The names the completer offers (the taxonomy).
    void setSkillNames(const QStringList &names);
    void setSkills(const QList<MemberSkill> &skills);
    QList<MemberSkill> skills() const;
    void showError(const QString &message);

Q_SIGNALS:
    void edited();

private:
    void addSkill();
    void removeSelected();
    void addItem(const MemberSkill &skill);

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_level = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QStringListModel *m_names = nullptr;
    QCompleter *m_completer = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace hub
