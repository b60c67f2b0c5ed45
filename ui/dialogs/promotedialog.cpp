// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/promotedialog.h"

#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/sentence.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hub {

PromoteDialog::PromoteDialog(Hub &hub, IdeaId idea, QWidget *parent) : QDialog(parent), m_hub(hub), m_idea(idea)
{
    setObjectName(QStringLiteral("promoteDialog"));
    setWindowTitle(tr("Promote to a Working Group"));
    QString ideaTitle;
    if (auto i = m_hub.ideas().get(idea))
        ideaTitle = i->title;
    auto *heading = new QLabel(tr("Where does “%1” go next?").arg(ideaTitle), this);
    heading->setWordWrap(true);

    m_existing = new QRadioButton(tr("Add it to an &existing group:"), this);
    m_existing->setObjectName(QStringLiteral("promoteToExisting"));
    m_groups = new QComboBox(this);
    m_groups->setObjectName(QStringLiteral("promoteGroup"));
    m_groups->setAccessibleName(tr("Existing working group"));
    if (auto groups = m_hub.workingGroups().list()) {
        for (const WorkingGroup &g : std::as_const(*groups))
            m_groups->addItem(g.convenorName.isEmpty() ? g.name : tr("%1 (convened by %2)").arg(g.name, g.convenorName),
                              g.name);
    }
    m_new = new QRadioButton(tr("Start a &new group:"), this);
    m_new->setObjectName(QStringLiteral("promoteToNew"));
    m_name = new QLineEdit(ideaTitle, this);
    m_name->setObjectName(QStringLiteral("promoteName"));
    m_name->setAccessibleName(tr("Name of the new group"));
    m_name->setMaxLength(WorkingGroupService::MaxNameLength);
    m_nameError = FieldErrorLabel::named("promoteNameError");
    m_convenor = new MemberPicker(this);
    m_convenor->setObjectName(QStringLiteral("promoteConvenor"));
    m_convenor->setAccessibleName(tr("Convenor of the new group"));
    m_convenor->setPlaceholderText(tr("Who convenes it (optional)"));
    m_convenor->setHub(&m_hub);
    m_convenorError = FieldErrorLabel::named("promoteConvenorError");
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("promoteProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    const bool anyGroup = m_groups->count() > 0;
    m_existing->setEnabled(anyGroup);
    (anyGroup ? m_existing : m_new)->setChecked(true);
    if (!anyGroup)
        m_existing->setText(tr("Add it to an existing group (there are none yet)"));
    connect(m_existing, &QRadioButton::toggled, this, &PromoteDialog::updateChoice);
    connect(m_new, &QRadioButton::toggled, this, &PromoteDialog::updateChoice);

    auto *newForm = new QFormLayout;
    newForm->setContentsMargins(24, 0, 0, 0);
    auto *nameLabel = new QLabel(tr("Na&me:"), this);
    nameLabel->setBuddy(m_name);
    auto *convenorLabel = new QLabel(tr("&Convenor:"), this);
    convenorLabel->setBuddy(m_convenor);
    newForm->addRow(nameLabel, FieldErrorLabel::withError(m_name, m_nameError));
    newForm->addRow(convenorLabel, FieldErrorLabel::withError(m_convenor, m_convenorError));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Promote"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("promoteSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PromoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PromoteDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_existing);
    auto *groupIndent = new QVBoxLayout;
    groupIndent->setContentsMargins(24, 0, 0, 0);
    groupIndent->addWidget(m_groups);
    layout->addLayout(groupIndent);
    layout->addWidget(m_new);
    layout->addLayout(newForm);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updateChoice();
}

void PromoteDialog::updateChoice()
{
    const bool existing = m_existing->isChecked();
    m_groups->setEnabled(existing);
    m_name->setEnabled(!existing);
    m_convenor->setEnabled(!existing);
    (existing ? static_cast<QWidget *>(m_groups) : m_name)->setFocus();
}

void PromoteDialog::accept()
{
    m_nameError->clearError();
    m_convenorError->clearError();
    m_problem->hide();
    QString name;
    std::optional<MemberId> convenor;
    if (m_existing->isChecked()) {
        name = m_groups->currentData().toString();
    } else {
        name = m_name->text().trimmed();
        if (name.isEmpty()) {
            m_nameError->showError(tr("give the new group a name"));
            m_name->setFocus();
            return;
        }
        if (!m_convenor->text().trimmed().isEmpty() && !m_convenor->member().isValid() && !m_convenor->resolveTyped()) {
            m_convenorError->showError(
                tr("no single member matches “%1”: pick one from the list").arg(m_convenor->text().trimmed()));
            m_convenor->setFocus();
            return;
        }
        if (m_convenor->member().isValid())
            convenor = m_convenor->member();
    }
    auto group = m_hub.workingGroups().promote(m_idea, name, convenor,
                                               m_existing->isChecked() ? WorkingGroupService::GroupChoice::JoinOrStart
                                                                       : WorkingGroupService::GroupChoice::StartNew);
    if (!group && group.error().where == QStringLiteral("group")) {
        m_nameError->showError(group.error().message);
        m_name->setFocus();
        return;
    }
    if (!group) {
        m_problem->setText(tr("Not promoted. %1").arg(sentence(group.error().message)));
        m_problem->show();
        return;
    }
    m_groupName = group->name;
    QDialog::accept();
}

} // namespace hub
