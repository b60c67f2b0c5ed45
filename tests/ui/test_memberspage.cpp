// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/audittrail.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/members/membertablemodel.h"
#include "core/members/skillservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/memberimportwizard.h"
#include "ui/mainwindow.h"
#include "ui/pages/memberspage.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/membereditor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using hub::MainWindow;
using hub::test::child;

namespace {

/// The main window on a temporary hub, showing the Members page.
struct MembersOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::MembersPage *page = nullptr;

    MembersOnTempHub()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Members);
        page = child<hub::MembersPage>(&window, "membersPage");
    }

    hub::Hub &hub() { return *window.hub(); }
    int memberCount() { return *hub().members().count({}); }

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        // QTest types only Latin-1 keys; the rest arrives as input-method text would.
        bool latin1 = true;
        for (QChar c : text)
            latin1 = latin1 && c.unicode() < 0x80;
        if (latin1)
            QTest::keyClicks(edit, text);
        else
            edit->insert(text);
    }

    /// New member (Ctrl+Shift+N), a name and an e-mail, then Save.
    void addThroughForm(const QString &name, const QString &email)
    {
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        type(child<QLineEdit>(page, "memberDisplayName"), name);
        type(child<QLineEdit>(page, "memberEmail"), email);
        QTest::mouseClick(child<QPushButton>(page, "memberSave"), Qt::LeftButton);
    }

    QStringList shownNames()
    {
        QStringList out;
        auto *model = page->model();
        for (int row = 0; row < model->rowCount(); ++row)
            out << model->index(row, hub::MemberTableModel::NameColumn).data().toString();
        return out;
    }
};

} // namespace

TEST_CASE("an empty hub's Members page says how to add the first member")
{
    MembersOnTempHub s;
    auto *empty = child<hub::EmptyStateWidget>(s.page, "membersEmptyState");
    CHECK(empty->isVisible());
    CHECK(empty->title() == QStringLiteral("No members yet"));
    CHECK(empty->text().contains(QStringLiteral("New member")));
    CHECK(empty->text().contains(QStringLiteral("Import")));
}

TEST_CASE("a member added through the form is saved and found by typing in the search box")
{
    MembersOnTempHub s;
    s.addThroughForm(QStringLiteral("Zoë Łukasiewicz"), QStringLiteral("zoe@example.org"));
    s.addThroughForm(QStringLiteral("Bryn Evans"), QStringLiteral("bryn@example.org"));
    REQUIRE(s.memberCount() == 2);
    CHECK(child<QTableView>(s.page, "memberTable")->isVisible());
    CHECK(s.shownNames() == QStringList{QStringLiteral("Bryn Evans"), QStringLiteral("Zoë Łukasiewicz")});
    CHECK(child<QLabel>(s.page, "memberEditorTitle")->text() == QStringLiteral("Bryn Evans"));

    // No accents typed, results after the typing pause.
    auto *search = child<QLineEdit>(s.page, "memberSearch");
    MembersOnTempHub::type(search, QStringLiteral("lukas"));
    REQUIRE(QTest::qWaitFor([&] { return s.shownNames().size() == 1; }, 2000));
    CHECK(s.shownNames() == QStringList{QStringLiteral("Zoë Łukasiewicz")});

    MembersOnTempHub::type(search, QStringLiteral("nobody"));
    auto *empty = child<hub::EmptyStateWidget>(s.page, "membersEmptyState");
    REQUIRE(QTest::qWaitFor([&] { return empty->isVisible(); }, 2000));
    CHECK(empty->title() == QStringLiteral("No member matches “nobody”"));
}

