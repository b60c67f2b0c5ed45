// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/ledgercommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/ledger/ledgerbatch.h"
#include "core/ledger/ledgerjson.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"

#include <QFile>
#include <QJsonArray>
#include <QTimeZone>

namespace hub::cli {

namespace {

struct LedgerCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::LedgerCommands)
};

QString postingText(const Posting &p, const CommandSession &s)
{
    QString text = LedgerCommandsTr::tr("Transfer #%1: %2 paid %3 %4 for “%5”.")
                       .arg(p.transfer.id.value())
                       .arg(p.transfer.payerName, p.transfer.payeeName, s.money(p.transfer.amount), p.transfer.memo);
    for (const QString &w : p.warnings)
        text += u'\n' + LedgerCommandsTr::tr("Warning: %1").arg(w);
    return text;
}

QJsonObject postingJson(const Posting &p, const CommandSession &s)
{
    QJsonObject o = LedgerJson::transfer(p.transfer, s.settings);
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(p.warnings));
    return o;
}

int accountList(CommandContext &ctx, CommandSession &s)
{
    AccountFilter f;
    f.search = ctx.value(QStringLiteral("search"));
    f.atRiskOnly = ctx.isSet(QStringLiteral("at-risk"));
    if (ctx.isSet(QStringLiteral("status"))) {
        f.status = accountStatusFrom(ctx.value(QStringLiteral("status")));
        if (!f.status)
            return ctx.usage(LedgerCommandsTr::tr("“%1” is not an account status; use open, frozen or closed")
                                 .arg(ctx.value(QStringLiteral("status"))),
                             QStringLiteral("--status"));
    }
    AccountSort sort = AccountSort::Name;
    const QString key = ctx.value(QStringLiteral("sort"));
    if (key == QStringLiteral("balance"))
        sort = AccountSort::Balance;
    else if (key == QStringLiteral("activity"))
        sort = AccountSort::LastActivity;
    else if (!key.isEmpty() && key != QStringLiteral("name"))
        return ctx.usage(LedgerCommandsTr::tr("“%1” is not a sort key; use name, balance or activity").arg(key),
                         QStringLiteral("--sort"));
    auto accounts = s.hub->ledger().accounts(f, -1, sort);
    if (!accounts)
        return ctx.fail(accounts.error());
    QJsonArray array;
    QList<QStringList> rows;
    Amount total;
    for (const Account &a : *accounts) {
        array.append(LedgerJson::account(a, s.settings));
        rows << QStringList{a.memberName + (a.isHub ? LedgerCommandsTr::tr(" (hub)") : QString()),
                            a.balance.toString(s.settings.decimals),
                            a.limitMin.toString(s.settings.decimals),
                            a.limitMax ? a.limitMax->toString(s.settings.decimals) : QStringLiteral("-"),
                            toString(a.status),
                            s.local(a.lastActivityAt)};
        total = total.checkedAdd(a.balance).value_or(total);
    }
    if (ctx.json()) {
        ctx.out().document(array);
    } else if (rows.isEmpty()) {
        ctx.out().message(LedgerCommandsTr::tr("No accounts match."));
    } else {
        ctx.out().table({LedgerCommandsTr::tr("Member"), LedgerCommandsTr::tr("Balance (%1)").arg(s.settings.unitName),
                         LedgerCommandsTr::tr("Lower limit"), LedgerCommandsTr::tr("Upper limit"),
                         LedgerCommandsTr::tr("Status"), LedgerCommandsTr::tr("Last activity")},
                        rows);
        if (f.search.isEmpty() && !f.status && !f.atRiskOnly)
            ctx.out().text(LedgerCommandsTr::tr("Sum of all balances: %1").arg(s.money(total)));
    }
    return 0;
}

