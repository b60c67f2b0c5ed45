// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/spacedialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>

using hub::SpaceDialog;
using hub::test::child;

namespace {

void retypeInSpaceDialog(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    // QTest types ASCII only; "é" arrives as a paste would.
    edit->insert(text);
}

void setNumber(QSpinBox *box, int value)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
}

hub::Space hall()
{
    hub::Space s;
    s.name = QStringLiteral("Main hall");
    s.capacity = 80;
    s.setupMinutes = 30;
    s.cleanupMinutes = 30;
    s.features = {QStringLiteral("stage")};
    s.colour = QStringLiteral("#3a7bd5");
    return s;
}

/// What the dialog can change, to prove a refused save wrote nothing.
QStringList summary(const QList<hub::Space> &spaces)
{
    QStringList out;
    for (const hub::Space &s : spaces) {
        QString hours;
        for (int day = 1; day <= 7; ++day)
            if (const auto h = s.hours.on(day))
                hours += QStringLiteral("%1:%2-%3 ").arg(day).arg(h->opens).arg(h->closes);
        out << QStringList{s.name,
                           s.description,
                           QString::number(s.capacity),
                           s.rate ? QString::number(s.rate->minor()) : QStringLiteral("-"),
                           QString::number(s.setupMinutes),
                           QString::number(s.cleanupMinutes),
                           s.features.join(u','),
                           s.colour,
                           s.active ? QStringLiteral("on") : QStringLiteral("off"),
                           hours}
                   .join(u'|');
    }
    return out;
}

struct Dialog
{
    hub::test::TempHub temp;
    std::unique_ptr<SpaceDialog> dialog;

    explicit Dialog(bool withHall = true)
    {
        if (withHall) {
            REQUIRE(temp->spaces().add(hall()));
            hub::Space kitchen;
            kitchen.name = QStringLiteral("Kitchen");
            kitchen.capacity = 12;
            REQUIRE(temp->spaces().add(kitchen));
        }
        dialog = std::make_unique<SpaceDialog>(temp.hub());
        dialog->show();
        REQUIRE(QTest::qWaitForWindowExposed(dialog.get()));
    }
    QList<hub::Space> stored()
    {
        auto spaces = temp->spaces().list();
        REQUIRE(spaces);
        return *spaces;
    }
    template<typename T> T *get(const char *name) { return child<T>(dialog.get(), name); }
};

} // namespace

TEST_CASE("the space dialog starts a first space on an empty hub and saves it with its hours", "[ui][spaces]")
{
    Dialog d(false);
    CHECK(d.get<QListWidget>("spaceList")->count() == 0);
    CHECK_FALSE(d.dialog->current().id.isValid());
    CHECK(d.dialog->colour() == QStringLiteral("#3a7bd5"));

    retypeInSpaceDialog(d.get<QLineEdit>("spaceName"), QStringLiteral("Café corner"));
    QTest::keyClicks(d.get<QPlainTextEdit>("spaceDescription"), QStringLiteral("Sofas by the coffee machine"));
    setNumber(d.get<QSpinBox>("spaceCapacity"), 25);
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QStringLiteral("1.50"));
    setNumber(d.get<QSpinBox>("spaceSetup"), 15);
    setNumber(d.get<QSpinBox>("spaceCleanup"), 20);
    retypeInSpaceDialog(d.get<QLineEdit>("spaceFeatures"), QStringLiteral("coffee machine, sofas,  step-free access"));
    d.dialog->setColour(QStringLiteral("#d4a017"));
    d.get<QCheckBox>("spaceOpen1")->setChecked(true);
    d.get<QTimeEdit>("spaceOpens1")->setTime(QTime(8, 0));
    d.get<QTimeEdit>("spaceCloses1")->setTime(QTime(18, 0));
    for (int day = 2; day <= 6; ++day)
        d.get<QCheckBox>(QStringLiteral("spaceOpen%1").arg(day).toLatin1().constData())->setChecked(true);
    QTest::mouseClick(d.get<QPushButton>("spaceCopyHours"), Qt::LeftButton);
    d.get<QCheckBox>("spaceOpen7")->setChecked(false);
    CHECK(d.dialog->isModified());

    QSignalSpy changed(d.dialog.get(), &SpaceDialog::spacesChanged);
    QTest::mouseClick(d.get<QPushButton>("spaceSave"), Qt::LeftButton);
    CHECK(changed.count() == 1);
    CHECK_FALSE(d.dialog->isModified());
    const QList<hub::Space> spaces = d.stored();
    REQUIRE(spaces.size() == 1);
    const hub::Space &s = spaces.first();
    CHECK(s.name == QStringLiteral("Café corner"));
    CHECK(s.description == QStringLiteral("Sofas by the coffee machine"));
    CHECK(s.capacity == 25);
    REQUIRE(s.rate);
    CHECK(s.rate->minor() == 150);
    CHECK(s.setupMinutes == 15);
    CHECK(s.cleanupMinutes == 20);
    CHECK(s.features ==
          QStringList{QStringLiteral("coffee machine"), QStringLiteral("sofas"), QStringLiteral("step-free access")});
    CHECK(s.colour == QStringLiteral("#d4a017"));
    for (int day = 1; day <= 6; ++day)
        CHECK(s.hours.on(day) == hub::DayHours{8 * 60, 18 * 60});
    CHECK_FALSE(s.hours.on(7).has_value());
    CHECK(d.get<QListWidget>("spaceList")->count() == 1);
    CHECK(d.dialog->current().id == s.id);
    CHECK(d.dialog->changedSpaces());
}

