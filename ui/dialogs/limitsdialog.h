// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hub {

class FieldErrorLabel;
class Hub;

/// Changes an account's lower limit, upper limit and warning level. Core
/// refuses a change that would leave the balance in breach; the dialog then
/// offers to override it with a note, which core records.
class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `hub` must outlive the dialog.
    LimitsDialog(Hub &hub, const Account &account, QWidget *parent = nullptr);
    ~LimitsDialog() override;

    /// Checks the fields and asks core to save; false with the reason shown.
    bool save();

private:
    std::optional<std::optional<Amount>> parseField(QLineEdit *field, FieldErrorLabel *error, bool required);
    FieldErrorLabel *errorFor(const QString &where) const;

    Hub &m_hub;
    Account m_account;
    HubSettings m_settings;
    QLineEdit *m_min = nullptr;
    QLineEdit *m_max = nullptr;
    QLineEdit *m_warn = nullptr;
    FieldErrorLabel *m_minError = nullptr;
    FieldErrorLabel *m_maxError = nullptr;
    FieldErrorLabel *m_warnError = nullptr;
    QLabel *m_refusal = nullptr;
    QCheckBox *m_override = nullptr;
    QLineEdit *m_note = nullptr;
    FieldErrorLabel *m_noteError = nullptr;
};

} // namespace hub
