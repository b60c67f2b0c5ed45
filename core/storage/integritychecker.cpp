// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/integritychecker.h"

namespace hub {

void IntegrityChecker::add(const QString &area, const QString &title, Check check)
{
    m_checks.append({area, title, std::move(check)});
}

QStringList IntegrityChecker::titles() const
{
    QStringList out;
    for (const Entry &e : m_checks)
        out << e.title;
    return out;
}

QList<Finding> IntegrityChecker::runAll() const
{
    QList<Finding> findings;
    const std::shared_ptr<void> snapshot = m_snapshot ? m_snapshot() : nullptr;
    for (const Entry &e : m_checks) {
        const std::shared_ptr<void> scope = m_eachCheck ? m_eachCheck() : nullptr;
        const QList<Finding> found = e.check();
        for (Finding f : found) {
            if (f.area.isEmpty())
                f.area = e.area;
            findings << f;
        }
    }
    return findings;
}

} // namespace hub
