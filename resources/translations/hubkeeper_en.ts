<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>hub::AccessControl</name>
        <message numerus="yes">
            <source>Too many wrong tries: “%1” is locked for %n more second(s), until %2.</source>
            <translation>
                <numerusform>Too many wrong tries: “%1” is locked for %n more second, until %2.</numerusform>
                <numerusform>Too many wrong tries: “%1” is locked for %n more seconds, until %2.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::AuditPage</name>
        <message numerus="yes">
            <source>%Ln matching entry(ies)</source>
            <translation>
                <numerusform>%Ln matching entry</numerusform>
                <numerusform>%Ln matching entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln entry(ies)</source>
            <translation>
                <numerusform>%Ln entry</numerusform>
                <numerusform>%Ln entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::AvailabilityDialog</name>
        <message numerus="yes">
            <source>%Ln space(s) are free</source>
            <translation>
                <numerusform>%Ln space is free</numerusform>
                <numerusform>%Ln spaces are free</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::BackupService</name>
        <message numerus="yes">
            <source> (and %n more)</source>
            <translation>
                <numerusform> (and %n more)</numerusform>
                <numerusform> (and %n more)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>restored from %1 despite %n problem(s) found by the check: %2</source>
            <translation>
                <numerusform>restored from %1 despite %n problem found by the check: %2</numerusform>
                <numerusform>restored from %1 despite %n problems found by the check: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::BookingDialog</name>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n min</numerusform>
                <numerusform>%n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <translation>
                <numerusform>%n h</numerusform>
                <numerusform>%n h</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n people)</source>
            <translation>
                <numerusform>%1 (%n person)</numerusform>
                <numerusform>%1 (%n people)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>of %n (the space's capacity)</source>
            <translation>
                <numerusform>of %n (the space's capacity)</numerusform>
                <numerusform>of %n (the space's capacity)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not booked. %n of the series' dates cannot be booked:</source>
            <translation>
                <numerusform>Not booked. %n of the series' dates cannot be booked:</numerusform>
                <numerusform>Not booked. %n of the series' dates cannot be booked:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Book the &amp;free dates only (%n dates)</source>
            <translation>
                <numerusform>Book the &amp;free dates only (%n date)</numerusform>
                <numerusform>Book the &amp;free dates only (%n dates)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n dates were booked.</source>
            <translation>
                <numerusform>%n date was booked.</numerusform>
                <numerusform>%n dates were booked.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::BookingService</name>
        <message numerus="yes">
            <source>%n booking(s) cancelled</source>
            <translation>
                <numerusform>%n booking cancelled</numerusform>
                <numerusform>%n bookings cancelled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>space #%1, %n date(s) booked</source>
            <translation>
                <numerusform>space #%1, %n date booked</numerusform>
                <numerusform>space #%1, %n dates booked</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n date(s) booked or changed</source>
            <translation>
                <numerusform>%n date booked or changed</numerusform>
                <numerusform>%n dates booked or changed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::CalendarImportDialog</name>
        <message numerus="yes">
            <source>%1 (for %n people)</source>
            <translation>
                <numerusform>%1 (for %n person)</numerusform>
                <numerusform>%1 (for %n people)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) cannot be booked, so nothing will be imported. Free the clashing times, choose another space, or fix the file.</source>
            <translation>
                <numerusform>%n event cannot be booked, so nothing will be imported. Free the clashing times, choose another space, or fix the file.</numerusform>
                <numerusform>%n events cannot be booked, so nothing will be imported. Free the clashing times, choose another space, or fix the file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All events fit: %n booking(s) will be made in %1.</source>
            <translation>
                <numerusform>All events fit: %n booking will be made in %1.</numerusform>
                <numerusform>All events fit: %n bookings will be made in %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) were imported before and will not be booked twice.</source>
            <translation>
                <numerusform>%n event was imported before and will not be booked twice.</numerusform>
                <numerusform>%n events were imported before and will not be booked twice.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::CalendarView</name>
        <message numerus="yes">
            <source>%1 · %n people</source>
            <translation>
                <numerusform>%1 · %n person</numerusform>
                <numerusform>%1 · %n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n people expected</source>
            <translation>
                <numerusform>%n person expected</numerusform>
                <numerusform>%n people expected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::DaySheetPdf</name>
        <message numerus="yes">
            <source>%Ln booking(s)</source>
            <translation>
                <numerusform>%Ln booking</numerusform>
                <numerusform>%Ln bookings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln space(s)</source>
            <translation>
                <numerusform>%Ln space</numerusform>
                <numerusform>%Ln spaces</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::GatheringService</name>
        <message numerus="yes">
            <source>%n gathering(s)</source>
            <translation>
                <numerusform>%n gathering</numerusform>
                <numerusform>%n gatherings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::GatheringsPage</name>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln open action(s)</source>
            <translation>
                <numerusform>%Ln open action</numerusform>
                <numerusform>%Ln open actions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::GatheringsReport</name>
        <message numerus="yes">
            <source>%n different people came to these %1 gatherings.</source>
            <translation>
                <numerusform>%n person came to these %1 gatherings.</numerusform>
                <numerusform>%n different people came to these %1 gatherings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ideas told at the gatherings above. Several ideas may go into one working group; its actions count whenever they were done (%n still open).</source>
            <translation>
                <numerusform>Ideas told at the gatherings above. Several ideas may go into one working group; its actions count whenever they were done (%n still open).</numerusform>
                <numerusform>Ideas told at the gatherings above. Several ideas may go into one working group; its actions count whenever they were done (%n still open).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::ICalendarImporter</name>
        <message numerus="yes">
            <source>%n bookings</source>
            <translation>
                <numerusform>%n booking</numerusform>
                <numerusform>%n bookings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n date(s) left out (EXDATE)</source>
            <translation>
                <numerusform>; %n date left out (EXDATE)</numerusform>
                <numerusform>; %n dates left out (EXDATE)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>a series of %n booking(s): %1</source>
            <translation>
                <numerusform>a series of %n booking: %1</numerusform>
                <numerusform>a series of %n bookings: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n separate booking(s), since %1</source>
            <translation>
                <numerusform>%n separate booking, since %1</numerusform>
                <numerusform>%n separate bookings, since %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::IdeaService</name>
        <message numerus="yes">
            <source>%n dot(s) from attendance #%1</source>
            <translation>
                <numerusform>%n dot from attendance #%1</numerusform>
                <numerusform>%n dots from attendance #%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::JournalReport</name>
        <message numerus="yes">
            <source>%n transfer(s).</source>
            <translation>
                <numerusform>%n transfer.</numerusform>
                <numerusform>%n transfers.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::LedgerBatch</name>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::LedgerPage</name>
        <message numerus="yes">
            <source>%Ln matching account(s)</source>
            <translation>
                <numerusform>%Ln matching account</numerusform>
                <numerusform>%Ln matching accounts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln account(s)</source>
            <translation>
                <numerusform>%Ln account</numerusform>
                <numerusform>%Ln accounts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::LedgerService</name>
        <message numerus="yes">
            <source>%n transfer(s), #%1 to #%2</source>
            <translation>
                <numerusform>%n transfer, #%1 to #%2</numerusform>
                <numerusform>%n transfers, #%1 to #%2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MainWindow</name>
        <message numerus="yes">
            <source>Imported %n booking(s).</source>
            <translation>
                <numerusform>Imported %n booking.</numerusform>
                <numerusform>Imported %n bookings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n event(s).</source>
            <translation>
                <numerusform>Exported %n event.</numerusform>
                <numerusform>Exported %n events.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MatchesDialog</name>
        <message numerus="yes">
            <source>%Ln possible matches, best first.</source>
            <translation>
                <numerusform>%Ln possible match, best first.</numerusform>
                <numerusform>%Ln possible matches, best first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MemberImportWizard</name>
        <message numerus="yes">
            <source>%Ln member(s) were added to the hub.</source>
            <translation>
                <numerusform>%Ln member was added to the hub.</numerusform>
                <numerusform>%Ln members were added to the hub.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MemberImporter</name>
        <message numerus="yes">
            <source>%n member(s) imported from CSV</source>
            <translation>
                <numerusform>%n member imported from CSV</numerusform>
                <numerusform>%n members imported from CSV</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MemberService</name>
        <message numerus="yes">
            <source>%n contact person(s)</source>
            <translation>
                <numerusform>%n contact person</numerusform>
                <numerusform>%n contact persons</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MembersPage</name>
        <message numerus="yes">
            <source>%Ln match(es)</source>
            <translation>
                <numerusform>%Ln match</numerusform>
                <numerusform>%Ln matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::MembershipReport</name>
        <message numerus="yes">
            <source>%n member record(s) have no join date: they count neither as joining nor among the members at month end.</source>
            <translation>
                <numerusform>%n member record has no join date: it counts neither as joining nor among the members at month end.</numerusform>
                <numerusform>%n member records have no join date: they count neither as joining nor among the members at month end.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open need(s) name no skill and are not counted here; “hubctl match” pairs them with offers by their words.</source>
            <translation>
                <numerusform>%n open need names no skill and is not counted here; “hubctl match” pairs it with offers by its words.</numerusform>
                <numerusform>%n open needs name no skill and are not counted here; “hubctl match” pairs them with offers by their words.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::RecurrenceEditor</name>
        <message numerus="yes">
            <source>day(s)</source>
            <translation>
                <numerusform>day</numerusform>
                <numerusform>days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>week(s)</source>
            <translation>
                <numerusform>week</numerusform>
                <numerusform>weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>month(s)</source>
            <translation>
                <numerusform>month</numerusform>
                <numerusform>months</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::ReportsPage</name>
        <message numerus="yes">
            <source>%1 (%Ln row(s))</source>
            <translation>
                <numerusform>%1 (%Ln row)</numerusform>
                <numerusform>%1 (%Ln rows)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::SettingsPage</name>
        <message numerus="yes">
            <source>The hub has %n upcoming booking(s), made in %1. How should they move to %2?</source>
            <translation>
                <numerusform>The hub has %n upcoming booking, made in %1. How should they move to %2?</numerusform>
                <numerusform>The hub has %n upcoming bookings, made in %1. How should they move to %2?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found:</source>
            <translation>
                <numerusform>%n problem found:</numerusform>
                <numerusform>%n problems found:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::SkillService</name>
        <message numerus="yes">
            <source>%n skill(s)</source>
            <translation>
                <numerusform>%n skill</numerusform>
                <numerusform>%n skills</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::SpaceDialog</name>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::TodayPage</name>
        <message numerus="yes">
            <source>%Ln people</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::UsersPage</name>
        <message numerus="yes">
            <source>%Ln user(s)</source>
            <translation>
                <numerusform>%Ln user</numerusform>
                <numerusform>%Ln users</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::CalendarCommands</name>
        <message numerus="yes">
            <source>Exported %n event(s).</source>
            <translation>
                <numerusform>Exported %n event.</numerusform>
                <numerusform>Exported %n events.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n event(s) to %1.</source>
            <translation>
                <numerusform>Exported %n event to %1.</numerusform>
                <numerusform>Exported %n events to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 refused and %2 unreadable of %n event(s); nothing was imported.</source>
            <translation>
                <numerusform>%1 refused and %2 unreadable of %n event; nothing was imported.</numerusform>
                <numerusform>%1 refused and %2 unreadable of %n events; nothing was imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All events can be booked: %n booking(s) in %1; nothing was written (dry run).</source>
            <translation>
                <numerusform>All events can be booked: %n booking in %1; nothing was written (dry run).</numerusform>
                <numerusform>All events can be booked: %n bookings in %1; nothing was written (dry run).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n booking(s) into %1.</source>
            <translation>
                <numerusform>Imported %n booking into %1.</numerusform>
                <numerusform>Imported %n bookings into %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) were already there and were not booked again.</source>
            <translation>
                <numerusform>%n event was already there and was not booked again.</numerusform>
                <numerusform>%n events were already there and were not booked again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::LedgerCommands</name>
        <message numerus="yes">
            <source>%n row(s) have problems; nothing was posted.</source>
            <translation>
                <numerusform>%n row has a problem; nothing was posted.</numerusform>
                <numerusform>%n rows have problems; nothing was posted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n row(s) would post; nothing was written (dry run).</source>
            <translation>
                <numerusform>The %n row would post; nothing was written (dry run).</numerusform>
                <numerusform>All %n rows would post; nothing was written (dry run).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Posted %n transfer(s).</source>
            <translation>
                <numerusform>Posted %n transfer.</numerusform>
                <numerusform>Posted %n transfers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) would pay %1 each, %2 in all (dry run: nothing posted).</source>
            <translation>
                <numerusform>%n member would pay %1 each, %2 in all (dry run: nothing posted).</numerusform>
                <numerusform>%n members would pay %1 each, %2 in all (dry run: nothing posted).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Levied %1 from %n member(s), %2 in all, to the hub's account.</source>
            <translation>
                <numerusform>Levied %1 from %n member, %2 in all, to the hub's account.</numerusform>
                <numerusform>Levied %1 from %n members, %2 in all, to the hub's account.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::MemberCommands</name>
        <message numerus="yes">
            <source>Merged “%1” into “%2”, which %n member(s) now have.</source>
            <translation>
                <numerusform>Merged “%1” into “%2”, which %n member now has.</numerusform>
                <numerusform>Merged “%1” into “%2”, which %n members now have.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::MemberExchangeCommands</name>
        <message numerus="yes">
            <source>%n problem(s) in %1 of %2 rows; nothing was imported.</source>
            <translation>
                <numerusform>%n problem in %1 of %2 rows; nothing was imported.</numerusform>
                <numerusform>%n problems in %1 of %2 rows; nothing was imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n row(s) are good; nothing was written (dry run).</source>
            <translation>
                <numerusform>The %n row is good; nothing was written (dry run).</numerusform>
                <numerusform>All %n rows are good; nothing was written (dry run).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n member(s) from %1.</source>
            <translation>
                <numerusform>Imported %n member from %1.</numerusform>
                <numerusform>Imported %n members from %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n member(s).</source>
            <translation>
                <numerusform>Exported %n member.</numerusform>
                <numerusform>Exported %n members.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n member(s) to %1.</source>
            <translation>
                <numerusform>Exported %n member to %1.</numerusform>
                <numerusform>Exported %n members to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::ReportCommands</name>
        <message numerus="yes">
            <source>%n transfer(s)</source>
            <translation>
                <numerusform>%n transfer</numerusform>
                <numerusform>%n transfers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::SetupCommands</name>
        <message numerus="yes">
            <source>the hub has %n upcoming booking(s) made in %1; moving it to %2 would change them. Run the command again with --keep-local-times (each keeps its wall-clock time, e.g. 19:00, in %2) or --keep-instants (each keeps its moment, so its wall-clock time changes)</source>
            <translation>
                <numerusform>the hub has %n upcoming booking made in %1; moving it to %2 would change them. Run the command again with --keep-local-times (each keeps its wall-clock time, e.g. 19:00, in %2) or --keep-instants (each keeps its moment, so its wall-clock time changes)</numerusform>
                <numerusform>the hub has %n upcoming bookings made in %1; moving it to %2 would change them. Run the command again with --keep-local-times (each keeps its wall-clock time, e.g. 19:00, in %2) or --keep-instants (each keeps its moment, so its wall-clock time changes)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n check(s) passed.</source>
            <translation>
                <numerusform>The %n check passed.</numerusform>
                <numerusform>All %n checks passed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found.</source>
            <translation>
                <numerusform>%n problem found.</numerusform>
                <numerusform>%n problems found.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Copied %1 to %2: %n row(s), checked in full, the same counts and chain heads.</source>
            <translation>
                <numerusform>Copied %1 to %2: %n row, checked in full, the same counts and chain heads.</numerusform>
                <numerusform>Copied %1 to %2: %n rows, checked in full, the same counts and chain heads.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>hub::cli::VotingCommands</name>
        <message numerus="yes">
            <source>Results (%n idea(s)):</source>
            <translation>
                <numerusform>Results (%n idea):</numerusform>
                <numerusform>Results (%n ideas):</numerusform>
            </translation>
        </message>
    </context>
</TS>
