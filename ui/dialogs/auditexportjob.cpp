// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/auditexportjob.h"

#include "core/audit/audittablemodel.h"
#include "core/common/csvwriter.h"
#include "core/common/privatefiles.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

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

void AuditExportJob::work(const WorkerHub &source, AuditFilter filter, const QString &file)
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
    for (filter.offset = 0;; filter.offset += PageSize) {
        if (m_cancel.load())
            return; // QSaveFile discards what it wrote
        auto page = hub.audit().list(filter);
        if (!page) {
            m_message = page.error().text();
            return;
        }
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
            ++m_exported;
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
    m_cancel = false;
    m_exported = 0;
    m_ok = false;
    m_message.clear();

    QProgressDialog progress(tr("Exporting the audit log…"), tr("Cancel"), 0, qMax(expectedRows, 1), parent);
    progress.setObjectName(QStringLiteral("auditExportProgress"));
    progress.setWindowTitle(tr("Export the Audit Log"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    connect(&progress, &QProgressDialog::canceled, this, [this] { m_cancel = true; });

    QThread *thread = QThread::create([this, source, filter, file] { work(source, filter, file); });
    QEventLoop loop;
    connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    // The worker only counts; the GUI thread reads the count a few times a second.
    QTimer poll;
    poll.setInterval(100);
    connect(&poll, &QTimer::timeout, &progress,
            [this, &progress] { progress.setValue(qMin(m_exported.load(), progress.maximum())); });
    thread->start();
    poll.start();
    loop.exec();
    thread->wait();
    delete thread;
    progress.close();
    if (m_cancel.load() && !m_ok)
        m_message = tr("Cancelled. No file was written.");
    return m_ok;
}

} // namespace hub
