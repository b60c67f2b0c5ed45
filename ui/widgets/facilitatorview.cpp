// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/facilitatorview.h"

#include "core/access/accesscontrol.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/promotedialog.h"
#include "ui/dialogs/walkinmergedialog.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int WalkInRole = Qt::UserRole + 1;
} // namespace

FacilitatorView::FacilitatorView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("facilitatorView"));
    setAccessibleName(tr("Facilitator mode"));
    const QFont big = applyProjectorLook();
    QHBoxLayout *head = buildHead(big);
    QGroupBox *door = buildDoor();
    QGroupBox *board = buildBoard();

    auto *columns = new QHBoxLayout;
    columns->addWidget(door, 2);
    columns->addWidget(board, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_message);
    layout->addLayout(columns, 1);

    addShortcuts();
}

QFont FacilitatorView::applyProjectorLook()
{
    // Readable from the back of a hall and on a washed-out projector.
    setAutoFillBackground(true);
    QPalette p = palette();
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button})
        p.setColor(role, role == QPalette::Window ? QColor(0x10, 0x10, 0x10) : QColor(0x22, 0x22, 0x22));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0xff, 0xd4, 0x00));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0xb0, 0xb0, 0xb0));
    setPalette(p);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    setFont(big);
    return big;
}

QHBoxLayout *FacilitatorView::buildHead(const QFont &big)
{
    m_title = new QLabel(this);
    QFont titleFont = big;
    titleFont.setPointSizeF(big.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    // A long title and theme wrap rather than widen the window past the screen.
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("facilitatorMessage"));
    m_message->setWordWrap(true);
    m_message->setFont(big);
    auto *leave = new QPushButton(tr("Leave facilitator mode (Esc)"), this);
    connect(leave, &QPushButton::clicked, this, &FacilitatorView::closeRequested);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(leave);
    return head;
}

QGroupBox *FacilitatorView::buildDoor()
{
    // Check-in column.
    auto *door = new QGroupBox(tr("Check in"), this);
    m_search = new QLineEdit(door);
    m_search->setObjectName(QStringLiteral("checkInSearch"));
    m_search->setPlaceholderText(tr("Type a name, then Enter"));
    m_search->setAccessibleName(tr("Find a member to check in"));
    m_results = new QListWidget(door);
    m_results->setObjectName(QStringLiteral("checkInResults"));
    m_results->setAccessibleName(tr("Members found"));
    m_results->setMaximumHeight(150);
    connect(m_search, &QLineEdit::textChanged, this, &FacilitatorView::search);
    connect(m_search, &QLineEdit::returnPressed, this, &FacilitatorView::checkInSelected);
    connect(m_results, &QListWidget::itemActivated, this, &FacilitatorView::checkInSelected);
    m_walkInName = new QLineEdit(door);
    m_walkInName->setObjectName(QStringLiteral("walkInName"));
    m_walkInName->setPlaceholderText(tr("Walk-in: name"));
    m_walkInName->setAccessibleName(tr("Walk-in name"));
    m_walkInEmail = new QLineEdit(door);
    m_walkInEmail->setObjectName(QStringLiteral("walkInEmail"));
    m_walkInEmail->setPlaceholderText(tr("E-mail (optional)"));
    m_walkInEmail->setAccessibleName(tr("Walk-in e-mail"));
    m_walkInConsent = new QCheckBox(tr("May be contacted"), door);
    auto *walkIn = new QPushButton(tr("Check in walk-in"), door);
    walkIn->setObjectName(QStringLiteral("checkInWalkIn"));
    m_walkIn = walkIn;
    connect(walkIn, &QPushButton::clicked, this, &FacilitatorView::checkInWalkIn);
    connect(m_walkInName, &QLineEdit::returnPressed, this, &FacilitatorView::checkInWalkIn);
    connect(m_walkInEmail, &QLineEdit::returnPressed, this, &FacilitatorView::checkInWalkIn);
    buildAttendees(door);
    layOutDoor(door);
    return door;
}