TEST_CASE("a bad e-mail address is explained beside the e-mail field and nothing is saved")
{
    MembersOnTempHub s;
    s.addThroughForm(QStringLiteral("Aoife Byrne"), QStringLiteral("aoife-at-example"));
    auto *error = child<hub::FieldErrorLabel>(s.page, "error_email");
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("aoife-at-example")));
    CHECK(s.memberCount() == 0);
    CHECK(child<hub::FieldErrorLabel>(s.page, "error_display_name")->isHidden());

    // Corrected, it saves and the message goes.
    MembersOnTempHub::type(child<QLineEdit>(s.page, "memberEmail"), QStringLiteral("aoife@example.org"));
    QTest::mouseClick(child<QPushButton>(s.page, "memberSave"), Qt::LeftButton);
    CHECK(s.memberCount() == 1);
    CHECK(error->isHidden());
}

TEST_CASE("skills edited in the member form are saved with their level")
{
    MembersOnTempHub s;
    REQUIRE(s.hub().skills().ensure(QStringLiteral("Guitar")));
    s.page->setHub(&s.hub()); // the completer now knows the taxonomy
    s.addThroughForm(QStringLiteral("Kemal Yılmaz"), QStringLiteral("kemal@example.org"));
    REQUIRE(s.memberCount() == 1);
    const auto member = s.page->editor()->member();
    REQUIRE(member);

    MembersOnTempHub::type(child<QLineEdit>(s.page, "skillName"), QStringLiteral("guitar"));
    auto *level = child<QComboBox>(s.page, "skillLevel");
    level->setCurrentIndex(level->findText(QStringLiteral("Expert")));
    QTest::mouseClick(child<QPushButton>(s.page, "skillAdd"), Qt::LeftButton);
    MembersOnTempHub::type(child<QLineEdit>(s.page, "skillName"), QStringLiteral("Baking"));
    QTest::keyClick(child<QLineEdit>(s.page, "skillName"), Qt::Key_Return);
    QTest::mouseClick(child<QPushButton>(s.page, "memberSave"), Qt::LeftButton);

    auto skills = s.hub().skills().memberSkills(member->id);
    REQUIRE(skills);
    REQUIRE(skills->size() == 2);
    QStringList names;
    for (const hub::MemberSkill &skill : *skills) {
        names << skill.name;
        if (skill.name == QStringLiteral("Guitar"))
            CHECK(skill.level == hub::SkillLevel::Expert);
    }
    names.sort();
    CHECK(names == QStringList{QStringLiteral("Baking"), QStringLiteral("Guitar")});
    CHECK(s.page->model()
              ->index(0, hub::MemberTableModel::SkillsColumn)
              .data()
              .toString()
              .contains(QStringLiteral("Guitar")));
}

TEST_CASE("a CSV with a bad row is listed in the import preview and nothing is imported")
{
    MembersOnTempHub s;
    const QString bad = s.temp.file(QStringLiteral("bad.csv"));
    hub::test::writeBytes(bad, "name,e-mail,postcode\n"
                               "Siân Davies,sian@example.org,CF10 1AA\n"
                               "Tomasz Nowak,not-an-address,CF11 2BB\n");
    hub::MemberImportWizard wizard(s.hub(), &s.window);
    wizard.show();
    wizard.setFilePath(bad);
    wizard.next();
    REQUIRE(wizard.currentId() == hub::MemberImportWizard::MappingPage);
    // The field in words; the header a file would use for it in the tooltip.
    auto *mapping = child<QComboBox>(&wizard, "importMapping1");
    CHECK(mapping->currentText() == QStringLiteral("E-mail"));
    CHECK(mapping->itemData(mapping->currentIndex(), Qt::ToolTipRole).toString() == QStringLiteral("email"));
    wizard.next();
    REQUIRE(wizard.currentId() == hub::MemberImportWizard::PreviewPage);

    auto *problems = child<QTableWidget>(&wizard, "importProblems");
    REQUIRE(problems->rowCount() == 1);
    CHECK(problems->item(0, 0)->text() == QStringLiteral("3"));
    CHECK(problems->item(0, 1)->text() == QStringLiteral("e-mail"));
    CHECK(problems->item(0, 2)->text().contains(QStringLiteral("not-an-address")));
    CHECK_FALSE(wizard.button(QWizard::CommitButton)->isEnabled());
    wizard.next(); // refused: all rows or none
    CHECK(wizard.currentId() == hub::MemberImportWizard::PreviewPage);
    CHECK(s.memberCount() == 0);

    // The corrected file imports both rows.
    const QString good = s.temp.file(QStringLiteral("good.csv"));
    hub::test::writeBytes(good, "name,e-mail,postcode\n"
                                "Siân Davies,sian@example.org,CF10 1AA\n"
                                "Tomasz Nowak,tomasz@example.org,CF11 2BB\n");
    wizard.restart();
    wizard.setFilePath(good);
    wizard.next();
    wizard.next();
    REQUIRE(wizard.button(QWizard::CommitButton)->isEnabled());
    wizard.next();
    CHECK(wizard.currentId() == hub::MemberImportWizard::DonePage);
    CHECK(wizard.importedCount() == 2);
    CHECK(s.memberCount() == 2);
}

