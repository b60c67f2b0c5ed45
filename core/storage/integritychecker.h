// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace hub {

/// One thing `hubctl check` found wrong, named precisely enough to find it.
struct Finding
{
    QString area;    ///< "storage", "ledger", ...
    QString message; ///< what is wrong
    QString where;   ///< which row or table, if known
};

/// The registry of integrity checks. Each area of the domain adds its own
/// when the Hub is built; `hubctl check` and the GUI run them all.
class IntegrityChecker
{
public:
    using Check = std::function<QList<Finding>()>;

    void add(const QString &area, const QString &title, Check check);
    QStringList titles() const;
    QList<Finding> runAll() const;

private:
    struct Entry
    {
        QString area;
        QString title;
        Check check;
    };
    QList<Entry> m_checks;
};

} // namespace hub
