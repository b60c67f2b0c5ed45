// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/auditexportjob.h"

#include "core/audit/audittablemodel.h"
#include "core/common/csvwriter.h"
#include "core/common/privatefiles.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

#include <QSaveFile>

namespace hub {

namespace {
constexpr int PageSize = 500;
} // namespace

AuditExportJob::AuditExportJob(QObject *parent) : QObject(parent)
{}

QStringList AuditExportJob::header()
{
    return {QStringLiteral("id"),        QStringLiteral("when"),    QStringLiteral("when_utc"),
            QStringLiteral("user"),      QStringLiteral("action"),  QStringLiteral("entity"),
            QStringLiteral("entity_id"), QStringLiteral("summary"), QStringLiteral("hash")};
}

void AuditExportJob::work(JobProgress &progress, const WorkerHub &source, AuditFilter filter, const QString &file,
                          int total)
{
    auto opened = source.open();
    if (!opened) {
        m_message = opened.error().message;
        return;
    }
    Hub &hub = **opened;
    QTimeZone zone = QTimeZone::utc();
    if (auto settings = hub.settings().load())
        zone = LedgerDisplay::zone(settings->timeZone);

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(out)) {
        m_message = tr("%1 could not be written: %2").arg(file, out.errorString());
        return;
    }
    CsvWriter csv(out, CsvWriter::Options{u',', true});
    if (auto ok = csv.writeRow(header()); !ok) {
        m_message = ok.error().text();
        return;
    }
    filter.limit = PageSize;
    for (;;) {
        if (progress.cancelled())
            return; // QSaveFile discards what it wrote
        auto page = hub.audit().list(filter);
        if (!page) {
            m_message = page.error().text();
            return;
        }
        if (!page->isEmpty())
            filter.beforeId = page->last().id;
        for (const AuditEntry &e : std::as_const(*page)) {
            const QStringList row = {QString::number(e.id),
                                     AuditTableModel::whenText(e, zone),
                                     e.at.toUTC().toString(Qt::ISODate),
                                     e.userName,
                                     e.action,
                                     e.entity,
                                     e.entityId ? QString::number(e.entityId) : QString(),
                                     e.summary,
                                     e.hash};
            if (auto ok = csv.writeRow(row); !ok) {
                m_message = ok.error().text();
                return;
            }
            // Throttled: at most ~20 reports a second reach the dialog.
            progress.report(++m_exported, total);
        }
        if (page->size() < PageSize)
            break;
    }
    if (!out.commit()) {
        m_message = tr("%1 could not be written: %2").arg(file, out.errorString());
        return;
    }
    m_ok = true;
}

bool AuditExportJob::run(QWidget *parent, const WorkerHub &source, const AuditFilter &filter, const QString &file,
                         int expectedRows)
{
    // run() waits for its work, so this only refuses a nested call.
    if (m_job.isRunning())
        return false;
    m_exported = 0;
    m_ok = false;
    m_message.clear();

    // The dialog counts to at least 1; the work reports against the same total.
    const int total = qMax(expectedRows, 1);
    m_job.start(
        [this, source, filter, file, total](JobProgress &progress) { work(progress, source, filter, file, total); });
    m_job.waitWithProgress(parent, {tr("Exporting the audit log…"), tr("Export the Audit Log"),
                                    QStringLiteral("auditExportProgress"), total});
    if (m_job.wasCancelled() && !m_ok)
        m_message = tr("Cancelled. No file was written.");
    return m_ok;
}

} // namespace hub
