// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/transferdialog.h"

#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/settingsservice.h"
#include "ui/delegates/amountdelegate.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/growtofit.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
QLabel *boldLabel(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

TransferDialog::TransferDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("New transfer"));
    setAccessibleName(tr("New transfer"));
    if (auto s = m_hub.settings().load())
        m_settings = *s;
    else
        m_settings = HubSettings::defaults();

    m_steps = new QStackedWidget;
    m_steps->addWidget(buildForm());
    m_steps->addWidget(buildConfirmation());

    m_back = new QPushButton(tr("&Back"));
    m_back->setObjectName(QStringLiteral("transferBack"));
    m_back->setAutoDefault(false);
    connect(m_back, &QPushButton::clicked, this, &TransferDialog::backToForm);
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("transferCancel"));
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_review = new QPushButton(tr("&Review…"));
    m_review->setObjectName(QStringLiteral("transferReview"));
    m_review->setToolTip(tr("Check both balances before anything is posted"));
    connect(m_review, &QPushButton::clicked, this, &TransferDialog::review);
    m_post = new QPushButton(tr("&Post transfer"));
    m_post->setObjectName(QStringLiteral("transferPost"));
    connect(m_post, &QPushButton::clicked, this, &TransferDialog::post);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_review);
    buttons->addWidget(m_post);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buttons);

    setMinimumWidth(520);
    updateButtons();
}

TransferDialog::~TransferDialog() = default;

