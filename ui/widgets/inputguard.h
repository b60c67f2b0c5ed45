// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace hub {

/// Makes fields behave as in any desktop application, for every window of
/// the process:
///  - the mouse wheel changes a spin box, date, time or combo box only when
///    it has focus, so scrolling a long form never changes a date on the way;
///  - clicking or tabbing into a date or time field selects the section under
///    the cursor, so typing "19" into 10:00 gives 19:00 (Qt's own edit keeps
///    10:00 unless the section was selected first);
///  - Tab leaves a date or time field, a table and a notes field for the
///    next control (Qt's own walk the field's parts or the table's cells
///    first, or type a tab);
///  - each form label leads to its field when a window is shown (FormLabels).
class InputGuard : public QObject
{
    Q_OBJECT
public:
    /// Installs the guard on the application, once.
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace hub
