// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/common/ids.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <functional>

namespace hub {

/// Where each area of the domain says what personal data it holds about a
/// member (for subject access) and how to erase it (for "forget me"). Areas
/// added later register here, so neither feature needs to know them.
class PersonalDataRegistry
{
public:
    using Exporter = std::function<Result<QJsonValue>(MemberId)>;
    /// Runs inside the erasure transaction; replaces names by the pseudonym.
    using Eraser = std::function<Status(MemberId, const QString &pseudonym)>;

    void addSection(const QString &name, Exporter exporter);
    void addEraser(const QString &name, Eraser eraser);

    /// Every section, in registration order, as one JSON object.
    Result<QJsonObject> exportAll(MemberId member) const;
    Status eraseAll(MemberId member, const QString &pseudonym) const;
    QStringList sectionNames() const;

private:
    QList<std::pair<QString, Exporter>> m_sections;
    QList<std::pair<QString, Eraser>> m_erasers;
};

} // namespace hub
