// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access/workerhub.h"

#include "core/access/accesscontrol.h"
#include "core/hub.h"

namespace hub {

WorkerHub::WorkerHub(const Hub &hub) : m_path(hub.path())
{
    if (const auto user = hub.access().currentUser())
        m_user = user->name;
}

Result<std::unique_ptr<Hub>> WorkerHub::open() const
{
    auto opened = Hub::open(m_path, OpenMode::ExistingOnly);
    if (!opened || m_user.isEmpty())
        return opened;
    if (auto user = (*opened)->access().signInAs(m_user); !user)
        return fail(user.error());
    return opened;
}

Status WorkerHub::run(const std::function<void(Hub &)> &body) const
{
    auto opened = open();
    if (!opened)
        return fail(opened.error());
    body(**opened);
    (*opened)->database().releaseThreadConnection();
    return {};
}

} // namespace hub
