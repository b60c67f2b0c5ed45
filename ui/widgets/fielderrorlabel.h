// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace hub {

/// The message shown beside a form field that holds a bad value. Hidden while
/// there is nothing to say, so a valid form stays quiet.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FieldErrorLabel(QWidget *parent = nullptr);

    void showError(const QString &message);
    void clearError();
    bool hasError() const { return !text().isEmpty(); }
};

} // namespace hub
