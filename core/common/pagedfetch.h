// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QList>

#include <optional>

namespace hub {

/// Takes one page of a lazily fetched table (a service's list(..., limit,
/// offset) result): a short page is the last, an error ends the list and is
/// kept for the view to show.
template<typename T>
QList<T> takePage(Result<QList<T>> page, int pageSize, bool &exhausted, std::optional<Error> &error)
{
    if (!page) {
        exhausted = true;
        error = page.error();
        return {};
    }
    exhausted = page->size() < pageSize;
    return std::move(*page);
}

} // namespace hub
