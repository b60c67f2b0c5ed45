// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/recurrence.h"

#include <QDateTime>
#include <QWidget>

#include <array>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace hub {

class FieldErrorLabel;

/// How a booking repeats, in the words people use: none, daily, weekly on
/// chosen weekdays, monthly by date or by "second Tuesday", ending after a
/// number of times or on a date; with the rule read back as a sentence.
class RecurrenceEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RecurrenceEditor(QWidget *parent = nullptr);

    /// The first occurrence's local start: it names the weekday, the date of
    /// the month and the time the sentence uses.
    void setFirstStart(const QDateTime &localStart);
    void setRecurrence(const std::optional<Recurrence> &recurrence);
    /// None while "Does not repeat" is chosen.
    std::optional<Recurrence> recurrence() const;
    /// The rule as a sentence ("Every Tuesday at 19:00, 10 times"), empty when it does not repeat.
    QString description() const;

    /// Shows a message for the part of the rule Recurrence::validate() names.
    void showError(const QString &message);
    void clearError();

Q_SIGNALS:
    void changed();

private:
    QHBoxLayout *buildFrequencyRow();
    void buildWeekdayRow();
    void buildMonthlyRow();
    QHBoxLayout *buildEndRow();
    void connectFields();
    void update();

    QDateTime m_first;
    bool m_loading = false;
    QComboBox *m_frequency = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_unit = nullptr;
    QWidget *m_details = nullptr;
    QWidget *m_weekdayRow = nullptr;
    std::array<QCheckBox *, 7> m_weekdays{};
    QWidget *m_monthlyRow = nullptr;
    QRadioButton *m_byDate = nullptr;
    QRadioButton *m_byWeekday = nullptr;
    QRadioButton *m_afterCount = nullptr;
    QRadioButton *m_onDate = nullptr;
    QSpinBox *m_count = nullptr;
    QDateEdit *m_until = nullptr;
    QLabel *m_sentence = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace hub