int accountLimit(CommandContext &ctx, CommandSession &s)
{
    auto member = s.member(ctx.positional().first(), QStringLiteral("MEMBER"));
    if (!member)
        return ctx.fail(member.error());
    auto current = s.hub->ledger().account(*member);
    if (!current)
        return ctx.fail(current.error());
    LimitChange change{current->limitMin, current->limitMax, current->warnMin, false, {}};
    auto min = s.amount(ctx.value(QStringLiteral("min")), QStringLiteral("--min"));
    if (!min)
        return ctx.fail(min.error());
    change.min = *min;
    for (const auto &[name, field] :
         {std::pair{QStringLiteral("max"), &change.max}, std::pair{QStringLiteral("warn"), &change.warn}}) {
        if (!ctx.isSet(name))
            continue;
        if (ctx.value(name).trimmed().toLower() == QStringLiteral("none")) {
            field->reset();
            continue;
        }
        auto a = s.amount(ctx.value(name), QStringLiteral("--") + name);
        if (!a)
            return ctx.fail(a.error());
        *field = *a;
    }
    change.override = ctx.isSet(QStringLiteral("override"));
    change.note = ctx.value(QStringLiteral("override"));
    if (auto ok = s.hub->ledger().setLimits(*member, change); !ok) {
        Error e = ok.error();
        e.where = QStringLiteral("--") + e.where;
        return ctx.fail(e);
    }
    auto a = s.hub->ledger().account(*member);
    if (!a)
        return ctx.fail(a.error());
    ctx.out().result(LedgerJson::account(*a, s.settings),
                     LedgerCommandsTr::tr("%1: lower limit %2, upper limit %3, balance %4.")
                         .arg(a->memberName, s.money(a->limitMin),
                              a->limitMax ? s.money(*a->limitMax) : LedgerCommandsTr::tr("none"), s.money(a->balance)));
    return 0;
}

int accountStatus(CommandContext &ctx, CommandSession &s)
{
    const auto status = accountStatusFrom(ctx.positional()[1]);
    if (!status)
        return ctx.usage(
            LedgerCommandsTr::tr("“%1” is not an account status; use open, frozen or closed").arg(ctx.positional()[1]));
    auto member = s.member(ctx.positional().first(), QStringLiteral("MEMBER"));
    if (!member)
        return ctx.fail(member.error());
    if (auto ok = s.hub->ledger().setStatus(*member, *status); !ok)
        return ctx.fail(ok.error());
    auto a = s.hub->ledger().account(*member);
    if (!a)
        return ctx.fail(a.error());
    ctx.out().result(LedgerJson::account(*a, s.settings),
                     LedgerCommandsTr::tr("%1's account is now %2.").arg(a->memberName, toString(a->status)));
    return 0;
}

int payBatch(CommandContext &ctx, CommandSession &s)
{
    const QString path = ctx.value(QStringLiteral("batch"));
    QFile file(path);
    if (!file.exists())
        return ctx.fail(
            Error::notFound(LedgerCommandsTr::tr("there is no file %1").arg(path), QStringLiteral("--batch")));
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(Error::invalid(LedgerCommandsTr::tr("cannot read %1: %2").arg(path, file.errorString()),
                                       QStringLiteral("--batch")));
    const bool dryRun = ctx.isSet(QStringLiteral("dry-run"));
    auto report = LedgerBatch(*s.hub).payCsv(file.readAll(), dryRun);
    if (!report)
        return ctx.fail(
            located(report.error(),
                    path + (report.error().where.isEmpty() ? QString() : QStringLiteral(", ") + report.error().where)));
    QJsonArray problems;
    for (const BatchProblem &p : report->problems) {
        problems.append(QJsonObject{{QStringLiteral("row"), p.row},
                                    {QStringLiteral("column"), p.column},
                                    {QStringLiteral("message"), p.message}});
        ctx.out().message(
            path + QStringLiteral(": ") +
            LedgerCommandsTr::tr("row %1, column %2: %3").arg(QString::number(p.row), p.column, p.message));
    }
    // Only --json prints the transfers; a batch of 50,000 need not build them for nothing.
    QJsonArray postings;
    if (ctx.out().json())
        for (const Posting &p : report->postings)
            postings.append(postingJson(p, s));
    const bool ok = report->problems.isEmpty();
    ctx.out().document(QJsonObject{{QStringLiteral("ok"), ok},
                                   {QStringLiteral("dry_run"), dryRun},
                                   {QStringLiteral("rows"), report->rows},
                                   {QStringLiteral("problems"), problems},
                                   {QStringLiteral("transfers"), ok ? postings : QJsonArray()}});
    if (!ok) {
        ctx.out().message(LedgerCommandsTr::tr("%n row(s) have problems; nothing was posted.", nullptr,
                                               int(report->problems.size())));
        // Only rules saying no (limits, frozen accounts) is a refusal; anything else is bad input.
        bool onlyRules = true;
        for (const BatchProblem &p : report->problems)
            onlyRules = onlyRules && p.kind == ErrorKind::Refused;
        return onlyRules ? int(ErrorKind::Refused) : int(ErrorKind::Invalid);
    }
    ctx.out().text(
        dryRun ? LedgerCommandsTr::tr("All %n row(s) would post; nothing was written (dry run).", nullptr, report->rows)
               : LedgerCommandsTr::tr("Posted %n transfer(s).", nullptr, report->rows));
    return 0;
}

