// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fuzzinput.h"

#include <iterator>

namespace hub::test {

namespace {
const char *const Specials[] = {"\"",
                                ",",
                                ";",
                                "\r\n",
                                "\n",
                                "\r",
                                "\0",
                                "\xff",
                                "\xc3",
                                "\xe2\x80\xae",
                                "=",
                                "'",
                                "BEGIN:VEVENT\r\n",
                                "END:VEVENT\r\n",
                                "RRULE:FREQ=DAILY;COUNT=99999\r\n",
                                "DTSTART:99991231T235959Z\r\n",
                                " ",
                                "\t",
                                "-",
                                "+",
                                "@",
                                "0",
                                "9999999999999999999"};
} // namespace

QByteArray mutate(const QByteArray &seed, QRandomGenerator &random)
{
    QByteArray out = seed;
    const int edits = 1 + random.bounded(6);
    for (int e = 0; e < edits; ++e) {
        const int at = out.isEmpty() ? 0 : random.bounded(int(out.size()));
        switch (random.bounded(7)) {
        case 0: // flip a byte
            if (!out.isEmpty())
                out[at] = char(random.bounded(256));
            break;
        case 1: // cut the rest
            out.truncate(at);
            break;
        case 2: { // a special token
            const char *s = Specials[random.bounded(int(std::size(Specials)))];
            out.insert(at, QByteArray(s, qMax<qsizetype>(1, qstrlen(s))));
            break;
        }
        case 3: // repeat a slice many times
            if (!out.isEmpty()) {
                const int len = 1 + random.bounded(qMin(40, int(out.size()) - at));
                out.insert(at, out.mid(at, len).repeated(1 + random.bounded(200)));
            }
            break;
        case 4: // remove a slice
            out.remove(at, random.bounded(20));
            break;
        case 5: // splice a copy of another part
            if (!out.isEmpty())
                out.insert(at, out.mid(random.bounded(int(out.size())), random.bounded(60)));
            break;
        default: // random bytes
            for (int i = random.bounded(30); i > 0; --i)
                out.insert(at, char(random.bounded(256)));
            break;
        }
    }
    return out.left(256 * 1024);
}

} // namespace hub::test
