// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace hub {

class EmptyStateWidget;
class Hub;
class MemberPicker;

/// Business challenges on the Gatherings page: the list, a "New challenge…"
/// dialog, and the selected challenge with the members whose skills fit it
/// (the directory's matching), its volunteers, and signing up, withdrawing
/// and closing — each asking first where it takes something away.
class ChallengesView : public QWidget
{
    Q_OBJECT
public:
    explicit ChallengesView(QWidget *parent = nullptr);

    void setHub(Hub *hub);
    void refresh();
    void newChallenge();
    /// Signs up the selected suggested helper.
    void signUpSelectedHelper();
    /// Signs up the member picked in "Someone else".
    void signUpPicked();
    void withdrawSelected();
    void closeSelected();

    ChallengeId selectedChallenge() const;
    void selectChallenge(ChallengeId id);
    /// The last message shown under the detail (refusals in the service's words).
    QString message() const;
    /// Someone else is at the desk: challenges are for those who run gatherings.
    void accessChanged() { updateActions(); }

Q_SIGNALS:
    void changed();

private:
    QWidget *buildListSide();
    QWidget *buildDetail();
    /// The members whose skills fit, and signing up them or someone else.
    void buildHelpers(QWidget *detail);
    void buildVolunteers(QWidget *detail);
    QGridLayout *layOutPeople(QWidget *detail);
    void fillList();
    void showDetail();
    void signUp(MemberId member);
    void say(const QString &text, bool problem = false);
    void updateActions();
    /// False, saying who may, when the person at the desk may not change challenges.
    bool mayChange();

    Hub *m_hub = nullptr;
    bool m_open = false; ///< the selected challenge takes volunteers
    QPushButton *m_new = nullptr;
    QCheckBox *m_showClosed = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTreeWidget *m_list = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_description = nullptr;
    QListWidget *m_helpers = nullptr;
    QLabel *m_helpersHint = nullptr;
    QListWidget *m_volunteers = nullptr;
    QPushButton *m_signUp = nullptr;
    MemberPicker *m_someoneElse = nullptr;
    QPushButton *m_signUpOther = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace hub
