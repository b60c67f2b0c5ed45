// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <functional>
#include <memory>
#include <vector>

namespace hub {

class Hub;

enum class DemoScale
{
    Small,
    Town,
    City
};

struct DemoOptions
{
    DemoScale scale = DemoScale::Small;
    quint32 seed = 1;

    static Result<DemoScale> parseScale(const QString &text);
    static QString scaleName(DemoScale scale);
};

/// Progress of a demo run; the callback returns false to cancel.
struct DemoProgress
{
    QString part;
    qint64 done = 0;
    qint64 total = 0;
};
using DemoProgressFn = std::function<bool(const DemoProgress &)>;

/// What a part of the demo gets: the options, its own random stream (seeded
/// from the run's seed and the part's name, so adding a part never changes
/// another part's data) and a way to report progress.
class DemoContext
{
    Q_DECLARE_TR_FUNCTIONS(hub::DemoContext)
public:
    DemoContext(const DemoOptions &options, const QString &part, DemoProgressFn progress);

    const DemoOptions &options() const { return m_options; }
    QRandomGenerator &random() { return m_random; }
    /// Picks one of `items` with the part's random stream.
    template<typename List> const auto &pick(const List &items) { return items[m_random.bounded(int(items.size()))]; }
    /// Reports progress; returns a cancellation error when the user cancelled.
    Status progress(qint64 done, qint64 total);

private:
    DemoOptions m_options;
    QString m_part;
    QRandomGenerator m_random;
    DemoProgressFn m_progress;
};

/// One area's contribution to demo data.
class DemoPart
{
public:
    virtual ~DemoPart() = default;
    virtual QString name() const = 0;
    virtual Status generate(Hub &hub, DemoContext &context) = 0;
};

/// Runs every registered part, in order, inside one transaction: a cancelled
/// or failed run writes nothing. Deterministic for a seed.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(hub::DemoGenerator)
public:
    void add(std::unique_ptr<DemoPart> part);
    QStringList partNames() const;
    Status run(Hub &hub, const DemoOptions &options, const DemoProgressFn &progress = {});

    /// Makes a new hub file at `path` filled with demo data. Refuses an existing
    /// file; a cancelled or failed run leaves no file behind. Safe to call on a
    /// worker thread: it opens and closes its own connection.
    static Status createDemoHub(const QString &path, const DemoOptions &options, const DemoProgressFn &progress = {});

private:
    std::vector<std::unique_ptr<DemoPart>> m_parts;
};

} // namespace hub
