// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

class Hub;

/// Adds the member's account and transfers to subject access exports.
/// Nothing is erased: the ledger stays whole under the member's pseudonym.
void registerLedgerPersonalData(Hub &hub);

} // namespace hub
