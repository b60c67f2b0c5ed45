// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds widgets the way a tester names them: by objectName, failing the test
// with the name when it is missing.

#include <QApplication>
#include <QObject>
#include <QString>
#include <QWidget>
#include <catch2/catch.hpp>

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

/// Closes the window-modal notice `objectName` under `root` (say, the
/// seal after a backup), as a person clicks OK before going on.
inline void closeNotice(const QObject *root, const char *objectName)
{
    auto *notice = child<QWidget>(root, objectName);
    notice->close();
    QApplication::processEvents();
}

} // namespace hub::test
