// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/challengesview.h"

#include "core/access/accesscontrol.h"
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "ui/access/permissiongate.h"
#include "ui/dialogs/challengedialog.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hub {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

ChallengesView::ChallengesView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("challengesView"));
    setAccessibleName(tr("Business challenges"));
    QWidget *listSide = buildListSide();
    QWidget *detail = buildDetail();

    auto *nothing = new QLabel(tr("Select a challenge to see who could help."), this);
    nothing->setAlignment(Qt::AlignCenter);
    nothing->setEnabled(false);
    m_detailStack = new QStackedWidget(this);
    m_detailStack->addWidget(nothing);
    m_detailStack->addWidget(detail);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(listSide);
    split->addWidget(m_detailStack);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({460, 820}); // room for a challenge's title beside its business
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

QWidget *ChallengesView::buildListSide()
{
    // The list, left.
    auto *listSide = new QWidget(this);
    auto *create = new QPushButton(tr("&New challenge…"), listSide);
    create->setObjectName(QStringLiteral("newChallenge"));
    m_new = create;
    create->setToolTip(tr("Record a challenge a local business brings (Ctrl+Shift+B)"));
    connect(create, &QPushButton::clicked, this, &ChallengesView::newChallenge);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &ChallengesView::newChallenge);
    m_showClosed = new QCheckBox(tr("Show c&losed"), listSide);
    m_showClosed->setObjectName(QStringLiteral("showClosedChallenges"));
    connect(m_showClosed, &QCheckBox::toggled, this, &ChallengesView::fillList);
    auto *bar = new QHBoxLayout;
    bar->addWidget(create);
    bar->addStretch(1);
    bar->addWidget(m_showClosed);

    m_list = new QTreeWidget(listSide);
    m_list->setObjectName(QStringLiteral("challengeList"));
    m_list->setAccessibleName(tr("Business challenges"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Challenge"), tr("Business"), tr("Volunteers")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ChallengesView::showDetail);
    m_empty = new EmptyStateWidget(QIcon(), tr("No business challenges yet"),
                                   tr("When a local business brings a challenge, record it with “New challenge…”: "
                                      "members whose skills fit are suggested, and volunteers sign up."),
                                   listSide);
    m_listStack = new QStackedWidget(listSide);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_empty);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_listStack, 1);
    return listSide;
}

QWidget *ChallengesView::buildDetail()
{
    // The selected challenge, right.
    auto *detail = new QWidget(this);
    m_heading = new QLabel(detail);
    m_heading->setObjectName(QStringLiteral("challengeHeading"));
    m_heading->setWordWrap(true);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setTextFormat(Qt::PlainText);
    m_facts = new QLabel(detail);
    m_facts->setObjectName(QStringLiteral("challengeFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    m_description = new QLabel(detail);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buildHelpers(detail);
    buildVolunteers(detail);

    m_message = new QLabel(detail);
    m_message->setObjectName(QStringLiteral("challengeMessage"));
    m_message->setWordWrap(true);

    QGridLayout *people = layOutPeople(detail);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_facts);
    detailLayout->addWidget(m_description);
    detailLayout->addLayout(people, 1);
    detailLayout->addWidget(m_message);
    return detail;
}

void ChallengesView::buildHelpers(QWidget *detail)
{
    m_helpers = new QListWidget(detail);
    m_helpers->setObjectName(QStringLiteral("suggestedHelpers"));
    m_helpers->setAccessibleName(tr("Suggested helpers"));
    connect(m_helpers, &QListWidget::itemActivated, this, &ChallengesView::signUpSelectedHelper);
    m_helpersHint = new QLabel(detail);
    m_helpersHint->setWordWrap(true);
    m_helpersHint->setEnabled(false);
    m_signUp = new QPushButton(tr("&Sign up as volunteer"), detail);
    m_signUp->setObjectName(QStringLiteral("signUpVolunteer"));
    m_signUp->setToolTip(tr("Sign up the selected helper (Enter on the list)"));
    connect(m_signUp, &QPushButton::clicked, this, &ChallengesView::signUpSelectedHelper);
    m_someoneElse = new MemberPicker(detail);
    m_someoneElse->setObjectName(QStringLiteral("volunteerPicker"));
    m_someoneElse->setAccessibleName(tr("Someone else who volunteers"));
    m_someoneElse->setPlaceholderText(tr("Someone else: type a name…"));
    m_signUpOther = new QPushButton(tr("Sign &up"), detail);
    m_signUpOther->setObjectName(QStringLiteral("signUpPicked"));
    connect(m_signUpOther, &QPushButton::clicked, this, &ChallengesView::signUpPicked);
    connect(m_someoneElse, &QLineEdit::returnPressed, this, &ChallengesView::signUpPicked);
}

void ChallengesView::buildVolunteers(QWidget *detail)
{
    m_volunteers = new QListWidget(detail);
    m_volunteers->setObjectName(QStringLiteral("challengeVolunteers"));
    m_volunteers->setAccessibleName(tr("Volunteers"));
    m_withdraw = new QPushButton(tr("&Withdraw…"), detail);
    m_withdraw->setObjectName(QStringLiteral("withdrawVolunteer"));
    connect(m_withdraw, &QPushButton::clicked, this, &ChallengesView::withdrawSelected);
    auto *del = new QShortcut(QKeySequence::Delete, m_volunteers);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ChallengesView::withdrawSelected);
    m_close = new QPushButton(tr("Close c&hallenge…"), detail);
    m_close->setObjectName(QStringLiteral("closeChallenge"));
    connect(m_close, &QPushButton::clicked, this, &ChallengesView::closeSelected);
}

