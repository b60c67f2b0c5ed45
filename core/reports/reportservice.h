// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/reports/report.h"
#include "core/settings/hubsettings.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

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

    /// The connection and settings reports run with, for exporters that write
    /// more than a sink takes (a plain-text accounting journal).
    Database &database() const { return *m_db; }
    Result<HubSettings> settings() const;

    /// complete() then Report::run on the hub's connection.
    Status run(const QString &name, const ReportRequest &request, ReportSink &sink) const;

private:
    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    const AccessControl &m_access;
    std::vector<std::unique_ptr<Report>> m_reports;
};

} // namespace hub
