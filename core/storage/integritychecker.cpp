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

QList<Finding> IntegrityChecker::runAll(CheckDepth depth, const Progress &progress) const
{
    QList<Finding> findings;
    m_depth = depth;
    const std::shared_ptr<void> snapshot = m_snapshot ? m_snapshot() : nullptr;
    const int total = int(m_checks.size());
    for (int i = 0; i < total; ++i) {
        const Entry &e = m_checks.at(i);
        if (progress && !progress(i, total, e.title))
            break;
        const std::shared_ptr<void> scope = m_eachCheck ? m_eachCheck() : nullptr;
        const QList<Finding> found = e.check();
        for (Finding f : found) {
            if (f.area.isEmpty())
                f.area = e.area;
            findings << f;
        }
    }
    if (progress)
        (void)progress(total, total, QString());
    m_depth = CheckDepth::Full;
    return findings;
}

} // namespace hub