TEST_CASE("forgetting a member asks first and says what stays")
{
    MembersOnTempHub s;
    s.addThroughForm(QStringLiteral("Hodan Warsame"), QStringLiteral("hodan@example.org"));
    const auto member = s.page->editor()->member();
    REQUIRE(member);
    auto *forget = child<QPushButton>(s.page, "memberForget");

    {
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Cancel);
        QTest::mouseClick(forget, Qt::LeftButton);
        REQUIRE(answerer.texts().size() == 1);
        CHECK(answerer.texts().first().contains(QStringLiteral("Former member #%1").arg(member->id.value())));
        CHECK(answerer.texts().first().contains(QStringLiteral("ledger")));
    }
    CHECK_FALSE(s.hub().members().get(member->id)->forgotten);

    hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
    QTest::mouseClick(forget, Qt::LeftButton);
    const auto after = s.hub().members().get(member->id);
    REQUIRE(after);
    CHECK(after->forgotten);
    CHECK(after->email.isEmpty());
    CHECK(s.shownNames().isEmpty()); // the directory no longer lists them
}

TEST_CASE("personal data is saved for a member through the file dialog and is on record")
{
    MembersOnTempHub s;
    s.addThroughForm(QStringLiteral("Hodan Warsame"), QStringLiteral("hodan@example.org"));
    const auto member = s.page->editor()->member();
    REQUIRE(member);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hodan.json"));

    // The save dialog is Qt's own offscreen: name the file in it and accept.
    bool answered = false;
    QTimer::singleShot(0, [&] {
        if (!QTest::qWaitFor([] { return qobject_cast<QFileDialog *>(QApplication::activeModalWidget()) != nullptr; }))
            return;
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, "accept");
            answered = true;
        }
    });
    QTest::mouseClick(child<QPushButton>(s.page, "memberPersonalData"), Qt::LeftButton);
    REQUIRE(answered);
    REQUIRE(QFile::exists(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(doc[QStringLiteral("member")].toObject()[QStringLiteral("email")].toString() ==
          QStringLiteral("hodan@example.org"));
    CHECK(child<QLabel>(s.page, "memberEditorStatus")->text().contains(QStringLiteral("hodan.json")));

    hub::AuditFilter f;
    f.action = QStringLiteral("member.subject-access");
    CHECK(s.hub().audit().count(f).value() == 1);
}

TEST_CASE("unsaved edits are never dropped by picking another member or another page")
{
    MembersOnTempHub s;
    s.addThroughForm(QStringLiteral("Ada Ames"), QStringLiteral("ada@example.org"));
    s.addThroughForm(QStringLiteral("Bryn Evans"), QStringLiteral("bryn@example.org"));
    REQUIRE(s.memberCount() == 2);
    auto *table = child<QTableView>(s.page, "memberTable");
    auto *title = child<QLabel>(s.page, "memberEditorTitle");
    const auto clickRow = [&](int row) {
        const QRect rect = table->visualRect(table->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    };
    clickRow(0); // Ada
    REQUIRE(title->text() == QStringLiteral("Ada Ames"));
    auto *phone = child<QLineEdit>(s.page, "memberPhone");

    SECTION("Cancel stays on the member with the edit")
    {
        MembersOnTempHub::type(phone, QStringLiteral("01234 567890"));
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Cancel);
        clickRow(1);
        REQUIRE(answerer.texts().size() == 1);
        CHECK(answerer.texts().first().contains(QStringLiteral("Ada Ames")));
        CHECK(title->text() == QStringLiteral("Ada Ames"));
        CHECK(phone->text() == QStringLiteral("01234 567890"));
        CHECK(table->currentIndex().row() == 0);
        // Another page: asked again, and Cancel stays here too.
        s.window.showPage(MainWindow::Page::Calendar);
        CHECK(answerer.texts().size() == 2);
        CHECK(s.window.currentPage() == MainWindow::Page::Members);
        auto ada = s.hub().members().find(QStringLiteral("ada@example.org"));
        REQUIRE(ada);
        CHECK(ada->phone.isEmpty()); // nothing written by asking
    }
    SECTION("Save writes the edit, then shows the other member")
    {
        MembersOnTempHub::type(phone, QStringLiteral("01234 567890"));
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Save);
        clickRow(1);
        CHECK(answerer.texts().size() == 1);
        CHECK(title->text() == QStringLiteral("Bryn Evans"));
        auto ada = s.hub().members().find(QStringLiteral("ada@example.org"));
        REQUIRE(ada);
        CHECK(ada->phone == QStringLiteral("01234 567890"));
    }
    SECTION("Discard drops the edit and nothing is asked when nothing changed")
    {
        MembersOnTempHub::type(phone, QStringLiteral("01234 567890"));
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Discard);
        QTest::keyClick(&s.window, Qt::Key_3, Qt::ControlModifier);
        CHECK(answerer.texts().size() == 1);
        CHECK(s.window.currentPage() == MainWindow::Page::Calendar);
        auto ada = s.hub().members().find(QStringLiteral("ada@example.org"));
        CHECK(ada->phone.isEmpty());
        QTest::keyClick(&s.window, Qt::Key_2, Qt::ControlModifier);
        clickRow(1);
        CHECK(answerer.texts().size() == 1);
        CHECK(title->text() == QStringLiteral("Bryn Evans"));
    }
}

