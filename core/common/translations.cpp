// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace hub {

bool Translations::install()
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    // Owned by the application, so a second call finds it and every object
    // that outlives a test case still translates.
    if (app->findChild<QTranslator *>(QStringLiteral("hubkeeperEnglish")))
        return true;
    auto *english = new QTranslator(app);
    english->setObjectName(QStringLiteral("hubkeeperEnglish"));
    if (!english->load(QStringLiteral(":/i18n/hubkeeper_en.qm"))) {
        delete english;
        return false;
    }
    return QCoreApplication::installTranslator(english);
}

} // namespace hub
