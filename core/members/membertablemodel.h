// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/pagedtablemodel.h"
#include "core/members/memberservice.h"

#include <QHash>

#include <optional>

namespace hub {

class Hub;

/// The members directory as a table: filtered and sorted in SQL by
/// MemberService, fetched lazily a page at a time so a city-sized hub opens at once.
class MemberTableModel final : public PagedTableModel<Member>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberTableModel)
public:
    enum Column
    {
        NameColumn,
        KindColumn,
        EmailColumn,
        PhoneColumn,
        PostcodeColumn,
        SkillsColumn,
        StatusColumn,
        JoinedColumn,
        ColumnCount
    };

    enum Role
    {
        MemberIdRole = Qt::UserRole, ///< qint64 id of the member
        KindRole,                    ///< MemberKind as int
        StatusRole,                  ///< MemberStatus as int
        DirectoryVisibleRole,        ///< bool: consented to the shared directory
        ForgottenRole,               ///< bool: erased, shown under a pseudonym
    };

    /// The model reads through `hub`, which must outlive it.
    explicit MemberTableModel(Hub &hub, QObject *parent = nullptr);
    ~MemberTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Sorts in SQL. Columns MemberService cannot sort by are left as they are;
    /// isSortable() tells which.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);

    /// Which members are shown; resets the model and fetches the first page.
    void setFilter(const MemberFilter &filter);
    MemberFilter filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Re-reads one member in place, keeping the view's selection and scroll.
    /// Returns false when the member is not among the fetched rows.
    bool refreshMember(MemberId id);

    /// The member in `index`'s row, if it is a fetched row.
    std::optional<Member> memberAt(const QModelIndex &index) const;
    /// The row of `id` among the rows fetched so far, or -1.
    int rowOf(MemberId id) const { return rowOfId(id.value()); }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    Result<int> countRows() const override;
    Result<Page<Member>> fetchPage(const PageKey &after, int limit) const override;
    qint64 idOf(const Member &member) const override { return member.id.value(); }
    Status prepare() override
    {
        m_skills.clear();
        return {};
    }

private:
    QString skillsText(const Member &member) const;
    MemberSort sortKey() const;

    Hub &m_hub;
    MemberFilter m_filter;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // Skills live in another table; they are read only for rows a view shows.
    mutable QHash<MemberId, QString> m_skills;
};

} // namespace hub
