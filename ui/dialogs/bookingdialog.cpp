// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/bookingdialog.h"

#include "core/common/displayformat.h"
#include "core/common/localtime.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "ui/widgets/bookingrefusal.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"
#include "ui/widgets/recurrenceeditor.h"
#include "ui/widgets/sentence.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int MaxAttendees = 100000;

QString durationText(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return BookingDialog::tr("%n min", nullptr, int(minutes));
    if (minutes % 60 == 0)
        return BookingDialog::tr("%n h", nullptr, int(minutes / 60));
    return BookingDialog::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QLabel *noteLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->hide();
    return label;
}
} // namespace

BookingDialog::BookingDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(tr("New booking"));
    setAccessibleName(tr("New booking"));
    auto loaded = m_hub.settings().load();
    m_settings = loaded ? *loaded : HubSettings::defaults();

    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("bookingCancel"));
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_save = new QPushButton(tr("&Book"));
    m_save->setObjectName(QStringLiteral("bookingSave"));
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &BookingDialog::save);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildForm(), 1);
    layout->addLayout(buttons);
    setMinimumWidth(560);

    loadSpaces();
    // Until told otherwise: the next whole hour, for an hour.
    const QDateTime now = m_hub.clock().now().toTimeZone(m_hub.bookings().zone());
    const QDateTime next(now.date(), QTime(now.time().hour(), 0), now.timeZone());
    setTimes(next.addSecs(3600), next.addSecs(7200));
    updateSpaceDetails();
    m_title->setFocus();
}

BookingDialog::~BookingDialog() = default;

QWidget *BookingDialog::buildForm()
{
    buildWhatFields();
    QWidget *attendeesRow = buildWhoFields();
    QWidget *whenRow = buildWhenFields();
    buildRepeatFields();
    buildNotesField();
    buildChargeAndReasonFields();
    buildRefusal();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Space:"), FieldErrorLabel::withError(m_space, m_spaceError));
    form->addRow(tr("T&itle:"), FieldErrorLabel::withError(m_title, m_titleError));
    form->addRow(tr("Booked &by:"), FieldErrorLabel::withError(m_member, m_memberError));
    form->addRow(tr("&Attendees:"), FieldErrorLabel::withError(attendeesRow, m_attendeesError));
    form->addRow(tr("&When:"), FieldErrorLabel::withError(whenRow, m_timeError));
    form->addRow(QString(), m_tentative);
    form->addRow(tr("&Repeats:"), m_repeat);
    form->addRow(tr("&Notes:"), FieldErrorLabel::withError(m_notes, m_notesError));
    form->addRow(QString(), m_charge);
    form->addRow(m_hoursNoteLabel);
    form->addRow(QString(), FieldErrorLabel::withError(m_hoursNote, m_hoursNoteError));
    form->addRow(m_capacityNoteLabel);
    form->addRow(QString(), FieldErrorLabel::withError(m_capacityNote, m_capacityNoteError));
    static_cast<QLabel *>(form->labelForField(m_repeat))->setBuddy(m_repeat->findChild<QComboBox *>());

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    m_refusal->addTo(layout);
    layout->addStretch(1);
    return page;
}

