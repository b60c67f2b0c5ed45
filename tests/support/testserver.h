// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub::test {

/// The throwaway PostgreSQL cluster tests/pg/pgcluster.sh starts for the
/// `pg`-labelled tests. HUB_TEST_SERVER names the file holding its URL;
/// without it every test runs on SQLite files as before.
class TestServer
{
public:
    static bool active();
    /// postgresql://postgres@127.0.0.1:PORT/postgres
    static QString adminUrl();
    /// A new, empty database on the cluster: its postgresql:// URL.
    static QString createEmptyDatabase();
    /// A new database holding a freshly made hub (copied from a template
    /// migrated once per cluster, so each test starts in milliseconds).
    static QString createHubDatabase();
    /// Drops a database made above, closing what is still connected to it.
    static void dropDatabase(const QString &url);
    /// Runs statements as the cluster's superuser (roles, grants, tampering).
    static void admin(const QStringList &statements, const QString &database = {});
    /// The URL of `database` on the cluster for `user`.
    static QString urlFor(const QString &user, const QString &database);
};

} // namespace hub::test
