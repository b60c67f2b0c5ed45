// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/membertablemodel.h"

#include "core/common/displayformat.h"
#include "core/common/pagedfetch.h"
#include "core/hub.h"
#include "core/members/skillservice.h"

namespace hub {

MemberTableModel::MemberTableModel(Hub &hub, QObject *parent) : QAbstractTableModel(parent), m_hub(hub)
{
    reload();
}

MemberTableModel::~MemberTableModel() = default;

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = m_rows.at(index.row());
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

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
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

bool MemberTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void MemberTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    const QList<Member> batch = fetchBatch(int(m_rows.size()));
    if (m_error)
        Q_EMIT loadFailed(m_error->text());
    if (batch.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + batch.size()) - 1);
    m_rows.append(batch);
    endInsertRows();
}

QList<Member> MemberTableModel::fetchBatch(int offset)
{
    return takePage(m_hub.members().list(m_filter, BatchSize, offset, sortKey(), m_sortOrder == Qt::DescendingOrder),
                    BatchSize, m_exhausted, m_error);
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

void MemberTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_skills.clear();
    m_error.reset();
    m_exhausted = false;
    m_matching = 0;
    if (auto counted = m_hub.members().count(m_filter)) {
        m_matching = *counted;
        m_rows = fetchBatch(0);
    } else {
        m_exhausted = true;
        m_error = counted.error();
    }
    endResetModel();
    // Emitted after the reset so a view that shows the message sees the empty model.
    if (m_error)
        Q_EMIT loadFailed(m_error->text());
}

bool MemberTableModel::refreshMember(MemberId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    auto fresh = m_hub.members().get(id);
    if (!fresh)
        return false;
    m_rows[row] = *fresh;
    m_skills.remove(id);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

std::optional<Member> MemberTableModel::memberAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return std::nullopt;
    return m_rows.at(index.row());
}

int MemberTableModel::rowOf(MemberId id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
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
