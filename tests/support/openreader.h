// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub::test {

/// Another desk (or a backup) in the middle of reading a hub file: a plain
/// connection of its own holding a read transaction until close().
class OpenReader
{
public:
    explicit OpenReader(const QString &path);
    ~OpenReader();
    OpenReader(const OpenReader &) = delete;
    OpenReader &operator=(const OpenReader &) = delete;

    void close();

private:
    QString m_name;
    bool m_closed = false;
};

} // namespace hub::test
