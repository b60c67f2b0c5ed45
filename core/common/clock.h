// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <functional>

namespace hub {

/// Where "now" comes from, so tests can fix it.
class Clock
{
public:
    Clock() = default;
    explicit Clock(std::function<QDateTime()> now) : m_now(std::move(now)) {}

    QDateTime now() const { return m_now ? m_now().toUTC() : QDateTime::currentDateTimeUtc(); }
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }

    static Clock fixed(const QDateTime &at)
    {
        return Clock([at] { return at; });
    }

private:
    std::function<QDateTime()> m_now;
};

} // namespace hub
