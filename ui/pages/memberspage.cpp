// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/memberspage.h"

#include "core/hub.h"
#include "core/members/membertablemodel.h"
#include "core/members/skillservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/matchesdialog.h"
#include "ui/dialogs/memberexportdialog.h"
#include "ui/dialogs/memberimportwizard.h"
#include "ui/pageicon.h"
#include "ui/widgets/columnwidths.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/membereditor.h"
#include "ui/widgets/pageheading.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hub {

namespace {
// Long enough to skip the keystrokes of a word typed in one go, short enough
// to feel instant.
constexpr int MemberSearchDelayMs = 150;

const QKeySequence NewMemberShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
} // namespace

MembersPage::MembersPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Members & skills"));

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(MemberSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &MembersPage::applyFilter);

    m_table = makeTable("memberTable", tr("Members"));
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(MemberTableModel::NameColumn, Qt::AscendingOrder);
    // Columns core cannot sort by keep the current order and indicator.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (m_model && !MemberTableModel::isSortable(column)) {
            QSignalBlocker block(m_table->horizontalHeader());
            m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });

    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(QStringLiteral("membersEmptyState"));
    m_empty->setIcon(pageIcon(QStringLiteral("members"), palette()));

    m_listStack = new QStackedWidget;
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);

    m_editor = new MemberEditor;
    m_editor->setObjectName(QStringLiteral("memberEditor"));
    connect(m_editor, &MemberEditor::saved, this, &MembersPage::memberSaved);
    connect(m_editor, &MemberEditor::memberChanged, this, &MembersPage::memberChanged);
    connect(m_editor, &MemberEditor::forgotten, this, &MembersPage::memberForgotten);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("membersSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

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

    setHub(nullptr);
}

MembersPage::~MembersPage() = default;

QWidget *MembersPage::buildToolbar()
{
    auto *title = PageHeading::title(tr("Members & skills"));

    m_count = PageHeading::count(QStringLiteral("membersCount"));

    // File → New (Ctrl+N) starts a new hub, so a new member takes Ctrl+Shift+N;
    // the actions live on the page and so only fire while it is shown.
    auto *newAction = new QAction(tr("&New member"), this);
    newAction->setShortcut(NewMemberShortcut);
    newAction->setToolTip(
        tr("Add a person or an organisation (%1)").arg(NewMemberShortcut.toString(QKeySequence::NativeText)));
    connect(newAction, &QAction::triggered, this, &MembersPage::newMember);
    addAction(newAction);
    auto *matchesAction = new QAction(tr("Find &matches"), this);
    matchesAction->setToolTip(tr("Offers that may meet open needs: for the selected member, or for everyone"));
    connect(matchesAction, &QAction::triggered, this, &MembersPage::findMatches);
    auto *importAction = new QAction(tr("&Import…"), this);
    importAction->setToolTip(tr("Add members from a CSV file"));
    connect(importAction, &QAction::triggered, this, &MembersPage::importMembers);
    auto *exportAction = new QAction(tr("E&xport…"), this);
    exportAction->setToolTip(tr("Save the members shown as CSV, vCard or JSON"));
    connect(exportAction, &QAction::triggered, this, &MembersPage::exportMembers);

    m_new = actionButton(newAction, "memberNew");
    m_matches = actionButton(matchesAction, "memberFindMatches");
    m_import = actionButton(importAction, "memberImport");
    m_export = actionButton(exportAction, "memberExport");

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(title);
    row->addSpacing(12);
    row->addWidget(m_count, 0, Qt::AlignBottom);
    row->addStretch(1);
    row->addWidget(m_new);
    row->addWidget(m_matches);
    row->addWidget(m_import);
    row->addWidget(m_export);
    return bar;
}

QWidget *MembersPage::buildFilters()
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("memberSearch"));
    m_search->setAccessibleName(tr("Search members"));
    m_search->setPlaceholderText(tr("Search names, e-mail, skills, offers, postcodes… (%1)")
                                     .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &MembersPage::applyFilter);

    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("memberStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    m_statusFilter->addItem(tr("Active"), int(MemberStatus::Active));
    m_statusFilter->addItem(tr("Lapsed"), int(MemberStatus::Lapsed));
    m_statusFilter->addItem(tr("Left"), int(MemberStatus::Left));

    m_kindFilter = new QComboBox;
    m_kindFilter->setObjectName(QStringLiteral("memberKindFilter"));
    m_kindFilter->setAccessibleName(tr("Kind filter"));
    m_kindFilter->addItem(tr("People and organisations"), -1);
    m_kindFilter->addItem(tr("People"), int(MemberKind::Person));
    m_kindFilter->addItem(tr("Organisations"), int(MemberKind::Organisation));

    m_skillFilter = new QComboBox;
    m_skillFilter->setObjectName(QStringLiteral("memberSkillFilter"));
    m_skillFilter->setAccessibleName(tr("Skill filter"));
    m_skillFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_skillFilter->setMinimumContentsLength(12);

    for (QComboBox *combo : {m_statusFilter, m_kindFilter, m_skillFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &MembersPage::applyFilter);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 1);
    row->addWidget(m_statusFilter);
    row->addWidget(m_kindFilter);
    row->addWidget(m_skillFilter);
    return bar;
}

