// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QWidget;

namespace hub {

/// Printing as every page does it: the system's print dialog on A4 (with
/// Print to File, which makes a PDF, suggested in the export folder), a wait
/// cursor while the pages are drawn, and a warning naming the problem if
/// they cannot be.
class PrintJob
{
    Q_DECLARE_TR_FUNCTIONS(hub::PrintJob)
public:
    using Render = std::function<Status(QPagedPaintDevice &)>;

    /// `what` names the document for people ("The day sheet"), `fileName`
    /// is the PDF's suggested name. Returns true once it was printed; false
    /// when the user cancelled or it failed (after the warning).
    static bool run(QWidget *parent, const QString &title, const QString &what, const QString &fileName,
                    const Render &render);
};

} // namespace hub
