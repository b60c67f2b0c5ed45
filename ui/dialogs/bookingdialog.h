// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/settings/hubsettings.h"
#include "core/spaces/space.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace hub {

class BookingRefusal;
class FieldErrorLabel;
class Hub;
class MemberPicker;
class RecurrenceEditor;

/// Books a space once or as a repeating series, or changes a stored booking.
/// BookingService decides: its field problems appear beside the fields, and
/// a refusal (a clash, closed hours, too many people) is shown in the dialog,
/// which stays open so the booking can be put right.
///
/// Typical use, window-modal:
/// \code
///   auto *dialog = new BookingDialog(hub, this);
///   dialog->setAttribute(Qt::WA_DeleteOnClose);
///   dialog->setSpace(space);
///   dialog->setTimes(start, end);
///   connect(dialog, &BookingDialog::booked, this, &Page::refresh);
///   dialog->open();
/// \endcode
class BookingDialog : public QDialog
{
    Q_OBJECT
public:
    /// `hub` must outlive the dialog.
    explicit BookingDialog(Hub &hub, QWidget *parent = nullptr);
    ~BookingDialog() override;

    /// The space to book (one of the active spaces).
    void setSpace(SpaceId space);
    /// Start and end, any time spec; shown in the hub's zone.
    void setTimes(const QDateTime &start, const QDateTime &end);
    /// Who is booking; an invalid id means the hub's own use.
    void setMember(MemberId member);
    /// Edit mode: shows `booking` and saving changes it (for an occurrence of
    /// a series, after asking whether the change is for it alone or the series).
    void setBooking(const Booking &booking);
    bool isEditing() const { return m_editing.has_value(); }

    /// Checks the form and books (or saves the changes). False when a field
    /// is wrong or the service refused: the reason is shown and nothing was
    /// written. Closes the dialog on success.
    bool save();

    /// What was booked or changed: one booking, or the dates of a series.
    QList<Booking> bookings() const { return m_result; }
    /// Dates of a series left out because they clash (with "Book the free dates only").
    QList<SeriesOccurrence> skipped() const { return m_skipped; }
    /// What the service said when it refused the last attempt, for people; empty if none.
    QString refusal() const;

Q_SIGNALS:
    /// Emitted once saving succeeded, before the dialog closes.
    void booked(const QList<hub::Booking> &bookings);

private:
    QWidget *buildForm();
    void buildWhatFields();
    QWidget *buildWhoFields();
    QWidget *buildWhenFields();
    void createTimeEdits();
    void buildRepeatFields();
    void buildNotesField();
    void buildChargeAndReasonFields();
    void buildRefusal();
    void loadSpaces();
    std::optional<Space> currentSpace() const;
    BookingDraft draft() const;
    QDateTime startTime() const;
    QDateTime endTime() const;
    QDate endDate() const;
    /// A typed time the clock change skips (spring), or a note for one it repeats (autumn).
    Result<QString> clockCheck() const;
    /// The end at or before the start without "ends the next day" chosen.
    std::optional<Error> endProblem() const;
    void moveEndWithStart();
    void updateSpaceDetails();
    void updateTimes();
    void updatePrice();
    void updateButtons();
    void clearErrors();
    FieldErrorLabel *errorFor(const QString &where) const;
    QWidget *fieldFor(const QString &where) const;
    bool showFieldError(const Error &error);
    void showRefusal(const Error &error);
    bool saveSeries(const BookingDraft &draft);
    bool saveEdit(const BookingDraft &draft);
    void finish(QList<Booking> bookings);

    Hub &m_hub;
    HubSettings m_settings;
    QList<Space> m_spaces;
    std::optional<Booking> m_editing;
    std::optional<BookingSeries> m_series;
    QList<Booking> m_result;
    QList<SeriesOccurrence> m_skipped;

    QComboBox *m_space = nullptr;
    QLineEdit *m_title = nullptr;
    MemberPicker *m_member = nullptr;
    QSpinBox *m_attendees = nullptr;
    QLabel *m_capacity = nullptr;
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_start = nullptr;
    QTimeEdit *m_end = nullptr;
    QCheckBox *m_nextDay = nullptr;
    QTime m_shownStart;           ///< the start before the latest change, to move the end with it
    bool m_nextDayTicked = false; ///< "ends the next day" ticked by hand
    QLabel *m_duration = nullptr;
    QCheckBox *m_tentative = nullptr;
    RecurrenceEditor *m_repeat = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QCheckBox *m_charge = nullptr;
    QLabel *m_hoursNoteLabel = nullptr;
    QLineEdit *m_hoursNote = nullptr;
    QLabel *m_capacityNoteLabel = nullptr;
    QLineEdit *m_capacityNote = nullptr;
    std::unique_ptr<BookingRefusal> m_refusal;
    QPushButton *m_save = nullptr;

    FieldErrorLabel *m_spaceError = nullptr;
    FieldErrorLabel *m_titleError = nullptr;
    FieldErrorLabel *m_memberError = nullptr;
    FieldErrorLabel *m_attendeesError = nullptr;
    FieldErrorLabel *m_timeError = nullptr;
    FieldErrorLabel *m_notesError = nullptr;
    FieldErrorLabel *m_hoursNoteError = nullptr;
    FieldErrorLabel *m_capacityNoteError = nullptr;
};

} // namespace hub