TEST_CASE("a closing time of 00:00 is midnight and an empty rate is free of charge", "[ui][spaces]")
{
    Dialog d;
    REQUIRE(d.dialog->current().name == QStringLiteral("Kitchen")); // sorted by name
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QStringLiteral("3"));
    d.get<QTimeEdit>("spaceOpens5")->setTime(QTime(18, 0));
    d.get<QTimeEdit>("spaceCloses5")->setTime(QTime(0, 0));
    REQUIRE(d.dialog->save());
    auto kitchen = d.temp->spaces().find(QStringLiteral("Kitchen"));
    REQUIRE(kitchen);
    CHECK(kitchen->hours.on(5) == hub::DayHours{18 * 60, 24 * 60});
    CHECK(kitchen->rate == hub::Amount::fromMinor(300));
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QString());
    REQUIRE(d.dialog->save());
    CHECK_FALSE(d.temp->spaces().find(QStringLiteral("Kitchen"))->rate.has_value());
}

TEST_CASE("bad fields are named beside them and nothing is saved", "[ui][spaces]")
{
    Dialog d;
    REQUIRE(d.dialog->selectSpace(d.stored().at(1).id));
    REQUIRE(d.dialog->current().name == QStringLiteral("Main hall"));
    const QStringList before = summary(d.stored());

    retypeInSpaceDialog(d.get<QLineEdit>("spaceName"), QString());
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QStringLiteral("1.234"));
    QTest::mouseClick(d.get<QPushButton>("spaceSave"), Qt::LeftButton);
    CHECK_FALSE(d.dialog->errorFor(QStringLiteral("name")).isEmpty());
    CHECK_FALSE(d.dialog->errorFor(QStringLiteral("rate")).isEmpty());
    CHECK(d.get<hub::FieldErrorLabel>("spaceError_rate")->isVisible());
    CHECK(child<QLabel>(d.dialog.get(), "spaceStatus")->text().contains(QStringLiteral("Nothing was saved")));
    CHECK(d.dialog->isModified());

    retypeInSpaceDialog(d.get<QLineEdit>("spaceName"), QStringLiteral("kitchen"));
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QStringLiteral("2"));
    CHECK_FALSE(d.dialog->save());
    CHECK(d.dialog->errorFor(QStringLiteral("name")).contains(QStringLiteral("already")));
    CHECK(d.dialog->errorFor(QStringLiteral("rate")).isEmpty());

    // Hours that close before they open are shown on their own tab.
    retypeInSpaceDialog(d.get<QLineEdit>("spaceName"), QStringLiteral("Main hall"));
    d.get<QTimeEdit>("spaceOpens3")->setTime(QTime(20, 0));
    d.get<QTimeEdit>("spaceCloses3")->setTime(QTime(9, 0));
    CHECK_FALSE(d.dialog->save());
    CHECK_FALSE(d.dialog->errorFor(QStringLiteral("hours")).isEmpty());
    CHECK(d.get<QTabWidget>("spaceTabs")->currentIndex() == 1);
    CHECK(summary(d.stored()) == before);

    QTest::mouseClick(d.get<QPushButton>("spaceRevert"), Qt::LeftButton);
    CHECK_FALSE(d.dialog->isModified());
    CHECK(d.get<QLineEdit>("spaceName")->text() == QStringLiteral("Main hall"));
    CHECK(d.dialog->errorFor(QStringLiteral("hours")).isEmpty());
}