QWidget *TransferDialog::buildForm()
{
    createPartyFields();
    QWidget *amountRow = createAmountRow();
    createMemoFields();

    auto *intro = new QLabel(tr("Credit moves from the payer's account to the payee's. You will "
                                "see both balances before anything is posted."));
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Payer:"), FieldErrorLabel::withError(m_payer, m_payerError));
    form->addRow(tr("Pa&yee:"), FieldErrorLabel::withError(m_payee, m_payeeError));
    form->addRow(tr("&Amount:"), FieldErrorLabel::withError(amountRow, m_amountError));
    form->addRow(tr("&Memo:"), FieldErrorLabel::withError(m_memo, m_memoError));
    form->addRow(tr("&Category:"), FieldErrorLabel::withError(m_category, m_categoryError));

    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("transferForm"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

void TransferDialog::createPartyFields()
{
    m_payer = new MemberPicker;
    m_payer->setObjectName(QStringLiteral("transferPayer"));
    m_payer->setAccessibleName(tr("Payer"));
    m_payer->setHub(&m_hub);
    m_payerError = FieldErrorLabel::named("transferPayerError");
    m_payee = new MemberPicker;
    m_payee->setObjectName(QStringLiteral("transferPayee"));
    m_payee->setAccessibleName(tr("Payee"));
    m_payee->setHub(&m_hub);
    m_payeeError = FieldErrorLabel::named("transferPayeeError");
    connect(m_payer, &MemberPicker::memberChanged, m_payerError, &FieldErrorLabel::clearError);
    connect(m_payee, &MemberPicker::memberChanged, m_payeeError, &FieldErrorLabel::clearError);
}

QWidget *TransferDialog::createAmountRow()
{
    m_amount = new QLineEdit;
    m_amount->setObjectName(QStringLiteral("transferAmount"));
    m_amount->setAccessibleName(tr("Amount in %1").arg(m_settings.unitName));
    m_amount->setPlaceholderText(m_settings.decimals > 0 ? Amount::fromMinor(0).toString(m_settings.decimals)
                                                         : QStringLiteral("0"));
    m_amount->setMaxLength(24);
    m_amountError = FieldErrorLabel::named("transferAmountError");
    connect(m_amount, &QLineEdit::textEdited, this, &TransferDialog::validateAmount);
    auto *amountRow = new QWidget;
    auto *amountLayout = new QHBoxLayout(amountRow);
    amountLayout->setContentsMargins(0, 0, 0, 0);
    amountLayout->addWidget(m_amount, 1);
    amountLayout->addWidget(new QLabel(m_settings.unitName));
    return amountRow;
}

void TransferDialog::createMemoFields()
{
    m_memo = new QLineEdit;
    m_memo->setObjectName(QStringLiteral("transferMemo"));
    m_memo->setAccessibleName(tr("Memo"));
    m_memo->setPlaceholderText(tr("What the credit is for, e.g. “2h guitar lesson”"));
    m_memo->setMaxLength(LedgerService::MaxMemoLength);
    m_memoError = FieldErrorLabel::named("transferMemoError");
    connect(m_memo, &QLineEdit::textEdited, m_memoError, &FieldErrorLabel::clearError);

    m_category = new QComboBox;
    m_category->setObjectName(QStringLiteral("transferCategory"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_category->addItem(QString());
    if (auto categories = m_hub.ledger().categories())
        m_category->addItems(*categories);
    m_category->lineEdit()->setPlaceholderText(tr("Optional: choose or type a new one"));
    m_category->lineEdit()->setMaxLength(LedgerService::MaxCategoryLength);
    m_categoryError = FieldErrorLabel::named("transferCategoryError");
}

QWidget *TransferDialog::buildConfirmation()
{
    auto *heading = boldLabel(tr("Check the transfer before it is posted"));

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("transferSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto *balances = new QWidget;
    balances->setObjectName(QStringLiteral("transferBalances"));
    m_balances = new QGridLayout(balances);
    m_balances->setContentsMargins(0, 0, 0, 0);
    m_balances->setHorizontalSpacing(24);

    m_refusal = new QLabel;
    m_refusal->setObjectName(QStringLiteral("transferRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusal->setFrameShape(QFrame::StyledPanel);
    m_refusal->setMargin(8);
    QPalette p = m_refusal->palette();
    p.setColor(QPalette::WindowText, AmountDelegate::negativeColor(p));
    m_refusal->setPalette(p);
    m_refusal->hide();

    m_override = new QCheckBox(tr("&Override the limit — the note below is recorded on the transfer"));
    m_override->setObjectName(QStringLiteral("transferOverride"));
    m_override->hide();
    m_overrideNote = new QLineEdit;
    m_overrideNote->setObjectName(QStringLiteral("transferOverrideNote"));
    m_overrideNote->setAccessibleName(tr("Why the limit is overridden"));
    m_overrideNote->setPlaceholderText(tr("Why, e.g. “agreed by the treasurer at the May meeting”"));
    m_overrideNote->hide();
    m_overrideError = FieldErrorLabel::named("transferOverrideError");
    connect(m_override, &QCheckBox::toggled, m_overrideNote, &QWidget::setEnabled);
    m_overrideNote->setEnabled(false);

    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("transferConfirmation"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addWidget(balances);
    layout->addSpacing(8);
    layout->addWidget(m_refusal);
    layout->addWidget(m_override);
    layout->addWidget(m_overrideNote);
    layout->addWidget(m_overrideError);
    layout->addStretch(1);
    return page;
}

void TransferDialog::setPayer(MemberId member)
{
    m_payer->setMember(member);
}

void TransferDialog::setPayee(MemberId member)
{
    m_payee->setMember(member);
}

bool TransferDialog::isConfirming() const
{
    return m_steps->currentIndex() == 1;
}

QString TransferDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void TransferDialog::updateButtons()
{
    const bool confirming = isConfirming();
    m_back->setVisible(confirming);
    m_review->setVisible(!confirming);
    m_post->setVisible(confirming);
    // Enter goes forward on each step.
    m_review->setDefault(!confirming);
    m_post->setDefault(confirming);
}

void TransferDialog::validateAmount()
{
    if (m_amount->text().trimmed().isEmpty())
        m_amountError->clearError();
    else
        parsedAmount(true);
}

std::optional<Amount> TransferDialog::parsedAmount(bool showProblems)
{
    auto parsed = Amount::parse(m_amount->text(), m_settings.decimals);
    QString problem;
    if (!parsed) {
        problem = parsed.error().message;
    } else {
        TransferDraft d = draft();
        d.amount = *parsed;
        for (const Error &e : LedgerService::problems(d)) {
            if (e.where == QStringLiteral("amount")) {
                problem = e.message;
                break;
            }
        }
    }
    if (showProblems) {
        if (problem.isEmpty())
            m_amountError->clearError();
        else
            m_amountError->showError(problem);
    }
    if (!problem.isEmpty())
        return std::nullopt;
    return *parsed;
}

TransferDraft TransferDialog::draft() const
{
    TransferDraft d;
    d.payer = m_payer->member();
    d.payee = m_payee->member();
    d.amount = Amount::parse(m_amount->text(), m_settings.decimals).value_or(Amount());
    d.memo = m_memo->text().trimmed();
    d.category = m_category->currentText().simplified();
    d.overrideLimits = m_override->isVisible() && m_override->isChecked();
    d.overrideNote = d.overrideLimits ? m_overrideNote->text().trimmed() : QString();
    return d;
}

void TransferDialog::clearErrors()
{
    for (FieldErrorLabel *label :
         {m_payerError, m_payeeError, m_amountError, m_memoError, m_categoryError, m_overrideError})
        label->clearError();
}

std::pair<FieldErrorLabel *, QWidget *> TransferDialog::fieldFor(const QString &where) const
{
    if (where == QStringLiteral("payer"))
        return {m_payerError, m_payer};
    if (where == QStringLiteral("payee"))
        return {m_payeeError, m_payee};
    if (where == QStringLiteral("amount"))
        return {m_amountError, m_amount};
    if (where == QStringLiteral("memo"))
        return {m_memoError, m_memo};
    if (where == QStringLiteral("category"))
        return {m_categoryError, m_category};
    return {nullptr, nullptr};
}

void TransferDialog::showFieldError(const Error &error)
{
    const auto [label, field] = fieldFor(error.where);
    if (!label) {
        showRefusal(error.text(), false);
        return;
    }
    backToForm();
    label->showError(error.message);
    field->setFocus();
}

bool TransferDialog::review()
{
    clearErrors();
    m_payer->resolveTyped();
    m_payee->resolveTyped();
    // The amount's own message says what did not parse, or core's rule.
    parsedAmount(true);
    const TransferDraft d = draft();
    if (QWidget *firstBad = showFormProblems(d)) {
        firstBad->setFocus();
        return false;
    }

    auto payer = m_hub.ledger().account(d.payer);
    if (!payer) {
        m_payerError->showError(payer.error().message);
        m_payer->setFocus();
        return false;
    }
    auto payee = m_hub.ledger().account(d.payee);
    if (!payee) {
        m_payeeError->showError(payee.error().message);
        m_payee->setFocus();
        return false;
    }

    showSummary(d, *payer, *payee);
    showBalances(d, *payer, *payee);
    m_refusal->hide();
    m_refusal->clear();
    m_override->hide();
    m_override->setChecked(false);
    m_overrideNote->hide();
    m_overrideNote->clear();
    m_steps->setCurrentIndex(1);
    updateButtons();
    growToFit(this);
    m_post->setFocus();
    return true;
}

QWidget *TransferDialog::showFormProblems(const TransferDraft &d)
{
    QWidget *firstBad = nullptr;
    for (const Error &e : LedgerService::problems(d)) {
        const auto [label, field] = fieldFor(e.where);
        if (!label)
            continue; // not a field of this form; core says so again on posting
        if (!firstBad)
            firstBad = field;
        if (label == m_amountError)
            continue;
        // Core cannot know that a name was typed but matched no single member.
        const auto *picker = qobject_cast<const MemberPicker *>(field);
        const QString typed = picker ? picker->text().trimmed() : QString();
        if (picker && !picker->member().isValid() && !typed.isEmpty())
            label->showError(tr("no single member matches “%1”: pick one from the list").arg(typed));
        else
            label->showError(e.message);
    }
    return firstBad;
}

void TransferDialog::showSummary(const TransferDraft &d, const Account &payer, const Account &payee)
{
    const auto money = [this](Amount a) {
        return m_settings.formatAmount(a).toHtmlEscaped();
    };
    QString summary = tr("<b>%1</b> pays <b>%2</b> <b>%3</b> for “%4”.")
                          .arg(payer.memberName.toHtmlEscaped(), payee.memberName.toHtmlEscaped(), money(d.amount),
                               d.memo.toHtmlEscaped());
    if (!d.category.isEmpty())
        summary += QStringLiteral("<br>") + tr("Category: %1").arg(d.category.toHtmlEscaped());
    m_summary->setText(summary);
}

void TransferDialog::showBalances(const TransferDraft &d, const Account &payer, const Account &payee)
{
    // Rebuild the before/after grid for these two accounts.
    while (QLayoutItem *item = m_balances->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_balances->addWidget(boldLabel(tr("Account")), 0, 0);
    m_balances->addWidget(boldLabel(tr("Balance now")), 0, 1, Qt::AlignRight);
    m_balances->addWidget(boldLabel(tr("After this transfer")), 0, 2, Qt::AlignRight);
    addBalanceRow(1, payer, payer.balance.checkedSub(d.amount).value_or(payer.balance), "transferPayer");
    addBalanceRow(2, payee, payee.balance.checkedAdd(d.amount).value_or(payee.balance), "transferPayee");
    m_balances->setColumnStretch(3, 1);
}

void TransferDialog::addBalanceRow(int row, const Account &a, Amount after, const char *objectName)
{
    auto *name = new QLabel(a.memberName);
    m_balances->addWidget(name, row, 0);
    for (int column = 1; column <= 2; ++column) {
        const Amount value = column == 1 ? a.balance : after;
        auto *label = new QLabel(m_settings.formatAmount(value));
        label->setObjectName(QString::fromLatin1(objectName) +
                             (column == 1 ? QStringLiteral("Before") : QStringLiteral("After")));
        label->setAccessibleName(
            (column == 1 ? tr("%1's balance now: %2") : tr("%1's balance after: %2")).arg(a.memberName, label->text()));
        if (value.isNegative()) {
            QPalette p = label->palette();
            p.setColor(QPalette::WindowText, AmountDelegate::negativeColor(p));
            label->setPalette(p);
        }
        m_balances->addWidget(label, row, column, Qt::AlignRight);
    }
}

void TransferDialog::backToForm()
{
    m_steps->setCurrentIndex(0);
    updateButtons();
    m_amount->setFocus();
}

void TransferDialog::showRefusal(const QString &message, bool offerOverride)
{
    m_refusal->setText(tr("Not posted. %1").arg(sentence(message)));
    m_refusal->setAccessibleName(m_refusal->text());
    m_refusal->show();
    if (offerOverride) {
        m_override->show();
        m_overrideNote->show();
    }
    growToFit(this);
}

bool TransferDialog::post()
{
    if (!isConfirming())
        return false;
    m_overrideError->clearError();
    const TransferDraft d = draft();
    for (const Error &e : LedgerService::problems(d)) {
        if (e.where == QStringLiteral("override")) {
            m_overrideError->showError(e.message);
            m_overrideNote->setFocus();
            return false;
        }
    }
    auto posted = m_hub.ledger().pay(d);
    if (!posted) {
        const Error &e = posted.error();
        if (e.kind == ErrorKind::Refused)
            showRefusal(e.message, e.where == QStringLiteral("amount"));
        else if (e.kind == ErrorKind::Invalid && e.where != QStringLiteral("override"))
            showFieldError(e);
        else
            showRefusal(e.text(), false);
        return false;
    }
    m_posting = *posted;
    if (!posted->warnings.isEmpty()) {
        QMessageBox::information(this, tr("Transfer posted"),
                                 tr("Transfer #%1 is posted.").arg(posted->transfer.id.value()) + u'\n' + u'\n' +
                                     posted->warnings.join(u'\n'));
    }
    accept();
    return true;
}

} // namespace hub
