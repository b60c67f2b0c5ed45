// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/membertablemodel.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/members/skillservice.h"

namespace hub {

MemberTableModel::MemberTableModel(Hub &hub, QObject *parent) : PagedTableModel(parent), m_hub(hub)
{
    reload();
}

MemberTableModel::~MemberTableModel() = default;

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = rowData(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case NameColumn:
            return m.displayName;
        case KindColumn:
            return m.kind == MemberKind::Organisation ? tr("Organisation") : tr("Person");
        case EmailColumn:
            return m.email;
        case PhoneColumn:
            return m.phone;
        case PostcodeColumn:
            return m.postcode;
        case SkillsColumn:
            return skillsText(m);
        case StatusColumn:
            switch (m.status) {
            case MemberStatus::Active:
                return tr("Active");
            case MemberStatus::Lapsed:
                return tr("Lapsed");
            case MemberStatus::Left:
                return tr("Left");
            }
            return {};
        case JoinedColumn:
            return DisplayFormat::date(m.joinedOn);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::EditRole:
        // Raw values, for delegates and tests that compare dates.
        if (index.column() == JoinedColumn)
            return m.joinedOn;
        return data(index, Qt::DisplayRole);
    case MemberIdRole:
        return m.id.value();
    case KindRole:
        return int(m.kind);
    case StatusRole:
        return int(m.status);
    case DirectoryVisibleRole:
        return m.consent.directoryVisible;
    case ForgottenRole:
        return m.forgotten;
    default:
        return {};
    }
}

QString MemberTableModel::header(int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case EmailColumn:
        return tr("E-mail");
    case PhoneColumn:
        return tr("Phone");
    case PostcodeColumn:
        return tr("Postcode");
    case SkillsColumn:
        return tr("Skills");
    case StatusColumn:
        return tr("Status");
    case JoinedColumn:
        return tr("Joined");
    case ColumnCount:
        break;
    }
    return {};
}

Result<int> MemberTableModel::countRows() const
{
    return m_hub.members().count(m_filter);
}

Result<Page<Member>> MemberTableModel::fetchPage(const PageKey &after, int limit) const
{
    return m_hub.members().page(m_filter, after, limit, sortKey(), m_sortOrder == Qt::DescendingOrder);
}

bool MemberTableModel::isSortable(int column)
{
    switch (column) {
    case NameColumn:
    case EmailColumn:
    case PostcodeColumn:
    case StatusColumn:
    case JoinedColumn:
        return true;
    default:
        return false;
    }
}

MemberSort MemberTableModel::sortKey() const
{
    switch (m_sortColumn) {
    case EmailColumn:
        return MemberSort::Email;
    case PostcodeColumn:
        return MemberSort::Postcode;
    case StatusColumn:
        return MemberSort::Membership;
    case JoinedColumn:
        return MemberSort::Joined;
    default:
        return MemberSort::Name;
    }
}

void MemberTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    // Sorting in SQL means re-reading from the top: the fetched rows are only
    // a prefix of the new order, so a layout change could not keep them.
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void MemberTableModel::setFilter(const MemberFilter &filter)
{
    m_filter = filter;
    reload();
}

bool MemberTableModel::refreshMember(MemberId id)
{
    if (rowOf(id) < 0)
        return false;
    auto fresh = m_hub.members().get(id);
    if (!fresh)
        return false;
    m_skills.remove(id);
    return replaceRow(*fresh);
}

std::optional<Member> MemberTableModel::memberAt(const QModelIndex &index) const
{
    return rowAt(index);
}

QString MemberTableModel::skillsText(const Member &member) const
{
    if (auto cached = m_skills.constFind(member.id); cached != m_skills.constEnd())
        return *cached;
    QStringList names;
    if (auto skills = m_hub.skills().memberSkills(member.id)) {
        for (const MemberSkill &s : std::as_const(*skills))
            names << s.name;
    }
    const QString text = names.join(QStringLiteral(", "));
    m_skills.insert(member.id, text);
    return text;
}

} // namespace hub
