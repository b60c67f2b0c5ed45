// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/todaypage.h"

#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/pageicon.h"
#include "ui/widgets/emptystatewidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace hub {

TodayPage::TodayPage(QWidget *parent)
    : HubPage(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setAccessibleName(tr("Today"));

    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("todayHubName"));
    m_name->setTextFormat(Qt::PlainText);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.8);
    nameFont.setBold(true);
    m_name->setFont(nameFont);

    m_date = new QLabel(this);
    m_date->setObjectName(QStringLiteral("todayDate"));
    QFont dateFont = m_date->font();
    dateFont.setPointSizeF(dateFont.pointSizeF() * 1.25);
    m_date->setFont(dateFont);

    m_zone = new QLabel(this);
    m_zone->setObjectName(QStringLiteral("todayTimeZone"));
    m_zone->setForegroundRole(QPalette::PlaceholderText);

    m_emptyState = new EmptyStateWidget(
        pageIcon(QStringLiteral("today"), palette()), tr("The front desk, at a glance"),
        tr("Today's desk view will live here: who is booked into which space today, the "
           "gatherings to check people in to, and quick actions such as recording a time "
           "credit or booking a room for a walk-in."),
        this);

    // Quick actions: what the front desk does most without leaving Today.
    m_recordTransfer = new QPushButton(tr("&Record a transfer…"), this);
    m_recordTransfer->setObjectName(QStringLiteral("todayRecordTransfer"));
    m_recordTransfer->setToolTip(tr("Move credit from one member to another"));
    connect(m_recordTransfer, &QPushButton::clicked, this, &TodayPage::recordTransfer);
    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 12, 0, 0);
    actions->addWidget(m_recordTransfer);
    actions->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(4);
    layout->addWidget(m_name);
    layout->addWidget(m_date);
    layout->addWidget(m_zone);
    layout->addLayout(actions);
    layout->addWidget(m_emptyState, 1);

    // The date must turn over at the hub's midnight even if the desk PC stays on.
    m_timer = new QTimer(this);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &TodayPage::refreshDate);
    m_timer->start();

    setHub(nullptr);
}

void TodayPage::setHub(Hub *hub)
{
    m_hub = hub;
    m_timeZone.clear();
    m_recordTransfer->setEnabled(hub != nullptr);
    if (!hub) {
        m_name->setText(tr("No hub is open"));
    } else if (auto settings = hub->settings().load()) {
        m_name->setText(settings->name);
        m_timeZone = settings->timeZone;
    } else {
        m_name->setText(
            tr("The hub's settings could not be read: %1").arg(settings.error().message));
    }
    m_name->setAccessibleName(m_name->text());
    refreshDate();
}

void TodayPage::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshDate();
}

void TodayPage::recordTransfer()
{
    if (!m_hub)
        return;
    auto *dialog = new TransferDialog(*m_hub, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &TodayPage::transferRecorded);
    dialog->open();
}

QString TodayPage::hubName() const
{
    return m_name->text();
}

QString TodayPage::dateText() const
{
    return m_date->text();
}

void TodayPage::refreshDate()
{
    if (!m_hub || m_timeZone.isEmpty()) {
        m_date->clear();
        m_zone->clear();
        return;
    }
    const QTimeZone zone(m_timeZone.toUtf8());
    const QDate today = m_clock().toTimeZone(zone).date();
    m_date->setText(QLocale().toString(today, QLocale::LongFormat));
    m_date->setAccessibleName(tr("Today's date: %1").arg(m_date->text()));
    m_zone->setText(tr("Dates and times are shown in the hub's time zone, %1.").arg(m_timeZone));
}

} // namespace hub
