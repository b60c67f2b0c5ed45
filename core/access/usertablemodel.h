// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/userservice.h"
#include "core/common/pagedtablemodel.h"

namespace hub {

class Hub;

/// The hub's users as a table by sign-in name, read a page at a time.
class UserTableModel final : public PagedTableModel<User>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserTableModel)
public:
    enum Column
    {
        NameColumn,
        MemberColumn,
        RolesColumn,
        PinColumn,
        ColumnCount
    };

    enum Role
    {
        UserIdRole = Qt::UserRole, ///< qint64 id of the user
    };

    /// The model reads through `hub`, which must outlive it.
    explicit UserTableModel(Hub &hub, QObject *parent = nullptr);
    ~UserTableModel() override;

    /// The user in `index`'s row, if it is a fetched row.
    std::optional<User> userAt(const QModelIndex &index) const { return rowAt(index); }
    /// The row of the user called `name` (any case), reading further pages
    /// until it is found; -1 when there is none.
    int rowOfName(const QString &name);
    /// "Front desk, Treasurer"
    static QString rolesText(const QList<hub::Role> &roles);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString text(const User &row, int column) const override;
    Result<int> countRows() const override;
    Result<Page<User>> fetchPage(const PageKey &after, int limit) const override;
    qint64 idOf(const User &user) const override { return user.id.value(); }

private:
    Hub &m_hub;
};

} // namespace hub
