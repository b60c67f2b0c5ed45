// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace hub {

/// The heading every page starts with, in one style: its title, large and
/// bold, and beside it a quiet count ("12 members").
class PageHeading
{
public:
    /// The page's title; `parent` may be set later by a layout.
    static QLabel *title(const QString &text, QWidget *parent = nullptr);
    /// Makes an existing label a title (a sign-in screen changes its text).
    static void styleAsTitle(QLabel *label);
    /// The quiet count beside a title, found by tests as `objectName`.
    static QLabel *count(const QString &objectName, QWidget *parent = nullptr);
};

} // namespace hub
