// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/recurrenceeditor.h"

#include "core/common/displayformat.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/sentence.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hub {

namespace {
enum Choice
{
    None,
    Daily,
    Weekly,
    Monthly
};

QString ordinalWeekday(QDate date)
{
    static const char *const ordinals[] = {
        QT_TRANSLATE_NOOP("hub::RecurrenceEditor", "first"), QT_TRANSLATE_NOOP("hub::RecurrenceEditor", "second"),
        QT_TRANSLATE_NOOP("hub::RecurrenceEditor", "third"), QT_TRANSLATE_NOOP("hub::RecurrenceEditor", "fourth"),
        QT_TRANSLATE_NOOP("hub::RecurrenceEditor", "last")};
    // The fifth weekday of a month is read as "the last", as the rule does.
    const int position = std::min((date.day() - 1) / 7, 4);
    return RecurrenceEditor::tr("on the %1 %2")
        .arg(RecurrenceEditor::tr(ordinals[position]), QLocale().dayName(date.dayOfWeek()));
}
} // namespace

RecurrenceEditor::RecurrenceEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("recurrenceEditor"));

    QHBoxLayout *top = buildFrequencyRow();
    buildWeekdayRow();
    buildMonthlyRow();
    QHBoxLayout *endRow = buildEndRow();

    m_sentence = new QLabel;
    m_sentence->setObjectName(QStringLiteral("recurrenceSentence"));
    m_sentence->setWordWrap(true);
    QFont italic = m_sentence->font();
    italic.setItalic(true);
    m_sentence->setFont(italic);
    m_error = FieldErrorLabel::named("recurrenceError");

    m_details = new QWidget;
    auto *detailLayout = new QVBoxLayout(m_details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_weekdayRow);
    detailLayout->addWidget(m_monthlyRow);
    detailLayout->addLayout(endRow);
    detailLayout->addWidget(m_sentence);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(m_error);

    connectFields();

    setFirstStart(QDateTime(QDate::currentDate(), QTime(19, 0)));
}

QHBoxLayout *RecurrenceEditor::buildFrequencyRow()
{
    m_frequency = new QComboBox;
    m_frequency->setObjectName(QStringLiteral("recurrenceFrequency"));
    m_frequency->setAccessibleName(tr("Repeats"));
    m_frequency->addItem(tr("Does not repeat"), None);
    m_frequency->addItem(tr("Daily"), Daily);
    m_frequency->addItem(tr("Weekly"), Weekly);
    m_frequency->addItem(tr("Monthly"), Monthly);

    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("recurrenceInterval"));
    m_interval->setAccessibleName(tr("Repeat every"));
    m_interval->setRange(1, 99);
    m_interval->setPrefix(tr("every "));
    m_unit = new QLabel;

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_frequency);
    top->addWidget(m_interval);
    top->addWidget(m_unit);
    top->addStretch(1);
    return top;
}

void RecurrenceEditor::buildWeekdayRow()
{
    m_weekdayRow = new QWidget;
    auto *days = new QHBoxLayout(m_weekdayRow);
    days->setContentsMargins(0, 0, 0, 0);
    days->addWidget(new QLabel(tr("On:")));
    for (int d = 0; d < 7; ++d) {
        m_weekdays[d] = new QCheckBox(QLocale().dayName(d + 1, QLocale::ShortFormat));
        m_weekdays[d]->setObjectName(QStringLiteral("recurrenceDay%1").arg(d + 1));
        m_weekdays[d]->setAccessibleName(QLocale().dayName(d + 1));
        days->addWidget(m_weekdays[d]);
        connect(m_weekdays[d], &QCheckBox::toggled, this, &RecurrenceEditor::update);
    }
    days->addStretch(1);
}

void RecurrenceEditor::buildMonthlyRow()
{
    m_monthlyRow = new QWidget;
    auto *monthly = new QHBoxLayout(m_monthlyRow);
    monthly->setContentsMargins(0, 0, 0, 0);
    m_byDate = new QRadioButton;
    m_byDate->setObjectName(QStringLiteral("recurrenceByDate"));
    m_byWeekday = new QRadioButton;
    m_byWeekday->setObjectName(QStringLiteral("recurrenceByWeekday"));
    auto *monthlyGroup = new QButtonGroup(this);
    monthlyGroup->addButton(m_byDate);
    monthlyGroup->addButton(m_byWeekday);
    m_byDate->setChecked(true);
    monthly->addWidget(m_byDate);
    monthly->addWidget(m_byWeekday);
    monthly->addStretch(1);
}

