// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/privacy/personaldataregistry.h"

namespace hub {

void PersonalDataRegistry::addSection(const QString &name, Exporter exporter)
{
    m_sections.append({name, std::move(exporter)});
}

void PersonalDataRegistry::addEraser(const QString &name, Eraser eraser)
{
    m_erasers.append({name, std::move(eraser)});
}

Result<QJsonObject> PersonalDataRegistry::exportAll(MemberId member) const
{
    QJsonObject out;
    for (const auto &[name, exporter] : m_sections) {
        auto section = exporter(member);
        if (!section)
            return fail(section.error());
        out.insert(name, *section);
    }
    return out;
}

Status PersonalDataRegistry::eraseAll(MemberId member, const QString &pseudonym) const
{
    for (const auto &[name, eraser] : m_erasers)
        if (auto ok = eraser(member, pseudonym); !ok)
            return ok;
    return {};
}

QStringList PersonalDataRegistry::sectionNames() const
{
    QStringList names;
    for (const auto &section : m_sections)
        names << section.first;
    return names;
}

} // namespace hub