int pay(CommandContext &ctx, CommandSession &s)
{
    const bool batch = ctx.isSet(QStringLiteral("batch"));
    if (!batch)
        for (const QString &required :
             {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("amount"), QStringLiteral("memo")})
            if (!ctx.isSet(required))
                return ctx.usage(LedgerCommandsTr::tr("--%1 is required (or use --batch FILE.csv)").arg(required),
                                 QStringLiteral("--") + required);
    if (batch &&
        (ctx.isSet(QStringLiteral("from")) || ctx.isSet(QStringLiteral("to")) || ctx.isSet(QStringLiteral("amount"))))
        return ctx.usage(
            LedgerCommandsTr::tr("--batch takes its transfers from the file; leave out --from, --to and --amount"));
    if (batch)
        return payBatch(ctx, s);

    TransferDraft d;
    auto payer = s.member(ctx.value(QStringLiteral("from")), QStringLiteral("--from"));
    if (!payer)
        return ctx.fail(payer.error());
    auto payee = s.member(ctx.value(QStringLiteral("to")), QStringLiteral("--to"));
    if (!payee)
        return ctx.fail(payee.error());
    auto amount = s.amount(ctx.value(QStringLiteral("amount")), QStringLiteral("--amount"));
    if (!amount)
        return ctx.fail(amount.error());
    d.payer = *payer;
    d.payee = *payee;
    d.amount = *amount;
    d.memo = ctx.value(QStringLiteral("memo"));
    d.category = ctx.value(QStringLiteral("category"));
    d.reference = ctx.value(QStringLiteral("reference"));
    d.overrideLimits = ctx.isSet(QStringLiteral("override"));
    d.overrideNote = ctx.value(QStringLiteral("override"));
    auto posting = s.hub->ledger().pay(d);
    if (!posting) {
        Error e = posting.error();
        static const QHash<QString, QString> argumentOf = {{QStringLiteral("payer"), QStringLiteral("--from")},
                                                           {QStringLiteral("payee"), QStringLiteral("--to")},
                                                           {QStringLiteral("amount"), QStringLiteral("--amount")},
                                                           {QStringLiteral("memo"), QStringLiteral("--memo")},
                                                           {QStringLiteral("category"), QStringLiteral("--category")},
                                                           {QStringLiteral("reference"), QStringLiteral("--reference")},
                                                           {QStringLiteral("override"), QStringLiteral("--override")}};
        e.where = argumentOf.value(e.where, e.where);
        return ctx.fail(e);
    }
    for (const QString &w : posting->warnings)
        ctx.out().message(LedgerCommandsTr::tr("Warning: %1").arg(w));
    ctx.out().result(postingJson(*posting, s), postingText(*posting, s));
    return 0;
}

