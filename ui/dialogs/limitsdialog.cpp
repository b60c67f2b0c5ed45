// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/limitsdialog.h"

#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/settingsservice.h"
#include "ui/delegates/amountdelegate.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/growtofit.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hub {

namespace {
QLineEdit *amountField(const char *objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setMaxLength(24);
    return edit;
}
} // namespace

LimitsDialog::LimitsDialog(Hub &hub, const Account &account, QWidget *parent)
    : QDialog(parent), m_hub(hub), m_account(account)
{
    setObjectName(QStringLiteral("limitsDialog"));
    setWindowTitle(tr("Limits — %1").arg(account.memberName));
    if (auto s = m_hub.settings().load())
        m_settings = *s;
    else
        m_settings = HubSettings::defaults();
    const int d = m_settings.decimals;

    auto *intro = new QLabel(tr("%1's balance is %2. The lower limit is how far below zero the account "
                                "may go; the warning level, if set, is where a transfer is posted "
                                "with a warning.")
                                 .arg(account.memberName, m_settings.formatAmount(account.balance)));
    intro->setWordWrap(true);

    m_min = amountField("limitsMin", tr("Lower limit in %1").arg(m_settings.unitName));
    m_min->setText(account.limitMin.toString(d));
    m_max = amountField("limitsMax", tr("Upper limit in %1").arg(m_settings.unitName));
    m_max->setPlaceholderText(tr("None"));
    if (account.limitMax)
        m_max->setText(account.limitMax->toString(d));
    m_warn = amountField("limitsWarn", tr("Warning level in %1").arg(m_settings.unitName));
    m_warn->setPlaceholderText(tr("None"));
    if (account.warnMin)
        m_warn->setText(account.warnMin->toString(d));
    m_minError = FieldErrorLabel::named("limitsMinError");
    m_maxError = FieldErrorLabel::named("limitsMaxError");
    m_warnError = FieldErrorLabel::named("limitsWarnError");

    auto *form = new QFormLayout;
    form->addRow(tr("&Lower limit (%1):").arg(m_settings.unitName), FieldErrorLabel::withError(m_min, m_minError));
    form->addRow(tr("&Upper limit (%1):").arg(m_settings.unitName), FieldErrorLabel::withError(m_max, m_maxError));
    form->addRow(tr("&Warning level (%1):").arg(m_settings.unitName), FieldErrorLabel::withError(m_warn, m_warnError));

    m_refusal = new QLabel;
    m_refusal->setObjectName(QStringLiteral("limitsRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setFrameShape(QFrame::StyledPanel);
    m_refusal->setMargin(8);
    QPalette p = m_refusal->palette();
    p.setColor(QPalette::WindowText, AmountDelegate::negativeColor(p));
    m_refusal->setPalette(p);
    m_refusal->hide();
    m_override = new QCheckBox(tr("&Override — set these limits anyway and record the note below"));
    m_override->setObjectName(QStringLiteral("limitsOverride"));
    m_override->hide();
    m_note = new QLineEdit;
    m_note->setObjectName(QStringLiteral("limitsOverrideNote"));
    m_note->setAccessibleName(tr("Why the limits are overridden"));
    m_note->setPlaceholderText(tr("Why, e.g. “agreed by the treasurer at the May meeting”"));
    m_note->setEnabled(false);
    m_note->hide();
    m_noteError = FieldErrorLabel::named("limitsOverrideError");
    connect(m_override, &QCheckBox::toggled, m_note, &QWidget::setEnabled);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("limitsSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LimitsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_refusal);
    layout->addWidget(m_override);
    layout->addWidget(m_note);
    layout->addWidget(m_noteError);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

LimitsDialog::~LimitsDialog() = default;

std::optional<std::optional<Amount>> LimitsDialog::parseField(QLineEdit *field, FieldErrorLabel *error, bool required)
{
    error->clearError();
    const QString text = field->text().trimmed();
    if (text.isEmpty()) {
        if (!required)
            return std::optional<Amount>();
        error->showError(tr("a lower limit is required (0 for none below zero)"));
        return std::nullopt;
    }
    auto parsed = Amount::parse(text, m_settings.decimals);
    if (!parsed) {
        error->showError(parsed.error().message);
        return std::nullopt;
    }
    return std::optional<Amount>(*parsed);
}

FieldErrorLabel *LimitsDialog::errorFor(const QString &where) const
{
    if (where == QStringLiteral("min"))
        return m_minError;
    if (where == QStringLiteral("max"))
        return m_maxError;
    if (where == QStringLiteral("warn"))
        return m_warnError;
    if (where == QStringLiteral("override"))
        return m_noteError;
    return nullptr;
}

bool LimitsDialog::save()
{
    m_noteError->clearError();
    const auto min = parseField(m_min, m_minError, true);
    const auto max = parseField(m_max, m_maxError, false);
    const auto warn = parseField(m_warn, m_warnError, false);
    if (!min || !max || !warn)
        return false;
    LimitChange change;
    change.min = **min;
    change.max = *max;
    change.warn = *warn;
    change.override = m_override->isVisible() && m_override->isChecked();
    change.note = change.override ? m_note->text().trimmed() : QString();
    const Status saved = m_hub.ledger().setLimits(m_account.member, change);
    if (saved) {
        accept();
        return true;
    }
    const Error &e = saved.error();
    if (e.kind == ErrorKind::Refused) {
        m_refusal->setText(tr("Not saved. %1").arg(sentence(e.message)));
        m_refusal->show();
        m_override->show();
        m_note->show();
    } else if (FieldErrorLabel *label = errorFor(e.where)) {
        label->showError(e.message);
    } else {
        m_refusal->setText(e.text());
        m_refusal->show();
    }
    growToFit(this);
    return false;
}

} // namespace hub
