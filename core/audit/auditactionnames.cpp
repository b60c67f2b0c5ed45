// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/auditactionnames.h"

#include <QHash>

namespace hub {

QString AuditActionNames::label(const QString &action)
{
    static const QHash<QString, const char *> words = {
        {QStringLiteral("account.limits"), QT_TR_NOOP("Limits changed")},
        {QStringLiteral("account.status"), QT_TR_NOOP("Account status changed")},
        {QStringLiteral("action.add"), QT_TR_NOOP("Action added")},
        {QStringLiteral("action.status"), QT_TR_NOOP("Action done or reopened")},
        {QStringLiteral("booking.add"), QT_TR_NOOP("Booking made")},
        {QStringLiteral("booking.cancel"), QT_TR_NOOP("Booking cancelled")},
        {QStringLiteral("booking.edit"), QT_TR_NOOP("Booking changed")},
        {QStringLiteral("booking.series"), QT_TR_NOOP("Series booked")},
        {QStringLiteral("booking.series-edit"), QT_TR_NOOP("Series changed")},
        {QStringLiteral("booking.status"), QT_TR_NOOP("Booking confirmed or held")},
        {QStringLiteral("challenge.add"), QT_TR_NOOP("Challenge presented")},
        {QStringLiteral("challenge.close"), QT_TR_NOOP("Challenge closed")},
        {QStringLiteral("challenge.volunteer"), QT_TR_NOOP("Volunteered for a challenge")},
        {QStringLiteral("challenge.withdraw"), QT_TR_NOOP("Volunteer withdrew")},
        {QStringLiteral("checkin.member"), QT_TR_NOOP("Member checked in")},
        {QStringLiteral("checkin.walk-in"), QT_TR_NOOP("Walk-in checked in")},
        {QStringLiteral("gathering.add"), QT_TR_NOOP("Gathering planned")},
        {QStringLiteral("gathering.add-series"), QT_TR_NOOP("Gatherings planned as a series")},
        {QStringLiteral("gathering.edit"), QT_TR_NOOP("Gathering changed")},
        {QStringLiteral("gathering.voting"), QT_TR_NOOP("Voting opened or closed")},
        {QStringLiteral("group.add"), QT_TR_NOOP("Working group started")},
        {QStringLiteral("group.convenor"), QT_TR_NOOP("Convenor changed")},
        {QStringLiteral("group.join"), QT_TR_NOOP("Joined a working group")},
        {QStringLiteral("group.leave"), QT_TR_NOOP("Left a working group")},
        {QStringLiteral("hub.backup"), QT_TR_NOOP("Backup made")},
        {QStringLiteral("hub.demo"), QT_TR_NOOP("Demo data made")},
        {QStringLiteral("hub.restore"), QT_TR_NOOP("Hub restored from a backup")},
        {QStringLiteral("idea.add"), QT_TR_NOOP("Idea told")},
        {QStringLiteral("idea.edit"), QT_TR_NOOP("Idea changed")},
        {QStringLiteral("idea.promote"), QT_TR_NOOP("Idea promoted to a working group")},
        {QStringLiteral("idea.vote"), QT_TR_NOOP("Vote given")},
        {QStringLiteral("idea.withdraw-vote"), QT_TR_NOOP("Vote taken back")},
        {QStringLiteral("ledger.category"), QT_TR_NOOP("Category changed")},
        {QStringLiteral("member.add"), QT_TR_NOOP("Member added")},
        {QStringLiteral("member.consent"), QT_TR_NOOP("Consent changed")},
        {QStringLiteral("member.contacts"), QT_TR_NOOP("Contact people changed")},
        {QStringLiteral("member.edit"), QT_TR_NOOP("Member changed")},
        {QStringLiteral("member.forget"), QT_TR_NOOP("Member erased")},
        {QStringLiteral("member.import"), QT_TR_NOOP("Members imported")},
        {QStringLiteral("member.skills"), QT_TR_NOOP("Skills changed")},
        {QStringLiteral("member.subject-access"), QT_TR_NOOP("Personal data exported")},
        {QStringLiteral("need.add"), QT_TR_NOOP("Need added")},
        {QStringLiteral("offer.add"), QT_TR_NOOP("Offer added")},
        {QStringLiteral("registration.add"), QT_TR_NOOP("Signed up for a gathering")},
        {QStringLiteral("registration.cancel"), QT_TR_NOOP("Sign-up cancelled")},
        {QStringLiteral("settings.save"), QT_TR_NOOP("Settings saved")},
        {QStringLiteral("settings.set"), QT_TR_NOOP("Setting changed")},
        {QStringLiteral("skill.category"), QT_TR_NOOP("Skill category changed")},
        {QStringLiteral("skill.merge"), QT_TR_NOOP("Skills merged")},
        {QStringLiteral("space.add"), QT_TR_NOOP("Space added")},
        {QStringLiteral("space.close"), QT_TR_NOOP("Closed day added")},
        {QStringLiteral("space.edit"), QT_TR_NOOP("Space changed")},
        {QStringLiteral("space.reopen"), QT_TR_NOOP("Closed day removed")},
        {QStringLiteral("transfer.post"), QT_TR_NOOP("Transfer posted")},
        {QStringLiteral("transfer.batch"), QT_TR_NOOP("Batch of transfers posted")},
        {QStringLiteral("transfer.reverse"), QT_TR_NOOP("Transfer reversed")},
        {QStringLiteral("user.add"), QT_TR_NOOP("User added")},
        {QStringLiteral("user.passphrase"), QT_TR_NOOP("Passphrase changed")},
        {QStringLiteral("user.pin"), QT_TR_NOOP("PIN changed")},
        {QStringLiteral("user.remove"), QT_TR_NOOP("User removed")},
        {QStringLiteral("user.roles"), QT_TR_NOOP("Roles changed")},
        {QStringLiteral("user.sign-in"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("user.sign-in-failed"), QT_TR_NOOP("Sign-in refused")},
        {QStringLiteral("walk-in.enrol"), QT_TR_NOOP("Walk-in enrolled as a member")},
        {QStringLiteral("walk-in.forget"), QT_TR_NOOP("Walk-in erased")},
        {QStringLiteral("walk-in.merge"), QT_TR_NOOP("Walk-in merged into a member")},
    };
    const auto it = words.constFind(action);
    return it == words.cend() ? action : tr(it.value());
}

QString AuditActionNames::areaLabel(const QString &area)
{
    static const QHash<QString, const char *> words = {
        {QStringLiteral("account"), QT_TR_NOOP("Accounts")},
        {QStringLiteral("action"), QT_TR_NOOP("Actions")},
        {QStringLiteral("booking"), QT_TR_NOOP("Bookings")},
        {QStringLiteral("challenge"), QT_TR_NOOP("Challenges")},
        {QStringLiteral("checkin"), QT_TR_NOOP("Check-in")},
        {QStringLiteral("gathering"), QT_TR_NOOP("Gatherings")},
        {QStringLiteral("group"), QT_TR_NOOP("Working groups")},
        {QStringLiteral("hub"), QT_TR_NOOP("The hub file")},
        {QStringLiteral("idea"), QT_TR_NOOP("Ideas and votes")},
        {QStringLiteral("ledger"), QT_TR_NOOP("Ledger")},
        {QStringLiteral("member"), QT_TR_NOOP("Members")},
        {QStringLiteral("need"), QT_TR_NOOP("Needs")},
        {QStringLiteral("offer"), QT_TR_NOOP("Offers")},
        {QStringLiteral("registration"), QT_TR_NOOP("Sign-ups")},
        {QStringLiteral("settings"), QT_TR_NOOP("Settings")},
        {QStringLiteral("skill"), QT_TR_NOOP("Skills")},
        {QStringLiteral("space"), QT_TR_NOOP("Spaces")},
        {QStringLiteral("transfer"), QT_TR_NOOP("Transfers")},
        {QStringLiteral("user"), QT_TR_NOOP("Users")},
        {QStringLiteral("walk-in"), QT_TR_NOOP("Walk-ins")},
    };
    const auto it = words.constFind(area);
    return it == words.cend() ? area : tr(it.value());
}

} // namespace hub
