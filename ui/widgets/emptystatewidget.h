// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace hub {

/// A friendly "nothing here yet" block: an icon, a title and a sentence that
/// says what will appear and what the user will be able to do.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);
    EmptyStateWidget(const QIcon &icon, const QString &title, const QString &text, QWidget *parent = nullptr);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    void setText(const QString &text);

    QString title() const;
    QString text() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace hub
