// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/actiondialog.h"

#include "core/common/displayformat.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

ActionDialog::ActionDialog(Hub &hub, GroupId group, QWidget *parent) : QDialog(parent), m_hub(hub), m_group(group)
{
    setObjectName(QStringLiteral("actionDialog"));
    QString groupName;
    if (auto g = m_hub.workingGroups().get(group))
        groupName = g->name;
    setWindowTitle(tr("New Action for %1").arg(groupName));

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("actionTitle"));
    m_title->setMaxLength(WorkingGroupService::MaxTitleLength);
    m_title->setPlaceholderText(tr("e.g. Ask the council about the empty shop"));
    m_titleError = FieldErrorLabel::named("actionTitleError");
    m_owner = new MemberPicker(this);
    m_owner->setObjectName(QStringLiteral("actionOwner"));
    m_owner->setAccessibleName(tr("Who does it"));
    m_owner->setHub(&m_hub);
    m_ownerError = FieldErrorLabel::named("actionOwnerError");
    m_hasDue = new QCheckBox(tr("&By:"), this);
    m_hasDue->setObjectName(QStringLiteral("actionHasDue"));
    m_hasDue->setChecked(true);
    m_due = new QDateEdit(m_hub.workingGroups().today().addDays(14), this);
    m_due->setObjectName(QStringLiteral("actionDue"));
    m_due->setAccessibleName(tr("Due date"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(DisplayFormat::dateEditFormat());
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    m_dueError = FieldErrorLabel::named("actionDueError");
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("actionNotes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("actionProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *dueRow = new QWidget(this);
    auto *dueLayout = new QHBoxLayout(dueRow);
    dueLayout->setContentsMargins(0, 0, 0, 0);
    dueLayout->addWidget(m_hasDue);
    dueLayout->addWidget(m_due);
    dueLayout->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&What:"), FieldErrorLabel::withError(m_title, m_titleError));
    form->addRow(tr("&Who:"), FieldErrorLabel::withError(m_owner, m_ownerError));
    form->addRow(tr("When:"), FieldErrorLabel::withError(dueRow, m_dueError));
    form->addRow(tr("&Notes:"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("actionSave"));
    buttons->button(QDialogButtonBox::Save)->setText(tr("&Add Action"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ActionDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_title->setFocus();
}

void ActionDialog::accept()
{
    for (FieldErrorLabel *label : {m_titleError, m_ownerError, m_dueError})
        label->clearError();
    m_problem->hide();
    if (!m_owner->member().isValid() && !m_owner->text().trimmed().isEmpty())
        m_owner->resolveTyped();
    if (!m_owner->member().isValid()) {
        m_ownerError->showError(
            m_owner->text().trimmed().isEmpty()
                ? tr("choose who does it: an action needs an owner")
                : tr("no single member matches “%1”: pick one from the list").arg(m_owner->text().trimmed()));
        m_owner->setFocus();
        return;
    }
    ActionDraft d;
    d.group = m_group;
    d.title = m_title->text();
    d.owner = m_owner->member();
    d.due = m_hasDue->isChecked() ? m_due->date() : QDate();
    d.notes = m_notes->toPlainText();
    auto added = m_hub.workingGroups().addAction(d);
    if (!added) {
        const Error &e = added.error();
        if (e.where == QStringLiteral("title")) {
            m_titleError->showError(e.message);
            m_title->setFocus();
        } else if (e.where == QStringLiteral("owner")) {
            m_ownerError->showError(e.message);
            m_owner->setFocus();
        } else if (e.where == QStringLiteral("due")) {
            m_dueError->showError(e.message);
            m_due->setFocus();
        } else {
            m_problem->setText(tr("Not added. %1").arg(sentence(e.message)));
            m_problem->show();
        }
        return;
    }
    m_saved = added->id;
    QDialog::accept();
}

} // namespace hub
