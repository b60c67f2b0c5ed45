// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/keysetorder.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace hub {

/// The row-type-free part of PagedTableModel: its signal and its counts.
/// (A class template cannot declare signals, so they live here.)
class PagedTableModelBase : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModelBase)
public:
    static constexpr int BatchSize = 200;

    using QAbstractTableModel::QAbstractTableModel;
    ~PagedTableModelBase() override;

    /// How many rows match the filter (fetched or not), counted in SQL.
    int matchingCount() const { return m_matching; }
    /// The last storage error, if reading failed; the model is then empty.
    std::optional<Error> lastError() const { return m_error; }

Q_SIGNALS:
    /// Reading from the hub failed; `message` says why, for people.
    void loadFailed(const QString &message);

protected:
    void reportError() { Q_EMIT loadFailed(m_error->text()); }

    int m_matching = 0;
    bool m_exhausted = true;
    PageKey m_next;
    std::optional<Error> m_error;
};

/// A table filled lazily from a service, one page at a time as a view scrolls,
/// with keyset paging (each page starts after the last row's sort key), so a
/// city-sized list opens at once and its thousandth page costs what its first
/// does. A subclass says how to count, fetch a page, show a row and name its id;
/// reloading, fetching more, errors and finding rows again live here once.
template<typename Row> class PagedTableModel : public PagedTableModelBase
{
public:
    using PagedTableModelBase::PagedTableModelBase;

    /// Each row's id under Qt::UserRole, as views and ViewPositions find rows by it.
    static constexpr int IdRole = Qt::UserRole;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : columns(); }
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && !m_exhausted; }

    /// The cell's text (shown, and as its tooltip) and the row's id; a
    /// subclass with more roles answers those and asks this for the rest.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row &row = m_rows.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return text(row, index.column());
        case IdRole:
            return idOf(row);
        default:
            return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columns())
            return QAbstractTableModel::headerData(section, orientation, role);
        return header(section);
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (parent.isValid() || m_exhausted)
            return;
        const QList<Row> batch = fetchBatch();
        if (m_error)
            reportError();
        if (batch.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + batch.size()) - 1);
        m_rows.append(batch);
        endInsertRows();
    }

    /// Reads everything again from the first page (after a change, a new
    /// filter or sort order).
    void reload()
    {
        beginResetModel();
        m_rows.clear();
        m_error.reset();
        m_exhausted = false;
        m_next = {};
        m_matching = 0;
        const Status prepared = prepare();
        auto counted = prepared ? countRows() : Result<int>(fail(prepared.error()));
        if (counted) {
            m_matching = *counted;
            m_rows = fetchBatch();
        } else {
            m_exhausted = true;
            m_error = counted.error();
        }
        endResetModel();
        // Emitted after the reset so a view that shows the message sees the empty model.
        if (m_error)
            reportError();
    }

    /// The row of `id` among the rows fetched so far, or -1.
    int rowOfId(qint64 id) const
    {
        for (int row = 0; row < m_rows.size(); ++row)
            if (idOf(m_rows.at(row)) == id)
                return row;
        return -1;
    }

    /// The record in `index`'s row, if it is a fetched row of this model.
    std::optional<Row> rowAt(const QModelIndex &index) const
    {
        if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
            return std::nullopt;
        return m_rows.at(index.row());
    }

protected:
    virtual int columns() const = 0;
    /// A column's title.
    virtual QString header(int column) const = 0;
    /// A cell's text; a subclass that answers DisplayRole itself need not.
    virtual QString text(const Row &row, int column) const
    {
        Q_UNUSED(row);
        Q_UNUSED(column);
        return {};
    }
    virtual Result<int> countRows() const = 0;
    /// Up to `limit` rows after `after` (the first page when it is empty).
    virtual Result<Page<Row>> fetchPage(const PageKey &after, int limit) const = 0;
    virtual qint64 idOf(const Row &row) const = 0;
    /// Reads again what the rows are shown with (settings, a zone, names
    /// beside the rows) before a reload; a failure leaves the model empty
    /// with the error.
    virtual Status prepare() { return {}; }

    /// Puts `fresh` in place of the fetched row with its id, keeping the
    /// view's selection and scroll. False when that row is not fetched.
    bool replaceRow(const Row &fresh)
    {
        const int row = rowOfId(idOf(fresh));
        if (row < 0)
            return false;
        m_rows[row] = fresh;
        Q_EMIT dataChanged(index(row, 0), index(row, columns() - 1));
        return true;
    }

    const Row &rowData(int row) const { return m_rows.at(row); }

private:
    QList<Row> fetchBatch()
    {
        auto page = fetchPage(m_next, BatchSize);
        if (!page) {
            m_exhausted = true;
            m_error = page.error();
            return {};
        }
        m_exhausted = page->rows.size() < BatchSize;
        m_next = page->next;
        return std::move(page->rows);
    }

    QList<Row> m_rows;
};

} // namespace hub
