// SPDX-License-Identifier: GPL-3.0-or-later
// Plural forms (issue 16): every tr("... %n ...") in core, ui and hubctl has
// a "one" and a "many" form in the English translation the programs load, so
// people read "1 member" and "2 members", never "member(s)".
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

namespace {

struct PluralMessage
{
    QString context;
    QString source;
};

/// Every plural message in the sources as they are now, found by lupdate.
QList<PluralMessage> pluralMessagesInSources()
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString ts = dir.filePath(QStringLiteral("now.ts"));
    const QString root = QStringLiteral(HUB_TEST_SOURCE_DIR);
    QProcess lupdate;
    lupdate.start(QStringLiteral(HUB_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-pluralonly"), QStringLiteral("-I"), root,
                   root + QStringLiteral("/core"), root + QStringLiteral("/ui"), root + QStringLiteral("/app"),
                   QStringLiteral("-ts"), ts});
    REQUIRE(lupdate.waitForFinished(120000));
    INFO(lupdate.readAllStandardError().toStdString());
    REQUIRE(lupdate.exitCode() == 0);

    QFile file(ts);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<PluralMessage> out;
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"source")
            out.append({context, xml.readElementText()});
    }
    INFO(xml.errorString().toStdString() << " at line " << xml.lineNumber());
    REQUIRE_FALSE(xml.hasError());
    return out;
}

QTranslator *english()
{
    return QCoreApplication::instance()->findChild<QTranslator *>(QStringLiteral("hubkeeperEnglish"));
}

} // namespace

TEST_CASE("every plural in the sources has both English forms", "[translations]")
{
    REQUIRE(hub::Translations::install());
    REQUIRE(english());
    const QList<PluralMessage> messages = pluralMessagesInSources();
    // Far more than a handful: the scan found the sources.
    REQUIRE(messages.size() > 60);
    for (const PluralMessage &m : messages) {
        INFO(m.context.toStdString() << ": " << m.source.toStdString());
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QString one = english()->translate(context.constData(), source.constData(), nullptr, 1);
        const QString many = english()->translate(context.constData(), source.constData(), nullptr, 2);
        // Empty means the file lacks it: run resources/translations/update-translations.
        REQUIRE_FALSE(one.isEmpty());
        REQUIRE_FALSE(many.isEmpty());
        for (const QString &form : {one, many}) {
            CHECK_FALSE(form.contains(QStringLiteral("(s)")));
            CHECK_FALSE(form.contains(QStringLiteral("(es)")));
            CHECK_FALSE(form.contains(QStringLiteral("(ies)")));
            // The number stays where the source has it ("day(s)" beside a spin box has none).
            if (m.source.contains(QStringLiteral("%n")))
                CHECK(form.contains(QStringLiteral("%n")));
            if (m.source.contains(QStringLiteral("%Ln")))
                CHECK(form.contains(QStringLiteral("%Ln")));
        }
    }
}

TEST_CASE("counts read as people say them", "[translations]")
{
    REQUIRE(hub::Translations::install());
    const auto say = [](const char *context, const char *source, int n) {
        return QCoreApplication::translate(context, source, nullptr, n);
    };
    CHECK(say("hub::MemberImporter", "%n member(s) imported from CSV", 1) ==
          QStringLiteral("1 member imported from CSV"));
    CHECK(say("hub::MemberImporter", "%n member(s) imported from CSV", 2) ==
          QStringLiteral("2 members imported from CSV"));
    CHECK(say("hub::MemberImporter", "%n member(s) imported from CSV", 0) ==
          QStringLiteral("0 members imported from CSV"));
    CHECK(say("hub::LedgerService", "%n transfer(s), #%1 to #%2", 1) == QStringLiteral("1 transfer, #%1 to #%2"));
    // Installing twice keeps one translator.
    REQUIRE(hub::Translations::install());
    CHECK(QCoreApplication::instance()->findChildren<QTranslator *>().size() == 1);
}
