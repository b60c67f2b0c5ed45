// SPDX-License-Identifier: GPL-3.0-or-later
// The window's one background-job helper: work on a worker thread, every
// part's progress delivered, cancel honoured, nothing outliving its owner.
#include "tests/support/catchqt.h"
#include "ui/widgets/backgroundjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using hub::BackgroundJob;
using hub::JobProgress;

TEST_CASE("a background job runs off the window's thread and brings each part's progress back", "[ui][jobs]")
{
    BackgroundJob job;
    QSignalSpy progressed(&job, &BackgroundJob::progressed);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    std::atomic<Qt::HANDLE> workThread = nullptr;
    job.start([&workThread](JobProgress &progress) {
        workThread = QThread::currentThreadId();
        for (int i = 0; i <= 500; ++i)
            progress.report(QStringLiteral("Members"), i, 500);
        for (int i = 0; i <= 3; ++i)
            progress.report(QStringLiteral("Bookings"), i, 3);
    });
    CHECK(job.isRunning());
    REQUIRE(finished.wait(10000));
    CHECK_FALSE(job.isRunning());
    CHECK_FALSE(job.wasCancelled());
    CHECK(workThread.load() != QThread::currentThreadId());
    QTest::qWait(20); // the last queued figures
    REQUIRE(progressed.size() >= 3);
    // Throttled, but the first figure of a part and the last of each come through.
    QStringList parts;
    for (const QList<QVariant> &p : std::as_const(progressed))
        if (parts.isEmpty() || parts.last() != p.at(0).toString())
            parts << p.at(0).toString();
    CHECK(parts == QStringList{QStringLiteral("Members"), QStringLiteral("Bookings")});
    CHECK(progressed.last() == QList<QVariant>{QStringLiteral("Bookings"), 3, 3});
    const auto lastMembers = std::find_if(progressed.rbegin(), progressed.rend(), [](const QList<QVariant> &p) {
        return p.at(0).toString() == QStringLiteral("Members");
    });
    CHECK(lastMembers->at(1).toInt() == 500);
    CHECK(progressed.size() < 100); // not one per row
}

TEST_CASE("a cancelled background job stops its work and says it was cancelled", "[ui][jobs]")
{
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    std::atomic_bool started = false;
    job.start([&started](JobProgress &progress) {
        started = true;
        while (progress.report(0, 0))
            QThread::msleep(5);
    });
    REQUIRE(QTest::qWaitFor([&] { return started.load(); }, 10000));
    job.cancel();
    REQUIRE(finished.wait(10000));
    CHECK(job.wasCancelled());
}

TEST_CASE("a background job's owner going away waits for the work first", "[ui][jobs]")
{
    std::atomic_bool done = false;
    std::atomic_bool started = false;
    {
        BackgroundJob job;
        job.start([&](JobProgress &progress) {
            started = true;
            // Ignores the cancel for a while, as work between checks does.
            QThread::msleep(200);
            (void)progress.cancelled();
            done = true;
        });
        REQUIRE(QTest::qWaitFor([&] { return started.load(); }, 10000));
    }
    CHECK(done.load());
}