int levy(CommandContext &ctx, CommandSession &s)
{
    auto amount = s.amount(ctx.value(QStringLiteral("amount")), QStringLiteral("--amount"));
    if (!amount)
        return ctx.fail(amount.error());
    LedgerBatch batch(*s.hub);
    auto preview = batch.previewLevy(*amount, ctx.value(QStringLiteral("memo")), ctx.value(QStringLiteral("group")));
    if (!preview)
        return ctx.fail(preview.error());
    QJsonArray lines;
    QList<QStringList> rows;
    for (const LevyLine &l : preview->lines) {
        QJsonObject o{{QStringLiteral("member_id"), double(l.member.value())},
                      {QStringLiteral("member"), l.name},
                      {QStringLiteral("refusal"), l.refusal.isEmpty() ? QJsonValue() : QJsonValue(l.refusal)}};
        LedgerJson::insertAmount(o, QStringLiteral("balance_before"), l.before, s.settings);
        LedgerJson::insertAmount(o, QStringLiteral("balance_after"), l.after, s.settings);
        lines.append(o);
        rows << QStringList{l.name, l.before.toString(s.settings.decimals), l.after.toString(s.settings.decimals),
                            l.refusal.isEmpty() ? LedgerCommandsTr::tr("ok")
                                                : LedgerCommandsTr::tr("BREACH: %1").arg(l.refusal)};
    }
    const bool dryRun = ctx.isSet(QStringLiteral("dry-run"));
    QJsonObject doc{{QStringLiteral("dry_run"), dryRun},
                    {QStringLiteral("members"), int(preview->lines.size())},
                    {QStringLiteral("blocked"), preview->blocked()},
                    {QStringLiteral("lines"), lines}};
    LedgerJson::insertAmount(doc, QStringLiteral("amount"), preview->amount, s.settings);
    LedgerJson::insertAmount(doc, QStringLiteral("total"), preview->total(), s.settings);
    if (dryRun || preview->blocked()) {
        ctx.out().document(doc);
        if (!ctx.json())
            ctx.out().table({LedgerCommandsTr::tr("Member"), LedgerCommandsTr::tr("Before"),
                             LedgerCommandsTr::tr("After"), LedgerCommandsTr::tr("Check")},
                            rows);
        if (preview->blocked()) {
            ctx.out().message(LedgerCommandsTr::tr("The levy would breach some members' limits; nothing was posted."));
            return int(ErrorKind::Refused);
        }
        ctx.out().text(LedgerCommandsTr::tr("%n member(s) would pay %1 each, %2 in all (dry run: nothing posted).",
                                            nullptr, int(preview->lines.size()))
                           .arg(s.money(preview->amount), s.money(preview->total())));
        return 0;
    }
    auto posted = batch.levy(*amount, ctx.value(QStringLiteral("memo")), ctx.value(QStringLiteral("group")));
    if (!posted)
        return ctx.fail(posted.error());
    QJsonArray transfers;
    for (const Posting &p : *posted)
        transfers.append(postingJson(p, s));
    doc.insert(QStringLiteral("transfers"), transfers);
    ctx.out().result(doc, LedgerCommandsTr::tr("Levied %1 from %n member(s), %2 in all, to the hub's account.", nullptr,
                                               int(posted->size()))
                              .arg(s.money(preview->amount), s.money(preview->total())));
    return 0;
}

int reverse(CommandContext &ctx, CommandSession &s)
{
    bool ok = false;
    const qint64 id = QString(ctx.positional().first()).remove(u'#').toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.usage(LedgerCommandsTr::tr("“%1” is not a transfer number").arg(ctx.positional().first()),
                         QStringLiteral("TRANSFER"));
    auto posting =
        s.hub->ledger().reverse(TransferId(id), ctx.value(QStringLiteral("memo")),
                                ctx.isSet(QStringLiteral("override")), ctx.value(QStringLiteral("override")));
    if (!posting)
        return ctx.fail(posting.error());
    ctx.out().result(postingJson(*posting, s), postingText(*posting, s));
    return 0;
}

