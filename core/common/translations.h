// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

/// The words of the hub in the user's language. The English file holds only
/// plural forms: the sources say "%n member(s)", and the translation turns it
/// into "1 member" and "2 members", so no "(s)" ever reaches a person.
class Translations
{
public:
    /// Installs the translations into the running QCoreApplication (once;
    /// later calls do nothing). Returns false when the built-in file is missing.
    static bool install();
};

} // namespace hub
