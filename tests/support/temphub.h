// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/hub.h"
#include "tests/support/catchqt.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace hub::test {

/// A fresh hub in its own temporary folder, removed after the test.
class TempHub
{
public:
    /// On a file, or on a fresh database of the test server when the
    /// `pg` label runs (tests/support/testserver.h).
    TempHub();
    ~TempHub();
    Q_DISABLE_COPY_MOVE(TempHub)
    Hub &hub() { return *m_hub; }
    Hub *operator->() { return m_hub.get(); }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    /// Closes the hub (and its connections) so the file can be inspected or replaced.
    void close() { m_hub.reset(); }
    void reopen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Hub> m_hub;
};

/// Raw bytes of a file (empty if missing).
QByteArray readBytes(const QString &path);
/// Bytes of a file and its -wal / -shm companions, to prove nothing was touched.
QByteArray snapshot(const QString &path);
void writeBytes(const QString &path, const QByteArray &bytes);

} // namespace hub::test
