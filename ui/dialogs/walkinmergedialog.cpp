// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/walkinmergedialog.h"

#include "core/gatherings/checkinservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

WalkInMergeDialog::WalkInMergeDialog(Hub &hub, const WalkIn &walkIn, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_walkIn(walkIn)
{
    setWindowTitle(tr("Same person as…"));
    setObjectName(QStringLiteral("walkInMergeDialog"));
    auto *intro =
        new QLabel(tr("%1 came as a walk-in%2. If they are already a member, find them here: their attendance, "
                      "ideas and votes move to the member's record.")
                       .arg(walkIn.name, walkIn.email.isEmpty() ? QString() : tr(" (%1)").arg(walkIn.email)),
                   this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_picker = new MemberPicker(this);
    m_picker->setObjectName(QStringLiteral("mergeMember"));
    m_picker->setAccessibleName(tr("The member they are"));
    m_picker->setHub(&hub);
    m_picker->setText(walkIn.name);
    m_error = FieldErrorLabel::named("mergeMemberError");
    auto *form = new QFormLayout;
    form->addRow(tr("&Member:"), FieldErrorLabel::withError(m_picker, m_error));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    merge->setObjectName(QStringLiteral("mergeWalkIn"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WalkInMergeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &WalkInMergeDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    m_picker->selectAll();
}

void WalkInMergeDialog::accept()
{
    m_error->clearError();
    if (!m_picker->member().isValid() && !m_picker->resolveTyped()) {
        m_error->showError(m_picker->text().trimmed().isEmpty()
                               ? tr("Type the member's name and choose them from the list.")
                               : tr("“%1” does not name one member; choose from the list.").arg(m_picker->text()));
        m_picker->setFocus();
        return;
    }
    auto member = m_hub.members().get(m_picker->member());
    if (!member) {
        m_error->showError(member.error().message);
        return;
    }
    if (QMessageBox::question(this, tr("Same person"),
                              tr("Merge the walk-in %1 into the member %2? Their attendance, ideas and votes move "
                                 "to %2. This cannot be undone.")
                                  .arg(m_walkIn.name, member->displayName),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto ok = m_hub.checkIns().merge(m_walkIn.id, member->id); !ok) {
        m_error->showError(ok.error().message);
        return;
    }
    m_merged = member->id;
    QDialog::accept();
}

} // namespace hub
