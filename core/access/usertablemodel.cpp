// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/usertablemodel.h"

#include "core/hub.h"

namespace hub {

UserTableModel::UserTableModel(Hub &hub, QObject *parent) : PagedTableModel(parent), m_hub(hub)
{
    reload();
}

UserTableModel::~UserTableModel() = default;

Result<int> UserTableModel::countRows() const
{
    return m_hub.users().count();
}

Result<Page<User>> UserTableModel::fetchPage(const PageKey &after, int limit) const
{
    return m_hub.users().page(after, limit);
}

QString UserTableModel::rolesText(const QList<hub::Role> &roles)
{
    QStringList titles;
    for (hub::Role role : roles)
        titles << roleTitle(role);
    return titles.join(QStringLiteral(", "));
}

int UserTableModel::rowOfName(const QString &name)
{
    for (int row = 0;; ++row) {
        if (row == rowCount()) {
            if (!canFetchMore({}))
                return -1;
            fetchMore({});
            if (row == rowCount())
                return -1;
        }
        if (rowData(row).name.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
}

QString UserTableModel::text(const User &u, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return u.name;
    case MemberColumn:
        return u.memberName;
    case RolesColumn:
        return rolesText(u.roles);
    case PinColumn:
        return u.hasPin ? tr("Set") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QString UserTableModel::header(int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return tr("Sign-in name");
    case MemberColumn:
        return tr("Member");
    case RolesColumn:
        return tr("Roles");
    case PinColumn:
        return tr("PIN");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hub