TEST_CASE("the new member form starts at the name, says so when saved, shows the bad field and cancels")
{
    MembersOnTempHub s;
    QTest::keyClick(&s.window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    auto *name = child<QLineEdit>(s.page, "memberDisplayName");
    REQUIRE(QTest::qWaitFor([name] { return name->hasFocus(); }, 2000));
    QTest::keyClicks(name, QStringLiteral("Ada Ames"));
    auto *email = child<QLineEdit>(s.page, "memberEmail");
    MembersOnTempHub::type(email, QStringLiteral("not-an-address"));
    name->setFocus();
    QTest::mouseClick(child<QPushButton>(s.page, "memberSave"), Qt::LeftButton);
    CHECK(s.memberCount() == 0);
    CHECK(email->hasFocus()); // the first bad field has the cursor
    CHECK(email->visibleRegion().boundingRect().height() > 0);

    // Cancel puts the form back: blank for a new member, nothing saved, nothing asked.
    QTest::mouseClick(child<QPushButton>(s.page, "memberCancel"), Qt::LeftButton);
    CHECK(name->text().isEmpty());
    CHECK(email->text().isEmpty());
    CHECK_FALSE(s.page->hasUnsavedEdits());

    MembersOnTempHub::type(name, QStringLiteral("Ada Ames"));
    QTest::mouseClick(child<QPushButton>(s.page, "memberSave"), Qt::LeftButton);
    REQUIRE(s.memberCount() == 1);
    CHECK(s.window.statusBar()->currentMessage() == QStringLiteral("Ada Ames was added."));
}
