// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberPicker;

/// Takes an idea to a working group: one that exists, chosen from a list,
/// or a new one with its name and convenor.
class PromoteDialog : public QDialog
{
    Q_OBJECT
public:
    PromoteDialog(Hub &hub, IdeaId idea, QWidget *parent = nullptr);

    void accept() override;
    /// The group the idea went to, once accepted.
    QString groupName() const { return m_groupName; }

private:
    void updateChoice();

    Hub &m_hub;
    IdeaId m_idea;
    QString m_groupName;
    QRadioButton *m_existing = nullptr;
    QComboBox *m_groups = nullptr;
    QRadioButton *m_new = nullptr;
    QLineEdit *m_name = nullptr;
    MemberPicker *m_convenor = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_convenorError = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace hub
