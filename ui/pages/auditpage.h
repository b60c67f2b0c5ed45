// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/audittrail.h"
#include "ui/pages/hubpage.h"

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hub {

class AuditTableModel;
class EmptyStateWidget;

/// The audit log: who changed what and when, newest first, filtered by
/// person, action and dates in SQL and fetched lazily; Export CSV writes what
/// the filters select. Treasurers and admins read it (Permission::ViewAudit).
class AuditPage : public HubPage
{
    Q_OBJECT
public:
    explicit AuditPage(QWidget *parent = nullptr);
    ~AuditPage() override;

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override { updateState(); }
    AuditTableModel *model() const { return m_model; }

    /// The filter the controls describe now.
    AuditFilter currentFilter() const;
    /// Applies the controls; re-reads the first batch.
    void applyFilter();
    /// Back to everyone, every action, any date.
    void clearFilters();
    /// Re-reads the log (new rows appear) keeping the filters.
    void refresh();
    /// Writes what the filters select to `file` as CSV; false when it failed.
    bool exportTo(const QString &file);

Q_SIGNALS:
    void backRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// The title, the count of entries and Export CSV.
    QHBoxLayout *buildTitleBar();
    /// Person, action, the dates and Clear Filters.
    void buildFilters();
    QHBoxLayout *layOutFilters();
    QHBoxLayout *layOutDates();
    void chooseExportFile();
    void reloadChoices();
    void updateState();

    Hub *m_hub = nullptr;
    AuditTableModel *m_model = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_person = nullptr;
    QComboBox *m_action = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_export = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    EmptyStateWidget *m_empty = nullptr;
};

} // namespace hub
