// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/openreader.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <catch2/catch.hpp>

namespace hub::test {

OpenReader::OpenReader(const QString &path)
    : m_name(QStringLiteral("reader-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    REQUIRE(db.open());
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("BEGIN")));
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM members")));
    REQUIRE(q.next());
}

OpenReader::~OpenReader()
{
    close();
}

void OpenReader::close()
{
    if (m_closed)
        return;
    m_closed = true;
    {
        auto db = QSqlDatabase::database(m_name, false);
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace hub::test
