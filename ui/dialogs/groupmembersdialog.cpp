// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/groupmembersdialog.h"

#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/sentence.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int MemberRole = Qt::UserRole;
} // namespace

GroupMembersDialog::GroupMembersDialog(Hub &hub, GroupId group, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_group(group)
{
    setObjectName(QStringLiteral("groupMembersDialog"));
    QString name;
    if (auto g = m_hub.workingGroups().get(group))
        name = g->name;
    setWindowTitle(tr("Members of %1").arg(name));

    m_members = new QListWidget(this);
    m_members->setObjectName(QStringLiteral("groupMembers"));
    m_members->setAccessibleName(tr("Members of the group"));
    connect(m_members, &QListWidget::currentRowChanged, this, &GroupMembersDialog::updateButtons);
    auto *membersLabel = new QLabel(tr("&Members:"), this);
    membersLabel->setBuddy(m_members);

    m_picker = new MemberPicker(this);
    m_picker->setObjectName(QStringLiteral("groupMemberPicker"));
    m_picker->setAccessibleName(tr("Member to add"));
    m_picker->setHub(&m_hub);
    connect(m_picker, &MemberPicker::memberChanged, this, &GroupMembersDialog::updateButtons);
    connect(m_picker, &QLineEdit::returnPressed, this, &GroupMembersDialog::addPicked);
    auto *pickLabel = new QLabel(tr("A&dd:"), this);
    pickLabel->setBuddy(m_picker);
    m_add = new QPushButton(tr("&Add to Group"), this);
    m_add->setObjectName(QStringLiteral("groupAddMember"));
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, &GroupMembersDialog::addPicked);

    m_remove = new QPushButton(tr("&Remove from Group"), this);
    m_remove->setObjectName(QStringLiteral("groupRemoveMember"));
    m_remove->setAutoDefault(false);
    connect(m_remove, &QPushButton::clicked, this, &GroupMembersDialog::removeSelected);
    m_convenor = new QPushButton(tr("Make &Convenor"), this);
    m_convenor->setObjectName(QStringLiteral("groupMakeConvenor"));
    m_convenor->setAutoDefault(false);
    connect(m_convenor, &QPushButton::clicked, this, &GroupMembersDialog::makeConvenor);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("groupMembersStatus"));
    m_status->setWordWrap(true);

    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(pickLabel);
    pickRow->addWidget(m_picker, 1);
    pickRow->addWidget(m_add);
    auto *memberButtons = new QHBoxLayout;
    memberButtons->addWidget(m_convenor);
    memberButtons->addWidget(m_remove);
    memberButtons->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &GroupMembersDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(membersLabel);
    layout->addWidget(m_members, 1);
    layout->addLayout(memberButtons);
    layout->addLayout(pickRow);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumSize(440, 380);
    reload();
    m_picker->setFocus();
}

void GroupMembersDialog::reload()
{
    const MemberId keep = selectedMember();
    m_members->clear();
    auto members = m_hub.workingGroups().members(m_group);
    if (!members) {
        report(sentence(members.error().message), true);
        return;
    }
    for (const GroupMember &m : std::as_const(*members)) {
        auto *item = new QListWidgetItem(m.convenor ? tr("%1 — convenor").arg(m.name) : m.name, m_members);
        item->setData(MemberRole, m.member.value());
        if (m.member == keep)
            m_members->setCurrentItem(item);
    }
    if (members->isEmpty())
        report(tr("No one is in this group yet: add the first member below."), false);
    updateButtons();
}

MemberId GroupMembersDialog::selectedMember() const
{
    const QListWidgetItem *item = m_members ? m_members->currentItem() : nullptr;
    return item ? MemberId(item->data(MemberRole).toLongLong()) : MemberId();
}

void GroupMembersDialog::updateButtons()
{
    const bool selected = selectedMember().isValid();
    m_remove->setEnabled(selected);
    m_convenor->setEnabled(selected);
    m_add->setEnabled(!m_picker->text().trimmed().isEmpty());
}

void GroupMembersDialog::report(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void GroupMembersDialog::addPicked()
{
    if (!m_picker->member().isValid() && !m_picker->resolveTyped()) {
        report(tr("No single member matches “%1”: pick one from the list.").arg(m_picker->text().trimmed()), true);
        m_picker->setFocus();
        return;
    }
    const QString name = m_picker->text();
    if (auto ok = m_hub.workingGroups().join(m_group, m_picker->member()); !ok) {
        report(sentence(ok.error().message), true);
        return;
    }
    m_changed = true;
    report(tr("%1 joined the group.").arg(name), false);
    m_picker->setMember(MemberId());
    reload();
    m_picker->setFocus();
}

void GroupMembersDialog::removeSelected()
{
    const MemberId member = selectedMember();
    if (!member.isValid())
        return;
    const QString name = m_members->currentItem()->text();
    if (auto ok = m_hub.workingGroups().leave(m_group, member); !ok) {
        report(sentence(ok.error().message), true);
        return;
    }
    m_changed = true;
    report(tr("%1 left the group.").arg(name), false);
    reload();
}

void GroupMembersDialog::makeConvenor()
{
    const MemberId member = selectedMember();
    if (!member.isValid())
        return;
    if (auto ok = m_hub.workingGroups().setConvenor(m_group, member); !ok) {
        report(sentence(ok.error().message), true);
        return;
    }
    m_changed = true;
    reload();
    if (m_members->currentItem())
        report(
            tr("%1 convenes the group now.").arg(m_members->currentItem()->text().section(QStringLiteral(" — "), 0, 0)),
            false);
}

} // namespace hub
