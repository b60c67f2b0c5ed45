// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/printjob.h"

#include "ui/widgets/exportfolder.h"
#include "ui/widgets/sentence.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>

namespace hub {

bool PrintJob::run(QWidget *parent, const QString &title, const QString &what, const QString &fileName,
                   const Render &render)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(QFileInfo(fileName).completeBaseName());
    printer.setOutputFileName(ExportFolder::suggest(fileName));
    printer.setOutputFormat(QPrinter::NativeFormat);
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("printDialog"));
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status printed = render(printer);
    QApplication::restoreOverrideCursor();
    if (!printed) {
        QMessageBox::warning(parent, title,
                             tr("%1 could not be printed: %2").arg(what, sentence(printed.error().text())));
        return false;
    }
    return true;
}

} // namespace hub
