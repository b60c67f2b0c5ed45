// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub {

/// Where an export is offered to go: the folder of the last export if it
/// still exists, else Documents (when the desktop has one), else home. Each
/// export dialog asks here and tells it where a file was written.
class ExportFolder
{
public:
    static QString folder();
    /// `fileName` inside folder().
    static QString suggest(const QString &fileName);
    /// Remembers the folder of a file just written.
    static void remember(const QString &filePath);
};

} // namespace hub
