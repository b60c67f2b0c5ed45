// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds widgets the way a tester names them: by objectName, failing the test
// with the name when it is missing.

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QObject>
#include <QPrintDialog>
#include <QString>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <catch2/catch.hpp>
#include <functional>

namespace hub::test {

template<typename T> T *child(const QObject *root, const char *objectName)
{
    T *found = root->findChild<T *>(QString::fromLatin1(objectName));
    INFO("widget " << objectName);
    REQUIRE(found != nullptr);
    return found;
}

/// The visible top-level window of type T (e.g. a dialog opened with exec()).
template<typename T> T *visibleTopLevel()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (auto *typed = qobject_cast<T *>(window); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

/// Runs `answer` on the dialog T as soon as it shows: a dialog run with
/// exec() has its own event loop, so the test's next line waits until it
/// closes. Polls, since some dialogs show a moment after the click.
template<typename T> void whenShown(std::function<void(T *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, answer] {
        T *dialog = visibleTopLevel<T>();
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

/// Answers the next print dialog as a person prints to a PDF file: picks
/// "Print to File (PDF)", types `path` as the file and presses Print.
/// `seen` is set once the dialog was answered.
inline void printToPdfWhenAsked(const QString &path, bool *seen)
{
    whenShown<QPrintDialog>([path, seen](QPrintDialog *dialog) {
        auto *printers = dialog->findChild<QComboBox *>(QStringLiteral("printers"));
        auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("filename"));
        if (printers && file) {
            for (int i = 0; i < printers->count(); ++i)
                if (printers->itemText(i).contains(QStringLiteral("PDF")))
                    printers->setCurrentIndex(i);
            file->selectAll();
            QTest::keyClicks(file, path);
        }
        *seen = printers && file;
        dialog->accept();
    });
}

/// Closes the window-modal notice `objectName` under `root` (say, the
/// seal after a backup), as a person clicks OK before going on.
inline void closeNotice(const QObject *root, const char *objectName)
{
    auto *notice = child<QWidget>(root, objectName);
    notice->close();
    QApplication::processEvents();
}

} // namespace hub::test