void FacilitatorView::buildAttendees(QGroupBox *door)
{
    m_attendees = new QListWidget(door);
    m_attendees->setObjectName(QStringLiteral("attendees"));
    m_attendees->setAccessibleName(tr("People checked in"));
    connect(m_attendees, &QListWidget::currentRowChanged, this, &FacilitatorView::updateActions);
    m_makeMember = new QPushButton(tr("Make member… (Ctrl+M)"), door);
    m_makeMember->setObjectName(QStringLiteral("makeMember"));
    m_makeMember->setToolTip(tr("Enrol the selected walk-in from what they gave at the door"));
    m_sameAs = new QPushButton(tr("Same person as…"), door);
    m_sameAs->setObjectName(QStringLiteral("sameAsMember"));
    m_sameAs->setToolTip(tr("The selected walk-in is already a member (Ctrl+Shift+M)"));
    connect(m_makeMember, &QPushButton::clicked, this, &FacilitatorView::makeMemberOfSelected);
    connect(m_sameAs, &QPushButton::clicked, this, &FacilitatorView::mergeSelectedWalkIn);
}

void FacilitatorView::layOutDoor(QGroupBox *door)
{
    // The column stays narrow enough for the idea board beside it at 1280×720
    // in the large font: the consent box shares a row with its button, and
    // the two walk-in buttons stand one above the other.
    auto *consentRow = new QHBoxLayout;
    consentRow->addWidget(m_walkInConsent);
    consentRow->addStretch(1);
    consentRow->addWidget(m_walkIn);
    auto *hereNow = new QLabel(tr("Here now (select who is voting):"), door);
    hereNow->setWordWrap(true);
    hereNow->setBuddy(m_attendees);
    auto *walkInButtons = new QVBoxLayout;
    walkInButtons->addWidget(m_makeMember, 0, Qt::AlignLeft);
    walkInButtons->addWidget(m_sameAs, 0, Qt::AlignLeft);
    auto *doorLayout = new QVBoxLayout(door);
    doorLayout->addWidget(m_search);
    doorLayout->addWidget(m_results);
    doorLayout->addWidget(m_walkInName);
    doorLayout->addWidget(m_walkInEmail);
    doorLayout->addLayout(consentRow);
    doorLayout->addWidget(hereNow);
    doorLayout->addWidget(m_attendees, 1);
    doorLayout->addLayout(walkInButtons);
}

QGroupBox *FacilitatorView::buildBoard()
{
    // Idea board column.
    auto *board = new QGroupBox(tr("Ideas, by votes"), this);
    m_board = board;
    board->setObjectName(QStringLiteral("ideaBoardBox"));
    m_ideaTitle = new QLineEdit(board);
    m_ideaTitle->setObjectName(QStringLiteral("ideaTitle"));
    m_ideaTitle->setPlaceholderText(tr("A new idea, told by the selected person (Enter)"));
    m_ideaTitle->setAccessibleName(tr("New idea"));
    connect(m_ideaTitle, &QLineEdit::returnPressed, this, &FacilitatorView::addIdea);
    m_ideas = new QListWidget(board);
    m_ideas->setObjectName(QStringLiteral("ideaBoard"));
    m_ideas->setAccessibleName(tr("Idea board"));
    m_ideas->setSpacing(4);
    auto *vote = new QPushButton(tr("Vote (V)"), board);
    vote->setObjectName(QStringLiteral("vote"));
    m_vote = vote;
    auto *withdraw = new QPushButton(tr("Withdraw vote (Del)"), board);
    withdraw->setObjectName(QStringLiteral("withdrawVote"));
    m_withdraw = withdraw;
    m_closeVoting = new QPushButton(tr("Close voting… (Ctrl+Shift+C)"), board);
    m_closeVoting->setObjectName(QStringLiteral("closeVoting"));
    connect(m_closeVoting, &QPushButton::clicked, this, &FacilitatorView::toggleVoting);
    auto *promote = new QPushButton(tr("Promote to working group… (Ctrl+P)"), board);
    promote->setObjectName(QStringLiteral("promote"));
    m_promote = promote;
    connect(vote, &QPushButton::clicked, this, &FacilitatorView::voteSelected);
    connect(withdraw, &QPushButton::clicked, this, &FacilitatorView::withdrawSelected);
    connect(promote, &QPushButton::clicked, this, &FacilitatorView::promoteSelected);
    // Three short rows rather than one long one: in the large font a single
    // row of these buttons alone is wider than the board has at 1280×720.
    auto *voting = new QHBoxLayout;
    voting->addWidget(vote);
    voting->addWidget(withdraw);
    voting->addStretch(1);
    auto *boardLayout = new QVBoxLayout(board);
    boardLayout->addWidget(m_ideaTitle);
    boardLayout->addWidget(m_ideas, 1);
    boardLayout->addLayout(voting);
    boardLayout->addWidget(promote, 0, Qt::AlignLeft);
    boardLayout->addWidget(m_closeVoting, 0, Qt::AlignRight);
    return board;
}

