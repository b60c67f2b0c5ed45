// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ledgerjournalwriter.h"

#include "core/common/amount.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace hub {

namespace {
const QString HubAccount = QStringLiteral("equity:hub");
const QString MemberAccounts = QStringLiteral("assets:members:");
constexpr qsizetype FlushBytes = 1 << 16;

// Transfers arrive in time order, so the local date changes rarely: the day's
// UTC bounds are kept and the zone is asked again only when a transfer leaves them.
class LocalDates
{
public:
    explicit LocalDates(QTimeZone zone) : m_zone(std::move(zone)) {}
    const QByteArray &dateOf(qint64 utc)
    {
        if (utc < m_start || utc >= m_end) {
            const QDate date = QDateTime::fromSecsSinceEpoch(utc, m_zone).date();
            m_start = LedgerReportSupport::startOfDay(date, m_zone);
            m_end = LedgerReportSupport::startOfDay(date.addDays(1), m_zone);
            m_text = date.toString(Qt::ISODate).toLatin1();
        }
        return m_text;
    }

private:
    QTimeZone m_zone;
    qint64 m_start = 0;
    qint64 m_end = 0;
    QByteArray m_text;
};
} // namespace

LedgerJournalWriter::LedgerJournalWriter(Database &db, const HubSettings &settings) : m_db(db), m_settings(settings)
{}

QString LedgerJournalWriter::accountSegment(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        switch (c.unicode()) {
        case u':':
            out += u'-';
            break;
        case u';':
            out += u',';
            break;
        case u'(':
        case u'[':
        case u'{':
            out += u'<';
            break;
        case u')':
        case u']':
        case u'}':
            out += u'>';
            break;
        default:
            // Tabs, line breaks and other spacing become one plain space.
            out += c.isSpace() || c.category() == QChar::Other_Control ? QChar(u' ') : c;
        }
    }
    static const QRegularExpression spaces(QStringLiteral(" {2,}"));
    out.replace(spaces, QStringLiteral(" "));
    out = out.trimmed();
    return out.isEmpty() ? QStringLiteral("-") : out;
}

QString LedgerJournalWriter::description(const QString &memo)
{
    // Most memos need nothing: check before copying, a journal has a million.
    bool clean = !memo.isEmpty() && !memo.front().isSpace() && !memo.back().isSpace();
    for (qsizetype i = 0; clean && i < memo.size(); ++i) {
        const QChar c = memo.at(i);
        clean = c != u';' && (c == u' ' ? i + 1 < memo.size() && memo.at(i + 1) != u' ' : !c.isSpace()) &&
                c.category() != QChar::Other_Control;
    }
    if (clean)
        return memo;
    QString out = memo;
    out.replace(u';', u',');
    for (QChar &c : out)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            c = u' ';
    static const QRegularExpression spaces(QStringLiteral(" {2,}"));
    out.replace(spaces, QStringLiteral(" "));
    return out.trimmed();
}

QString LedgerJournalWriter::commodity(const QString &unit)
{
    const QString name = unit.trimmed().isEmpty() ? QStringLiteral("Credits") : unit.trimmed();
    bool plain = true;
    for (QChar c : name)
        plain = plain && c.isLetter();
    if (plain)
        return name;
    QString quoted = name;
    quoted.remove(u'"');
    for (QChar &c : quoted)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            c = u' ';
    return u'"' + quoted + u'"';
}

Status LedgerJournalWriter::loadAccounts()
{
    m_names.clear();
    Query q(m_db, QStringLiteral("SELECT a.id, m.id, m.display_name, a.role FROM accounts a "
                                 "JOIN members m ON m.id = a.member_id ORDER BY a.id"));
    if (auto s = q.exec(); !s)
        return s;
    struct Named
    {
        qint64 account;
        qint64 member;
        QString segment;
    };
    QList<Named> members;
    QHash<QString, int> uses;
    while (q.next()) {
        if (q.value(3).toString() == QStringLiteral("hub")) {
            m_names.insert(q.value(0).toLongLong(), HubAccount);
            continue;
        }
        Named n{q.value(0).toLongLong(), q.value(1).toLongLong(), accountSegment(q.value(2).toString())};
        ++uses[n.segment.toCaseFolded()];
        members.append(n);
    }
    // Two members may share a name: the journal must not merge their accounts.
    for (const Named &n : members) {
        const bool shared = uses.value(n.segment.toCaseFolded()) > 1;
        m_names.insert(n.account,
                       MemberAccounts + n.segment + (shared ? QStringLiteral(" #%1").arg(n.member) : QString()));
    }
    return {};
}

