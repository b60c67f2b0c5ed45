// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/permission.h"
#include "core/gatherings/gathering.h"

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QHBoxLayout;
class QPushButton;
class QLabel;
class QLineEdit;
class QListWidget;

namespace hub {

class Hub;

/// Running one gathering at the door and on the projector: large,
/// high-contrast check-in with search-as-you-type and a walk-in form, an
/// idea board sorted live by votes, voting by the selected attendee and
/// "Promote to working group". Everything works from the keyboard:
/// Enter checks in the highlighted member, Ctrl+I adds an idea, V votes,
/// Delete withdraws a vote, Ctrl+P promotes, Ctrl+Shift+C closes (or
/// reopens) the voting, Ctrl+M makes a member of the selected walk-in,
/// Ctrl+Shift+M merges them into an existing member, Esc leaves.
class FacilitatorView : public QWidget
{
    Q_OBJECT
public:
    explicit FacilitatorView(QWidget *parent = nullptr);

    void setHub(Hub *hub);
    void setGathering(GatheringId id);
    GatheringId gathering() const { return m_gathering; }
    /// Reads the gathering's people and ideas again, keeping the selection.
    void reload();

    /// Checks in the highlighted search result (or the only one).
    void checkInSelected();
    void checkInWalkIn();
    void addIdea();
    void voteSelected();
    void withdrawSelected();
    /// Asks for a group name (an existing group takes the idea on).
    void promoteSelected();
    /// Closes the voting after asking (reopens it, when closed): closed votes
    /// cannot be cast or withdrawn and the board shows the ranked results.
    void toggleVoting();
    bool votingClosed() const { return m_votingClosed; }
    /// "Make member…": enrols the selected walk-in from what they gave at the door.
    void makeMemberOfSelected();
    /// "Same person as…": merges the selected walk-in into a member found by name.
    void mergeSelectedWalkIn();
    /// The last message shown (refusals in the services' words).
    QString message() const;
    /// Someone else is at the desk: check-in follows CheckIn, the idea board
    /// ManageGatherings, each disabled with who may when not allowed.
    void accessChanged() { updateActions(); }

Q_SIGNALS:
    void closeRequested();
    void changed();

protected:
    /// Esc from any list or field leaves, even where no shortcut reaches.
    void keyPressEvent(QKeyEvent *event) override;

private:
    /// High contrast and a large font; returns the font.
    QFont applyProjectorLook();
    QHBoxLayout *buildHead(const QFont &big);
    QGroupBox *buildDoor();
    void buildAttendees(QGroupBox *door);
    void layOutDoor(QGroupBox *door);
    QGroupBox *buildBoard();
    void addShortcuts();
    void search(const QString &text);
    void show(const QString &text, bool problem = false);
    AttendanceId selectedAttendee() const;
    IdeaId selectedIdea() const;
    WalkInId selectedWalkIn() const;
    void updateActions();
    /// False, saying who may, when the person at the desk may not do `permission`
    /// (before a question or a dialog that would only end in a refusal).
    bool may(Permission permission);

    Hub *m_hub = nullptr;
    GatheringId m_gathering;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLineEdit *m_walkInName = nullptr;
    QLineEdit *m_walkInEmail = nullptr;
    QCheckBox *m_walkInConsent = nullptr;
    QPushButton *m_walkIn = nullptr;
    QListWidget *m_attendees = nullptr;
    QLineEdit *m_ideaTitle = nullptr;
    QListWidget *m_ideas = nullptr;
    QGroupBox *m_board = nullptr;
    QPushButton *m_vote = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_closeVoting = nullptr;
    QPushButton *m_promote = nullptr;
    QPushButton *m_makeMember = nullptr;
    QPushButton *m_sameAs = nullptr;
    bool m_votingClosed = false;
};

} // namespace hub
