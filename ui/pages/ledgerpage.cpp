// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ledgerpage.h"

#include "core/hub.h"
#include "core/ledger/accounttablemodel.h"
#include "core/ledger/ledgerservice.h"
#include "core/ledger/transfertablemodel.h"
#include "core/reports/reportservice.h"
#include "core/reports/statementpdf.h"
#include "core/settings/settingsservice.h"
#include "ui/access/permissiongate.h"
#include "ui/delegates/amountdelegate.h"
#include "ui/dialogs/limitsdialog.h"
#include "ui/dialogs/statementdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/pageicon.h"
#include "ui/widgets/columnwidths.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/pageheading.h"
#include "ui/widgets/printjob.h"
#include "ui/widgets/sentence.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hub {

namespace {
// Long enough to skip the keystrokes of a word typed in one go, short enough
// to feel instant (as on the Members page).
constexpr int LedgerSearchDelayMs = 150;
} // namespace

LedgerPage::LedgerPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Mutual credit ledger"));

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(LedgerSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &LedgerPage::applyFilter);

    m_accountTable = makeTable("accountTable", tr("Accounts"));
    m_accountTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_accountTable->setItemDelegate(new AmountDelegate(AccountTableModel::NegativeRole, m_accountTable));
    m_accountTable->setSortingEnabled(true);
    m_accountTable->horizontalHeader()->setSortIndicator(AccountTableModel::MemberColumn, Qt::AscendingOrder);
    // Columns core cannot sort by keep the current order and indicator.
    connect(m_accountTable->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (m_accounts && !AccountTableModel::isSortable(column)) {
                    QSignalBlocker block(m_accountTable->horizontalHeader());
                    m_accountTable->horizontalHeader()->setSortIndicator(m_accounts->sortColumn(),
                                                                         m_accounts->sortOrder());
                }
            });
    connect(m_accountTable, &QTableView::doubleClicked, this, &LedgerPage::showStatement);

    m_accountsEmpty = new QLabel;
    m_accountsEmpty->setObjectName(QStringLiteral("accountsEmpty"));
    m_accountsEmpty->setAlignment(Qt::AlignCenter);
    m_accountsEmpty->setWordWrap(true);
    m_accountsEmpty->setMargin(16);
    m_accountsEmpty->setForegroundRole(QPalette::PlaceholderText);

    m_accountStack = new QStackedWidget;
    m_accountStack->addWidget(m_accountTable);
    m_accountStack->addWidget(m_accountsEmpty);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("ledgerSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_accountStack);
    m_splitter->addWidget(buildTransfers());
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    // Scaled to the space there is: the accounts get a little less than half.
    m_splitter->setSizes({450, 550});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildFilters());
    layout->addWidget(m_splitter, 1);

    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);

    // What each table's context menu offers.
    m_accountTable->addAction(m_newAction);
    m_accountTable->addAction(m_statementAction);
    m_accountTable->addAction(m_printStatementAction);
    m_accountTable->addAction(m_limitsAction);
    m_transferTable->addAction(m_reverseAction);

    setHub(nullptr);
}

LedgerPage::~LedgerPage() = default;