void MembersPage::accessChanged()
{
    const bool open = m_hub != nullptr;
    PermissionGate::apply(m_new->defaultAction(), m_hub, Permission::AddMembers, open);
    PermissionGate::apply(m_import->defaultAction(), m_hub, Permission::ImportMembers, open);
    PermissionGate::apply(m_export->defaultAction(), m_hub, Permission::ExportMembers, open);
    m_editor->accessChanged();
}

void MembersPage::setHub(Hub *hub)
{
    m_searchDelay.stop();
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_hub = hub;
    m_editor->setHub(hub);
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_statusFilter, m_kindFilter, m_skillFilter, m_new,
                                                       m_matches, m_import, m_export})
        w->setEnabled(hub != nullptr);
    showEditor(false);
    reloadSkillFilter();
    accessChanged();
    if (!hub) {
        updateEmptyState();
        return;
    }
    m_model = new MemberTableModel(*hub, this);
    m_table->setModel(m_model);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MembersPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MembersPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MembersPage::updateEmptyState);
    const int widths[MemberTableModel::ColumnCount] = {180, 100, 210, 120,
                                                       84,  200, 70,  ColumnWidths::date(m_table->fontMetrics())};
    for (int c = 0; c < MemberTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    // The model starts in name order; a sort kept from the last hub would re-read.
    m_table->horizontalHeader()->setSortIndicator(MemberTableModel::NameColumn, Qt::AscendingOrder);
    applyFilter();
}

ChangeAreas MembersPage::shownAreas() const
{
    return ChangeArea::Members | ChangeArea::Skills;
}

void MembersPage::refreshAfterChange(const ChangeEvent &change)
{
    if (!m_model)
        return;
    reloadSkillFilter();
    const auto shown = m_editor->isVisibleTo(this) ? m_editor->member() : std::nullopt;
    m_model->reload();
    if (!shown)
        return;
    const bool stillListed = selectMember(shown->id);
    // The form reads the member again when the change may be about them,
    // unless someone is typing in it.
    const bool aboutShown =
        change.records.isEmpty() || std::ranges::any_of(change.records, [&shown](const ChangedRecord &r) {
            return (r.entity == QStringLiteral("member") && r.id == shown->id.value()) ||
                   r.entity == QStringLiteral("offer") || r.entity == QStringLiteral("need") ||
                   r.entity == QStringLiteral("skill");
        });
    if (!aboutShown || m_editor->isModified())
        return;
    if (stillListed || m_hub->members().get(shown->id))
        m_editor->reread(); // filtered out of the list now, but still there
    else
        showEditor(false); // erased at another desk
}

void MembersPage::reloadSkillFilter()
{
    const QString current = m_skillFilter->currentData().toString();
    QSignalBlocker block(m_skillFilter);
    m_skillFilter->clear();
    m_skillFilter->addItem(tr("Any skill"), QString());
    if (m_hub) {
        if (auto skills = m_hub->skills().list()) {
            for (const Skill &s : std::as_const(*skills)) {
                if (s.memberCount > 0)
                    m_skillFilter->addItem(tr("%1 (%2)").arg(s.name).arg(s.memberCount), s.name);
            }
        }
    }
    m_skillFilter->setCurrentIndex(std::max(0, m_skillFilter->findData(current)));
}

void MembersPage::applyFilter()
{
    m_searchDelay.stop();
    if (!m_model)
        return;
    MemberFilter filter;
    filter.search = m_search->text().trimmed();
    filter.skill = m_skillFilter->currentData().toString();
    if (const int status = m_statusFilter->currentData().toInt(); status >= 0)
        filter.status = MemberStatus(status);
    if (const int kind = m_kindFilter->currentData().toInt(); kind >= 0)
        filter.kind = MemberKind(kind);
    const auto selected = m_editor->member();
    m_model->setFilter(filter);
    // The member being edited stays selected when the new results hold them.
    if (selected) {
        if (const int row = m_model->rowOf(selected->id); row >= 0)
            m_table->selectRow(row);
    }
}

