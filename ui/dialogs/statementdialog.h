// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QDialog>

#include <optional>

class QDateEdit;
class QLabel;
class QPagedPaintDevice;
class QPushButton;
class QTableWidget;

namespace hub {

class Hub;

/// One account's statement for a period: opening balance, every transfer with
/// the running balance, totals in and out, closing balance; exported as an A4
/// PDF for the member or the treasurer.
class StatementDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        IdColumn,
        OtherPartyColumn,
        MemoColumn,
        InColumn,
        OutColumn,
        BalanceColumn,
        ColumnCount
    };

    /// `hub` must outlive the dialog. The period starts at the beginning of
    /// the month two months back and ends today (hub time).
    StatementDialog(Hub &hub, MemberId member, QWidget *parent = nullptr);
    ~StatementDialog() override;

    void setPeriod(QDate from, QDate to);
    /// Reads the statement for the chosen period again.
    void refresh();
    std::optional<Statement> statement() const { return m_statement; }

    /// Writes the statement as an A4 PDF at `path`.
    Status exportPdf(const QString &path) const;
    /// Prints the same pages on `device` (the printer chosen in the print dialog).
    Status printOn(QPagedPaintDevice &device) const;
    /// The statement as HTML for the PDF: a header block and one table.
    QString html() const;

private:
    void chooseExportFile();
    void print();
    QString money(Amount amount) const;

    Hub &m_hub;
    MemberId m_member;
    HubSettings m_settings;
    std::optional<Statement> m_statement;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_opening = nullptr;
    QLabel *m_in = nullptr;
    QLabel *m_out = nullptr;
    QLabel *m_closing = nullptr;
    QLabel *m_problem = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_print = nullptr;
};

} // namespace hub