Result<qint64> LedgerJournalWriter::write(QIODevice &device, QDate from, QDate to,
                                          const std::function<bool()> &cancelled)
{
    if (auto s = loadAccounts(); !s)
        return fail(s.error());
    const QTimeZone zone = m_settings.zone();
    const qint64 fromUtc =
        from.isValid() ? LedgerReportSupport::startOfDay(from, zone) : std::numeric_limits<qint64>::min();
    const qint64 toUtc =
        to.isValid() ? LedgerReportSupport::startOfDay(to.addDays(1), zone) : std::numeric_limits<qint64>::max();
    const QByteArray unit = QByteArray(" ") + commodity(m_settings.unitName).toUtf8();
    QHash<qint64, QByteArray> names;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        names.insert(it.key(), it.value().toUtf8());
    const int decimals = m_settings.decimals;

    QByteArray buffer;
    buffer.reserve(FlushBytes * 2);
    const auto flush = [&]() -> Status {
        if (device.write(buffer) != buffer.size())
            return fail(Error::storage(tr("Could not write the journal: %1").arg(device.errorString())));
        buffer.clear();
        return {};
    };
    const auto posting = [&](qint64 account, qint64 minor) {
        buffer += "    ";
        buffer += names.value(account);
        buffer += "  ";
        buffer += Amount::fromMinor(minor).toString(decimals).toLatin1();
        buffer += unit;
        buffer += '\n';
    };

    const QString hubName = description(m_settings.name);
    buffer += "; " + tr("Hubkeeper ledger of %1").arg(hubName).toUtf8() + '\n';
    buffer += "; " +
              tr("Transfers from %1 to %2, in %3")
                  .arg(from.isValid() ? from.toString(Qt::ISODate) : tr("the beginning"),
                       to.isValid() ? to.toString(Qt::ISODate) : tr("the end"), m_settings.unitName)
                  .toUtf8() +
              "\n\n";
    // Declared, so `ledger --pedantic` and `hledger --strict` accept it too.
    const QString sample = decimals > 0 ? QStringLiteral("1000.") + QString(decimals, u'0') : QStringLiteral("1000");
    buffer +=
        "commodity " + commodity(m_settings.unitName).toUtf8() + "\n    format " + sample.toLatin1() + unit + "\n\n";
    QList<QString> declared = m_names.values();
    std::sort(declared.begin(), declared.end());
    declared.erase(std::unique(declared.begin(), declared.end()), declared.end());
    for (const QString &account : declared)
        buffer += "account " + account.toUtf8() + '\n';
    buffer += '\n';

    if (from.isValid()) {
        Query q(m_db, QStringLiteral("SELECT acc, sum(x) FROM (SELECT payee_account AS acc, amount_minor AS x "
                                     "FROM transfers WHERE created_at < :from UNION ALL SELECT payer_account, "
                                     "-amount_minor FROM transfers WHERE created_at < :from) AS p GROUP BY acc "
                                     "HAVING sum(x) <> 0 ORDER BY acc"));
        q.bind(QStringLiteral(":from"), fromUtc);
        if (auto s = q.exec(); !s)
            return fail(s.error());
        bool any = false;
        while (q.next()) {
            if (!any) {
                buffer += from.addDays(-1).toString(Qt::ISODate).toLatin1() + ' ' +
                          description(tr("Opening balances")).toUtf8() + '\n';
                any = true;
            }
            posting(q.value(0).toLongLong(), q.value(1).toLongLong());
        }
        if (any)
            buffer += '\n';
    }

    Query q(m_db, QStringLiteral("SELECT id, created_at, payer_account, payee_account, amount_minor, memo "
                                 "FROM transfers WHERE created_at >= :from AND created_at < :to "
                                 "ORDER BY created_at, id"));
    q.raw().setForwardOnly(true);
    q.bind(QStringLiteral(":from"), fromUtc).bind(QStringLiteral(":to"), toUtc);
    if (auto s = q.exec(); !s)
        return fail(s.error());
    LocalDates dates(zone);
    qint64 count = 0;
    while (q.next()) {
        if (++count % LedgerReportSupport::CancelCheckRows == 0 && cancelled && cancelled())
            return fail(LedgerReportSupport::cancelled());
        const QByteArray id = QByteArray::number(q.value(0).toLongLong());
        const qint64 amount = q.value(4).toLongLong();
        buffer += dates.dateOf(q.value(1).toLongLong());
        buffer += " (" + id + ") ";
        buffer += description(q.value(5).toString()).toUtf8();
        buffer += "\n    ; id:" + id + '\n';
        posting(q.value(3).toLongLong(), amount);
        posting(q.value(2).toLongLong(), -amount);
        buffer += '\n';
        if (buffer.size() >= FlushBytes)
            if (auto s = flush(); !s)
                return fail(s.error());
    }
    if (auto s = flush(); !s)
        return fail(s.error());
    return count;
}

} // namespace hub
