// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/gatherings/gathering.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeZone;

namespace hub {

class Hub;

/// Creates or changes a gathering. The space and time go through the booking
/// service when saved, so a clash comes back in its words, under the field.
class GatheringDialog : public QDialog
{
    Q_OBJECT
public:
    /// An invalid `id` creates a new gathering.
    GatheringDialog(Hub &hub, GatheringId id, QWidget *parent = nullptr);

    GatheringId saved() const { return m_saved; }
    void accept() override;
    QString problem() const;

private:
    void buildWhatFields();
    void buildWhenFields(const QTimeZone &zone);
    void buildPlaceFields();
    void buildRefusalFields();
    /// Shows the stored gathering `id`, if it can be read.
    void load(GatheringId id, const QTimeZone &zone);
    void layOut();
    GatheringDraft draft() const;

    Hub &m_hub;
    GatheringId m_id;
    GatheringId m_saved;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_theme = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QComboBox *m_space = nullptr;
    QSpinBox *m_capacity = nullptr;
    QComboBox *m_voting = nullptr;
    QSpinBox *m_dots = nullptr;
    QLabel *m_hoursNoteLabel = nullptr;
    QLineEdit *m_hoursNote = nullptr;
    QDateTime m_shownStart; ///< the start before the latest change, to move the end with it
    QLabel *m_problem = nullptr;
};

} // namespace hub