QGridLayout *ChallengesView::layOutPeople(QWidget *detail)
{
    auto *people = new QGridLayout;
    people->addWidget(heading(tr("Suggested helpers (matching skills)"), detail), 0, 0);
    people->addWidget(heading(tr("Volunteers"), detail), 0, 1);
    people->addWidget(m_helpers, 1, 0);
    people->addWidget(m_volunteers, 1, 1);
    people->addWidget(m_helpersHint, 2, 0);
    auto *helperButtons = new QHBoxLayout;
    helperButtons->addWidget(m_signUp);
    helperButtons->addStretch(1);
    people->addLayout(helperButtons, 3, 0);
    auto *volunteerButtons = new QHBoxLayout;
    volunteerButtons->addWidget(m_withdraw);
    volunteerButtons->addStretch(1);
    volunteerButtons->addWidget(m_close);
    people->addLayout(volunteerButtons, 3, 1);
    auto *other = new QHBoxLayout;
    other->addWidget(m_someoneElse, 1);
    other->addWidget(m_signUpOther);
    people->addLayout(other, 4, 0);
    people->setColumnStretch(0, 1);
    people->setColumnStretch(1, 1);
    people->setRowStretch(1, 1);
    return people;
}

void ChallengesView::setHub(Hub *hub)
{
    m_hub = hub;
    m_someoneElse->setHub(hub);
    refresh();
}

void ChallengesView::refresh()
{
    fillList();
}

ChallengeId ChallengesView::selectedChallenge() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? ChallengeId(item->data(0, IdRole).toLongLong()) : ChallengeId();
}

void ChallengesView::selectChallenge(ChallengeId id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, IdRole).toLongLong() == id.value())
            m_list->setCurrentItem(m_list->topLevelItem(i));
}

QString ChallengesView::message() const
{
    return m_message->text();
}

void ChallengesView::say(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(p);
}

void ChallengesView::fillList()
{
    const ChallengeId keep = selectedChallenge();
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
    }
    if (m_hub) {
        auto list = m_hub->challenges().list(!m_showClosed->isChecked());
        if (list) {
            for (const BusinessChallenge &c : std::as_const(*list)) {
                auto *item = new QTreeWidgetItem(m_list, {c.open ? c.title : tr("%1 (closed)").arg(c.title),
                                                          c.organisationName, QString::number(c.volunteers.size())});
                item->setData(0, IdRole, c.id.value());
                item->setToolTip(0, c.skills.isEmpty()
                                        ? c.title
                                        : tr("%1\nSkills: %2").arg(c.title, c.skills.join(QStringLiteral(", "))));
                item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
                if (!c.open)
                    item->setForeground(0, palette().color(QPalette::Disabled, QPalette::Text));
            }
        }
    }
    const bool none = m_list->topLevelItemCount() == 0;
    m_listStack->setCurrentIndex(none ? 1 : 0);
    if (none) {
        showDetail();
        return;
    }
    selectChallenge(keep);
    if (!m_list->currentItem())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showDetail();
}

void ChallengesView::showDetail()
{
    m_helpers->clear();
    m_volunteers->clear();
    m_open = false;
    updateActions();
    const ChallengeId id = selectedChallenge();
    if (!m_hub || !id.isValid()) {
        m_detailStack->setCurrentIndex(0);
        return;
    }
    auto c = m_hub->challenges().get(id);
    if (!c) {
        m_detailStack->setCurrentIndex(0);
        return;
    }
    m_detailStack->setCurrentIndex(1);
    m_heading->setText(c->title);
    QStringList facts{tr("From %1").arg(c->organisationName)};
    if (c->gathering)
        if (auto g = m_hub->gatherings().get(*c->gathering))
            facts << tr("presented at “%1”").arg(g->title);
    if (!c->open)
        facts << tr("closed");
    QString factLine = facts.join(QStringLiteral(" · "));
    if (!c->skills.isEmpty())
        factLine += u'\n' + tr("Skills that would help: %1").arg(c->skills.join(QStringLiteral(", ")));
    m_facts->setText(factLine);
    m_description->setText(c->description);
    m_description->setVisible(!c->description.isEmpty());

    for (qsizetype i = 0; i < c->volunteers.size(); ++i) {
        auto *item = new QListWidgetItem(c->volunteerNames.value(i), m_volunteers);
        item->setData(IdRole, c->volunteers[i].value());
    }
    if (m_volunteers->count() > 0)
        m_volunteers->setCurrentRow(0);
    auto helpers = m_hub->challenges().suggestions(id);
    if (helpers) {
        for (const SuggestedHelper &h : std::as_const(*helpers)) {
            auto *item = new QListWidgetItem(tr("%1 — %2").arg(h.name, h.skills.join(QStringLiteral(", "))), m_helpers);
            item->setData(IdRole, h.member.value());
        }
    }
    if (m_helpers->count() > 0)
        m_helpers->setCurrentRow(0);
    if (c->skills.isEmpty())
        m_helpersHint->setText(tr("Name the skills that would help to see who could."));
    else if (m_helpers->count() == 0)
        m_helpersHint->setText(tr("Nobody else in the shared directory has these skills yet."));
    else
        m_helpersHint->clear();
    m_helpersHint->setVisible(!m_helpersHint->text().isEmpty());
    m_open = c->open;
    updateActions();
}

