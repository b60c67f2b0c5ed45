// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/gatheringdialog.h"

#include "core/common/displayformat.h"
#include "core/common/localtime.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "ui/widgets/sentence.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeZone>

namespace hub {

GatheringDialog::GatheringDialog(Hub &hub, GatheringId id, QWidget *parent) : QDialog(parent), m_hub(hub), m_id(id)
{
    setWindowTitle(id.isValid() ? tr("Edit gathering") : tr("New gathering"));
    setObjectName(QStringLiteral("gatheringDialog"));
    const QTimeZone zone = m_hub.bookings().zone();
    buildWhatFields();
    buildWhenFields(zone);
    buildPlaceFields();
    buildRefusalFields();

    if (id.isValid())
        load(id, zone);
    layOut();
}

void GatheringDialog::buildWhatFields()
{
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Friendly gathering"), int(GatheringKind::Friendly));
    m_kind->addItem(tr("Collaboratory"), int(GatheringKind::Collaboratory));
    m_kind->addItem(tr("Business challenge"), int(GatheringKind::BusinessChallenge));
    m_kind->addItem(tr("Other"), int(GatheringKind::Other));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("gatheringTitle"));
    m_title->setMaxLength(GatheringService::MaxTitleLength);
    m_theme = new QLineEdit(this);
    m_theme->setPlaceholderText(tr("The question of the evening"));
}

void GatheringDialog::buildWhenFields(const QTimeZone &zone)
{
    const QDate next = QDate::currentDate().addDays(7);
    m_start = new QDateTimeEdit(m_hub.bookings().localTime(next, QTime(19, 0)).toTimeZone(zone), this);
    m_start->setObjectName(QStringLiteral("gatheringStart"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(DisplayFormat::dateTimeEditFormat());
    m_end = new QDateTimeEdit(m_start->dateTime().addSecs(2 * 3600), this);
    m_end->setObjectName(QStringLiteral("gatheringEnd"));
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(DisplayFormat::dateTimeEditFormat());
    // The end keeps the duration when the start moves, as calendars do.
    m_shownStart = m_start->dateTime();
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &s) {
        const qint64 moved = m_shownStart.secsTo(s);
        m_shownStart = s;
        m_end->setDateTime(m_end->dateTime().addSecs(moved));
    });
}

void GatheringDialog::buildPlaceFields()
{
    m_space = new QComboBox(this);
    m_space->setObjectName(QStringLiteral("gatheringSpace"));
    m_space->addItem(tr("No space (held elsewhere)"), 0);
    if (auto spaces = m_hub.spaces().list(true))
        for (const Space &s : std::as_const(*spaces))
            m_space->addItem(tr("%1 (%2 people)").arg(s.name).arg(s.capacity), s.id.value());
    m_capacity = new QSpinBox(this);
    m_capacity->setRange(0, 10000);
    m_capacity->setSpecialValueText(tr("The space's capacity"));
    m_voting = new QComboBox(this);
    m_voting->addItem(tr("One person, one vote per idea"), int(VotingMode::OneVote));
    m_voting->addItem(tr("Dot voting"), int(VotingMode::Dots));
    m_dots = new QSpinBox(this);
    m_dots->setRange(1, GatheringService::MaxDots);
    m_dots->setValue(3);
    m_dots->setSuffix(tr(" dots each"));
}

