// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/settings/hubsettings.h"
#include "ui/pages/hubpage.h"

#include <QHash>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace hub {

enum class ZoneChangePolicy;
class FieldErrorLabel;
class TimeZoneComboBox;

/// Edits the hub-wide settings. Every value goes through SettingsService, so the
/// page refuses exactly what `hubctl settings set` refuses, and a refused value
/// is named beside its field and never saved.
class SettingsPage : public HubPage
{
    Q_OBJECT
public:
    explicit SettingsPage(QWidget *parent = nullptr);

    void setHub(Hub *hub) override;

    ChangeAreas shownAreas() const override;

    void refreshAfterChange(const ChangeEvent &change) override;
    void accessChanged() override;

    /// Validates every field and saves them together; false (and nothing
    /// written) if any field is refused.
    bool save();
    /// Puts back the values stored in the hub.
    void revert();
    /// Runs every integrity check of the hub and shows what they found.
    void checkIntegrity();

    bool isModified() const { return m_modified; }
    /// The message shown beside the field of a settings key (empty if none).
    QString errorFor(const QString &key) const;

Q_SIGNALS:
    /// The Users… and Audit log… buttons.
    void usersRequested();
    void auditRequested();

private:
    QWidget *buildHubGroup();
    QWidget *buildUnitGroup();
    QWidget *buildFileGroup();
    QWidget *buildPeopleGroup();
    /// `description` defaults to SettingsService's words for the key.
    void addField(QGridLayout *grid, int row, const QString &key, const QString &label, QWidget *editor,
                  const QString &description = {});
    QString fieldText(const QString &key) const;
    QWidget *editorFor(const QString &key) const;
    void showForm(const HubSettings &settings);
    void clearErrors();
    void setModified(bool modified);
    void fieldEdited(const QString &key);
    void decimalsChanged(int decimals);
    void setStatus(const QString &text, bool isError);
    /// The front-desk ceiling as typed: none when empty or "none"; an error
    /// (named for the field) when it is not an amount in `decimals`.
    Result<std::optional<Amount>> typedCeiling(int decimals) const;
    /// With upcoming bookings, asks whether they keep their local times or
    /// their moments in `zone`; none when the user cancelled (status set).
    Result<std::optional<ZoneChangePolicy>> askZoneChange(const QString &zone);

    Hub *m_hub = nullptr;
    HubSettings m_stored;
    bool m_loading = false;
    bool m_modified = false;
    int m_shownDecimals = 2;

    QLineEdit *m_name = nullptr;
    TimeZoneComboBox *m_timeZone = nullptr;
    QLineEdit *m_unitName = nullptr;
    QLineEdit *m_unitSymbol = nullptr;
    QSpinBox *m_decimals = nullptr;
    QLineEdit *m_limitMin = nullptr;
    QLineEdit *m_limitMax = nullptr;
    // The treasurer's, not the admin's: AccessControl keeps it, with its own permission.
    QLineEdit *m_ceiling = nullptr;
    QString m_shownCeiling;
    QHash<QString, FieldErrorLabel *> m_errors;
    QHash<QString, QWidget *> m_editors;

    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_path = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_findings = nullptr;
    QSpinBox *m_idleLock = nullptr;
    int m_storedIdleLock = 0;
    QPushButton *m_users = nullptr;
    QPushButton *m_audit = nullptr;
};

} // namespace hub