QWidget *LedgerPage::buildToolbar()
{
    auto *title = PageHeading::title(tr("Mutual credit ledger"));

    m_count = PageHeading::count(QStringLiteral("accountsCount"));
    m_count->setWordWrap(true); // gives way on a 1024-pixel screen

    // The actions live on the page, so their shortcuts fire only while it is shown.
    m_newAction = new QAction(tr("&New transfer"), this);
    m_newAction->setObjectName(QStringLiteral("newTransferAction"));
    m_newAction->setShortcut(newTransferShortcut());
    m_newAction->setToolTip(tr("Move credit from one member to another (%1)")
                                .arg(newTransferShortcut().toString(QKeySequence::NativeText)));
    connect(m_newAction, &QAction::triggered, this, &LedgerPage::newTransfer);
    addAction(m_newAction);

    m_reverseAction = new QAction(tr("&Reverse…"), this);
    m_reverseAction->setObjectName(QStringLiteral("reverseTransferAction"));
    m_reverseAction->setToolTip(tr("Correct the selected transfer by posting its opposite"));
    connect(m_reverseAction, &QAction::triggered, this, &LedgerPage::reverseSelected);

    m_statementAction = new QAction(tr("&Statement…"), this);
    m_statementAction->setObjectName(QStringLiteral("statementAction"));
    m_statementAction->setToolTip(tr("The selected account's statement for a period, with Export PDF"));
    connect(m_statementAction, &QAction::triggered, this, &LedgerPage::showStatement);

    m_printStatementAction = new QAction(tr("&Print statement…"), this);
    m_printStatementAction->setObjectName(QStringLiteral("printStatementAction"));
    m_printStatementAction->setToolTip(
        tr("Print the selected member's statement for last month and this one (Print to File makes a PDF)"));
    connect(m_printStatementAction, &QAction::triggered, this, &LedgerPage::printStatement);

    m_limitsAction = new QAction(tr("&Limits…"), this);
    m_limitsAction->setObjectName(QStringLiteral("limitsAction"));
    m_limitsAction->setToolTip(tr("Change the selected account's lower and upper limits and warning level"));
    connect(m_limitsAction, &QAction::triggered, this, &LedgerPage::editLimits);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(title);
    row->addSpacing(12);
    row->addWidget(m_count, 0, Qt::AlignBottom);
    row->addStretch(1);
    row->addWidget(actionButton(m_newAction, "ledgerNewTransfer"));
    row->addWidget(actionButton(m_reverseAction, "ledgerReverse"));
    row->addWidget(actionButton(m_statementAction, "ledgerStatement"));
    row->addWidget(actionButton(m_printStatementAction, "ledgerPrintStatement"));
    row->addWidget(actionButton(m_limitsAction, "ledgerLimits"));
    return bar;
}

QWidget *LedgerPage::buildFilters()
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("accountSearch"));
    m_search->setAccessibleName(tr("Filter accounts by name"));
    m_search->setPlaceholderText(
        tr("Filter accounts by name… (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &LedgerPage::applyFilter);

    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("accountStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Account status filter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    m_statusFilter->addItem(tr("Open"), int(AccountStatus::Open));
    m_statusFilter->addItem(tr("Frozen"), int(AccountStatus::Frozen));
    m_statusFilter->addItem(tr("Closed"), int(AccountStatus::Closed));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &LedgerPage::applyFilter);

    m_atRisk = new QCheckBox(tr("Near the &limit only"));
    m_atRisk->setObjectName(QStringLiteral("accountAtRisk"));
    m_atRisk->setToolTip(tr("Accounts at or past their warning level, or within 10% of their lower limit"));
    connect(m_atRisk, &QCheckBox::toggled, this, &LedgerPage::applyFilter);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 1);
    row->addWidget(m_statusFilter);
    row->addWidget(m_atRisk);
    return bar;
}

QWidget *LedgerPage::buildTransfers()
{
    m_transfersTitle = new QLabel;
    m_transfersTitle->setObjectName(QStringLiteral("transfersTitle"));
    QFont font = m_transfersTitle->font();
    font.setBold(true);
    m_transfersTitle->setFont(font);

    m_showAll = new QPushButton(tr("Show &all transfers"));
    m_showAll->setObjectName(QStringLiteral("transfersShowAll"));
    m_showAll->setAutoDefault(false);
    connect(m_showAll, &QPushButton::clicked, this, &LedgerPage::showAllTransfers);

    m_transferTable = makeTable("transferTable", tr("Transfers"));
    m_transferTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_transferTable->setItemDelegate(new AmountDelegate(TransferTableModel::NegativeRole, m_transferTable));

    m_transfersEmpty = new EmptyStateWidget;
    m_transfersEmpty->setObjectName(QStringLiteral("transfersEmptyState"));
    m_transfersEmpty->setIcon(pageIcon(QStringLiteral("ledger"), palette()));

    m_transferStack = new QStackedWidget;
    m_transferStack->addWidget(m_transferTable);
    m_transferStack->addWidget(m_transfersEmpty);

    auto *heading = new QHBoxLayout;
    heading->setContentsMargins(0, 0, 0, 0);
    heading->addWidget(m_transfersTitle);
    heading->addStretch(1);
    heading->addWidget(m_showAll);

    auto *panel = new QWidget;
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 6, 0, 0);
    column->setSpacing(4);
    column->addLayout(heading);
    column->addWidget(m_transferStack, 1);
    return panel;
}

