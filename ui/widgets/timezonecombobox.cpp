// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/timezonecombobox.h"

#include <QCompleter>
#include <QTimeZone>

namespace hub {

TimeZoneComboBox::TimeZoneComboBox(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    // A typed zone must not be appended to the list; it is validated, not stored here.
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(20);
    const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
    QStringList names;
    names.reserve(ids.size());
    for (const QByteArray &id : ids)
        names << QString::fromUtf8(id);
    addItems(names);
    // "london" should find Europe/London: match anywhere, ignoring case.
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

void TimeZoneComboBox::setZone(const QString &zone)
{
    const int index = findText(zone);
    if (index >= 0)
        setCurrentIndex(index);
    setEditText(zone);
}

} // namespace hub
