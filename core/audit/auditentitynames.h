// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace hub {

class Database;

/// What an audit row is about, named for people: "Ann Able", "Choir — Tue
/// 8 Dec 2026", "Transfer #5: Ana Ferreira → Bryn Hughes", instead of
/// "member #12". Looked up once per record and kept; a record that is gone
/// (or a kind without a name) keeps its "Kind #id".
class AuditEntityNames
{
    Q_DECLARE_TR_FUNCTIONS(hub::AuditEntityNames)
public:
    AuditEntityNames(std::shared_ptr<const Database> db, QTimeZone zone);

    QString name(const QString &entity, qint64 id) const;
    void clear() { m_cache.clear(); }
    void setZone(const QTimeZone &zone) { m_zone = zone; }

private:
    QString lookUp(const QString &entity, qint64 id) const;

    std::shared_ptr<const Database> m_db;
    QTimeZone m_zone;
    mutable QHash<QString, QString> m_cache;
};

} // namespace hub