void LedgerPage::setHub(Hub *hub)
{
    m_searchDelay.stop();
    m_accountTable->setModel(nullptr);
    m_transferTable->setModel(nullptr);
    delete m_accounts;
    m_accounts = nullptr;
    delete m_transfers;
    m_transfers = nullptr;
    m_hub = hub;
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_statusFilter, m_atRisk})
        w->setEnabled(hub != nullptr);
    if (!hub) {
        updateAccountState();
        updateTransferState();
        updateActions();
        return;
    }
    m_accounts = new AccountTableModel(*hub, this);
    m_accountTable->setModel(m_accounts);
    connect(m_accountTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LedgerPage::accountSelectionChanged);
    // After a filter the one row left may already be current (focus puts the
    // cursor there) without being selected: a click then selects without
    // changing the current row, and must still filter and enable.
    connect(m_accountTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LedgerPage::accountSelectionChanged);
    connect(m_accounts, &QAbstractItemModel::modelReset, this, &LedgerPage::updateAccountState);
    connect(m_accounts, &QAbstractItemModel::rowsInserted, this, &LedgerPage::updateAccountState);
    // The name takes the room there is; the figures keep their widths, so
    // Balance is never pushed behind a scrollbar on a 1024-pixel screen.
    const int accountWidths[AccountTableModel::ColumnCount] = {
        200, 115, 105, 105, 70, ColumnWidths::dateTime(m_accountTable->fontMetrics())};
    for (int c = 0; c < AccountTableModel::ColumnCount; ++c)
        m_accountTable->setColumnWidth(c, accountWidths[c]);
    m_accountTable->horizontalHeader()->setStretchLastSection(false);
    m_accountTable->horizontalHeader()->setSectionResizeMode(AccountTableModel::MemberColumn, QHeaderView::Stretch);
    m_accountTable->horizontalHeader()->setSortIndicator(AccountTableModel::MemberColumn, Qt::AscendingOrder);

    m_transfers = new TransferTableModel(*hub, this);
    m_transferTable->setModel(m_transfers);
    connect(m_transferTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LedgerPage::updateActions);
    connect(m_transfers, &QAbstractItemModel::modelReset, this, &LedgerPage::updateTransferState);
    connect(m_transfers, &QAbstractItemModel::rowsInserted, this, &LedgerPage::updateTransferState);
    // The memo takes what room is left; the number (a city's run to seven
    // digits) and the date are measured so they are never cut.
    const int transferWidths[TransferTableModel::ColumnCount] = {
        ColumnWidths::number(m_transferTable->fontMetrics(), 7,
                             m_transfers->headerData(TransferTableModel::IdColumn, Qt::Horizontal).toString()),
        ColumnWidths::dateTime(m_transferTable->fontMetrics()),
        140,
        140,
        100,
        160,
        90,
        110};
    for (int c = 0; c < TransferTableModel::ColumnCount; ++c)
        m_transferTable->setColumnWidth(c, transferWidths[c]);
    m_transferTable->horizontalHeader()->setStretchLastSection(false);
    m_transferTable->horizontalHeader()->setSectionResizeMode(TransferTableModel::MemoColumn, QHeaderView::Stretch);

    applyFilter();
    updateTransferState();
    updateActions();
}

ChangeAreas LedgerPage::shownAreas() const
{
    return ChangeArea::Ledger | ChangeArea::Members | ChangeArea::Settings;
}

void LedgerPage::refreshAfterChange(const ChangeEvent &)
{
    refresh();
}

void LedgerPage::showEvent(QShowEvent *event)
{
    HubPage::showEvent(event);
    // Members added on another page, or transfers posted by hubctl or another
    // desk, appear when the ledger is looked at again. Only first batches are
    // read, so this stays quick on a large hub.
    refresh();
}

