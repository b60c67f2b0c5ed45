// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingverifier.h"

#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

BookingVerifier::BookingVerifier(std::shared_ptr<Database> db) : m_db(std::move(db))
{}

QList<Finding> BookingVerifier::verify() const
{
    QList<Finding> found;
    // The times themselves, without buffers: a space's setup or clean-up time
    // may grow after bookings were made, which does not make them wrong.
    // Each live booking is compared with the latest end of the earlier ones,
    // so a busy hub is checked in one ordered pass.
    Query q(*m_db,
            QStringLiteral("SELECT id, space_name, title, start_utc, prev_end FROM ("
                           "SELECT b.id, s.name AS space_name, b.title, b.start_utc, max(b.end_utc) OVER ("
                           "PARTITION BY b.space_id ORDER BY b.start_utc, b.id "
                           "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end "
                           "FROM bookings b JOIN spaces s ON s.id = b.space_id "
                           "WHERE b.status IN ('tentative', 'confirmed')) AS ordered WHERE start_utc < prev_end"));
    if (auto ok = q.exec(); !ok) {
        found << Finding{{}, ok.error().message, {}};
        return found;
    }
    while (q.next())
        found << Finding{{},
                         tr("booking “%1” of %2 overlaps an earlier live booking of the same space")
                             .arg(q.value(2).toString(), q.value(1).toString()),
                         tr("bookings row %1").arg(q.value(0).toString())};
    return found;
}

} // namespace hub
