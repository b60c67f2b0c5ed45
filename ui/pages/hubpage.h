// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/changeevent.h"

#include <QWidget>

class QAction;
class QTableView;
class QToolButton;

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
    /// True for a page whose first read is heavy on a big hub: the window
    /// gives it the hub when it is first shown, not while it is out of sight
    /// (the Gatherings and Ledger pages took 0.4 s of opening a city hub).
    virtual bool readsWhenShown() const { return false; }
    /// Someone else signed in (or roles changed): pages show what the person
    /// at the desk may not do as disabled, with a tooltip naming who may.
    virtual void accessChanged() {}
    /// True while a form on the page holds edits not yet saved.
    virtual bool hasUnsavedEdits() const { return false; }
    /// Before the page is left (or the hub closed): asks Save / Discard /
    /// Cancel about unsaved edits; false when the person chose to stay.
    virtual bool settleUnsaved() { return true; }
    /// F5: read again what the page shows. True when the page did it itself
    /// (the Reports page runs the report); otherwise the window hands the
    /// hub to the page again.
    virtual bool refreshShown() { return false; }
    /// The parts of the hub this page shows. After a change to one of them,
    /// at this desk or another, the window has the page read them again.
    virtual ChangeAreas shownAreas() const { return {}; }
    /// Reads again what `change` touched, keeping filters and the record
    /// that is open; a form with unsaved edits keeps them. The window keeps
    /// the selected rows and scroll positions around it (ViewPositions).
    virtual void refreshAfterChange(const ChangeEvent &change) { Q_UNUSED(change); }

signals:
    /// A short confirmation for the status bar ("Action “…” added.").
    void statusMessage(const QString &text);

protected:
    /// A text-only tool button that shows and triggers `action`.
    static QToolButton *actionButton(QAction *action, const char *objectName);
    /// A read-only, single-row-selection table in the pages' common look.
    static QTableView *makeTable(const char *objectName, const QString &accessibleName);
};

} // namespace hub
