// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/reports/reporttable.h"

#include <QDate>

namespace hub {

/// What a report is about: its name, the hub and the period. Formats put it in
/// their header ("Trial balance — Riverside Hub — at 2026-10-31").
struct ReportHeading
{
    QString name;  ///< "trial-balance"
    QString title; ///< "Trial balance", translated
    QString hubName;
    QString period; ///< for people: "1 Oct 2026 – 31 Oct 2026" or "at 31 Oct 2026"
    QDate from;     ///< null when the report is "at" a date
    QDate to;
    QDate at;
    QString unit; ///< the hub's unit name, e.g. "Hours"
    int decimals = 2;
    /// The hub's seal when the report was made (HubSeal::text()), so a
    /// printed report proves later what the ledger held; set by ReportService.
    QString seal;
};

/// Receives a report as it is produced, one row at a time. Writers (CSV, JSON,
/// PDF) and the GUI's collector implement it. Any call may return an error
/// (disk full, cancelled) and the report stops there.
class ReportSink
{
public:
    virtual ~ReportSink() = default;

    virtual Status begin(const ReportHeading &heading) = 0;
    virtual Status beginTable(const ReportTableHeader &header) = 0;
    /// One value per column, typed as ReportType says (null for "nothing").
    virtual Status row(const QVariantList &values) = 0;
    /// totals: empty or one value per column; notes: lines under the table.
    virtual Status endTable(const QVariantList &totals, const QStringList &notes) = 0;
    virtual Status end() = 0;

    /// Polled between rows; a sink behind a progress dialog returns true when
    /// the user pressed Cancel, and the report then fails with a "cancelled" error.
    virtual bool isCancelled() const { return false; }
};

/// Keeps every table in memory: the GUI's table view and the tests read it.
class CollectingReportSink final : public ReportSink
{
public:
    Status begin(const ReportHeading &heading) override
    {
        m_heading = heading;
        m_tables.clear();
        return {};
    }
    Status beginTable(const ReportTableHeader &header) override
    {
        m_tables.append(ReportTable{header, {}, {}, {}});
        return {};
    }
    Status row(const QVariantList &values) override
    {
        m_tables.last().rows.append(values);
        return {};
    }
    Status endTable(const QVariantList &totals, const QStringList &notes) override
    {
        m_tables.last().totals = totals;
        m_tables.last().notes = notes;
        return {};
    }
    Status end() override { return {}; }

    const ReportHeading &heading() const { return m_heading; }
    const QList<ReportTable> &tables() const { return m_tables; }

private:
    ReportHeading m_heading;
    QList<ReportTable> m_tables;
};

} // namespace hub
