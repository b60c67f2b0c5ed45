// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace hub {

class Hub;
class MemberPicker;

/// Who is in a working group, and who convenes it: add, remove, hand over.
/// Each change is saved at once (and recorded), as in a contact list.
class GroupMembersDialog : public QDialog
{
    Q_OBJECT
public:
    GroupMembersDialog(Hub &hub, GroupId group, QWidget *parent = nullptr);

    /// True once anything was changed, so the page refreshes.
    bool changedAnything() const { return m_changed; }

private:
    void reload();
    void addPicked();
    void removeSelected();
    void makeConvenor();
    void updateButtons();
    void report(const QString &text, bool problem);
    MemberId selectedMember() const;

    Hub &m_hub;
    GroupId m_group;
    bool m_changed = false;
    QListWidget *m_members = nullptr;
    MemberPicker *m_picker = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_convenor = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace hub
