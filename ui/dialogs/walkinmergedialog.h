// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QLabel;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberPicker;

/// "Same person as…": the facilitator finds the member a walk-in turned out
/// to be. Saving merges them (attendance, ideas and votes move to the member),
/// which cannot be undone, so the dialog says so and asks once more.
class WalkInMergeDialog : public QDialog
{
    Q_OBJECT
public:
    WalkInMergeDialog(Hub &hub, const WalkIn &walkIn, QWidget *parent = nullptr);

    MemberPicker *picker() const { return m_picker; }
    MemberId merged() const { return m_merged; }
    void accept() override;

private:
    Hub &m_hub;
    WalkIn m_walkIn;
    MemberId m_merged;
    MemberPicker *m_picker = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace hub
