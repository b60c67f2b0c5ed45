// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/memberpicker.h"

#include "core/hub.h"
#include "core/members/memberservice.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QSet>
#include <QStandardItemModel>

namespace hub {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
} // namespace

MemberPicker::MemberPicker(QWidget *parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Type a name…"));
    m_matches = new QStandardItemModel(this);
    m_completer = new QCompleter(m_matches, this);
    // The directory search already chose and ordered the rows; the completer
    // must show them as they are, not filter them again by prefix.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(MaxSuggestions);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                pick(MemberId(index.data(IdRole).toLongLong()), index.data(NameRole).toString());
            });
    connect(this, &QLineEdit::textEdited, this, &MemberPicker::search);
    connect(this, &QLineEdit::editingFinished, this, [this] {
        if (!m_member.isValid())
            resolveTyped();
    });
}

MemberPicker::~MemberPicker()
{
    // A widget losing focus while it is destroyed still emits editingFinished;
    // by then the slot would run on a half-destroyed picker.
    disconnect(this, &QLineEdit::editingFinished, this, nullptr);
}

void MemberPicker::setHub(Hub *hub)
{
    m_hub = hub;
    m_matches->clear();
    setMember(MemberId());
}

void MemberPicker::setMember(MemberId member)
{
    if (!member.isValid() || !m_hub) {
        pick(MemberId(), QString());
        return;
    }
    auto m = m_hub->members().get(member);
    pick(m ? member : MemberId(), m ? m->displayName : QString());
}

void MemberPicker::pick(MemberId member, const QString &name)
{
    // Once someone is picked the suggestions have done their job.
    if (member.isValid())
        m_completer->popup()->hide();
    m_pickedName = name;
    // setText() does not emit textEdited, so showing the name keeps the pick.
    if (text() != name)
        setText(name);
    if (member == m_member)
        return;
    m_member = member;
    Q_EMIT memberChanged(member);
}

void MemberPicker::search(const QString &text)
{
    if (m_member.isValid() && text != m_pickedName) {
        m_member = MemberId();
        Q_EMIT memberChanged(m_member);
    }
    m_matches->clear();
    if (!m_hub || text.trimmed().isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    MemberFilter filter;
    filter.search = text.trimmed();
    auto found = m_hub->members().list(filter, MaxSuggestions);
    if (!found || found->isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    // Two members may share a name; their numbers tell them apart.
    QSet<QString> seen, repeated;
    for (const Member &m : std::as_const(*found)) {
        if (seen.contains(m.displayName))
            repeated.insert(m.displayName);
        seen.insert(m.displayName);
    }
    for (const Member &m : std::as_const(*found)) {
        auto *item = new QStandardItem(
            repeated.contains(m.displayName) ? tr("%1 (#%2)").arg(m.displayName).arg(m.id.value()) : m.displayName);
        item->setData(m.id.value(), IdRole);
        item->setData(m.displayName, NameRole);
        QStringList details;
        for (const QString &detail : {m.email, m.postcode}) {
            if (!detail.isEmpty())
                details << detail;
        }
        item->setToolTip(details.join(QStringLiteral(" · ")));
        item->setEditable(false);
        m_matches->appendRow(item);
    }
    m_completer->complete();
}

bool MemberPicker::resolveTyped()
{
    if (m_member.isValid())
        return true;
    const QString typed = text().trimmed();
    if (!m_hub || typed.isEmpty())
        return false;
    MemberFilter filter;
    filter.search = typed;
    auto found = m_hub->members().list(filter, MaxSuggestions);
    if (!found || found->isEmpty())
        return false;
    // One match, or exactly one whose whole name is what was typed.
    const Member *only = found->size() == 1 ? &found->first() : nullptr;
    if (!only) {
        for (const Member &m : std::as_const(*found)) {
            if (m.displayName.compare(typed, Qt::CaseInsensitive) != 0)
                continue;
            if (only)
                return false;
            only = &m;
        }
    }
    if (!only)
        return false;
    pick(only->id, only->displayName);
    return true;
}

} // namespace hub
