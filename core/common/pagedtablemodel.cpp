// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/pagedtablemodel.h"

namespace hub {

// Out of line, so the class's vtable and meta-object live in one place.
PagedTableModelBase::~PagedTableModelBase() = default;

} // namespace hub