void LedgerPage::refresh()
{
    if (!m_accounts || !m_transfers)
        return;
    const MemberId selected = selectedMember();
    {
        // The reset clears the selection; the account stays selected instead
        // of the transfers flicking to the whole hub and back.
        QSignalBlocker block(m_accountTable->selectionModel());
        m_accounts->reload();
    }
    if (!selected.isValid() || !selectAccount(selected))
        showAllTransfers();
    else
        m_transfers->reload();
    updateActions();
}

void LedgerPage::applyFilter()
{
    m_searchDelay.stop();
    if (!m_accounts)
        return;
    AccountFilter filter;
    filter.search = m_search->text().trimmed();
    if (const int status = m_statusFilter->currentData().toInt(); status >= 0)
        filter.status = AccountStatus(status);
    filter.atRiskOnly = m_atRisk->isChecked();
    const MemberId selected = selectedMember();
    {
        QSignalBlocker block(m_accountTable->selectionModel());
        m_accounts->setFilter(filter);
    }
    // The selected account stays selected when the new results hold it.
    const int row = selected.isValid() ? m_accounts->rowOf(selected) : -1;
    if (row >= 0)
        m_accountTable->selectRow(row);
    else
        showAllTransfers();
}

MemberId LedgerPage::selectedMember() const
{
    if (!m_accounts || !m_accountTable->selectionModel() || !m_accountTable->selectionModel()->hasSelection())
        return {};
    const auto account = m_accounts->accountAt(m_accountTable->currentIndex());
    return account ? account->member : MemberId();
}

bool LedgerPage::selectAccount(MemberId member)
{
    if (!m_accounts)
        return false;
    int row = m_accounts->rowOf(member);
    while (row < 0 && m_accounts->canFetchMore({})) {
        m_accounts->fetchMore({});
        row = m_accounts->rowOf(member);
    }
    if (row < 0)
        return false;
    m_accountTable->selectRow(row);
    m_accountTable->scrollTo(m_accounts->index(row, 0));
    // selectRow() of the row already current does not signal; make sure the
    // transfers follow.
    accountSelectionChanged();
    return true;
}

