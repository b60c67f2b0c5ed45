// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/availabilitydialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/sentence.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace hub {

namespace {
enum Column
{
    NameColumn,
    CapacityColumn,
    RateColumn,
    CostColumn,
    FeaturesColumn,
    ColumnCount
};
} // namespace

AvailabilityDialog::AvailabilityDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("availabilityDialog"));
    setWindowTitle(tr("Check availability"));
    if (auto s = m_hub.settings().load())
        m_settings = *s;
    else
        m_settings = HubSettings::defaults();

    // Default question: the next full hour, for an hour, for one person.
    const QDateTime now = m_hub.clock().now().toTimeZone(m_settings.zone());
    const QDateTime nextHour = QDateTime(now.date(), QTime(now.time().hour(), 0), m_settings.zone()).addSecs(3600);
    const QTime from = nextHour.time();

    m_date = new QDateEdit(nextHour.date());
    m_date->setObjectName(QStringLiteral("availabilityDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(DisplayFormat::dateEditFormat());
    m_date->setAccessibleName(tr("Date"));
    m_from = new QTimeEdit(from);
    m_from->setObjectName(QStringLiteral("availabilityFrom"));
    m_from->setDisplayFormat(DisplayFormat::timeEditFormat());
    m_from->setAccessibleName(tr("From"));
    m_to = new QTimeEdit(from.hour() == 23 ? QTime(23, 59) : from.addSecs(3600));
    m_to->setObjectName(QStringLiteral("availabilityTo"));
    m_to->setDisplayFormat(DisplayFormat::timeEditFormat());
    m_to->setAccessibleName(tr("To"));
    m_people = new QSpinBox;
    m_people->setObjectName(QStringLiteral("availabilityPeople"));
    m_people->setRange(1, 100000);
    m_people->setValue(1);
    m_people->setAccessibleName(tr("Number of people"));
    m_timeError = FieldErrorLabel::named("availabilityTimeError");

    auto *times = new QHBoxLayout;
    times->setContentsMargins(0, 0, 0, 0);
    times->addWidget(m_from);
    auto *until = new QLabel(tr("to"));
    times->addWidget(until);
    times->addWidget(m_to);
    times->addStretch(1);
    auto *timesBox = new QWidget;
    timesBox->setLayout(times);

    auto *form = new QFormLayout;
    form->addRow(tr("&Date:"), m_date);
    auto *fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    form->addRow(fromLabel, FieldErrorLabel::withError(timesBox, m_timeError));
    form->addRow(tr("&People:"), m_people);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("availabilitySummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("availabilityTable"));
    m_table->setAccessibleName(tr("Free spaces"));
    m_table->setHorizontalHeaderLabels({tr("Space"), tr("Holds"), tr("Rate"), tr("Cost"), tr("Features")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_book = buttons->addButton(tr("&Book…"), QDialogButtonBox::AcceptRole);
    m_book->setObjectName(QStringLiteral("availabilityBook"));
    m_book->setToolTip(tr("Book the chosen space for this time"));
    m_book->setEnabled(false);
    // The dialog accepts only through bookSelected(), which says what to book.
    connect(m_book, &QPushButton::clicked, this, &AvailabilityDialog::bookSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    connect(m_date, &QDateEdit::dateChanged, this, &AvailabilityDialog::search);
    connect(m_from, &QTimeEdit::timeChanged, this, &AvailabilityDialog::search);
    connect(m_to, &QTimeEdit::timeChanged, this, &AvailabilityDialog::search);
    connect(m_people, &QSpinBox::valueChanged, this, &AvailabilityDialog::search);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_book->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemActivated, this, &AvailabilityDialog::bookSelected);

    resize(640, 420);
    search();
}

void AvailabilityDialog::setQuestion(QDate date, QTime from, QTime to, int people)
{
    const QSignalBlocker b1(m_date), b2(m_from), b3(m_to), b4(m_people);
    m_date->setDate(date);
    m_from->setTime(from);
    m_to->setTime(to);
    m_people->setValue(people);
    search();
}

QDateTime AvailabilityDialog::start() const
{
    return QDateTime(m_date->date(), m_from->time(), m_settings.zone());
}

QDateTime AvailabilityDialog::end() const
{
    return QDateTime(m_date->date(), m_to->time(), m_settings.zone());
}

QStringList AvailabilityDialog::freeSpaceNames() const
{
    QStringList names;
    for (const Space &s : m_free)
        names << s.name;
    return names;
}

void AvailabilityDialog::search()
{
    m_free.clear();
    m_table->setRowCount(0);
    m_book->setEnabled(false);
    if (m_to->time() <= m_from->time()) {
        m_timeError->showError(tr("The end must be after the start."));
        m_summary->clear();
        return;
    }
    m_timeError->clearError();

    const int people = m_people->value();
    auto free = m_hub.bookings().freeSpaces(start(), end(), people);
    const QLocale locale;
    const QString when = tr("%1, %2–%3")
                             .arg(DisplayFormat::date(m_date->date()), DisplayFormat::time(m_from->time()),
                                  DisplayFormat::time(m_to->time()));
    if (!free) {
        m_summary->setText(tr("Free spaces could not be found: %1").arg(sentence(free.error().text())));
        return;
    }
    m_free = *free;
    if (m_free.isEmpty()) {
        const QString none = people == 1 ? tr("No space is free on %1.").arg(when)
                                         : tr("No space for %1 people is free on %2.").arg(people).arg(when);
        m_summary->setText(none + u' ' + tr("Try another time or a smaller group."));
        return;
    }
    const QString spaces = tr("%Ln space(s) are free", nullptr, int(m_free.size()));
    m_summary->setText(people == 1 ? tr("%1 on %2:").arg(spaces, when)
                                   : tr("%1 for %2 people on %3:").arg(spaces).arg(people).arg(when));
    const qint64 seconds = start().secsTo(end());
    m_table->setRowCount(int(m_free.size()));
    for (int row = 0; row < m_free.size(); ++row) {
        const Space &s = m_free.at(row);
        const auto cost = BookingService::price(s, seconds);
        const QString cells[ColumnCount] = {
            s.name,
            QString::number(s.capacity),
            s.rate ? tr("%1 an hour").arg(m_settings.formatAmount(*s.rate)) : tr("free"),
            cost ? m_settings.formatAmount(*cost) : QStringLiteral("—"),
            s.features.join(QStringLiteral(", ")),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == CapacityColumn || c == CostColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == NameColumn && !s.description.isEmpty())
                item->setToolTip(s.description);
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->selectRow(0);
}

void AvailabilityDialog::bookSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_free.size())
        return;
    const SpaceId space = m_free.at(row).id;
    const QDateTime from = start();
    const QDateTime to = end();
    accept();
    Q_EMIT bookRequested(space, from, to);
}

} // namespace hub