void FacilitatorView::addShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, void (FacilitatorView::*slot)()) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_I), &FacilitatorView::addIdea);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_P), &FacilitatorView::promoteSelected);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &FacilitatorView::toggleVoting);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_M), &FacilitatorView::makeMemberOfSelected);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &FacilitatorView::mergeSelectedWalkIn);
    auto *v = new QShortcut(QKeySequence(Qt::Key_V), m_ideas);
    v->setContext(Qt::WidgetShortcut);
    connect(v, &QShortcut::activated, this, &FacilitatorView::voteSelected);
    auto *del = new QShortcut(QKeySequence(Qt::Key_Delete), m_ideas);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &FacilitatorView::withdrawSelected);
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    esc->setContext(Qt::WidgetWithChildrenShortcut);
    connect(esc, &QShortcut::activated, this, &FacilitatorView::closeRequested);
}

void FacilitatorView::setHub(Hub *hub)
{
    m_hub = hub;
    m_gathering = {};
    reload();
}

void FacilitatorView::setGathering(GatheringId id)
{
    m_gathering = id;
    m_message->clear();
    m_search->clear();
    reload();
    m_search->setFocus();
}

void FacilitatorView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString FacilitatorView::message() const
{
    return m_message->text();
}

void FacilitatorView::show(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #ffb0b0;") : QStringLiteral("color: #b0ffb0;"));
}

