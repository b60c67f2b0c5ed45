// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"
#include "core/reports/reporttable.h"
#include "ui/pages/hubpage.h"

#include <QKeySequence>

class QAction;
class QAbstractItemModel;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace hub {

class EmptyStateWidget;
class FieldErrorLabel;
class ReportChartWidget;
class ReportExportDialog;
class ReportSortModel;
class ReportTableModel;

/// Reports for treasurers and organisers: choose a report and its period, Run
/// it (Ctrl+R or F5) to see each table with its totals, notes and, where the
/// report offers one, a chart; Export writes CSV, PDF, JSON or a journal off
/// the GUI thread. The screen shows the first rows of a long report only.
class ReportsPage : public HubPage
{
    Q_OBJECT
public:
    /// Rows kept on screen; an export always holds them all.
    static constexpr qint64 PreviewRows = 5000;
    enum class QuickPeriod
    {
        ThisMonth,
        LastMonth,
        ThisYear
    };

    explicit ReportsPage(QWidget *parent = nullptr);
    ~ReportsPage() override;

    void setHub(Hub *hub) override;
    /// Someone else is at the desk: a report run by someone who may is not
    /// left on screen for someone who may not.
    void accessChanged() override;
    bool refreshShown() override { return run(); }

    /// Chooses a report by its hubctl name; false when the hub has none by that name.
    bool selectReport(const QString &name);
    QString currentReport() const;
    void setPeriod(QDate from, QDate to);
    void setAt(QDate at);
    void pickPeriod(QuickPeriod period);
    /// The request as the period fields say.
    ReportRequest request() const;

    /// Runs the chosen report for the period (off the GUI thread, behind a
    /// progress dialog when it takes a while) and shows it. False when it
    /// could not run; the reason is shown on the page.
    bool run();
    /// Opens the export dialog (window-modal; returns at once). Afterwards
    /// the page offers to open the file.
    ReportExportDialog *exportReport();

    /// What is on screen, for tests.
    int tableCount() const { return int(m_tables.size()); }
    void showTable(int index);
    ReportTableModel *tableModel() const { return m_model; }
    /// The table as shown: sorted by the column clicked, totals last.
    QAbstractItemModel *shownModel() const;
    ReportChartWidget *chartWidget() const { return m_chart; }

private:
    QWidget *buildToolbar();
    QWidget *buildResults();
    void reportChanged();
    /// Run and Export need a report chosen and RunReports.
    void updateActions();
    void showHint();
    void showFailure(const QString &message);
    QDate today() const;
    const Report *report() const;

    Hub *m_hub = nullptr;
    QList<ReportTable> m_tables;
    QList<qint64> m_produced;

    QComboBox *m_reportChoice = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_atLabel = nullptr;
    QDateEdit *m_at = nullptr;
    QPushButton *m_quick[3] = {};
    FieldErrorLabel *m_periodError = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_exportAction = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_seal = nullptr;          ///< the hub's seal when the report was made
    QPushButton *m_copySeal = nullptr; ///< copies it, to note down beside a printed report
    QComboBox *m_tableChoice = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_tableTitle = nullptr;
    QTableView *m_table = nullptr;
    ReportTableModel *m_model = nullptr;
    ReportSortModel *m_sort = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_truncated = nullptr;
    ReportChartWidget *m_chart = nullptr;
};

} // namespace hub