void BookingDialog::buildWhatFields()
{
    m_space = new QComboBox;
    m_space->setObjectName(QStringLiteral("bookingSpace"));
    m_space->setAccessibleName(tr("Space"));
    m_spaceError = FieldErrorLabel::named("bookingSpaceError");
    connect(m_space, &QComboBox::currentIndexChanged, this, &BookingDialog::updateSpaceDetails);

    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("bookingTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("What it is for, e.g. “Choir rehearsal”"));
    m_title->setMaxLength(BookingService::MaxTitleLength);
    m_titleError = FieldErrorLabel::named("bookingTitleError");
    connect(m_title, &QLineEdit::textEdited, m_titleError, &FieldErrorLabel::clearError);
}

QWidget *BookingDialog::buildWhoFields()
{
    m_member = new MemberPicker;
    m_member->setObjectName(QStringLiteral("bookingMember"));
    m_member->setAccessibleName(tr("Booked by"));
    m_member->setHub(&m_hub);
    m_member->setPlaceholderText(tr("Type a name, or leave empty for the hub's own use"));
    m_memberError = FieldErrorLabel::named("bookingMemberError");
    connect(m_member, &MemberPicker::memberChanged, this, [this] {
        m_memberError->clearError();
        updatePrice();
    });
    connect(m_member, &QLineEdit::textChanged, this, &BookingDialog::updatePrice);

    m_attendees = new QSpinBox;
    m_attendees->setObjectName(QStringLiteral("bookingAttendees"));
    m_attendees->setAccessibleName(tr("Expected attendees"));
    m_attendees->setRange(0, MaxAttendees);
    m_attendees->setSpecialValueText(tr("Not known"));
    m_capacity = new QLabel;
    m_capacity->setObjectName(QStringLiteral("bookingCapacity"));
    m_capacity->setForegroundRole(QPalette::PlaceholderText);
    m_attendeesError = FieldErrorLabel::named("bookingAttendeesError");
    auto *attendeesRow = new QWidget;
    auto *attendeesLayout = new QHBoxLayout(attendeesRow);
    attendeesLayout->setContentsMargins(0, 0, 0, 0);
    attendeesLayout->addWidget(m_attendees);
    attendeesLayout->addWidget(m_capacity, 1);
    return attendeesRow;
}

QWidget *BookingDialog::buildWhenFields()
{
    createTimeEdits();
    auto *whenRow = new QWidget;
    auto *whenColumn = new QVBoxLayout(whenRow);
    whenColumn->setContentsMargins(0, 0, 0, 0);
    auto *whenLayout = new QHBoxLayout;
    whenLayout->addWidget(m_date);
    auto *fromLabel = new QLabel(tr("from"));
    fromLabel->setBuddy(m_start);
    whenLayout->addWidget(fromLabel);
    whenLayout->addWidget(m_start);
    auto *toLabel = new QLabel(tr("to"));
    toLabel->setBuddy(m_end);
    whenLayout->addWidget(toLabel);
    whenLayout->addWidget(m_end);
    whenLayout->addStretch(1);
    auto *durationLayout = new QHBoxLayout;
    durationLayout->addWidget(m_nextDay);
    durationLayout->addWidget(m_duration, 1);
    whenColumn->addLayout(whenLayout);
    whenColumn->addLayout(durationLayout);
    m_shownStart = m_start->time();
    // The end keeps the duration when the start moves, as calendars do.
    connect(m_start, &QTimeEdit::timeChanged, this, &BookingDialog::moveEndWithStart);
    for (auto *edit : {static_cast<QDateTimeEdit *>(m_date), static_cast<QDateTimeEdit *>(m_start),
                       static_cast<QDateTimeEdit *>(m_end)})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &BookingDialog::updateTimes);
    connect(m_nextDay, &QCheckBox::toggled, this, &BookingDialog::updateTimes);
    // clicked, unlike toggled, is the person's own choice.
    connect(m_nextDay, &QCheckBox::clicked, this, [this](bool ticked) { m_nextDayTicked = ticked; });
    return whenRow;
}