void FacilitatorView::search(const QString &text)
{
    m_results->clear();
    if (!m_hub || text.trimmed().isEmpty())
        return;
    // Lapsed members come too, and are welcome: marked, so the desk can
    // mention renewing. Those who left are not offered.
    MemberFilter f;
    f.search = text;
    auto found = m_hub->members().list(f, 16);
    if (!found)
        return show(sentence(found.error().text()), true);
    for (const Member &m : std::as_const(*found)) {
        if (m.status == MemberStatus::Left || m_results->count() >= 8)
            continue;
        auto *item = new QListWidgetItem(
            m.status == MemberStatus::Lapsed ? tr("%1 (lapsed)").arg(m.displayName) : m.displayName, m_results);
        item->setData(IdRole, m.id.value());
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void FacilitatorView::checkInSelected()
{
    if (!m_hub || !m_gathering.isValid())
        return;
    QListWidgetItem *item = m_results->currentItem();
    if (!item) {
        show(tr("Nobody matches “%1”. Check them in as a walk-in below.").arg(m_search->text()), true);
        m_walkInName->setText(m_search->text());
        m_walkInName->setFocus();
        return;
    }
    auto a = m_hub->checkIns().checkIn(m_gathering, MemberId(item->data(IdRole).toLongLong()));
    if (!a) {
        // The message stays; the name goes, so the next one is typed afresh.
        show(sentence(a.error().message), true);
        m_search->clear();
        m_search->setFocus();
        return;
    }
    show(tr("Welcome, %1!").arg(a->name));
    m_search->clear();
    m_search->setFocus();
    reload();
    emit changed();
}

void FacilitatorView::checkInWalkIn()
{
    if (!m_hub || !m_gathering.isValid())
        return;
    auto a = m_hub->checkIns().checkInWalkIn(
        m_gathering, WalkInDraft{m_walkInName->text(), m_walkInEmail->text(), m_walkInConsent->isChecked()});
    if (!a)
        return show(sentence(a.error().message), true);
    show(tr("Welcome, %1!").arg(a->name));
    m_walkInName->clear();
    m_walkInEmail->clear();
    m_walkInConsent->setChecked(false);
    m_search->setFocus();
    reload();
    emit changed();
}

AttendanceId FacilitatorView::selectedAttendee() const
{
    const QListWidgetItem *item = m_attendees->currentItem();
    return item ? AttendanceId(item->data(IdRole).toLongLong()) : AttendanceId();
}

IdeaId FacilitatorView::selectedIdea() const
{
    const QListWidgetItem *item = m_ideas->currentItem();
    return item ? IdeaId(item->data(IdRole).toLongLong()) : IdeaId();
}

void FacilitatorView::addIdea()
{
    if (!m_hub || !m_gathering.isValid())
        return;
    IdeaDraft d;
    d.gathering = m_gathering;
    d.title = m_ideaTitle->text();
    if (const AttendanceId who = selectedAttendee(); who.isValid()) {
        if (auto a = m_hub->checkIns().attendance(who)) {
            d.authorMember = a->member;
            d.authorWalkIn = a->walkIn;
        }
    }
    auto idea = m_hub->ideas().add(d);
    if (!idea)
        return show(sentence(idea.error().message), true);
    show(tr("Idea added: “%1”.").arg(idea->title));
    m_ideaTitle->clear();
    reload();
    emit changed();
}

void FacilitatorView::voteSelected()
{
    if (!m_hub)
        return;
    const IdeaId idea = selectedIdea();
    const AttendanceId voter = selectedAttendee();
    if (!idea.isValid() || !voter.isValid())
        return show(tr("Select who is voting on the left and an idea on the board."), true);
    if (auto ok = m_hub->ideas().vote(idea, voter); !ok)
        return show(sentence(ok.error().message), true);
    show(tr("Vote counted."));
    reload();
    emit changed();
}

void FacilitatorView::withdrawSelected()
{
    if (!m_hub)
        return;
    const IdeaId idea = selectedIdea();
    const AttendanceId voter = selectedAttendee();
    if (!idea.isValid() || !voter.isValid())
        return show(tr("Select who is withdrawing on the left and the idea on the board."), true);
    if (auto ok = m_hub->ideas().withdraw(idea, voter); !ok)
        return show(sentence(ok.error().message), true);
    show(tr("Vote withdrawn."));
    reload();
    emit changed();
}

void FacilitatorView::promoteSelected()
{
    if (!m_hub || !may(Permission::ManageGatherings))
        return;
    const IdeaId idea = selectedIdea();
    if (!idea.isValid())
        return show(tr("Select the idea to promote on the board."), true);
    auto current = m_hub->ideas().get(idea);
    if (!current)
        return show(sentence(current.error().message), true);
    PromoteDialog dialog(*m_hub, idea, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    show(tr("“%1” is now with the working group “%2”.").arg(current->title, dialog.groupName()));
    reload();
    emit changed();
}

void FacilitatorView::reload()
{
    const AttendanceId keepVoter = selectedAttendee();
    const IdeaId keepIdea = selectedIdea();
    m_attendees->clear();
    m_ideas->clear();
    if (!m_hub || !m_gathering.isValid()) {
        m_title->clear();
        m_votingClosed = false;
        updateActions();
        return;
    }
    auto g = m_hub->gatherings().get(m_gathering);
    if (!g)
        return show(sentence(g.error().message), true);
    m_title->setText(g->title + (g->theme.isEmpty() ? QString() : QStringLiteral(" — ") + g->theme));
    m_votingClosed = g->votingClosed;
    m_board->setTitle(m_votingClosed ? tr("Results, ranked — voting is closed") : tr("Ideas, by votes"));
    auto people = m_hub->checkIns().attendees(m_gathering);
    if (people) {
        for (const Attendee &a : std::as_const(*people)) {
            auto *item = new QListWidgetItem(a.walkIn ? tr("%1 (walk-in)").arg(a.name) : a.name, m_attendees);
            item->setData(IdRole, a.id.value());
            if (a.walkIn)
                item->setData(WalkInRole, a.walkIn->value());
            if (a.id == keepVoter)
                m_attendees->setCurrentItem(item);
        }
    }
    auto ideas = m_hub->ideas().ranked(m_gathering);
    if (ideas) {
        int rank = 0;
        for (qsizetype at = 0; at < ideas->size(); ++at) {
            const Idea &i = ideas->at(at);
            // Ties share a place, as results are read out.
            if (at == 0 || ideas->at(at - 1).votes != i.votes)
                rank = int(at + 1);
            QString line = m_votingClosed ? tr("%1.  %2   ●  %3").arg(rank, 2).arg(i.votes, 3).arg(i.title)
                                          : tr("%1   ●  %2").arg(i.votes, 3).arg(i.title);
            if (!i.authorName.isEmpty())
                line += tr("  — %1").arg(i.authorName);
            if (i.promotedTo)
                line += tr("  [working group]");
            auto *item = new QListWidgetItem(line, m_ideas);
            item->setData(IdRole, i.id.value());
            if (i.id == keepIdea)
                m_ideas->setCurrentItem(item);
        }
    }
    updateActions();
}

WalkInId FacilitatorView::selectedWalkIn() const
{
    const QListWidgetItem *item = m_attendees->currentItem();
    return item ? WalkInId(item->data(WalkInRole).toLongLong()) : WalkInId();
}

void FacilitatorView::updateActions()
{
    const bool running = m_hub && m_gathering.isValid();
    const bool walkIn = running && selectedWalkIn().isValid();
    // The door (front desk or facilitator) and the board (facilitator) are
    // different permissions: a volunteer at the door still checks people in.
    for (QWidget *door :
         std::initializer_list<QWidget *>{m_search, m_walkInName, m_walkInEmail, m_walkInConsent, m_walkIn})
        PermissionGate::apply(door, m_hub, Permission::CheckIn, running);
    PermissionGate::apply(m_makeMember, m_hub, Permission::CheckIn, walkIn);
    PermissionGate::apply(m_sameAs, m_hub, Permission::CheckIn, walkIn);
    PermissionGate::apply(m_ideaTitle, m_hub, Permission::ManageGatherings, running);
    PermissionGate::apply(m_vote, m_hub, Permission::ManageGatherings, running && !m_votingClosed);
    PermissionGate::apply(m_withdraw, m_hub, Permission::ManageGatherings, running && !m_votingClosed);
    PermissionGate::apply(m_promote, m_hub, Permission::ManageGatherings, running);
    PermissionGate::apply(m_closeVoting, m_hub, Permission::ManageGatherings, running);
    m_closeVoting->setText(m_votingClosed ? tr("Reopen voting… (Ctrl+Shift+C)") : tr("Close voting… (Ctrl+Shift+C)"));
}

bool FacilitatorView::may(Permission permission)
{
    if (PermissionGate::allows(m_hub, permission))
        return true;
    show(AccessControl::whoMay(permission), true);
    return false;
}

void FacilitatorView::toggleVoting()
{
    if (!m_hub || !m_gathering.isValid() || !may(Permission::ManageGatherings))
        return;
    const bool close = !m_votingClosed;
    const QString question = close ? tr("Close the voting now? Nobody can vote or withdraw a vote afterwards, and "
                                        "the board shows the results, ranked.")
                                   : tr("Open the voting again? People can vote and withdraw votes until it is "
                                        "closed again.");
    if (QMessageBox::question(this, close ? tr("Close voting") : tr("Reopen voting"), question,
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto ok = m_hub->ideas().closeVoting(m_gathering, close); !ok)
        return show(sentence(ok.error().message), true);
    reload();
    if (close) {
        QString top;
        if (m_ideas->count() > 0) {
            auto ideas = m_hub->ideas().ranked(m_gathering);
            if (ideas && !ideas->isEmpty())
                top = tr(" Most votes: “%1”.").arg(ideas->first().title);
        }
        show(tr("Voting is closed.") + top);
        m_ideas->setCurrentRow(0);
        m_ideas->setFocus();
    } else {
        show(tr("Voting is open again."));
    }
    emit changed();
}

void FacilitatorView::makeMemberOfSelected()
{
    const WalkInId id = selectedWalkIn();
    if (!m_hub || !id.isValid())
        return show(tr("Select a walk-in in the list of people here."), true);
    if (!may(Permission::CheckIn))
        return;
    auto w = m_hub->checkIns().walkIn(id);
    if (!w)
        return show(sentence(w.error().message), true);
    const QString details = w->email.isEmpty() ? tr("their name") : tr("their name and e-mail (%1)").arg(w->email);
    if (QMessageBox::question(this, tr("Make member"),
                              tr("Make %1 a member, with %2 as given at the door? Their attendance, ideas and "
                                 "votes become the member's.")
                                  .arg(w->name, details),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes) != QMessageBox::Yes)
        return;
    auto member = m_hub->checkIns().enrol(id);
    if (!member)
        return show(sentence(member.error().message), true);
    show(tr("%1 is now a member. Welcome!").arg(w->name));
    reload();
    emit changed();
}

void FacilitatorView::mergeSelectedWalkIn()
{
    const WalkInId id = selectedWalkIn();
    if (!m_hub || !id.isValid())
        return show(tr("Select a walk-in in the list of people here."), true);
    if (!may(Permission::CheckIn))
        return;
    auto w = m_hub->checkIns().walkIn(id);
    if (!w)
        return show(sentence(w.error().message), true);
    WalkInMergeDialog dialog(*m_hub, *w, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto member = m_hub->members().get(dialog.merged());
    show(tr("%1 is %2: their attendance, ideas and votes moved to the member.")
             .arg(w->name, member ? member->displayName : tr("a member")));
    reload();
    emit changed();
}

} // namespace hub
