// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace hub {

class FieldErrorLabel;
class Hub;

/// A member's offers or needs: the list, a line to add one and a button to
/// close one. Each change is written at once, as listings are not part of the
/// member's record form.
class ListingsEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Offers,
        Needs
    };

    explicit ListingsEditor(Kind kind, QWidget *parent = nullptr);

    void setHub(Hub *hub);
    /// Shows the listings of `member`; an invalid id (a member not yet saved)
    /// disables the editor.
    void setMember(MemberId member);
    void setSkillNames(const QStringList &names);

Q_SIGNALS:
    /// A listing was added or closed.
    void changed();

private:
    void reload();
    void add();
    void closeSelected();
    QString prefix() const;

    Kind m_kind;
    Hub *m_hub = nullptr;
    MemberId m_member;
    QListWidget *m_list = nullptr;
    QLineEdit *m_skill = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_urgency = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_close = nullptr;
    QStringListModel *m_names = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace hub
