// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;

namespace hub {

class Hub;

/// A line edit that picks one member: typing searches the directory (in SQL,
/// accent- and case-insensitive, as the Members search does) and offers the
/// matches in a popup. Typing a name that matches exactly one member picks it
/// too, so the keyboard alone is enough.
class MemberPicker : public QLineEdit
{
    Q_OBJECT
public:
    static constexpr int MaxSuggestions = 12;

    explicit MemberPicker(QWidget *parent = nullptr);
    ~MemberPicker() override;

    void setHub(Hub *hub);
    /// Shows `member` as picked (an invalid id clears the field).
    void setMember(MemberId member);
    /// The picked member; invalid while the text names nobody in particular.
    MemberId member() const { return m_member; }
    /// Picks the member the typed text names, if it names exactly one.
    bool resolveTyped();
    /// The popup of suggestions, for tests and for keyboard focus.
    QCompleter *suggestions() const { return m_completer; }

Q_SIGNALS:
    void memberChanged(hub::MemberId member);

private:
    void search(const QString &text);
    void pick(MemberId member, const QString &name);

    Hub *m_hub = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_matches = nullptr;
    MemberId m_member;
    QString m_pickedName;
};

} // namespace hub
