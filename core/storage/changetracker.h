// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/changeevent.h"

#include <QObject>
#include <QSqlDatabase>

namespace hub {

/// Gathers what a transaction changes and, once its outermost COMMIT went
/// through, hands one ChangeEvent to the notifiers listening on that
/// connection. Rolled-back work (a whole transaction or a savepoint) is
/// forgotten with it. Transaction and AuditTrail call the static hooks; the
/// Hub owns one instance per open hub and forwards its signal.
class ChangeTracker : public QObject
{
    Q_OBJECT
public:
    /// Listens to commits made on `connection` (the calling thread's).
    explicit ChangeTracker(const QSqlDatabase &connection, QObject *parent = nullptr);
    ~ChangeTracker() override;
    Q_DISABLE_COPY_MOVE(ChangeTracker)

    // Hooks for Transaction: depth 0 is the outermost level.
    static void begun(const QSqlDatabase &connection, int depth);
    static void committed(const QSqlDatabase &connection, int depth);
    static void rolledBack(const QSqlDatabase &connection, int depth);
    /// A write named `entity` `id` (the audit trail calls it for every row it records).
    static void note(const QSqlDatabase &connection, const QString &entity, qint64 id);

signals:
    /// After a commit that changed something, on the committing thread.
    void changed(const hub::ChangeEvent &event);

private:
    static void deliver(const QString &connectionName, const ChangeEvent &event);
    QString m_connectionName;
};

} // namespace hub
