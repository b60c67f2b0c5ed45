// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace hub {

/// One thing `hubctl check` found wrong, named precisely enough to find it.
struct Finding
{
    QString area;    ///< "storage", "ledger", ...
    QString message; ///< what is wrong
    QString where;   ///< which row or table, if known
};

/// How deep `check` looks at the file itself; every domain check runs in full either way.
enum class CheckDepth
{
    /// SQLite's integrity_check: every page, and every index against its table.
    Full,
    /// SQLite's quick_check: every page, without comparing indexes with
    /// their tables (a tenth of the time on a city hub): for daily use.
    Quick,
};

/// The registry of integrity checks. Each area of the domain adds its own
/// when the Hub is built; `hubctl check` and the GUI run them all.
class IntegrityChecker
{
public:
    using Check = std::function<QList<Finding>()>;
    /// Opens a read snapshot for the whole run and returns what keeps it
    /// open: checks that compare tables (balances with transfers, a chain
    /// with its head) must see one moment, not a desk's write half-way
    /// between two of their queries.
    using Snapshot = std::function<std::shared_ptr<void>()>;

    void setSnapshot(Snapshot snapshot) { m_snapshot = std::move(snapshot); }
    /// Held around each check inside the snapshot: on a hub server a failed
    /// statement ends its transaction, so each check runs in its own
    /// savepoint and one check's error never hides the others' findings.
    void setEachCheck(Snapshot scope) { m_eachCheck = std::move(scope); }
    /// Before each check and after the last: false stops the run there.
    using Progress = std::function<bool(int done, int total, const QString &title)>;

    void add(const QString &area, const QString &title, Check check);
    QStringList titles() const;
    QList<Finding> runAll(CheckDepth depth = CheckDepth::Full, const Progress &progress = {}) const;
    /// The depth of the run in progress, for the checks that look at the file.
    CheckDepth depth() const { return m_depth; }

private:
    struct Entry
    {
        QString area;
        QString title;
        Check check;
    };
    QList<Entry> m_checks;
    Snapshot m_snapshot;
    Snapshot m_eachCheck;
    mutable CheckDepth m_depth = CheckDepth::Full;
};

} // namespace hub