TEST_CASE("leaving a space with unsaved edits asks to save discard or stay", "[ui][spaces]")
{
    Dialog d;
    auto *list = d.get<QListWidget>("spaceList");
    retypeInSpaceDialog(d.get<QLineEdit>("spaceFeatures"), QStringLiteral("oven, hob"));
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Cancel);
        list->setCurrentRow(1);
        CHECK(answer.texts().size() == 1);
    }
    CHECK(d.dialog->current().name == QStringLiteral("Kitchen"));
    CHECK(list->currentRow() == 0);
    CHECK(d.dialog->isModified());
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Save);
        list->setCurrentRow(1);
    }
    CHECK(d.dialog->current().name == QStringLiteral("Main hall"));
    CHECK(d.temp->spaces().find(QStringLiteral("Kitchen"))->features ==
          QStringList{QStringLiteral("oven"), QStringLiteral("hob")});
    setNumber(d.get<QSpinBox>("spaceCapacity"), 99);
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Discard);
        QTest::mouseClick(d.get<QPushButton>("spaceAdd"), Qt::LeftButton);
    }
    CHECK_FALSE(d.dialog->current().id.isValid());
    CHECK(d.temp->spaces().find(QStringLiteral("Main hall"))->capacity == 80);
    // The new space takes a colour no other space has.
    CHECK(d.dialog->colour() != QStringLiteral("#3a7bd5"));
}

TEST_CASE("closed days of a space or the whole hub are added and reopened", "[ui][spaces]")
{
    Dialog d;
    REQUIRE(d.dialog->selectSpace(d.stored().at(1).id));
    const QDate christmas(QDate::currentDate().year(), 12, 25);
    REQUIRE(d.dialog->addClosure(christmas, QStringLiteral("Christmas Day"), false));
    REQUIRE(d.dialog->addClosure(christmas.addDays(1), QStringLiteral("Boxing Day"), true));
    auto *closures = d.get<QListWidget>("spaceClosures");
    REQUIRE(closures->count() == 2);
    CHECK(closures->item(0)->text().contains(QStringLiteral("Christmas Day")));
    CHECK(closures->item(1)->text().contains(QStringLiteral("whole hub")));
    auto stored = d.temp->spaces().closures(christmas, christmas.addDays(1));
    REQUIRE(stored);
    CHECK(stored->size() == 2);

    // The kitchen sees the hub's day but not the hall's.
    REQUIRE(d.dialog->selectSpace(d.stored().at(0).id));
    REQUIRE(closures->count() == 1);
    CHECK(closures->item(0)->text().contains(QStringLiteral("Boxing Day")));
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Cancel);
        CHECK_FALSE(d.dialog->removeClosure(0));
    }
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Yes);
        CHECK(d.dialog->removeClosure(0));
        CHECK(answer.texts().first().contains(QStringLiteral("Every space")));
    }
    CHECK(d.temp->spaces().closures(christmas, christmas.addDays(1))->size() == 1);
    CHECK(closures->item(0)->flags() == Qt::NoItemFlags); // the empty-state line
}

TEST_CASE("the main window opens the space dialog from the Hub menu", "[ui][spaces]")
{
    hub::test::TempHub temp;
    temp.close();
    hub::MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    auto *action = child<QAction>(&window, "spacesAction");
    CHECK(action->isEnabled());
    bool seen = false;
    QTimer::singleShot(50, &window, [&] {
        if (auto *dialog = hub::test::visibleTopLevel<SpaceDialog>()) {
            seen = true;
            dialog->reject();
        }
    });
    action->trigger();
    CHECK(seen);
}

TEST_CASE("space dialog screenshot", "[.shots]")
{
    Dialog d;
    hub::Space cafe;
    cafe.name = QStringLiteral("Café corner");
    cafe.capacity = 25;
    cafe.colour = QStringLiteral("#d4a017");
    cafe.hours = {};
    for (int day = 0; day < 6; ++day)
        cafe.hours.days.at(day) = hub::DayHours{8 * 60, 18 * 60};
    REQUIRE(d.temp->spaces().add(cafe));
    d.dialog = std::make_unique<SpaceDialog>(d.temp.hub());
    d.dialog->show();
    REQUIRE(QTest::qWaitForWindowExposed(d.dialog.get()));
    REQUIRE(d.dialog->selectSpace(d.stored().at(2).id));
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    QTest::qWait(50);
    REQUIRE(d.dialog->grab().save(dir + QStringLiteral("/space-dialog-details.png")));
    d.get<QTabWidget>("spaceTabs")->setCurrentIndex(1);
    QTest::qWait(50);
    REQUIRE(d.dialog->grab().save(dir + QStringLiteral("/space-dialog-hours.png")));
    d.dialog->addClosure(QDate(QDate::currentDate().year(), 12, 25), QStringLiteral("Christmas Day"), true);
    d.get<QTabWidget>("spaceTabs")->setCurrentIndex(2);
    QTest::qWait(50);
    REQUIRE(d.dialog->grab().save(dir + QStringLiteral("/space-dialog-closures.png")));
    retypeInSpaceDialog(d.get<QLineEdit>("spaceName"), QString());
    retypeInSpaceDialog(d.get<QLineEdit>("spaceRate"), QStringLiteral("1.234"));
    d.dialog->save();
    QTest::qWait(50);
    REQUIRE(d.dialog->grab().save(dir + QStringLiteral("/space-dialog-errors.png")));
}