int statement(CommandContext &ctx, CommandSession &s)
{
    QDate from, to;
    for (const auto &[name, field] : {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (!ctx.isSet(name))
            continue;
        auto d = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!d)
            return ctx.fail(d.error());
        *field = *d;
    }
    auto member = s.member(ctx.positional().first(), QStringLiteral("MEMBER"));
    if (!member)
        return ctx.fail(member.error());
    auto st = s.hub->ledger().statement(*member, from, to);
    if (!st)
        return ctx.fail(st.error());
    if (ctx.json()) {
        ctx.out().document(LedgerJson::statement(*st, s.settings));
        return 0;
    }
    const int dp = s.settings.decimals;
    ctx.out().text(LedgerCommandsTr::tr("Statement for %1, %2 to %3 (%4)")
                       .arg(st->account.memberName,
                            from.isValid() ? from.toString(Qt::ISODate) : LedgerCommandsTr::tr("the start"),
                            to.isValid() ? to.toString(Qt::ISODate) : LedgerCommandsTr::tr("today"),
                            s.settings.unitName));
    QList<QStringList> rows{
        {QString(), QString(), LedgerCommandsTr::tr("Opening balance"), QString(), st->opening.toString(dp)}};
    for (const StatementLine &l : st->lines) {
        const bool in = l.change.minor() > 0;
        rows << QStringList{s.local(l.transfer.createdAt), QStringLiteral("#%1").arg(l.transfer.id.value()),
                            (in ? LedgerCommandsTr::tr("from %1: ").arg(l.transfer.payerName)
                                : LedgerCommandsTr::tr("to %1: ").arg(l.transfer.payeeName)) +
                                l.transfer.memo,
                            l.change.toString(dp), l.runningBalance.toString(dp)};
    }
    rows << QStringList{QString(), QString(), LedgerCommandsTr::tr("Closing balance"), QString(),
                        st->closing.toString(dp)};
    ctx.out().table({LedgerCommandsTr::tr("When"), LedgerCommandsTr::tr("Transfer"), LedgerCommandsTr::tr("Details"),
                     LedgerCommandsTr::tr("Change"), LedgerCommandsTr::tr("Balance")},
                    rows);
    ctx.out().text(LedgerCommandsTr::tr("In %1, out %2.").arg(s.money(st->totalIn), s.money(st->totalOut)));
    return 0;
}

int transferList(CommandContext &ctx, CommandSession &s)
{
    bool ok = true;
    const int limit = ctx.isSet(QStringLiteral("limit")) ? ctx.value(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit < 0)
        return ctx.usage(LedgerCommandsTr::tr("“%1” is not a number").arg(ctx.value(QStringLiteral("limit"))),
                         QStringLiteral("--limit"));
    TransferFilter f;
    if (ctx.isSet(QStringLiteral("member"))) {
        auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
        if (!m)
            return ctx.fail(m.error());
        f.member = *m;
    }
    for (const auto &[name, field, nextDay] :
         {std::tuple{QStringLiteral("from"), &f.from, 0}, std::tuple{QStringLiteral("to"), &f.to, 1}}) {
        if (!ctx.isSet(name))
            continue;
        auto d = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!d)
            return ctx.fail(d.error());
        *field = s.hub->ledger().startOfDay(d->addDays(nextDay));
    }
    auto transfers = s.hub->ledger().transfers(f, limit);
    if (!transfers)
        return ctx.fail(transfers.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Transfer &t : *transfers) {
        array.append(LedgerJson::transfer(t, s.settings));
        rows << QStringList{QStringLiteral("#%1").arg(t.id.value()),
                            s.local(t.createdAt),
                            t.payerName,
                            t.payeeName,
                            t.amount.toString(s.settings.decimals),
                            t.memo};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(LedgerCommandsTr::tr("No transfers match."));
    else
        ctx.out().table({LedgerCommandsTr::tr("#"), LedgerCommandsTr::tr("When"), LedgerCommandsTr::tr("Payer"),
                         LedgerCommandsTr::tr("Payee"), LedgerCommandsTr::tr("Amount"), LedgerCommandsTr::tr("Memo")},
                        rows);
    return 0;
}

