// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/settings/hubsettings.h"
#include "core/spaces/eventzone.h"
#include "core/spaces/icalendarcomponents.h"
#include "core/spaces/icalendarimporter.h"
#include "core/spaces/icalendarlines.h"
#include "core/spaces/icalendarvalues.h"
#include "core/spaces/recurrence.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QTimeZone>

#include <optional>

namespace hub {

class Hub;
class Transaction;
class ZoneResolver;

/// One call of ICalendarImporter::run(), stage by stage: scan, parse each
/// component, plan each event, apply. Kept apart from the importer so
/// libical stays out of the importer's header.
class ICalendarImportRun
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarImporter)
public:
    ICalendarImportRun(Hub &hub, bool dryRun, const ICalendarImporter::Progress &progress);
    Result<CalendarImportReport> run(const QByteArray &ics, SpaceId spaceId);

private:
    // One VEVENT as read, before anything is booked.
    struct Parsed
    {
        int row = 0; // index in the report
        const ICalendarLines::Component *lines = nullptr;
        QString uid;
        QString title;
        QString notes;
        bool cancelled = false;
        bool tentative = false;
        EventTime start;
        QDateTime startUtc;
        QDateTime endUtc;
        int allDayCount = 0; // days of an all-day event
        QString rrule;
        QList<EventTime> exdates;
        std::optional<EventTime> recurrenceId;
        QString problem;
        int problemLine = 0;

        bool allDay() const { return start.isDate; }
        bool repeats() const { return !rrule.isEmpty(); }
        // The first problem found is the one reported; reading goes on only to
        // fill in the rest of the row.
        void unreadable(const QString &why, int line)
        {
            if (problem.isEmpty()) {
                problem = why;
                problemLine = line;
            }
        }
    };

    struct Span
    {
        QDateTime start; // UTC
        QDateTime end;
        bool allDay = false;
    };

    // Every VEVENT of the file, in file order: its report row and what it says.
    struct ReadEvents
    {
        QList<CalendarImportEvent> rows;
        QList<Parsed> parsed;
    };

    // The repeating events of the file and the RECURRENCE-ID overrides that
    // change single dates of them, which are booked with their series.
    struct SeriesLinks
    {
        QHash<QString, int> masters;        // UID → row of the repeating event
        QHash<int, QList<int>> overridesOf; // row of a repeating event → rows of its overrides
        QSet<int> withMaster;               // every override that has its repeating event
    };

    // What a repeating event's rule gives, before anything is booked.
    struct SeriesPlan
    {
        QList<QDate> dates; // every date of the rule, local
        QSet<QDate> excluded;
        QHash<QDate, int> moved; // date → override row
        QString endlessNote;
        QString exNote;
        std::optional<Recurrence> recurrence; // set when it is stored as a series
        QString whySingles;                   // otherwise, why it is booked date by date
    };

    struct Booked
    {
        std::optional<Booking> booking;
        QString refusal;
    };

    // Stages, in the order run() calls them.
    Status loadTarget(SpaceId spaceId);
    ReadEvents readEvents(const ICalendarComponents &calendar) const;
    static SeriesLinks linkSeries(const QList<Parsed> &parsed);
    Status readKnownUids();
    Status planEvents();
    Result<CalendarImportReport> apply(Transaction &tx);

    // Parsing one VEVENT.
    Parsed readEvent(icalcomponent *ev, const ICalendarLines::Component &at, int index,
                     const ZoneResolver &zones) const;
    std::optional<EventTime> readWhen(Parsed &p, const ZoneResolver &zones, icalproperty *prop, icaltimetype tt,
                                      const QString &name, int line) const;
    void readTimes(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const;
    void readAllDayEnd(Parsed &p, icalproperty *dtend, icalproperty *duration, int endLine) const;
    void readRecurrence(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const;
    static CalendarImportEvent rowOf(const Parsed &p);

    // Planning one event by trying it inside the transaction.
    Status planEvent(int i);
    QString alreadyThere(const QString &uid) const;
    Status bookRepeating(const Parsed &p);
    Result<SeriesPlan> planSeries(const Parsed &p) const;
    Status bookSeries(const Parsed &p, const SeriesPlan &plan);
    Status keepSeriesBookings(CalendarImportEvent &row, const Parsed &p, const SeriesPlan &plan,
                              const SeriesOutcome &outcome);
    Status bookException(CalendarImportEvent &row, const Parsed &p, int o, const std::optional<SeriesId> &series);
    Status bookDateByDate(const Parsed &p, const SeriesPlan &plan);
    void skipOrphanOverrides();

    Status keepUid(const Booking &b, const QString &uid) const;
    BookingDraft draftOf(const Parsed &p) const;
    Result<Booked> bookSpan(BookingDraft d, const Span &s);
    Status bookSpans(CalendarImportEvent &row, const Parsed &p, const QList<Span> &spans, bool withDates);
    QList<Span> spansOf(const Parsed &p, QDate localDate) const;
    QList<Span> ownSpans(const Parsed &p) const;
    static QList<Span> allDaySpans(QDate first, int days, const Space &space, const QTimeZone &zone);
    static QString allDayPlan(const QList<Span> &spans, const Space &space, QDate first, const QTimeZone &zone);

    Hub &m_hub;
    const bool m_dryRun;
    const ICalendarImporter::Progress &m_progress;
    SpaceId m_spaceId;
    HubSettings m_settings;
    QTimeZone m_zone; // the hub's
    Space m_space;
    CalendarImportReport m_report;
    QList<Parsed> m_parsed;
    SeriesLinks m_series;
    QSqlDatabase m_db;
    QHash<QString, QString> m_known; // uid → "booking #12 (Main hall)"
};

} // namespace hub
