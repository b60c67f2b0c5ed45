// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/recurrence.h"

namespace hub {
Status Recurrence::validate(QDate) const { return {}; }
QString Recurrence::toRRule(const QDateTime &) const { return {}; }
Result<Recurrence> Recurrence::fromRRule(const QString &) { return fail(Error::invalid(QStringLiteral("not yet"))); }
QString Recurrence::describe(QTime) const { return {}; }
Result<QList<QDate>> Recurrence::dates(const QDateTime &) const { return QList<QDate>{}; }
Result<QList<QDate>> Recurrence::expand(const QString &, const QDateTime &, QDate, QDate, int) { return QList<QDate>{}; }
} // namespace hub