void LedgerPage::showAllTransfers()
{
    if (m_accountTable->selectionModel()) {
        QSignalBlocker block(m_accountTable->selectionModel());
        m_accountTable->clearSelection();
        m_accountTable->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    if (m_transfers)
        m_transfers->setFilter({});
    updateTransferState();
    updateActions();
}

void LedgerPage::accountSelectionChanged()
{
    if (!m_transfers)
        return;
    const MemberId member = selectedMember();
    TransferFilter filter;
    if (member.isValid())
        filter.member = member;
    if (filter.member != m_transfers->filter().member)
        m_transfers->setFilter(filter);
    updateTransferState();
    updateActions();
}

void LedgerPage::updateAccountState()
{
    if (!m_accounts) {
        m_count->clear();
        m_accountsEmpty->setText(tr("No hub is open. Open or create one from the File menu."));
        m_accountStack->setCurrentWidget(m_accountsEmpty);
        return;
    }
    const int matching = m_accounts->matchingCount();
    const bool filtered = m_accounts->isFiltered();
    if (m_accounts->lastError()) {
        m_accountsEmpty->setText(tr("The accounts could not be read: %1").arg(m_accounts->lastError()->text()));
        m_accountStack->setCurrentWidget(m_accountsEmpty);
    } else if (matching > 0) {
        m_accountStack->setCurrentWidget(m_accountTable);
    } else if (filtered) {
        m_accountsEmpty->setText(tr("No account matches these filters. Try a shorter name, or set the "
                                    "filters back to “Any status”."));
        m_accountStack->setCurrentWidget(m_accountsEmpty);
    } else {
        m_accountsEmpty->setText(tr("No accounts yet. Every member has an account that starts at zero; "
                                    "add members on the Members page (Ctrl+2)."));
        m_accountStack->setCurrentWidget(m_accountsEmpty);
    }
    if (filtered)
        m_count->setText(tr("%Ln matching account(s)", nullptr, matching));
    else
        m_count->setText(tr("%Ln account(s)", nullptr, matching));
}

void LedgerPage::updateTransferState()
{
    const QString shortcut = newTransferShortcut().toString(QKeySequence::NativeText);
    if (!m_transfers) {
        m_transfersTitle->setText(tr("Transfers"));
        m_showAll->hide();
        m_transfersEmpty->setTitle(tr("No hub is open"));
        m_transfersEmpty->setText(tr("Open or create a hub from the File menu to see its ledger."));
        m_transferStack->setCurrentWidget(m_transfersEmpty);
        return;
    }
    const auto member = m_transfers->filter().member;
    const auto account = member ? m_accounts->accountAt(m_accountTable->currentIndex()) : std::nullopt;
    const QString name = account ? account->memberName : QString();
    m_transfersTitle->setText(member ? tr("Transfers of %1, newest first").arg(name)
                                     : tr("All transfers, newest first"));
    m_showAll->setVisible(member.has_value());
    if (m_transfers->lastError()) {
        m_transfersEmpty->setTitle(tr("The transfers could not be read"));
        m_transfersEmpty->setText(m_transfers->lastError()->text());
        m_transferStack->setCurrentWidget(m_transfersEmpty);
    } else if (m_transfers->rowCount() > 0) {
        m_transferStack->setCurrentWidget(m_transferTable);
    } else if (member) {
        m_transfersEmpty->setTitle(tr("No transfers for %1 yet").arg(name));
        m_transfersEmpty->setText(tr("Record one with New transfer (%1); with this account "
                                     "selected, %2 is filled in as the payer.")
                                      .arg(shortcut, name));
        m_transferStack->setCurrentWidget(m_transfersEmpty);
    } else {
        m_transfersEmpty->setTitle(tr("No transfers yet"));
        m_transfersEmpty->setText(tr("Record the first one with New transfer (%1). Credit moves "
                                     "from one member's account to "
                                     "another's: every account starts at zero, may go below zero "
                                     "down to its limit, and all "
                                     "balances always add up to zero.")
                                      .arg(shortcut));
        m_transferStack->setCurrentWidget(m_transfersEmpty);
    }
}

void LedgerPage::updateActions()
{
    const bool account = selectedMember().isValid();
    const auto transfer = m_transfers ? m_transfers->transferAt(m_transferTable->currentIndex()) : std::nullopt;
    // What the person at the desk may not do stays visible, disabled, with
    // the role that may in its tooltip.
    PermissionGate::apply(m_newAction, m_hub, Permission::RecordTransfer, m_hub != nullptr);
    m_statementAction->setEnabled(account);
    m_printStatementAction->setEnabled(account);
    PermissionGate::apply(m_limitsAction, m_hub, Permission::ChangeLimits, account);
    PermissionGate::apply(m_reverseAction, m_hub, Permission::ReverseTransfer, transfer && transfer->isReversible());
}

TransferDialog *LedgerPage::newTransfer()
{
    if (!m_hub)
        return nullptr;
    auto *dialog = new TransferDialog(*m_hub, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const MemberId payer = selectedMember(); payer.isValid())
        dialog->setPayer(payer);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto posting = dialog->posting()) {
            afterPosting({posting->transfer.payer, posting->transfer.payee});
            const auto settings = m_hub->settings().load();
            Q_EMIT statusMessage(tr("Transfer #%1 posted: %2 → %3, %4")
                                     .arg(posting->transfer.id.value())
                                     .arg(posting->transfer.payerName, posting->transfer.payeeName,
                                          settings ? settings->formatAmount(posting->transfer.amount)
                                                   : posting->transfer.amount.toString(2)));
        }
    });
    // open(), not exec(): the window stays responsive behind the sheet and
    // the caller (a shortcut, a test) is not stuck in a nested event loop.
    dialog->open();
    return dialog;
}

void LedgerPage::afterPosting(const QList<MemberId> &members)
{
    if (!m_accounts || !m_transfers)
        return;
    m_accounts->refreshMembers(members);
    m_transfers->reload();
    updateTransferState();
    updateActions();
    Q_EMIT transferPosted();
}

