// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/reports/report.h"
#include "core/settings/hubsettings.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <vector>

class QIODevice;

namespace hub {

class AccessControl;
class Database;
class SettingsService;

/// The reports a hub offers, by the names hubctl uses. The GUI's Reports page
/// and `hubctl report` both run reports through here.
class ReportService
{
    Q_DECLARE_TR_FUNCTIONS(hub::ReportService)
public:
    ReportService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                  const AccessControl &access);
    ~ReportService();

    void add(std::unique_ptr<Report> report);
    /// In the order they were added (the GUI lists them so).
    QList<const Report *> reports() const;
    /// Error::usage naming the known reports when the name is unknown.
    Result<const Report *> find(const QString &name) const;

    /// Fills the request's defaults (Range: the current month up to today;
    /// At: today, in the hub's zone) and checks it: from after to, or a date
    /// given that the report does not take, is Error::usage naming the option.
    Result<ReportRequest> complete(const Report &report, ReportRequest request) const;

    Result<HubSettings> settings() const;

    /// Whether the signed-in user may run reports (Permission::RunReports):
    /// Error::refused naming who may, otherwise nothing. Every way a report
    /// leaves the hub — run() and writeJournal() — asks it first.
    Status authorize() const;

    /// complete() then Report::run on the hub's connection.
    Status run(const QString &name, const ReportRequest &request, ReportSink &sink) const;
    /// The transfers a report covers as a plain-text accounting journal
    /// (LedgerJournalWriter): a period report's dates, or everything up to
    /// the end of an "at" report's date. Returns how many transfers.
    Result<qint64> writeJournal(const QString &name, const ReportRequest &request, QIODevice &device,
                                const std::function<bool()> &cancelled = {}) const;

private:
    /// What run() and writeJournal() both need before a byte is produced.
    struct Prepared
    {
        const Report *report;
        ReportRequest request;
        HubSettings settings;
    };
    Result<Prepared> prepare(const QString &name, const ReportRequest &request) const;

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    const AccessControl &m_access;
    std::vector<std::unique_ptr<Report>> m_reports;
};

} // namespace hub
