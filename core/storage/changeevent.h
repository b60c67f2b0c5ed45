// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hub {

/// The parts of a hub a page can show, so a page reads again only after a
/// change to what it shows.
enum class ChangeArea : quint32
{
    Members = 0x01,    ///< members, walk-ins, offers and needs
    Skills = 0x02,     ///< the skill list and categories
    Ledger = 0x04,     ///< accounts, transfers, limits
    Spaces = 0x08,     ///< spaces, their hours and closures
    Bookings = 0x10,   ///< bookings and series
    Gatherings = 0x20, ///< gatherings, ideas, working groups, actions, challenges
    Settings = 0x40,   ///< the hub's settings
    Users = 0x80,      ///< users and their roles
};
Q_DECLARE_FLAGS(ChangeAreas, ChangeArea)
Q_DECLARE_OPERATORS_FOR_FLAGS(ChangeAreas)

/// One row a change was about, as the audit trail names it ("member", 12).
struct ChangedRecord
{
    QString entity;
    qint64 id = 0;
    bool operator==(const ChangedRecord &) const = default;
};

/// What one committed transaction changed, or (elsewhere) that another
/// connection committed something. Emitted after the commit, never for work
/// that was rolled back.
struct ChangeEvent
{
    ChangeAreas areas;
    /// The records named, in order; empty when unknown (another desk's change,
    /// or more than RecordLimit in one go, such as an import).
    QList<ChangedRecord> records;
    /// Committed by another process or thread, noticed by polling.
    bool elsewhere = false;

    static constexpr int RecordLimit = 1000;

    /// Adds what `other` changed (several commits shown as one refresh).
    void merge(const ChangeEvent &other);
    bool touches(ChangeAreas shown) const { return (areas & shown) != ChangeAreas(); }
    /// Every area: what another desk changed is not known in detail.
    static ChangeAreas everything();
    /// The area an audit entity belongs to; every area for one not known here.
    static ChangeAreas areaOf(const QString &entity);
};

} // namespace hub

Q_DECLARE_METATYPE(hub::ChangeEvent)