void BookingDialog::createTimeEdits()
{
    m_date = new QDateEdit;
    m_date->setObjectName(QStringLiteral("bookingDate"));
    m_date->setAccessibleName(tr("Date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(DisplayFormat::dateEditFormat());
    m_start = new QTimeEdit;
    m_start->setObjectName(QStringLiteral("bookingStart"));
    m_start->setAccessibleName(tr("Start time"));
    m_start->setDisplayFormat(DisplayFormat::timeEditFormat());
    m_end = new QTimeEdit;
    m_end->setObjectName(QStringLiteral("bookingEnd"));
    m_end->setAccessibleName(tr("End time"));
    m_end->setDisplayFormat(DisplayFormat::timeEditFormat());
    m_nextDay = new QCheckBox(tr("ends the &next day"));
    m_nextDay->setObjectName(QStringLiteral("bookingEndsNextDay"));
    m_nextDay->setToolTip(tr("For a booking past midnight, such as a party until 01:00"));
    m_duration = new QLabel;
    m_duration->setObjectName(QStringLiteral("bookingDuration"));
    m_duration->setForegroundRole(QPalette::PlaceholderText);
    m_timeError = FieldErrorLabel::named("bookingTimeError");
}

void BookingDialog::buildRepeatFields()
{
    m_tentative = new QCheckBox(tr("&Tentative: hold the time until it is confirmed"));
    m_tentative->setObjectName(QStringLiteral("bookingTentative"));

    m_repeat = new RecurrenceEditor;
    connect(m_repeat, &RecurrenceEditor::changed, this, [this] {
        m_refusal->hideClashes();
        updatePrice();
        updateButtons();
    });
}

void BookingDialog::buildNotesField()
{
    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(QStringLiteral("bookingNotes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("Anything the front desk should know: keys, layout, catering"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().height() * 3 + 12);
    m_notesError = FieldErrorLabel::named("bookingNotesError");
}

void BookingDialog::buildChargeAndReasonFields()
{
    m_charge = new QCheckBox;
    m_charge->setObjectName(QStringLiteral("bookingCharge"));

    m_hoursNoteLabel = noteLabel(tr("Why it is outside the opening hours (recorded with the booking):"));
    m_hoursNote = new QLineEdit;
    m_hoursNote->setObjectName(QStringLiteral("bookingHoursNote"));
    m_hoursNote->setAccessibleName(tr("Why the booking is outside the opening hours"));
    m_hoursNote->setPlaceholderText(tr("e.g. “late licence agreed with the caretaker”"));
    m_hoursNote->hide();
    m_hoursNoteError = FieldErrorLabel::named("bookingHoursNoteError");
    m_capacityNoteLabel = noteLabel(tr("Why more people than the space holds (recorded with the booking):"));
    m_capacityNote = new QLineEdit;
    m_capacityNote->setObjectName(QStringLiteral("bookingCapacityNote"));
    m_capacityNote->setAccessibleName(tr("Why more people than the space holds"));
    m_capacityNote->setPlaceholderText(tr("e.g. “standing audience, fire officer agreed”"));
    m_capacityNote->hide();
    m_capacityNoteError = FieldErrorLabel::named("bookingCapacityNoteError");
}

void BookingDialog::buildRefusal()
{
    m_refusal = std::make_unique<BookingRefusal>();
    connect(m_refusal->skipClashes(), &QCheckBox::toggled, this, &BookingDialog::updateButtons);
}

void BookingDialog::loadSpaces()
{
    const SpaceId chosen = m_space->currentData().isValid() ? SpaceId(m_space->currentData().toLongLong()) : SpaceId();
    auto spaces = m_hub.spaces().list(true);
    m_spaces = spaces ? *spaces : QList<Space>();
    QSignalBlocker block(m_space);
    m_space->clear();
    for (const Space &s : std::as_const(m_spaces))
        m_space->addItem(tr("%1 (%n people)", nullptr, s.capacity).arg(s.name), s.id.value());
    if (m_spaces.isEmpty())
        m_spaceError->showError(tr("the hub has no spaces yet: add one with Spaces… first"));
    if (chosen.isValid())
        m_space->setCurrentIndex(std::max(0, m_space->findData(chosen.value())));
}

void BookingDialog::setSpace(SpaceId space)
{
    int index = m_space->findData(space.value());
    if (index < 0) {
        // A space no longer in use still shows when its booking is edited.
        if (auto found = m_hub.spaces().get(space)) {
            m_spaces << *found;
            m_space->addItem(tr("%1 (not in use)").arg(found->name), found->id.value());
            index = m_space->count() - 1;
        }
    }
    if (index >= 0)
        m_space->setCurrentIndex(index);
    updateSpaceDetails();
}

void BookingDialog::setTimes(const QDateTime &start, const QDateTime &end)
{
    const QTimeZone zone = m_hub.bookings().zone();
    const QDateTime s = start.toTimeZone(zone);
    const QDateTime e = end.toTimeZone(zone);
    const QSignalBlocker b1(m_date);
    const QSignalBlocker b2(m_start);
    const QSignalBlocker b3(m_end);
    const QSignalBlocker b4(m_nextDay);
    m_date->setDate(s.date());
    m_start->setTime(s.time());
    m_end->setTime(e.time());
    m_nextDay->setChecked(e.date() > s.date() && e.time() <= s.time());
    // A booking made past midnight was chosen so; one ending at midnight was not.
    m_nextDayTicked = m_nextDay->isChecked() && e.time() != QTime(0, 0);
    m_shownStart = s.time();
    updateTimes();
}

void BookingDialog::setMember(MemberId member)
{
    m_member->setMember(member);
    updatePrice();
}

void BookingDialog::setBooking(const Booking &booking)
{
    m_editing = booking;
    m_series.reset();
    setWindowTitle(tr("Change booking"));
    setAccessibleName(tr("Change booking"));
    m_save->setText(tr("&Save changes"));
    setSpace(booking.space);
    m_title->setText(booking.title);
    m_member->setMember(booking.member.value_or(MemberId()));
    m_attendees->setValue(booking.attendees);
    setTimes(booking.start, booking.end);
    m_tentative->setChecked(booking.status == BookingStatus::Tentative);
    m_tentative->setEnabled(false);
    m_tentative->setToolTip(tr("Confirm or decline a tentative booking from the calendar's menu"));
    m_notes->setPlainText(booking.notes);
    if (!booking.outsideHoursOverride.isEmpty()) {
        m_hoursNote->setText(booking.outsideHoursOverride);
        m_hoursNoteLabel->show();
        m_hoursNote->show();
    }
    if (!booking.capacityOverride.isEmpty()) {
        m_capacityNote->setText(booking.capacityOverride);
        m_capacityNoteLabel->show();
        m_capacityNote->show();
    }
    if (booking.series) {
        if (auto series = m_hub.bookings().series(*booking.series)) {
            m_series = *series;
            m_repeat->setRecurrence(series->recurrence);
        }
    }
    // A single booking does not become a series by editing; a series' rule
    // can be changed for the whole series.
    m_repeat->setEnabled(m_series && m_series->recurrence);
    m_repeat->setToolTip(m_series ? (m_series->recurrence ? tr("Changes to the rule apply to the whole series")
                                                          : tr("This imported rule cannot be edited here"))
                                  : tr("To repeat this booking, book a new series"));
    updatePrice();
    updateButtons();
}

std::optional<Space> BookingDialog::currentSpace() const
{
    const QVariant chosen = m_space->currentData();
    if (!chosen.isValid())
        return std::nullopt;
    for (const Space &s : m_spaces) {
        if (s.id.value() == chosen.toLongLong())
            return s;
    }
    return std::nullopt;
}

QDateTime BookingDialog::startTime() const
{
    return LocalTime::occurrence(m_date->date(), m_start->time(), m_hub.bookings().zone()).at;
}

QDate BookingDialog::endDate() const
{
    // Only when asked: an end before the start is otherwise a typing slip.
    return m_nextDay->isChecked() ? m_date->date().addDays(1) : m_date->date();
}

QDateTime BookingDialog::endTime() const
{
    return LocalTime::occurrence(endDate(), m_end->time(), m_hub.bookings().zone()).at;
}

std::optional<Error> BookingDialog::endProblem() const
{
    if (m_nextDay->isChecked() || m_end->time() > m_start->time())
        return std::nullopt;
    const QLocale locale;
    return Error::invalid(
        tr("the end (%1) is not after the start (%2); tick “ends the next day” for a booking past midnight")
            .arg(DisplayFormat::time(m_end->time()), DisplayFormat::time(m_start->time())),
        QStringLiteral("end"));
}

void BookingDialog::moveEndWithStart()
{
    constexpr int Day = 24 * 3600;
    const QTime before = m_shownStart;
    m_shownStart = m_start->time();
    if (before == m_start->time())
        return;
    // The booking keeps its length: 23:00–00:00 moved to 10:00 is 10:00–11:00
    // the same day. An end at midnight is the end of the day; an end past it
    // stays the next day only if the person ticked that box themselves —
    // otherwise the times are refused beside them, never booked overnight.
    const int length = before.secsTo(m_end->time()) + (m_nextDay->isChecked() ? Day : 0);
    const int end = m_start->time().msecsSinceStartOfDay() / 1000 + length;
    const QSignalBlocker blockEnd(m_end);
    const QSignalBlocker blockNextDay(m_nextDay);
    m_end->setTime(QTime(0, 0).addSecs(end % Day));
    m_nextDay->setChecked(end == Day || (end > Day && m_nextDay->isChecked() && m_nextDayTicked));
    updateTimes();
}

Result<QString> BookingDialog::clockCheck() const
{
    const QTimeZone zone = m_hub.bookings().zone();
    auto start = LocalTime::typed(m_date->date(), m_start->time(), zone, QStringLiteral("start"));
    if (!start)
        return fail(start.error());
    auto end = LocalTime::typed(endDate(), m_end->time(), zone, QStringLiteral("end"));
    if (!end)
        return fail(end.error());
    return start->ambiguous ? start->note : end->note;
}

BookingDraft BookingDialog::draft() const
{
    BookingDraft d;
    if (const auto space = currentSpace())
        d.space = space->id;
    d.title = m_title->text().simplified();
    if (m_member->member().isValid())
        d.member = m_member->member();
    d.attendees = m_attendees->value();
    d.start = startTime();
    d.end = endTime();
    d.tentative = m_tentative->isChecked();
    d.notes = m_notes->toPlainText().trimmed();
    d.outsideHoursOverride = m_hoursNote->isVisible() ? m_hoursNote->text().trimmed() : QString();
    d.capacityOverride = m_capacityNote->isVisible() ? m_capacityNote->text().trimmed() : QString();
    // Editing keeps a charge as it is (the service re-prices it); a new booking is charged when ticked.
    d.charge = (isEditing() || m_charge->isEnabled()) && m_charge->isChecked();
    d.repeat = m_repeat->recurrence();
    d.skipClashes = m_refusal->skipsClashes();
    return d;
}

void BookingDialog::updateSpaceDetails()
{
    const auto space = currentSpace();
    if (space) {
        m_spaceError->clearError();
        m_capacity->setText(tr("of %n (the space's capacity)", nullptr, space->capacity));
    } else {
        m_capacity->clear();
    }
    updatePrice();
}

void BookingDialog::updateTimes()
{
    const QDateTime start = startTime();
    const QDateTime end = endTime();
    QString text = durationText(start.secsTo(end));
    m_timeError->clearError();
    if (const auto problem = endProblem()) {
        m_timeError->showError(problem->message);
        text.clear();
    } else if (const auto clock = clockCheck(); !clock)
        m_timeError->showError(clock.error().message);
    else if (!clock->isEmpty())
        text = tr("%1; %2").arg(text, *clock);
    m_duration->setText(text);
    m_repeat->setFirstStart(start);
    updatePrice();
}

void BookingDialog::updatePrice()
{
    const auto space = currentSpace();
    const qint64 seconds = startTime().secsTo(endTime());
    const std::optional<Amount> price = space && seconds > 0 ? BookingService::price(*space, seconds) : std::nullopt;
    const bool hasBooker = m_member->member().isValid();
    if (isEditing()) {
        m_charge->setEnabled(false);
        m_charge->setChecked(m_editing->charge.has_value() && !m_editing->chargeReversal);
        m_charge->setText(m_charge->isChecked() ? tr("Charged to the booker; a change of time is re-priced")
                                                : tr("Not charged"));
        m_charge->setToolTip(QString());
        return;
    }
    if (!space || !space->rate || !price) {
        m_charge->setText(tr("C&harge the booker"));
        m_charge->setEnabled(false);
        m_charge->setChecked(false);
        m_charge->setToolTip(space ? tr("%1 is free of charge: it has no hourly rate").arg(space->name)
                                   : tr("Choose a space first"));
        return;
    }
    const QString amount = m_settings.formatAmount(*price);
    m_charge->setText(m_repeat->recurrence() ? tr("C&harge the booker %1 for each date").arg(amount)
                                             : tr("C&harge the booker %1").arg(amount));
    m_charge->setEnabled(hasBooker);
    if (!hasBooker)
        m_charge->setChecked(false);
    m_charge->setToolTip(
        hasBooker
            ? tr("%1 an hour, paid from the booker's account to the hub's").arg(m_settings.formatAmount(*space->rate))
            : tr("Choose who is booking to charge them"));
}

void BookingDialog::updateButtons()
{
    if (isEditing())
        return;
    if (m_refusal->skipsClashes())
        m_save->setText(tr("&Book the free dates"));
    else
        m_save->setText(m_repeat->recurrence() ? tr("&Book the series") : tr("&Book"));
}

void BookingDialog::clearErrors()
{
    for (FieldErrorLabel *label : {m_spaceError, m_titleError, m_memberError, m_attendeesError, m_timeError,
                                   m_notesError, m_hoursNoteError, m_capacityNoteError})
        label->clearError();
    m_repeat->clearError();
}

FieldErrorLabel *BookingDialog::errorFor(const QString &where) const
{
    if (where == QStringLiteral("space"))
        return m_spaceError;
    if (where == QStringLiteral("title"))
        return m_titleError;
    if (where == QStringLiteral("member"))
        return m_memberError;
    if (where == QStringLiteral("attendees"))
        return m_attendeesError;
    if (where == QStringLiteral("start") || where == QStringLiteral("end"))
        return m_timeError;
    if (where == QStringLiteral("notes"))
        return m_notesError;
    return nullptr;
}

QWidget *BookingDialog::fieldFor(const QString &where) const
{
    if (where == QStringLiteral("space"))
        return m_space;
    if (where == QStringLiteral("title"))
        return m_title;
    if (where == QStringLiteral("member"))
        return m_member;
    if (where == QStringLiteral("attendees"))
        return m_attendees;
    if (where == QStringLiteral("start"))
        return m_start;
    if (where == QStringLiteral("end"))
        return m_end;
    if (where == QStringLiteral("notes"))
        return m_notes;
    return nullptr;
}

bool BookingDialog::showFieldError(const Error &error)
{
    static const QStringList repeatFields = {QStringLiteral("repeat"), QStringLiteral("count"), QStringLiteral("until"),
                                             QStringLiteral("weekdays")};
    if (repeatFields.contains(error.where)) {
        m_repeat->showError(error.message);
        m_repeat->setFocus();
        return true;
    }
    FieldErrorLabel *label = errorFor(error.where);
    if (!label)
        return false;
    label->showError(error.message);
    if (QWidget *field = fieldFor(error.where))
        field->setFocus();
    return true;
}

void BookingDialog::showRefusal(const Error &error)
{
    if (error.kind == ErrorKind::Invalid && showFieldError(error))
        return;
    const QString prefix = isEditing() ? tr("Not changed.") : tr("Not booked.");
    m_refusal->show(tr("%1 %2").arg(prefix, sentence(error.message)));
    if (error.kind != ErrorKind::Refused)
        return;
    if (error.where == QStringLiteral("attendees")) {
        if (m_capacityNote->isVisible() && m_capacityNote->text().trimmed().isEmpty())
            m_capacityNoteError->showError(tr("give a reason to book more people than the space holds"));
        m_capacityNoteLabel->show();
        m_capacityNote->show();
        m_capacityNote->setFocus();
    } else if (error.where == QStringLiteral("outside-hours")) {
        if (m_hoursNote->isVisible() && m_hoursNote->text().trimmed().isEmpty())
            m_hoursNoteError->showError(tr("give a reason to book outside the opening hours"));
        m_hoursNoteLabel->show();
        m_hoursNote->show();
        m_hoursNote->setFocus();
    }
}

QString BookingDialog::refusal() const
{
    return m_refusal->text();
}

bool BookingDialog::save()
{
    clearErrors();
    m_refusal->hide();
    if (!m_member->member().isValid() && !m_member->text().trimmed().isEmpty() && !m_member->resolveTyped()) {
        m_memberError->showError(
            tr("no single member matches “%1”: pick one from the list, or leave it empty for the hub's own use")
                .arg(m_member->text().trimmed()));
        m_member->setFocus();
        return false;
    }
    if (const auto problem = endProblem()) {
        showRefusal(*problem);
        m_end->setFocus();
        return false;
    }
    if (auto clock = clockCheck(); !clock) {
        showRefusal(clock.error());
        return false;
    }
    const BookingDraft d = draft();
    if (auto ok = BookingService::validate(d); !ok) {
        showRefusal(ok.error());
        return false;
    }
    if (d.repeat && !isEditing()) {
        if (auto ok = d.repeat->validate(d.start.date()); !ok) {
            showRefusal(ok.error());
            return false;
        }
    }
    if (isEditing())
        return saveEdit(d);
    if (d.repeat)
        return saveSeries(d);
    auto booked = m_hub.bookings().book(d);
    if (!booked) {
        showRefusal(booked.error());
        return false;
    }
    finish({*booked});
    return true;
}

bool BookingDialog::saveSeries(const BookingDraft &d)
{
    if (!d.skipClashes) {
        // Every date is checked before anything is written, so the clashes
        // can be shown together with the choice to leave them out.
        auto preview = m_hub.bookings().preview(d);
        if (!preview) {
            showRefusal(preview.error());
            return false;
        }
        if (m_refusal->showClashes(*preview))
            return false;
    }
    auto outcome = m_hub.bookings().bookSeries(d);
    if (!outcome) {
        showRefusal(outcome.error());
        return false;
    }
    m_skipped = outcome->skipped;
    if (!m_skipped.isEmpty()) {
        QStringList dates;
        for (const SeriesOccurrence &o : std::as_const(m_skipped))
            dates << DisplayFormat::date(o.date);
        QMessageBox::information(this, tr("Series Booked"),
                                 tr("%n dates were booked.", nullptr, int(outcome->booked.size())) + u'\n' +
                                     tr("Left out because they clash: %1.").arg(dates.join(QStringLiteral(", "))));
    }
    finish(outcome->booked);
    return true;
}

bool BookingDialog::saveEdit(const BookingDraft &draft)
{
    BookingDraft d = draft;
    if (m_editing->series) {
        QMessageBox ask(QMessageBox::Question, tr("Change the Series?"),
                        tr("“%1” is one date of a repeating series. Change only this date, or the whole series?")
                            .arg(m_editing->title),
                        QMessageBox::Yes | QMessageBox::YesToAll | QMessageBox::Cancel, this);
        ask.button(QMessageBox::Yes)->setText(tr("This &occurrence"));
        ask.button(QMessageBox::YesToAll)->setText(tr("The whole &series"));
        ask.button(QMessageBox::YesToAll)->setEnabled(m_series && m_series->recurrence);
        ask.setDefaultButton(QMessageBox::Yes);
        const int answer = ask.exec();
        if (answer == QMessageBox::YesToAll) {
            auto outcome = m_hub.bookings().editSeries(*m_editing->series, d);
            if (!outcome) {
                showRefusal(outcome.error());
                return false;
            }
            finish(outcome->booked);
            return true;
        }
        if (answer != QMessageBox::Yes)
            return false;
    }
    d.repeat.reset();
    auto changed = m_hub.bookings().edit(m_editing->id, d);
    if (!changed) {
        showRefusal(changed.error());
        return false;
    }
    finish({*changed});
    return true;
}

void BookingDialog::finish(QList<Booking> bookings)
{
    m_result = std::move(bookings);
    Q_EMIT booked(m_result);
    accept();
}

} // namespace hub
