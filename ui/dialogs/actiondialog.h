// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberPicker;

/// A new action for a working group: what, who does it, by when.
class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    ActionDialog(Hub &hub, GroupId group, QWidget *parent = nullptr);

    void accept() override;
    /// The action saved, once accepted.
    ActionId saved() const { return m_saved; }

private:
    Hub &m_hub;
    GroupId m_group;
    ActionId m_saved;
    QLineEdit *m_title = nullptr;
    MemberPicker *m_owner = nullptr;
    QCheckBox *m_hasDue = nullptr;
    QDateEdit *m_due = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    FieldErrorLabel *m_titleError = nullptr;
    FieldErrorLabel *m_ownerError = nullptr;
    FieldErrorLabel *m_dueError = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace hub
