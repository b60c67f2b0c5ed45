// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QString>

#include <functional>
#include <memory>

namespace hub {

class Hub;

/// The open hub as a worker thread needs it: a database connection belongs to
/// the thread that opened it, so a long import, export or report opens the
/// file again — and must act as the person at the desk, or every permission
/// check in core would refuse it on a hub with users. Taken on the GUI thread
/// (the window's Hub is not read from another thread), opened on the worker's.
class WorkerHub
{
public:
    WorkerHub() = default;
    explicit WorkerHub(const Hub &hub);

    QString path() const { return m_path; }
    /// Opens the file on the calling thread with the same person signed in
    /// (AccessControl::signInAs); refused if they are no longer a user.
    Result<std::unique_ptr<Hub>> open() const;
    /// Opens the hub, runs `body` with it and lets the thread's connection
    /// go again. The refusal to open comes back; the body reports its own.
    Status run(const std::function<void(Hub &)> &body) const;

private:
    QString m_path;
    QString m_user; ///< empty: nobody signed in (a hub without users acts as its implicit admin)
};

} // namespace hub
