// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

namespace hub {

/// An editable list of the IANA time zones the system knows. Typing filters
/// the list, and any text can be entered so core's validation has the last word.
class TimeZoneComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit TimeZoneComboBox(QWidget *parent = nullptr);

    QString zone() const { return currentText().trimmed(); }
    void setZone(const QString &zone);
};

} // namespace hub