void ChallengesView::updateActions()
{
    // Reading challenges and who could help is for everyone; changing them
    // is part of running gatherings.
    const auto gate = [this](QWidget *w, bool enabledOtherwise) {
        PermissionGate::apply(w, m_hub, Permission::ManageGatherings, enabledOtherwise);
    };
    gate(m_new, m_hub != nullptr);
    gate(m_signUp, m_open && m_helpers->count() > 0);
    gate(m_someoneElse, m_open);
    gate(m_signUpOther, m_open);
    gate(m_withdraw, m_volunteers->count() > 0);
    gate(m_close, m_open);
}

bool ChallengesView::mayChange()
{
    if (PermissionGate::allows(m_hub, Permission::ManageGatherings))
        return true;
    say(AccessControl::whoMay(Permission::ManageGatherings), true);
    return false;
}

void ChallengesView::newChallenge()
{
    if (!m_hub)
        return;
    // Ctrl+Shift+B reaches here past the disabled button: say who may, rather than open a form.
    if (!mayChange())
        return;
    ChallengeDialog dialog(*m_hub, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    fillList();
    selectChallenge(dialog.saved());
    say(tr("Challenge recorded. Members whose skills fit are suggested below."));
    emit changed();
}

void ChallengesView::signUp(MemberId member)
{
    const ChallengeId id = selectedChallenge();
    if (!m_hub || !id.isValid() || !member.isValid())
        return;
    if (auto ok = m_hub->challenges().volunteer(id, member); !ok)
        return say(sentence(ok.error().message), true);
    fillList();
    if (auto c = m_hub->challenges().get(id); c && !c->volunteerNames.isEmpty())
        say(tr("%1 volunteered. Thank you!").arg(c->volunteerNames.value(c->volunteers.indexOf(member))));
    emit changed();
}

void ChallengesView::signUpSelectedHelper()
{
    const QListWidgetItem *item = m_helpers->currentItem();
    if (!item)
        return say(tr("Select a suggested helper, or type someone else's name."), true);
    signUp(MemberId(item->data(IdRole).toLongLong()));
}

void ChallengesView::signUpPicked()
{
    if (!m_someoneElse->member().isValid() && !m_someoneElse->resolveTyped())
        return say(m_someoneElse->text().trimmed().isEmpty()
                       ? tr("Type the name of the member who volunteers.")
                       : tr("“%1” does not name one member; choose from the list.").arg(m_someoneElse->text()),
                   true);
    const MemberId member = m_someoneElse->member();
    signUp(member);
    m_someoneElse->setMember({});
}

void ChallengesView::withdrawSelected()
{
    const QListWidgetItem *item = m_volunteers->currentItem();
    const ChallengeId id = selectedChallenge();
    if (!m_hub || !item || !id.isValid() || !mayChange())
        return;
    const QString name = item->text();
    const MemberId member(item->data(IdRole).toLongLong());
    if (QMessageBox::question(this, tr("Withdraw volunteer"),
                              tr("Take %1 off this challenge? They can sign up again later.").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto ok = m_hub->challenges().withdraw(id, member); !ok)
        return say(sentence(ok.error().message), true);
    fillList();
    say(tr("%1 is no longer volunteering.").arg(name));
    emit changed();
}

void ChallengesView::closeSelected()
{
    const ChallengeId id = selectedChallenge();
    if (!m_hub || !id.isValid() || !mayChange())
        return;
    auto c = m_hub->challenges().get(id);
    if (!c)
        return;
    if (QMessageBox::question(
            this, tr("Close challenge"),
            tr("Close “%1”? It stays on record with its volunteers but takes no new ones.").arg(c->title),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto ok = m_hub->challenges().close(id); !ok)
        return say(sentence(ok.error().message), true);
    m_showClosed->setChecked(true); // keep it in view, now marked closed
    fillList();
    selectChallenge(id);
    say(tr("“%1” is closed.").arg(c->title));
    emit changed();
}

} // namespace hub
