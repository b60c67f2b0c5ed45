// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/temphub.h"

#include "tests/support/testserver.h"

#include <QFile>

#include <catch2/catch.hpp>

namespace hub::test {

TempHub::TempHub()
    : m_path(TestServer::active() ? TestServer::createHubDatabase() : m_dir.filePath(QStringLiteral("hub.sqlite")))
{
    REQUIRE(m_dir.isValid());
    reopen();
}

TempHub::~TempHub()
{
    m_hub.reset();
    if (TestServer::active())
        TestServer::dropDatabase(m_path);
}

void TempHub::reopen()
{
    m_hub.reset();
    auto opened = Hub::open(m_path, OpenMode::CreateIfMissing);
    if (!opened)
        FAIL(opened.error().text().toStdString());
    m_hub = std::move(*opened);
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray snapshot(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        all += "[" + suffix.toUtf8() + "]";
        all += QFile::exists(path + suffix) ? readBytes(path + suffix) : QByteArray("<none>");
    }
    return all;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace hub::test