// The options `pay` takes: one transfer, or a batch of them from a file.
QList<QCommandLineOption> payOptions()
{
    return {
        option(QStringLiteral("from"), LedgerCommandsTr::tr("The member who pays (id or e-mail)."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("to"), LedgerCommandsTr::tr("The member who receives (id or e-mail)."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("amount"), LedgerCommandsTr::tr("How much, in the hub's unit, e.g. 2.50."),
               QStringLiteral("AMOUNT")),
        option(QStringLiteral("memo"), LedgerCommandsTr::tr("What the credit is for."), QStringLiteral("TEXT")),
        option(QStringLiteral("category"), LedgerCommandsTr::tr("Kind of trade, for reports."), QStringLiteral("NAME")),
        option(QStringLiteral("reference"), LedgerCommandsTr::tr("A reference, e.g. a booking number."),
               QStringLiteral("TEXT")),
        option(QStringLiteral("override"),
               LedgerCommandsTr::tr("Post even beyond a limit; the note is recorded (treasurer)."),
               QStringLiteral("NOTE")),
        option(QStringLiteral("batch"),
               LedgerCommandsTr::tr("Post payer,payee,amount,memo rows from a CSV file: all or none."),
               QStringLiteral("FILE.csv")),
        option(QStringLiteral("dry-run"), LedgerCommandsTr::tr("With --batch: check every row, write nothing.")),
    };
}

} // namespace

void registerLedgerCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("account list"),
         .synopsis = QStringLiteral("[--search TEXT] [--status open|frozen|closed] [--at-risk] [--sort KEY]"),
         .summary = LedgerCommandsTr::tr("balances, limits and status of every account"),
         .options = {option(QStringLiteral("search"), LedgerCommandsTr::tr("Member name words."),
                            QStringLiteral("TEXT")),
                     option(QStringLiteral("status"), LedgerCommandsTr::tr("open, frozen or closed."),
                            QStringLiteral("STATUS")),
                     option(QStringLiteral("at-risk"),
                            LedgerCommandsTr::tr("Only accounts at their warning level or near their lower limit.")),
                     option(QStringLiteral("sort"), LedgerCommandsTr::tr("name, balance or activity (default name)."),
                            QStringLiteral("KEY"))},
         .arguments = {0, 0},
         .run = accountList});
    cli.add(
        {.name = QStringLiteral("account limit"),
         .synopsis = QStringLiteral("MEMBER --min AMOUNT [--max AMOUNT|none] [--warn AMOUNT|none] [--override NOTE]"),
         .summary = LedgerCommandsTr::tr("set an account's credit limits"),
         .options = {option(QStringLiteral("min"), LedgerCommandsTr::tr("Lowest balance allowed (zero or below)."),
                            QStringLiteral("AMOUNT")),
                     option(QStringLiteral("max"),
                            LedgerCommandsTr::tr("Highest balance allowed; \"none\" for no upper limit."),
                            QStringLiteral("AMOUNT")),
                     option(
                         QStringLiteral("warn"),
                         LedgerCommandsTr::tr("Warn when a payment takes the balance below this; \"none\" to clear."),
                         QStringLiteral("AMOUNT")),
                     option(QStringLiteral("override"),
                            LedgerCommandsTr::tr(
                                "Set the limits even if the balance is already beyond them; the note is recorded."),
                            QStringLiteral("NOTE"))},
         .arguments = {1, 1},
         .required = {QStringLiteral("min")},
         .run = accountLimit});
    cli.add({.name = QStringLiteral("account status"),
             .synopsis = QStringLiteral("MEMBER open|frozen|closed"),
             .summary = LedgerCommandsTr::tr("freeze, close or reopen an account"),
             .arguments = {2, 2},
             .run = accountStatus});
    // --from, --to, --amount and --memo are checked in the body: --batch stands in for them.
    cli.add(
        {.name = QStringLiteral("pay"),
         .synopsis = QStringLiteral(
             "--from MEMBER --to MEMBER --amount AMOUNT --memo TEXT [--category NAME] | --batch FILE.csv [--dry-run]"),
         .summary = LedgerCommandsTr::tr("move credit from one member to another"),
         .options = payOptions(),
         .arguments = {0, 0},
         .run = pay});
    cli.add({.name = QStringLiteral("levy"),
             .synopsis = QStringLiteral("--amount AMOUNT --memo TEXT [--group NAME] [--dry-run]"),
             .summary = LedgerCommandsTr::tr("every active member pays the hub, all or none"),
             .options =
                 {option(QStringLiteral("amount"), LedgerCommandsTr::tr("What each member pays."),
                         QStringLiteral("AMOUNT")),
                  option(QStringLiteral("memo"), LedgerCommandsTr::tr("What the levy is for."), QStringLiteral("TEXT")),
                  option(QStringLiteral("group"),
                         LedgerCommandsTr::tr("Only members with this role of interest (e.g. volunteer)."),
                         QStringLiteral("NAME")),
                  option(QStringLiteral("dry-run"),
                         LedgerCommandsTr::tr("Show who would pay and whose limit it would breach; write nothing."))},
             .arguments = {0, 0},
             .required = {QStringLiteral("amount"), QStringLiteral("memo")},
             .run = levy});
    cli.add({.name = QStringLiteral("reverse"),
             .synopsis = QStringLiteral("TRANSFER [--memo TEXT] [--override NOTE]"),
             .summary = LedgerCommandsTr::tr("post the opposite of a transfer"),
             .options = {option(QStringLiteral("memo"),
                                LedgerCommandsTr::tr("Memo for the reversal (default: “Reversal of #N: …”)."),
                                QStringLiteral("TEXT")),
                         option(QStringLiteral("override"),
                                LedgerCommandsTr::tr("Reverse even beyond a limit; the note is recorded."),
                                QStringLiteral("NOTE"))},
             .arguments = {1, 1},
             .run = reverse});
    cli.add(
        {.name = QStringLiteral("statement"),
         .synopsis = QStringLiteral("MEMBER [--from DATE] [--to DATE]"),
         .summary = LedgerCommandsTr::tr("an account's transfers with running balance"),
         .options = {option(QStringLiteral("from"), LedgerCommandsTr::tr("First day (YYYY-MM-DD, hub's time zone)."),
                            QStringLiteral("DATE")),
                     option(QStringLiteral("to"), LedgerCommandsTr::tr("Last day, included."), QStringLiteral("DATE"))},
         .arguments = {1, 1},
         .run = statement});
    cli.add(
        {.name = QStringLiteral("transfer list"),
         .synopsis = QStringLiteral("[--member MEMBER] [--from DATE] [--to DATE] [--limit N]"),
         .summary = LedgerCommandsTr::tr("recent transfers, newest first"),
         .options =
             {option(QStringLiteral("member"), LedgerCommandsTr::tr("Only transfers paid or received by this member."),
                     QStringLiteral("MEMBER")),
              option(QStringLiteral("from"), LedgerCommandsTr::tr("First day (YYYY-MM-DD)."), QStringLiteral("DATE")),
              option(QStringLiteral("to"), LedgerCommandsTr::tr("Last day, included."), QStringLiteral("DATE")),
              option(QStringLiteral("limit"), LedgerCommandsTr::tr("At most N transfers, newest first (default 50)."),
                     QStringLiteral("N"))},
         .arguments = {0, 0},
         .run = transferList});
}

} // namespace hub::cli
