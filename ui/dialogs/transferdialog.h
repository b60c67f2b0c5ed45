// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace hub {

class FieldErrorLabel;
class Hub;
class MemberPicker;

/// Records one transfer in two steps: the entry form (who pays whom, how
/// much, what for), then a confirmation that shows both balances before and
/// after. Core decides; a refusal is shown on the confirmation step and
/// nothing is posted.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    /// `hub` must outlive the dialog.
    explicit TransferDialog(Hub &hub, QWidget *parent = nullptr);
    ~TransferDialog() override;

    void setPayer(MemberId member);
    void setPayee(MemberId member);

    /// Checks the form and moves on to the confirmation step; false (with the
    /// problems beside their fields) when the form is not complete.
    bool review();
    /// Back from the confirmation to the form.
    void backToForm();
    /// Posts the reviewed transfer. False when core refused it: the reason is
    /// shown and nothing was written.
    bool post();

    bool isConfirming() const;
    /// The transfer posted by this dialog, once it has been.
    std::optional<Posting> posting() const { return m_posting; }
    /// What core said when it refused the last attempt, for people.
    QString refusal() const;

private:
    QWidget *buildForm();
    void createPartyFields();
    QWidget *createAmountRow();
    void createMemoFields();
    QWidget *buildConfirmation();
    void validateAmount();
    std::optional<Amount> parsedAmount(bool showProblems);
    TransferDraft draft() const;
    /// The error label and the field of the form that Error::where names, if any.
    std::pair<FieldErrorLabel *, QWidget *> fieldFor(const QString &where) const;
    void showFieldError(const Error &error);
    /// Shows core's objections to the form beside their fields; the first such field, if any.
    QWidget *showFormProblems(const TransferDraft &draft);
    void showSummary(const TransferDraft &draft, const Account &payer, const Account &payee);
    void showBalances(const TransferDraft &draft, const Account &payer, const Account &payee);
    void addBalanceRow(int row, const Account &account, Amount after, const char *objectName);
    void clearErrors();
    void updateButtons();
    void showRefusal(const QString &message, bool offerOverride);

    Hub &m_hub;
    HubSettings m_settings;
    std::optional<Posting> m_posting;
    QStackedWidget *m_steps = nullptr;

    MemberPicker *m_payer = nullptr;
    MemberPicker *m_payee = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_memo = nullptr;
    QComboBox *m_category = nullptr;
    FieldErrorLabel *m_payerError = nullptr;
    FieldErrorLabel *m_payeeError = nullptr;
    FieldErrorLabel *m_amountError = nullptr;
    FieldErrorLabel *m_memoError = nullptr;
    FieldErrorLabel *m_categoryError = nullptr;
    QPushButton *m_review = nullptr;

    QLabel *m_summary = nullptr;
    QGridLayout *m_balances = nullptr;
    QLabel *m_refusal = nullptr;
    QCheckBox *m_override = nullptr;
    QLineEdit *m_overrideNote = nullptr;
    FieldErrorLabel *m_overrideError = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_post = nullptr;
};

} // namespace hub
