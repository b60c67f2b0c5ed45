// SPDX-License-Identifier: GPL-3.0-or-later
// "member forget" while another program reads the hub (issue 16): what
// hubctl says is tested as written, across processes. The erasure is
// recorded at once and said to be pending while the reader stays; the next
// open of the hub, by any process, finishes it once the reader has gone, and
// then the name is nowhere in the file or its write-ahead log.
#include "tests/support/clihub.h"
#include "tests/support/temphub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using hub::test::CliHub;

namespace {

/// Another desk in the middle of a read: the sqlite3 shell in a process of
/// its own, holding a read transaction until it is told to stop.
class ReaderProcess
{
public:
    explicit ReaderProcess(const QString &db)
    {
        m_process.start(QStringLiteral("sqlite3"), {db});
        REQUIRE(m_process.waitForStarted(10000));
        m_process.write("BEGIN;\nSELECT 'reading', count(*) FROM members;\n");
        // The transaction holds its snapshot from its first read on.
        REQUIRE(m_process.waitForReadyRead(10000));
        REQUIRE(m_process.readAllStandardOutput().contains("reading"));
    }
    ~ReaderProcess() { stop(); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("COMMIT;\n.quit\n");
        m_process.closeWriteChannel();
        REQUIRE(m_process.waitForFinished(10000));
    }

private:
    QProcess m_process;
};

} // namespace

TEST_CASE("member forget beside a reader in another process is pending, and the next open finishes it",
          "[cli][erasure][processes][sqlite]")
{
    CliHub h;
    const auto added = h.ok({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("Zebulon Quartzfeather"), QStringLiteral("--email"),
                             QStringLiteral("zebulon.quartzfeather@example.org")});
    const QString id = QString::number(added.json().object()[QStringLiteral("id")].toInt());

    ReaderProcess reader(h.db);
    const auto forget = h.ok({QStringLiteral("member"), QStringLiteral("forget"), id});
    CHECK_FALSE(forget.json().object()[QStringLiteral("complete")].toBool());
    // The truth while the reader stays: the old pages are still in the file's log.
    CHECK(hub::test::snapshot(h.db).contains("Quartzfeather"));
    // Other commands go on meanwhile, without error, and still cannot finish it.
    const auto list = h.ok({QStringLiteral("member"), QStringLiteral("list")});
    CHECK_FALSE(list.out.contains(QStringLiteral("Quartzfeather")));
    CHECK(hub::test::snapshot(h.db).contains("Quartzfeather"));

    // The reader closes; the next open of the hub, by any process, finishes the erasure.
    reader.stop();
    h.ok({QStringLiteral("member"), QStringLiteral("list")});
    const QByteArray bytes = hub::test::snapshot(h.db);
    CHECK_FALSE(bytes.contains("Quartzfeather"));
    CHECK_FALSE(bytes.contains("zebulon.quartzfeather"));
    CHECK(h.ok({QStringLiteral("check")}).exitCode == 0);
}
