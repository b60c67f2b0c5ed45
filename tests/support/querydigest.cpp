// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/querydigest.h"

#include "core/storage/query.h"
#include "tests/support/temphub.h"

#include <QCryptographicHash>
#include <QSqlRecord>

#include <catch2/catch.hpp>

namespace hub::test {

QByteArray digest(TempHub &t, const QString &select)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Query q(t->database(), select);
    REQUIRE(q.exec());
    const int columns = q.raw().record().count();
    // Separators keep ("ab", "c") and ("a", "bc") apart.
    while (q.next()) {
        QString row;
        for (int i = 0; i < columns; ++i)
            row += q.value(i).toString() + u'\x1f';
        hash.addData((row + u'\x1e').toUtf8());
    }
    return hash.result().toHex();
}

} // namespace hub::test
