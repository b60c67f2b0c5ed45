// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/memberskillseditor.h"

#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>

namespace hub {

namespace {
constexpr int LevelRole = Qt::UserRole;

QString levelText(SkillLevel level)
{
    switch (level) {
    case SkillLevel::Unspecified:
        return {};
    case SkillLevel::Beginner:
        return MemberSkillsEditor::tr("beginner");
    case SkillLevel::Intermediate:
        return MemberSkillsEditor::tr("intermediate");
    case SkillLevel::Expert:
        return MemberSkillsEditor::tr("expert");
    }
    return {};
}
} // namespace

MemberSkillsEditor::MemberSkillsEditor(QWidget *parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("skillsList"));
    m_list->setAccessibleName(tr("Skills"));
    m_list->setMaximumHeight(96);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("skillName"));
    m_name->setAccessibleName(tr("New skill"));
    m_name->setPlaceholderText(tr("Add a skill, e.g. Carpentry"));
    m_names = new QStringListModel(this);
    m_completer = new QCompleter(m_names, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(m_completer);

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("skillLevel"));
    m_level->setAccessibleName(tr("Skill level"));
    m_level->addItem(tr("Any level"), int(SkillLevel::Unspecified));
    m_level->addItem(tr("Beginner"), int(SkillLevel::Beginner));
    m_level->addItem(tr("Intermediate"), int(SkillLevel::Intermediate));
    m_level->addItem(tr("Expert"), int(SkillLevel::Expert));

    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("skillAdd"));
    m_add->setAccessibleName(tr("Add skill"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("skillRemove"));
    m_remove->setAccessibleName(tr("Remove skill"));
    m_remove->setEnabled(false);

    m_error = new FieldErrorLabel(this);
    m_error->setObjectName(QStringLiteral("error_skill"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_list, 0, 0, 1, 3);
    grid->addWidget(m_remove, 0, 3, Qt::AlignTop);
    grid->addWidget(m_name, 1, 0);
    grid->addWidget(m_level, 1, 1);
    grid->addWidget(m_add, 1, 2);
    grid->addWidget(m_error, 2, 0, 1, 4);
    grid->setColumnStretch(0, 1);

    connect(m_add, &QPushButton::clicked, this, &MemberSkillsEditor::addSkill);
    connect(m_name, &QLineEdit::returnPressed, this, &MemberSkillsEditor::addSkill);
    connect(m_remove, &QPushButton::clicked, this, &MemberSkillsEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
}

void MemberSkillsEditor::setSkillNames(const QStringList &names)
{
    m_names->setStringList(names);
}

void MemberSkillsEditor::setSkills(const QList<MemberSkill> &skills)
{
    m_list->clear();
    m_name->clear();
    m_error->clearError();
    for (const MemberSkill &skill : skills)
        addItem(skill);
}

QList<MemberSkill> MemberSkillsEditor::skills() const
{
    QList<MemberSkill> out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        MemberSkill skill;
        skill.name = item->data(Qt::UserRole + 1).toString();
        skill.level = SkillLevel(item->data(LevelRole).toInt());
        out << skill;
    }
    return out;
}

void MemberSkillsEditor::showError(const QString &message)
{
    m_error->showError(message);
}

void MemberSkillsEditor::addItem(const MemberSkill &skill)
{
    const QString level = levelText(skill.level);
    auto *item = new QListWidgetItem(level.isEmpty() ? skill.name : tr("%1 — %2").arg(skill.name, level), m_list);
    item->setData(LevelRole, int(skill.level));
    item->setData(Qt::UserRole + 1, skill.name);
}

void MemberSkillsEditor::addSkill()
{
    const QString name = m_name->text().simplified();
    if (name.isEmpty())
        return;
    // The same skill twice would be refused on save; take the new level instead.
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole + 1).toString().compare(name, Qt::CaseInsensitive) == 0)
            delete m_list->takeItem(i--);
    }
    // Prefer the taxonomy's spelling when the typed name differs only in case.
    QString spelled = name;
    const QStringList known = m_names->stringList();
    for (const QString &k : known) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            spelled = k;
    }
    addItem(MemberSkill{{}, spelled, SkillLevel(m_level->currentData().toInt())});
    m_name->clear();
    m_level->setCurrentIndex(0);
    m_error->clearError();
    Q_EMIT edited();
}

void MemberSkillsEditor::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    Q_EMIT edited();
}

} // namespace hub
