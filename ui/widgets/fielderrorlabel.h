// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace hub {

/// The message shown beside a form field that holds a bad value. Hidden while
/// there is nothing to say, so a valid form stays quiet. Once it has spoken,
/// its room stays when the error is fixed: the fields below it, and the
/// button about to be clicked, never move from under the mouse.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FieldErrorLabel(QWidget *parent = nullptr);

    /// A label with an object name, for tests and accessibility tools to find.
    static FieldErrorLabel *named(const char *objectName);
    /// `field` with its error message right under it, for a form row.
    static QWidget *withError(QWidget *field, FieldErrorLabel *error);

    void showError(const QString &message);
    /// Hides the message and keeps its room.
    void clearError();
    /// Hides the message and gives its room back: the form shows another record.
    void reset();
    bool hasError() const { return !text().isEmpty(); }
};

} // namespace hub