bool LedgerPage::reverseSelected()
{
    if (!m_hub || !m_transfers)
        return false;
    const auto t = m_transfers->transferAt(m_transferTable->currentIndex());
    if (!t)
        return false;
    const HubSettings settings = m_accounts->settings();
    // Core writes this memo when reverse() is given none.
    const QString memo = LedgerService::reversalMemo(*t);
    const auto answer =
        QMessageBox::question(this, tr("Reverse transfer #%1").arg(t->id.value()),
                              tr("Reverse transfer #%1? This posts a new transfer of %2 from %3 back to %4, with the "
                                 "memo “%5”. "
                                 "Transfer #%1 stays in the ledger, marked as reversed.")
                                  .arg(t->id.value())
                                  .arg(settings.formatAmount(t->amount), t->payeeName, t->payerName, memo),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;

    auto posted = m_hub->ledger().reverse(t->id);
    if (!posted && posted.error().kind == ErrorKind::Refused && posted.error().where == QStringLiteral("amount")) {
        // A limit is in the way: the treasurer may override, with a note that
        // is recorded on the reversal.
        QMessageBox box(QMessageBox::Warning, tr("Reversal not posted"),
                        tr("Not posted. %1").arg(sentence(posted.error().message)), QMessageBox::Close, this);
        QPushButton *overrideButton = box.addButton(tr("&Override with a note…"), QMessageBox::ActionRole);
        box.exec();
        if (box.clickedButton() != overrideButton)
            return false;
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Override the limit"),
                                                   tr("Why is this reversal posted beyond the limit? The note "
                                                      "is recorded on the transfer."),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (!ok || note.isEmpty())
            return false;
        posted = m_hub->ledger().reverse(t->id, {}, true, note);
    }
    if (!posted) {
        QMessageBox::warning(this, tr("Reversal not posted"),
                             tr("Not posted. %1").arg(sentence(posted.error().text())));
        return false;
    }
    if (!posted->warnings.isEmpty())
        QMessageBox::information(this, tr("Reversal posted"),
                                 tr("Transfer #%1 reverses #%2.").arg(posted->transfer.id.value()).arg(t->id.value()) +
                                     u'\n' + u'\n' + posted->warnings.join(u'\n'));
    afterPosting({t->payer, t->payee});
    return true;
}

void LedgerPage::showStatement()
{
    const MemberId member = selectedMember();
    if (!m_hub || !member.isValid())
        return;
    auto *dialog = new StatementDialog(*m_hub, member, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

Status LedgerPage::printStatementOn(QPagedPaintDevice &device)
{
    const MemberId member = selectedMember();
    if (!m_hub || !member.isValid())
        return fail(Error::invalid(tr("choose whose statement to print")));
    auto settings = m_hub->settings().load();
    if (!settings)
        return fail(settings.error());
    // Last month and this one so far: what a member usually asks for.
    const QDate to = m_hub->clock().now().toTimeZone(settings->zone()).date();
    const QDate from = QDate(to.year(), to.month(), 1).addMonths(-1);
    auto statement = m_hub->ledger().statement(member, from, to);
    if (!statement)
        return fail(statement.error());
    return StatementPdf(*statement, *settings).print(device);
}

void LedgerPage::printStatement()
{
    const auto account = m_accounts ? m_accounts->accountAt(m_accountTable->currentIndex()) : std::nullopt;
    if (!m_hub || !account || !selectedMember().isValid())
        return;
    auto settings = m_hub->settings().load();
    const QDate today =
        m_hub->clock().now().toTimeZone(settings ? settings->zone() : QTimeZone::systemTimeZone()).date();
    if (PrintJob::run(this, tr("Print Statement"), tr("The statement"),
                      tr("Statement %1 %2.pdf").arg(account->memberName, today.toString(Qt::ISODate)),
                      [this](QPagedPaintDevice &device) { return printStatementOn(device); }))
        Q_EMIT statusMessage(tr("%1's statement was sent to the printer.").arg(account->memberName));
}

void LedgerPage::editLimits()
{
    const auto account = m_accounts ? m_accounts->accountAt(m_accountTable->currentIndex()) : std::nullopt;
    if (!m_hub || !account || !selectedMember().isValid())
        return;
    auto *dialog = new LimitsDialog(*m_hub, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const MemberId member = account->member;
    connect(dialog, &QDialog::accepted, this, [this, member] {
        if (m_accounts)
            m_accounts->refreshMembers({member});
    });
    dialog->open();
}

} // namespace hub
