// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/hubsettings.h"
#include "core/spaces/space.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateEdit;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace hub {

class FieldErrorLabel;
class Hub;
class SpaceHoursEditor;

/// Lists the hub's spaces and edits one at a time: its details, calendar
/// colour, opening hours per weekday and closed days. Every rule is
/// SpaceService's, so the dialog refuses exactly what `hubctl space edit`
/// refuses, and names the field beside it.
class SpaceDialog : public QDialog
{
    Q_OBJECT
public:
    /// `hub` must outlive the dialog.
    explicit SpaceDialog(Hub &hub, QWidget *parent = nullptr);
    ~SpaceDialog() override;

    /// Shows the space `id` in the editor (after asking about unsaved edits).
    bool selectSpace(SpaceId id);
    /// Starts a new, unsaved space in the editor.
    void addSpace();
    /// Checks every field and saves the space; false (nothing written) with
    /// the reasons beside the fields.
    bool save();
    /// Puts back what is stored (or the defaults of a new space).
    void revert();

    /// The space in the editor; its id is invalid while it is new.
    const Space &current() const { return m_current; }
    bool isModified() const { return m_modified; }
    /// Whether anything was saved while the dialog was open.
    bool changedSpaces() const { return m_changed; }
    /// The message beside the field SpaceService calls `where` (empty if none).
    QString errorFor(const QString &where) const;
    /// The calendar colour in the editor, #rrggbb.
    QString colour() const { return m_colour; }
    void setColour(const QString &colour);

    /// Closes `current()` (or with `wholeHub` every space) on `day`; shown at once.
    bool addClosure(QDate day, const QString &reason, bool wholeHub);
    /// Reopens the closed day in row `row` of the list, after confirmation.
    bool removeClosure(int row);

    void done(int result) override;

Q_SIGNALS:
    /// A space was added or changed, or a closed day added or removed.
    void spacesChanged();

private:
    QWidget *buildListPane();
    QWidget *buildEditorPane();
    QDialogButtonBox *buildButtons();
    QWidget *buildDetailsTab();
    void createNameFields();
    QWidget *createRateRow();
    QWidget *createColourRow();
    void addDetailsRow(QFormLayout *form, const QString &label, const QString &where, QWidget *editor, QWidget *shown,
                       const QString &help = {});
    void connectDetailsEdits();
    QWidget *buildHoursTab();
    QWidget *buildClosuresTab();
    void addError(const QString &where, FieldErrorLabel *label, QWidget *editor, int tab);
    void reloadList(SpaceId select);
    void listRowChanged(int row);
    void showSpace(const Space &space);
    void showClosures();
    Space spaceFromForm(bool *rateOk);
    void clearErrors();
    void setStatus(const QString &text, bool isError);
    void setModified(bool modified);
    void edited();
    void chooseColour();
    /// Save / Discard / Cancel for unsaved edits; false means stay.
    bool settleEdits();

    Hub &m_hub;
    HubSettings m_settings;
    QList<Space> m_spaces;
    Space m_current;
    QString m_colour;
    bool m_loading = false;
    bool m_modified = false;
    bool m_changed = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_heading = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QSpinBox *m_capacity = nullptr;
    QLineEdit *m_rate = nullptr;
    QSpinBox *m_setup = nullptr;
    QSpinBox *m_cleanup = nullptr;
    QLineEdit *m_features = nullptr;
    QPushButton *m_colourButton = nullptr;
    QCheckBox *m_active = nullptr;
    SpaceHoursEditor *m_hours = nullptr;
    QListWidget *m_closures = nullptr;
    QList<Closure> m_closureRows;
    QDateEdit *m_closureDate = nullptr;
    QLineEdit *m_closureReason = nullptr;
    QComboBox *m_closureScope = nullptr;
    QPushButton *m_closureAdd = nullptr;
    QPushButton *m_closureRemove = nullptr;
    FieldErrorLabel *m_closureError = nullptr;
    QHash<QString, FieldErrorLabel *> m_errors;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, int> m_errorTabs;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace hub