QHBoxLayout *RecurrenceEditor::buildEndRow()
{
    auto *endRow = new QHBoxLayout;
    endRow->setContentsMargins(0, 0, 0, 0);
    m_afterCount = new QRadioButton(tr("Ends after"));
    m_afterCount->setObjectName(QStringLiteral("recurrenceAfterCount"));
    m_count = new QSpinBox;
    m_count->setObjectName(QStringLiteral("recurrenceCount"));
    m_count->setAccessibleName(tr("Number of times"));
    m_count->setRange(1, Recurrence::MaxOccurrences);
    m_count->setValue(10);
    m_count->setSuffix(tr(" times"));
    m_onDate = new QRadioButton(tr("or on"));
    m_onDate->setObjectName(QStringLiteral("recurrenceOnDate"));
    m_until = new QDateEdit;
    m_until->setObjectName(QStringLiteral("recurrenceUntil"));
    m_until->setAccessibleName(tr("Last date"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(DisplayFormat::dateEditFormat());
    auto *endGroup = new QButtonGroup(this);
    endGroup->addButton(m_afterCount);
    endGroup->addButton(m_onDate);
    m_afterCount->setChecked(true);
    endRow->addWidget(m_afterCount);
    endRow->addWidget(m_count);
    endRow->addSpacing(8);
    endRow->addWidget(m_onDate);
    endRow->addWidget(m_until);
    endRow->addStretch(1);
    return endRow;
}

void RecurrenceEditor::connectFields()
{
    connect(m_frequency, &QComboBox::currentIndexChanged, this, &RecurrenceEditor::update);
    connect(m_interval, &QSpinBox::valueChanged, this, &RecurrenceEditor::update);
    connect(m_byDate, &QRadioButton::toggled, this, &RecurrenceEditor::update);
    connect(m_afterCount, &QRadioButton::toggled, this, &RecurrenceEditor::update);
    connect(m_count, &QSpinBox::valueChanged, this, [this] {
        m_afterCount->setChecked(true);
        update();
    });
    connect(m_until, &QDateEdit::dateChanged, this, [this] {
        if (!m_loading)
            m_onDate->setChecked(true);
        update();
    });
}

void RecurrenceEditor::setFirstStart(const QDateTime &localStart)
{
    const QDate oldDate = m_first.date();
    m_first = localStart;
    const QDate date = localStart.date();
    m_loading = true;
    // The first date's weekday is the natural choice until the user picks others.
    if (date.isValid() && date != oldDate) {
        bool onlyOld = oldDate.isValid() && m_weekdays[oldDate.dayOfWeek() - 1]->isChecked();
        for (int d = 0; d < 7 && onlyOld; ++d)
            onlyOld = m_weekdays[d]->isChecked() == (d == oldDate.dayOfWeek() - 1);
        bool none = true;
        for (QCheckBox *box : m_weekdays)
            none = none && !box->isChecked();
        if (none || onlyOld) {
            for (int d = 0; d < 7; ++d)
                m_weekdays[d]->setChecked(d == date.dayOfWeek() - 1);
        }
        m_until->setMinimumDate(date);
        if (!m_onDate->isChecked() || m_until->date() < date)
            m_until->setDate(date.addMonths(3));
    }
    if (date.isValid()) {
        m_byDate->setText(tr("on the %1")
                              .arg(QLocale().toString(date, QStringLiteral("d")) +
                                   (date.day() % 10 == 1 && date.day() != 11   ? tr("st")
                                    : date.day() % 10 == 2 && date.day() != 12 ? tr("nd")
                                    : date.day() % 10 == 3 && date.day() != 13 ? tr("rd")
                                                                               : tr("th"))));
        m_byWeekday->setText(ordinalWeekday(date));
    }
    m_loading = false;
    update();
}

void RecurrenceEditor::setRecurrence(const std::optional<Recurrence> &r)
{
    m_loading = true;
    if (!r) {
        m_frequency->setCurrentIndex(m_frequency->findData(None));
    } else {
        const int choice = r->frequency == Recurrence::Frequency::Daily    ? Daily
                           : r->frequency == Recurrence::Frequency::Weekly ? Weekly
                                                                           : Monthly;
        m_frequency->setCurrentIndex(m_frequency->findData(choice));
        m_interval->setValue(r->interval);
        if (!r->weekdays.isEmpty()) {
            for (int d = 0; d < 7; ++d)
                m_weekdays[d]->setChecked(r->weekdays.contains(d + 1));
        }
        (r->monthlyBy == Recurrence::MonthlyBy::Weekday ? m_byWeekday : m_byDate)->setChecked(true);
        if (r->count > 0) {
            m_count->setValue(r->count);
            m_afterCount->setChecked(true);
        } else if (r->until.isValid()) {
            m_until->setMinimumDate(std::min(r->until, m_until->minimumDate()));
            m_until->setDate(r->until);
            m_onDate->setChecked(true);
        }
    }
    m_loading = false;
    update();
}

std::optional<Recurrence> RecurrenceEditor::recurrence() const
{
    const int choice = m_frequency->currentData().toInt();
    if (choice == None)
        return std::nullopt;
    Recurrence r;
    r.frequency = choice == Daily    ? Recurrence::Frequency::Daily
                  : choice == Weekly ? Recurrence::Frequency::Weekly
                                     : Recurrence::Frequency::Monthly;
    r.interval = m_interval->value();
    if (choice == Weekly) {
        for (int d = 0; d < 7; ++d) {
            if (m_weekdays[d]->isChecked())
                r.weekdays << d + 1;
        }
    }
    r.monthlyBy = m_byWeekday->isChecked() ? Recurrence::MonthlyBy::Weekday : Recurrence::MonthlyBy::Date;
    if (m_afterCount->isChecked())
        r.count = m_count->value();
    else
        r.until = m_until->date();
    return r;
}

QString RecurrenceEditor::description() const
{
    const auto r = recurrence();
    return r ? r->describe(m_first) : QString();
}

void RecurrenceEditor::showError(const QString &message)
{
    m_error->showError(message);
}

void RecurrenceEditor::clearError()
{
    m_error->clearError();
}

void RecurrenceEditor::update()
{
    const int choice = m_frequency->currentData().toInt();
    m_interval->setVisible(choice != None);
    m_unit->setVisible(choice != None);
    m_details->setVisible(choice != None);
    m_weekdayRow->setVisible(choice == Weekly);
    m_monthlyRow->setVisible(choice == Monthly);
    const int n = m_interval->value();
    m_unit->setText(choice == Daily    ? tr("day(s)", nullptr, n)
                    : choice == Weekly ? tr("week(s)", nullptr, n)
                                       : tr("month(s)", nullptr, n));
    m_sentence->setText(description());
    m_sentence->setAccessibleName(m_sentence->text());
    if (m_loading)
        return;
    m_error->clearError();
    Q_EMIT changed();
}

} // namespace hub
