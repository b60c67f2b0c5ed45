// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace hub {

class Hub;

/// A page of the main window. The window owns the Hub and hands each page a
/// pointer whenever the open file changes, so pages never outlive a closed hub.
class HubPage : public QWidget
{
    Q_OBJECT
public:
    explicit HubPage(QWidget *parent = nullptr);

    /// Shows `hub` (nullptr while no file is open or the file is being replaced).
    /// Pages re-read everything here; it is also how the window asks for a refresh.
    virtual void setHub(Hub *hub) = 0;
};

} // namespace hub
