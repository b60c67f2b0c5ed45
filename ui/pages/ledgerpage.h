// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/common/ids.h"
#include "ui/pages/hubpage.h"

#include <QKeySequence>
#include <QTimer>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPagedPaintDevice;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace hub {

class AccountTableModel;
class EmptyStateWidget;
class TransferDialog;
class TransferTableModel;

/// The mutual credit ledger: every account with its balance and limits on
/// top, the transfers of the whole hub (or of the selected account) below;
/// New transfer, Reverse, Statement and Limits act on what is selected.
class LedgerPage : public HubPage
{
    Q_OBJECT
public:
    static QKeySequence newTransferShortcut() { return QKeySequence(Qt::CTRL | Qt::Key_T); }

    explicit LedgerPage(QWidget *parent = nullptr);
    ~LedgerPage() override;

    bool readsWhenShown() const override { return true; }
    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override { updateActions(); }

    AccountTableModel *accountModel() const { return m_accounts; }
    TransferTableModel *transferModel() const { return m_transfers; }

    /// Opens the New transfer dialog (window-modal, returns at once); the
    /// selected account, if any, is the payer.
    TransferDialog *newTransfer();
    /// Asks, then posts the reversal of the selected transfer.
    bool reverseSelected();
    /// The statement of the selected account.
    void showStatement();
    /// Prints the selected account's statement, from the start of last month
    /// to today, through the system's print dialog (Print to File makes a PDF).
    void printStatement();
    /// Draws that statement on `device`: what printStatement() sends to the printer.
    Status printStatementOn(QPagedPaintDevice &device);
    /// The limits of the selected account.
    void editLimits();
    /// Selects `member`'s account (fetching further batches as needed); the
    /// transfers below then show that account's.
    bool selectAccount(MemberId member);
    /// Back to every transfer of the hub.
    void showAllTransfers();
    /// Re-reads accounts and transfers, keeping the selected account.
    void refresh();
    /// Applies the filter box now instead of after the typing pause.
    void applyFilter();

Q_SIGNALS:
    /// A transfer or a reversal was posted from this page.
    void transferPosted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildFilters();
    QWidget *buildTransfers();
    void accountSelectionChanged();
    void updateAccountState();
    void updateTransferState();
    void updateActions();
    void afterPosting(const QList<MemberId> &members);
    MemberId selectedMember() const;

    Hub *m_hub = nullptr;
    AccountTableModel *m_accounts = nullptr;
    TransferTableModel *m_transfers = nullptr;
    QTimer m_searchDelay;
    bool m_shownOnce = false;

    QLabel *m_count = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_reverseAction = nullptr;
    QAction *m_statementAction = nullptr;
    QAction *m_printStatementAction = nullptr;
    QAction *m_limitsAction = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QCheckBox *m_atRisk = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_accountStack = nullptr;
    QTableView *m_accountTable = nullptr;
    QLabel *m_accountsEmpty = nullptr;
    QLabel *m_transfersTitle = nullptr;
    QPushButton *m_showAll = nullptr;
    QStackedWidget *m_transferStack = nullptr;
    QTableView *m_transferTable = nullptr;
    EmptyStateWidget *m_transfersEmpty = nullptr;
};

} // namespace hub
