// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>

namespace hub {

class Hub;

/// A problem with one row of a batch, named as a spreadsheet shows it.
struct BatchProblem
{
    int row = 0;
    QString column;
    QString message;
    ErrorKind kind = ErrorKind::Invalid; ///< Refused when a rule (a limit) said no
};

/// What a batch did, or would do on a dry run.
struct BatchReport
{
    int rows = 0;
    bool dryRun = false;
    QList<Posting> postings;      ///< posted (or that would be posted) in order
    QList<BatchProblem> problems; ///< non-empty: nothing was written
};

/// One member's line of a levy.
struct LevyLine
{
    MemberId member;
    QString name;
    Amount before;
    Amount after;
    QString refusal; ///< why this member's share cannot be posted (e.g. the limit)
};

/// A levy checked against every member's limit before anything is written.
struct LevyPreview
{
    Amount amount;
    QString memo;
    QList<LevyLine> lines;
    bool blocked() const;
    Amount total() const;
};

/// Many transfers at once: all of them or none.
class LedgerBatch
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerBatch)
public:
    explicit LedgerBatch(Hub &hub);

    /// Posts payer,payee,amount,memo[,category,reference] rows (members by id
    /// or e-mail) in file order, limits checked in that order. Every bad row
    /// is reported; with any problem, or on a dry run, nothing is written.
    Result<BatchReport> payCsv(const QByteArray &csv, bool dryRun);

    /// Who pays a levy: every active member, or only those with the role of
    /// interest `group` (e.g. "volunteer"); never the hub itself.
    Result<LevyPreview> previewLevy(Amount amount, const QString &memo, const QString &group = {});
    /// Posts the levy to the hub's account: every share or none. Refused when
    /// the preview lists anyone whose limit it would breach.
    Result<QList<Posting>> levy(Amount amount, const QString &memo, const QString &group = {});

private:
    /// Every active member's share as one batch; written only when `write`
    /// and no share is refused.
    Result<std::pair<LevyPreview, QList<Posting>>> run(Amount amount, const QString &memo, const QString &group,
                                                       bool write);

    Hub &m_hub;
    UnitOfWork m_work;
};

} // namespace hub
