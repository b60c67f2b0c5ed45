// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QBoxLayout;
class QCheckBox;
class QLabel;
class QListWidget;

namespace hub {

/// The booking dialog's answer when a booking is refused: why, and for a
/// series the dates that cannot be booked with the choice to book the free
/// ones only. Not a widget of its own, so the dialog's layout is unchanged:
/// its widgets go straight into the dialog's.
class BookingRefusal
{
    // Its texts are the booking dialog's, translated with its own.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingDialog)
public:
    /// Creates the widgets, hidden; addTo() gives them their parent.
    BookingRefusal();

    void addTo(QBoxLayout *layout) const;
    /// "Book the free dates only", to follow its toggling.
    QCheckBox *skipClashes() const { return m_skipClashes; }
    /// Ticked and offered: the series is booked without its clashing dates.
    bool skipsClashes() const;

    void show(const QString &text);
    /// Lists the dates of `preview` that cannot be booked and offers to book
    /// the others; false, showing nothing, when every date is free.
    bool showClashes(const QList<SeriesOccurrence> &preview);
    /// The dates no longer apply once the rule changes.
    void hideClashes();
    void hide();
    /// Empty while hidden.
    QString text() const;

private:
    QLabel *m_refusal = nullptr;
    QListWidget *m_clashes = nullptr;
    QCheckBox *m_skipClashes = nullptr;
};

} // namespace hub
