// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/error.h"

namespace hub {

namespace {
Error make(ErrorKind kind, const QString &message, const QString &where)
{
    return Error{kind, message, where};
}
} // namespace

Error Error::usage(const QString &m, const QString &w)
{
    return make(ErrorKind::Usage, m, w);
}
Error Error::invalid(const QString &m, const QString &w)
{
    return make(ErrorKind::Invalid, m, w);
}
Error Error::refused(const QString &m, const QString &w)
{
    return make(ErrorKind::Refused, m, w);
}
Error Error::notFound(const QString &m, const QString &w)
{
    return make(ErrorKind::NotFound, m, w);
}
Error Error::storage(const QString &m, const QString &w)
{
    return make(ErrorKind::Storage, m, w);
}

QString Error::kindName() const
{
    switch (kind) {
    case ErrorKind::Usage:
        return QStringLiteral("usage");
    case ErrorKind::Invalid:
        return QStringLiteral("invalid");
    case ErrorKind::Refused:
        return QStringLiteral("refused");
    case ErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    }
    return QStringLiteral("storage");
}

QString Error::text() const
{
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

} // namespace hub
