// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pages/hubpage.h"

#include <QDateTime>
#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace hub {

class EmptyStateWidget;

/// The front-desk view. For now: which hub this is and what day it is there.
class TodayPage : public HubPage
{
    Q_OBJECT
public:
    /// Supplies "now"; tests pass a fixed clock.
    using Clock = std::function<QDateTime()>;

    explicit TodayPage(QWidget *parent = nullptr);

    void setHub(Hub *hub) override;
    void setClock(Clock clock);

    QString hubName() const;
    QString dateText() const;

    /// Opens the New transfer dialog (window-modal, returns at once).
    void recordTransfer();

Q_SIGNALS:
    /// A transfer was recorded from the quick action.
    void transferRecorded();

private:
    void refreshDate();

    Hub *m_hub = nullptr;
    QString m_timeZone;
    Clock m_clock;
    QLabel *m_name = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_zone = nullptr;
    QPushButton *m_recordTransfer = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace hub