void MembersPage::updateEmptyState()
{
    if (!m_model) {
        m_count->clear();
        m_empty->setTitle(tr("No hub is open"));
        m_empty->setText(tr("Open or create a hub from the File menu to see its members."));
        m_listStack->setCurrentWidget(m_empty);
        return;
    }
    const MemberFilter f = m_model->filter();
    const bool filtered = !f.search.isEmpty() || !f.skill.isEmpty() || f.status || f.kind;
    const int matching = m_model->matchingCount();
    if (m_model->lastError()) {
        m_empty->setTitle(tr("The members could not be read"));
        m_empty->setText(m_model->lastError()->text());
        m_listStack->setCurrentWidget(m_empty);
    } else if (matching > 0) {
        m_listStack->setCurrentWidget(m_table);
    } else if (filtered) {
        m_empty->setTitle(f.search.isEmpty() ? tr("No member matches these filters")
                                             : tr("No member matches “%1”").arg(f.search));
        m_empty->setText(tr("Try fewer or shorter words — a search matches the beginning of "
                            "names, e-mail addresses, skills, offers, needs, postcodes and "
                            "notes, with or without accents — or set the filters back to “Any”."));
        m_listStack->setCurrentWidget(m_empty);
    } else {
        m_empty->setTitle(tr("No members yet"));
        m_empty->setText(tr("Add the first one with New member (%1), or bring in a CSV file of members with "
                            "Import…; each member can list their skills, what they offer and what they "
                            "need, and the hub finds good matches between them.")
                             .arg(NewMemberShortcut.toString(QKeySequence::NativeText)));
        m_listStack->setCurrentWidget(m_empty);
    }
    if (filtered)
        m_count->setText(tr("%Ln match(es)", nullptr, matching));
    else
        m_count->setText(tr("%Ln member(s)", nullptr, matching));
}

void MembersPage::showEditor(bool shown)
{
    if (shown == m_editor->isVisibleTo(this))
        return;
    m_editor->setVisible(shown);
    if (shown && width() > 0) {
        // The editor takes what it needs to show its fields; the table the rest.
        const int editorWidth = std::clamp(width() * 2 / 5, 440, 560);
        m_splitter->setSizes({width() - editorWidth, editorWidth});
    }
}

bool MembersPage::hasUnsavedEdits() const
{
    return m_editor->isVisibleTo(this) && m_editor->isModified();
}

bool MembersPage::settleUnsaved()
{
    return !hasUnsavedEdits() || m_editor->settle();
}

void MembersPage::selectionChanged()
{
    const auto member = m_model ? m_model->memberAt(m_table->currentIndex()) : std::nullopt;
    if (!member)
        return;
    if (!m_editor->member() || m_editor->member()->id != member->id) {
        // Edits on the form are never dropped by picking another row.
        if (!settleUnsaved()) {
            const auto shown = m_editor->member();
            const int row = shown ? m_model->rowOf(shown->id) : -1;
            const QSignalBlocker block(m_table->selectionModel());
            if (row >= 0)
                m_table->selectRow(row);
            else
                m_table->clearSelection();
            m_table->setCurrentIndex(row >= 0 ? m_model->index(row, 0) : QModelIndex());
            return;
        }
        m_editor->showMember(member->id);
    }
    showEditor(true);
}

void MembersPage::newMember()
{
    if (!m_hub || !settleUnsaved())
        return;
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_editor->startNewMember();
    showEditor(true);
    m_editor->startNewMember(); // focus only lands on a visible field
}

bool MembersPage::selectMember(MemberId id)
{
    if (!m_model)
        return false;
    int row = m_model->rowOf(id);
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOf(id);
    }
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

void MembersPage::memberSaved(MemberId id, bool created)
{
    if (const auto m = m_editor->member())
        Q_EMIT statusMessage(created ? tr("%1 was added.").arg(m->displayName)
                                     : tr("Changes to %1 were saved.").arg(m->displayName));
    reloadSkillFilter();
    if (created || !m_model->refreshMember(id)) {
        m_model->reload();
        selectMember(id);
    }
}

void MembersPage::memberChanged(MemberId id)
{
    if (m_model)
        m_model->refreshMember(id);
}

void MembersPage::memberForgotten(MemberId)
{
    m_model->reload();
    reloadSkillFilter();
    showEditor(false);
}

void MembersPage::findMatches()
{
    if (!m_hub)
        return;
    const auto member = m_model->memberAt(m_table->currentIndex());
    MatchesDialog dialog(*m_hub, member ? std::optional(member->id) : std::nullopt,
                         member ? member->displayName : QString(), this);
    dialog.exec();
}

void MembersPage::importMembers()
{
    if (!m_hub)
        return;
    MemberImportWizard wizard(*m_hub, this);
    wizard.exec();
    if (wizard.importedCount() > 0) {
        reloadSkillFilter();
        m_model->reload();
    }
}

void MembersPage::exportMembers()
{
    if (!m_hub)
        return;
    MemberExportDialog dialog(*m_hub, m_model->filter(), this);
    dialog.exec();
}

} // namespace hub
