// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/retype.h"

#include <QLineEdit>
#include <QString>
#include <QTest>

namespace hub::test {

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace hub::test
