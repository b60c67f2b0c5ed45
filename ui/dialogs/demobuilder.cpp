// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/demobuilder.h"

#include "core/demo/demogenerator.h"
#include "core/hub.h"

#include <QElapsedTimer>
#include <QThread>

namespace hub {

DemoBuilder::DemoBuilder(QObject *parent) : QObject(parent)
{}

DemoBuilder::~DemoBuilder()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void DemoBuilder::start(const QString &path, const DemoOptions &options)
{
    if (m_thread)
        return;
    m_cancel = false;
    m_ok = false;
    m_message.clear();
    m_thread = QThread::create([this, path, options] { build(path, options); });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(m_ok, m_cancel, m_message);
    });
    m_thread->start();
}

void DemoBuilder::cancel()
{
    m_cancel = true;
}

void DemoBuilder::build(const QString &path, const DemoOptions &options)
{
    // Progress is sent across threads as queued signals; a part that reports
    // every row would flood the GUI's event queue, so send at most ~20 a second.
    QElapsedTimer sinceLast;
    QString lastPart;
    const DemoProgressFn progress = [&](const DemoProgress &p) {
        if (p.part != lastPart || !sinceLast.isValid() || sinceLast.elapsed() >= 50 || p.done == p.total) {
            lastPart = p.part;
            sinceLast.start();
            Q_EMIT progressed(p.part, p.done, p.total);
        }
        return !m_cancel.load();
    };
    const Status ran = DemoGenerator::createDemoHub(path, options, progress);
    m_ok = ran.has_value();
    if (!ran)
        m_message = ran.error().message;
}

} // namespace hub
