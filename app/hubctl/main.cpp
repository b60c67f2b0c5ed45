// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/cli.h"
#include "core/common/privatefiles.h"
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

namespace {
// A PDF lays its text out with fonts, which need a QGuiApplication; the
// offscreen platform needs no display. Every other command stays GUI-free.
bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "pdf") == 0 || qstrcmp(argv[i], "--format=pdf") == 0)
            return true;
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    // Everything hubctl writes holds personal data: owner-only, whatever the umask.
    hub::PrivateFiles::restrictProcess();
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("hubctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUB_VERSION));
    hub::Translations::install();
    return hub::cli::Cli().run(QCoreApplication::arguments());
}