void GatheringDialog::buildRefusalFields()
{
    // Asked for only when the booking service says the time is outside the
    // space's hours, like the booking dialog does.
    m_hoursNote = new QLineEdit(this);
    m_hoursNote->setObjectName(QStringLiteral("gatheringHoursNote"));
    m_hoursNote->setPlaceholderText(tr("e.g. the caretaker stays until 21:30"));
    m_hoursNote->setAccessibleName(tr("Reason to meet outside the opening hours"));
    m_hoursNote->hide();
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("gatheringProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
}

void GatheringDialog::load(GatheringId id, const QTimeZone &zone)
{
    if (auto g = m_hub.gatherings().get(id)) {
        m_kind->setCurrentIndex(m_kind->findData(int(g->kind)));
        m_title->setText(g->title);
        m_theme->setText(g->theme);
        m_start->setDateTime(g->start.toTimeZone(zone));
        m_end->setDateTime(g->end.toTimeZone(zone));
        m_shownStart = m_start->dateTime();
        if (g->space && !g->bookingCancelled)
            m_space->setCurrentIndex(std::max(0, m_space->findData(g->space->value())));
        m_capacity->setValue(g->capacity.value_or(0));
        m_voting->setCurrentIndex(m_voting->findData(int(g->voting)));
        m_dots->setValue(g->dotsPerAttendee);
    }
}

void GatheringDialog::layOut()
{
    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("T&heme:"), m_theme);
    form->addRow(tr("&Starts:"), m_start);
    form->addRow(tr("&Ends:"), m_end);
    form->addRow(tr("S&pace:"), m_space);
    form->addRow(tr("&Places:"), m_capacity);
    form->addRow(tr("&Voting:"), m_voting);
    form->addRow(tr("&Dots:"), m_dots);
    m_hoursNoteLabel = new QLabel(tr("&Reason outside hours:"), this);
    m_hoursNoteLabel->setBuddy(m_hoursNote);
    m_hoursNoteLabel->hide();
    form->addRow(m_hoursNoteLabel, m_hoursNote);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GatheringDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GatheringDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

GatheringDraft GatheringDialog::draft() const
{
    GatheringDraft d;
    d.kind = GatheringKind(m_kind->currentData().toInt());
    d.title = m_title->text();
    d.theme = m_theme->text();
    const QTimeZone zone = m_hub.bookings().zone();
    d.start = LocalTime::occurrence(m_start->date(), m_start->time(), zone).at;
    d.end = LocalTime::occurrence(m_end->date(), m_end->time(), zone).at;
    if (const qint64 space = m_space->currentData().toLongLong(); space > 0)
        d.space = SpaceId(space);
    d.capacity = m_capacity->value();
    d.voting = VotingMode(m_voting->currentData().toInt());
    d.dotsPerAttendee = m_dots->value();
    d.outsideHoursOverride = m_hoursNote->isVisible() ? m_hoursNote->text().trimmed() : QString();
    return d;
}

QString GatheringDialog::problem() const
{
    return m_problem->text();
}

void GatheringDialog::accept()
{
    // A time the spring clock change skips is refused as typed, as in the booking dialog.
    const QTimeZone zone = m_hub.bookings().zone();
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        const auto typed = LocalTime::typed(edit->date(), edit->time(), zone, QString());
        if (!typed) {
            m_problem->setText(sentence(typed.error().message));
            edit->setFocus();
            return;
        }
    }
    const GatheringDraft d = draft();
    auto g = m_id.isValid() ? m_hub.gatherings().edit(m_id, d) : m_hub.gatherings().add(d);
    if (!g) {
        // The booking service's own sentence: the clash, the hours or the capacity.
        m_problem->setText(sentence(g.error().message));
        const QString where = g.error().where;
        if (where == QStringLiteral("outside-hours")) {
            if (m_hoursNote->isVisible() && m_hoursNote->text().trimmed().isEmpty())
                m_problem->setText(
                    tr("%1 Give a reason to meet outside the opening hours.").arg(sentence(g.error().message)));
            m_hoursNoteLabel->show();
            m_hoursNote->show();
            m_hoursNote->setFocus();
            return;
        }
        QWidget *field = m_start;
        if (where == QStringLiteral("title"))
            field = m_title;
        else if (where == QStringLiteral("end"))
            field = m_end;
        else if (where == QStringLiteral("attendees") || where == QStringLiteral("capacity"))
            field = m_capacity;
        else if (where == QStringLiteral("dots"))
            field = m_dots;
        field->setFocus();
        return;
    }
    m_saved = g->id;
    QDialog::accept();
}

} // namespace hub
