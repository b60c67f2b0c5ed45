// SPDX-License-Identifier: GPL-3.0-or-later
// Not a check: renders every page and the welcome dialog at 1280×720 into
// <build>/shots so a person can look at them. Hidden from CTest; run with
//   test_ui "[shots]"
#include "core/members/listingservice.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/matchesdialog.h"
#include "ui/dialogs/memberimportwizard.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/memberspage.h"
#include "ui/pages/settingspage.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using hub::MainWindow;
using hub::test::child;
using hub::test::shoot;

TEST_CASE("screenshots of every page and the welcome dialog", "[.][shots]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    static const char *const names[MainWindow::PageCount] = {"1-today",      "2-members", "3-calendar", "4-ledger",
                                                             "5-gatherings", "6-reports", "7-settings"};
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        window.showPage(MainWindow::Page(i));
        shoot(&window, QString::fromLatin1(names[i]));
    }

    auto *page = child<hub::SettingsPage>(&window, "settingsPage");
    child<QComboBox>(page, "settingsTimeZone")->setEditText(QStringLiteral("Mars/Olympus"));
    child<QLineEdit>(page, "settingsLimitMin")->setText(QStringLiteral("5"));
    page->save();
    page->checkIntegrity();
    shoot(&window, QStringLiteral("8-settings-errors"));

    hub::WelcomeDialog dialog;
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    shoot(&dialog, QStringLiteral("9-welcome-create"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Open);
    shoot(&dialog, QStringLiteral("9-welcome-open"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Demo);
    shoot(&dialog, QStringLiteral("9-welcome-demo"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Create);
    dialog.setNotice(QStringLiteral("/home/desk/hub.sqlite could not be opened. Choose another way to start."));
    child<QLineEdit>(&dialog, "createName")->clear();
    QTest::mouseClick(child<QPushButton>(&dialog, "welcomeProceed"), Qt::LeftButton);
    shoot(&dialog, QStringLiteral("9-welcome-errors"));
}

namespace {
/// About sixty members as a demo hub would have them: names from many
/// cultures, UK postcodes, skills, offers and needs.
void addDemoLikeMembers(hub::Hub &hub)
{
    static const char *const names[] = {
        "Siân Davies",       "Aoife Byrne",      "Tomasz Nowak",     "Zoë Łukasiewicz",
        "Hodan Warsame",     "Kemal Yılmaz",     "Chiamaka Okafor",  "João Ferreira",
        "Rahima Begum",      "Gareth Llewellyn", "Niamh O'Sullivan", "Agnieszka Wójcik",
        "Abdirahman Ali",    "Emre Şahin",       "Tunde Adeyemi",    "Inês Costa",
        "Sabrina Chowdhury", "Rhys ap Gwilym",   "Ciarán Murphy",    "Marta Kowalczyk",
        "Faisal Hussain",    "Ayşe Demir",       "Ngozi Eze",        "Beatriz Santos",
        "Mohammed Rahman",   "Eleri Hughes",     "Seán Ó Briain",    "Piotr Zieliński",
        "Amina Farah",       "Mehmet Kaya",      "Oluwaseun Bello",  "Rafael Almeida",
        "Nusrat Jahan",      "Dylan Pritchard",  "Róisín Kelly",     "Katarzyna Lewandowska",
        "Hamza Ahmed",       "Elif Aydın",       "Adaeze Nwosu",     "Tiago Pereira",
        "Shirin Akter",      "Osian Roberts",    "Eoin Walsh",       "Michał Wiśniewski",
        "Fadumo Hassan",     "Burak Öztürk",     "Ifeoma Chukwu",    "Leonor Rodrigues",
        "Tanvir Islam",      "Mared Thomas"};
    static const char *const orgs[] = {"Canal Street Café",
                                       "Roath Bakery Co-op",
                                       "Fix-It Repair Café",
                                       "Splott Community Garden",
                                       "Grangetown Youth Band",
                                       "Cathays Bike Kitchen",
                                       "Adamsdown Tenants' Association",
                                       "Riverside Market",
                                       "Tremorfa Allotments",
                                       "Butetown Arts Collective"};
    static const char *const skills[] = {"Cooking",     "Carpentry", "Bookkeeping",    "Guitar",
                                         "Web design",  "Childcare", "Welsh lessons",  "Gardening",
                                         "Bike repair", "Sewing",    "Polish lessons", "Plumbing"};
    static const char *const offers[] = {"can teach beginners on Saturday mornings",
                                         "happy to help for a couple of hours a week",
                                         "can fix most things with a little time"};
    static const char *const needs[] = {"need help getting started", "looking for someone patient to show me how",
                                        "need a hand before the summer fair"};
    int i = 0;
    const auto add = [&](const QString &name, hub::MemberKind kind) {
        hub::MemberDraft d;
        d.kind = kind;
        d.displayName = name;
        d.email = QStringLiteral("member%1@example.org").arg(i);
        d.phone = QStringLiteral("029 20%1 %2").arg(10 + i % 80).arg(1000 + i * 37);
        d.postcode = QStringLiteral("CF%1 %2AB").arg(10 + i % 15).arg(1 + i % 9);
        d.joinedOn = QDate(2021, 3, 1).addDays(i * 23);
        d.status = i % 11 == 5 ? hub::MemberStatus::Lapsed : hub::MemberStatus::Active;
        d.consent.directoryVisible = i % 9 != 4;
        d.consent.showEmail = i % 3 == 0;
        auto m = hub.members().add(d);
        REQUIRE(m);
        QList<hub::MemberSkill> own;
        for (int k = 0; k < 1 + i % 3; ++k)
            own << hub::MemberSkill{{}, QString::fromUtf8(skills[(i + k * 5) % 12]), hub::SkillLevel((i + k) % 4)};
        REQUIRE(hub.skills().setMemberSkills(m->id, own));
        if (i % 2 == 0)
            REQUIRE(hub.listings().addOffer(m->id, own.first().name, QString::fromUtf8(offers[i % 3])));
        if (i % 3 == 1)
            REQUIRE(hub.listings().addNeed(m->id, QString::fromUtf8(skills[(i + 7) % 12]),
                                           QString::fromUtf8(needs[i % 3])));
        ++i;
    };
    for (const char *name : names)
        add(QString::fromUtf8(name), hub::MemberKind::Person);
    for (const char *name : orgs)
        add(QString::fromUtf8(name), hub::MemberKind::Organisation);
}
} // namespace

TEST_CASE("screenshots of the Members page", "[.][shots]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Members);
    shoot(&window, QStringLiteral("20-members-empty"));

    addDemoLikeMembers(*window.hub());
    auto *page = child<hub::MembersPage>(&window, "membersPage");
    page->setHub(window.hub());
    shoot(&window, QStringLiteral("21-members-list"));

    child<QTableView>(page, "memberTable")->selectRow(3);
    shoot(&window, QStringLiteral("22-members-editor"));

    child<QLineEdit>(page, "memberEmail")->setText(QStringLiteral("not-an-address"));
    QTest::mouseClick(child<QPushButton>(page, "memberSave"), Qt::LeftButton);
    shoot(&window, QStringLiteral("23-members-editor-error"));

    child<QLineEdit>(page, "memberSearch")->setText(QStringLiteral("zbigniew"));
    page->applyFilter();
    shoot(&window, QStringLiteral("24-members-no-match"));

    hub::MatchesDialog matches(*window.hub(), std::nullopt, QString(), &window);
    matches.show();
    REQUIRE(QTest::qWaitForWindowExposed(&matches));
    shoot(&matches, QStringLiteral("25-members-matches"));
    matches.close();

    const QString csv = temp.file(QStringLiteral("import.csv"));
    hub::test::writeBytes(csv, "First name,Surname,E-mail,Postcode,Skills,Shoe size\n"
                               "Dafydd,Jenkins,dafydd@example.org,CF24 3AA,Carpentry:expert,9\n"
                               "Ana,Silva,ana.silva@,CF10 1AA,Cooking,5\n"
                               ",,,CF11 1AA,,7\n"
                               "Bilal,Khan,member3@example.org,NOTAPOSTCODE,Guitar,10\n");
    hub::MemberImportWizard wizard(*window.hub(), &window);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    wizard.setFilePath(csv);
    wizard.next();
    shoot(&wizard, QStringLiteral("26-members-import-mapping"));
    wizard.next();
    shoot(&wizard, QStringLiteral("27-members-import-preview"));
}
