// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/settingspage.h"

#include "core/access/accesscontrol.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/storage/integritychecker.h"
#include "ui/access/permissiongate.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/pageheading.h"
#include "ui/widgets/sentence.h"
#include "ui/widgets/timezonecombobox.h"

#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hub {

namespace {
constexpr int EditorWidth = 340;
} // namespace

SettingsPage::SettingsPage(QWidget *parent) : HubPage(parent)
{
    setAccessibleName(tr("Settings"));

    auto *title = PageHeading::title(tr("Settings"), this);
    auto *intro =
        new QLabel(tr("These settings belong to the hub file, so every desk that opens it sees the same."), this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 12, 0);
    contentLayout->setSpacing(16);
    contentLayout->addWidget(buildHubGroup());
    contentLayout->addWidget(buildUnitGroup());
    contentLayout->addWidget(buildPeopleGroup());
    contentLayout->addWidget(buildFileGroup());
    contentLayout->addStretch(1);

    // At 1280×720 the form is taller than the page; it scrolls, the buttons stay.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setAccessibleName(tr("Settings status"));
    m_status->setWordWrap(true);

    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("settingsRevert"));
    m_revert->setAccessibleName(tr("Revert settings"));
    m_revert->setToolTip(tr("Put back the values stored in the hub"));
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::revert);

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("settingsSave"));
    m_save->setAccessibleName(tr("Save settings"));
    m_save->setDefault(true);
    // Only while this page is shown: a hidden button's shortcut does not fire.
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Check and save every setting (%1)")
                           .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    setHub(nullptr);
}

QWidget *SettingsPage::buildHubGroup()
{
    auto *group = new QGroupBox(tr("Hub"));
    auto *grid = new QGridLayout(group);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("settingsName"));
    addField(grid, 0, SettingsService::keyName(), tr("&Name:"), m_name);

    m_timeZone = new TimeZoneComboBox;
    m_timeZone->setObjectName(QStringLiteral("settingsTimeZone"));
    addField(grid, 3, SettingsService::keyTimeZone(), tr("&Time zone:"), m_timeZone);

    connect(m_name, &QLineEdit::textChanged, this, [this] { fieldEdited(SettingsService::keyName()); });
    connect(m_timeZone, &QComboBox::currentTextChanged, this, [this] { fieldEdited(SettingsService::keyTimeZone()); });
    return group;
}

QWidget *SettingsPage::buildUnitGroup()
{
    auto *group = new QGroupBox(tr("Credit unit and limits"));
    auto *grid = new QGridLayout(group);

    m_unitName = new QLineEdit;
    m_unitName->setObjectName(QStringLiteral("settingsUnitName"));
    addField(grid, 0, SettingsService::keyUnit(), tr("&Unit name:"), m_unitName);

    m_unitSymbol = new QLineEdit;
    m_unitSymbol->setObjectName(QStringLiteral("settingsUnitSymbol"));
    addField(grid, 3, SettingsService::keySymbol(), tr("S&ymbol:"), m_unitSymbol);

    m_decimals = new QSpinBox;
    m_decimals->setObjectName(QStringLiteral("settingsDecimals"));
    m_decimals->setRange(0, 4);
    addField(grid, 6, SettingsService::keyDecimals(), tr("&Decimals:"), m_decimals);

    m_limitMin = new QLineEdit;
    m_limitMin->setObjectName(QStringLiteral("settingsLimitMin"));
    addField(grid, 9, SettingsService::keyLimitMin(), tr("&Lower limit:"), m_limitMin);

    m_limitMax = new QLineEdit;
    m_limitMax->setObjectName(QStringLiteral("settingsLimitMax"));
    m_limitMax->setPlaceholderText(tr("No upper limit"));
    addField(grid, 12, SettingsService::keyLimitMax(), tr("U&pper limit:"), m_limitMax);

    m_ceiling = new QLineEdit;
    m_ceiling->setObjectName(QStringLiteral("settingsFrontDeskCeiling"));
    m_ceiling->setPlaceholderText(tr("No ceiling"));
    addField(grid, 15, AccessControl::keyFrontDeskCeiling(), tr("Front-des&k ceiling:"), m_ceiling,
             tr("The most someone who is only front desk may transfer at once; empty (or “none”) "
                "for no ceiling. Set by the treasurer."));

    connect(m_unitName, &QLineEdit::textChanged, this, [this] { fieldEdited(SettingsService::keyUnit()); });
    connect(m_unitSymbol, &QLineEdit::textChanged, this, [this] { fieldEdited(SettingsService::keySymbol()); });
    connect(m_decimals, &QSpinBox::valueChanged, this, &SettingsPage::decimalsChanged);
    connect(m_limitMin, &QLineEdit::textChanged, this, [this] { fieldEdited(SettingsService::keyLimitMin()); });
    connect(m_limitMax, &QLineEdit::textChanged, this, [this] { fieldEdited(SettingsService::keyLimitMax()); });
    connect(m_ceiling, &QLineEdit::textChanged, this, [this] { fieldEdited(AccessControl::keyFrontDeskCeiling()); });
    return group;
}

QWidget *SettingsPage::buildFileGroup()
{
    auto *group = new QGroupBox(tr("Hub file"));
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);

    auto *pathLabel = new QLabel(tr("Location:"));
    m_path = new QLabel;
    m_path->setObjectName(QStringLiteral("settingsHubPath"));
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_path->setWordWrap(true);
    pathLabel->setBuddy(m_path);
    grid->addWidget(pathLabel, 0, 0, Qt::AlignTop);
    grid->addWidget(m_path, 0, 1);

    m_check = new QPushButton(tr("&Check integrity"));
    m_check->setObjectName(QStringLiteral("settingsCheckIntegrity"));
    m_check->setAccessibleName(tr("Check integrity"));
    m_check->setToolTip(tr("Run the same checks as “hubctl check”: the file, the settings and, "
                           "as they arrive, the ledger and the bookings"));
    connect(m_check, &QPushButton::clicked, this, &SettingsPage::checkIntegrity);

    m_findings = new QLabel;
    m_findings->setObjectName(QStringLiteral("settingsIntegrityFindings"));
    m_findings->setAccessibleName(tr("Integrity check results"));
    m_findings->setTextFormat(Qt::PlainText);
    m_findings->setWordWrap(true);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addWidget(m_findings, 1);
    grid->addLayout(checkRow, 1, 0, 1, 2);
    return group;
}

QWidget *SettingsPage::buildPeopleGroup()
{
    auto *group = new QGroupBox(tr("People and records"));
    auto *grid = new QGridLayout(group);

    m_idleLock = new QSpinBox;
    m_idleLock->setObjectName(QStringLiteral("settingsIdleLock"));
    m_idleLock->setRange(0, 1440);
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setSpecialValueText(tr("Never"));
    auto *idleLabel = new QLabel(tr("&Lock after:"));
    idleLabel->setBuddy(m_idleLock);
    m_idleLock->setAccessibleName(tr("Lock after idle minutes"));
    m_idleLock->setMinimumWidth(EditorWidth);
    m_idleLock->setMaximumWidth(EditorWidth);
    auto *idleHint = new QLabel(tr("Minutes without a key press or a click before the desk locks "
                                   "itself; the window stays as it was until the same person "
                                   "unlocks it or someone else signs in."));
    idleHint->setWordWrap(true);
    idleHint->setForegroundRole(QPalette::PlaceholderText);
    QFont hintFont = idleHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.9);
    idleHint->setFont(hintFont);
    connect(m_idleLock, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            setModified(true);
    });

    m_users = new QPushButton(tr("&Users…"));
    m_users->setObjectName(QStringLiteral("settingsUsers"));
    m_users->setToolTip(tr("Who may sign in at this desk, their roles, passphrases and PINs"));
    connect(m_users, &QPushButton::clicked, this, &SettingsPage::usersRequested);
    m_audit = new QPushButton(tr("&Audit Log…"));
    m_audit->setObjectName(QStringLiteral("settingsAudit"));
    m_audit->setToolTip(tr("Every change to the hub: who made it and when"));
    connect(m_audit, &QPushButton::clicked, this, &SettingsPage::auditRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_users);
    buttons->addWidget(m_audit);
    buttons->addStretch(1);

    grid->addWidget(idleLabel, 0, 0);
    grid->addWidget(m_idleLock, 0, 1);
    grid->addWidget(idleHint, 1, 1, 1, 2);
    grid->setRowMinimumHeight(2, 8);
    grid->addLayout(buttons, 3, 1, 1, 2);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(2);
    grid->setColumnMinimumWidth(0, 110);
    return group;
}

void SettingsPage::accessChanged()
{
    // Everyone may read the settings; an admin changes them, except the
    // front-desk ceiling, which is the treasurer's (ChangeLimits).
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        PermissionGate::apply(it.value(), m_hub,
                              it.key() == AccessControl::keyFrontDeskCeiling() ? Permission::ChangeLimits
                                                                               : Permission::ChangeSettings,
                              m_hub != nullptr);
    PermissionGate::apply(m_idleLock, m_hub, Permission::ChangeSettings, m_hub != nullptr);
    PermissionGate::apply(m_users, m_hub, Permission::ManageUsers, m_hub != nullptr);
    PermissionGate::apply(m_audit, m_hub, Permission::ViewAudit, m_hub != nullptr);
    setModified(m_modified);
}

void SettingsPage::addField(QGridLayout *grid, int row, const QString &key, const QString &label, QWidget *editor,
                            const QString &describedAs)
{
    const QString description = sentence(describedAs.isEmpty() ? SettingsService::describe(key) : describedAs);
    auto *name = new QLabel(label);
    name->setBuddy(editor);
    editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    editor->setAccessibleDescription(description);
    editor->setMinimumWidth(EditorWidth);
    editor->setMaximumWidth(EditorWidth);

    auto *hint = new QLabel(description);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    QFont hintFont = hint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.9);
    hint->setFont(hintFont);

    auto *error = new FieldErrorLabel;
    error->setObjectName(QStringLiteral("error_") + key);

    // Each field takes three rows: the editor with its error beside it, the
    // hint under it, and a gap that separates it from the next field.
    grid->addWidget(name, row, 0);
    grid->addWidget(editor, row, 1);
    grid->addWidget(error, row, 2);
    grid->addWidget(hint, row + 1, 1, 1, 2);
    grid->setRowMinimumHeight(row + 2, 8);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(2);
    // The same label column in every group lines the editors up across groups.
    grid->setColumnMinimumWidth(0, 110);

    m_errors.insert(key, error);
    m_editors.insert(key, editor);
}

void SettingsPage::setHub(Hub *hub)
{
    m_hub = hub;
    m_findings->clear();
    setStatus(QString(), false);
    clearErrors();
    const bool open = hub != nullptr;
    accessChanged();
    m_check->setEnabled(open);
    m_path->setText(open ? QDir::toNativeSeparators(hub->path()) : tr("No hub is open."));
    if (!open) {
        setModified(false);
        return;
    }
    revert();
}

ChangeAreas SettingsPage::shownAreas() const
{
    return ChangeArea::Settings;
}

void SettingsPage::refreshAfterChange(const ChangeEvent &)
{
    // Settings someone is changing here are not replaced under them; Save
    // then asks about the other desk's change as it does today.
    if (!m_hub || hasUnsavedEdits())
        return;
    // "Settings saved." stays: the change read here is usually that save.
    const QString status = m_status->text();
    const bool wasError = m_status->property("isError").toBool();
    revert();
    if (m_status->text().isEmpty() && !wasError)
        setStatus(status, false);
}

void SettingsPage::revert()
{
    clearErrors();
    setStatus(QString(), false);
    if (!m_hub)
        return;
    auto stored = m_hub->settings().load();
    if (!stored) {
        setStatus(tr("The settings could not be read: %1").arg(stored.error().text()), true);
        return;
    }
    m_stored = *stored;
    m_storedIdleLock = m_hub->access().idleLockMinutes();
    const auto ceiling = m_hub->access().frontDeskCeiling();
    m_shownCeiling = ceiling ? ceiling->toString(m_stored.decimals) : QString();
    showForm(m_stored);
}

void SettingsPage::showForm(const HubSettings &s)
{
    // Filling the form is not an edit; the change signals must not mark it modified.
    m_loading = true;
    m_name->setText(s.name);
    m_timeZone->setZone(s.timeZone);
    m_unitName->setText(s.unitName);
    m_unitSymbol->setText(s.unitSymbol);
    m_decimals->setValue(s.decimals);
    m_shownDecimals = s.decimals;
    m_limitMin->setText(SettingsService::textValue(s, SettingsService::keyLimitMin()));
    m_limitMax->setText(SettingsService::textValue(s, SettingsService::keyLimitMax()));
    m_idleLock->setValue(m_storedIdleLock);
    m_ceiling->setText(m_shownCeiling);
    m_loading = false;
    setModified(false);
}

QWidget *SettingsPage::editorFor(const QString &key) const
{
    return m_editors.value(key);
}

QString SettingsPage::fieldText(const QString &key) const
{
    if (key == SettingsService::keyName())
        return m_name->text();
    if (key == SettingsService::keyTimeZone())
        return m_timeZone->zone();
    if (key == SettingsService::keyUnit())
        return m_unitName->text();
    if (key == SettingsService::keySymbol())
        return m_unitSymbol->text();
    if (key == SettingsService::keyDecimals())
        return QString::number(m_decimals->value());
    if (key == SettingsService::keyLimitMin())
        return m_limitMin->text();
    if (key == SettingsService::keyLimitMax())
        return m_limitMax->text();
    return {};
}

bool SettingsPage::save()
{
    if (!m_hub)
        return false;
    clearErrors();

    // Apply in the service's key order: decimals before the limits, which are
    // read in the unit's decimals. Every field is tried so all problems show at once.
    HubSettings edited = m_stored;
    QWidget *firstBad = nullptr;
    for (const QString &key : SettingsService::keys()) {
        if (!m_editors.contains(key))
            continue;
        if (auto ok = SettingsService::apply(edited, key, fieldText(key)); !ok) {
            m_errors.value(key)->showError(ok.error().message);
            if (!firstBad)
                firstBad = editorFor(key);
        }
    }
    // Only what was changed is written: the page holds settings of two
    // permissions, and a treasurer who changed the ceiling saves just that.
    bool settingsChanged = false;
    for (const QString &key : SettingsService::keys())
        settingsChanged =
            settingsChanged || SettingsService::textValue(edited, key) != SettingsService::textValue(m_stored, key);
    const bool ceilingChanged = m_ceiling->text() != m_shownCeiling;
    std::optional<Amount> ceiling;
    if (ceilingChanged) {
        if (auto typed = typedCeiling(edited.decimals); !typed) {
            m_errors.value(AccessControl::keyFrontDeskCeiling())->showError(typed.error().message);
            if (!firstBad)
                firstBad = m_ceiling;
        } else {
            ceiling = *typed;
        }
    }
    if (!firstBad) {
        Status ok = settingsChanged ? SettingsService::validate(edited) : Status();
        // A new zone goes through BookingService first, which asks nothing of
        // the rest of the form: upcoming bookings never shift silently.
        std::optional<ZoneChangePolicy> zonePolicy;
        if (ok && edited.timeZone != m_stored.timeZone) {
            auto policy = askZoneChange(edited.timeZone);
            if (!policy)
                ok = fail(policy.error());
            else if (!*policy)
                return false;
            else
                zonePolicy = **policy;
        }
        // The ceiling first: core refuses a ceiling of zero or less before
        // anything else is written.
        if (ok && ceilingChanged)
            ok = m_hub->access().setFrontDeskCeiling(ceiling);
        if (ok && zonePolicy)
            ok = m_hub->bookings().changeZone(edited.timeZone, *zonePolicy);
        if (ok && settingsChanged)
            ok = m_hub->settings().save(edited);
        if (ok && m_idleLock->value() != m_storedIdleLock)
            ok = m_hub->access().setIdleLockMinutes(m_idleLock->value());
        if (!ok) {
            const Error &error = ok.error();
            if (FieldErrorLabel *label = m_errors.value(error.where)) {
                label->showError(error.message);
                firstBad = editorFor(error.where);
            } else {
                setStatus(tr("Nothing was saved: %1").arg(error.text()), true);
                return false;
            }
        }
    }
    if (firstBad) {
        setStatus(tr("Nothing was saved. Please correct the fields marked in red."), true);
        firstBad->setFocus(Qt::OtherFocusReason);
        return false;
    }

    revert();
    setStatus(tr("Settings saved."), false);
    // The title, the idle lock and Today follow through the change event.
    return true;
}

Result<std::optional<Amount>> SettingsPage::typedCeiling(int decimals) const
{
    const QString text = m_ceiling->text().trimmed();
    if (text.isEmpty() || text.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0 ||
        text.compare(tr("none"), Qt::CaseInsensitive) == 0)
        return std::optional<Amount>();
    auto amount = Amount::parse(text, decimals);
    if (!amount)
        return fail(Error::invalid(amount.error().message, AccessControl::keyFrontDeskCeiling()));
    return std::optional<Amount>(*amount);
}

Result<std::optional<ZoneChangePolicy>> SettingsPage::askZoneChange(const QString &zone)
{
    auto upcoming = m_hub->bookings().upcomingCount();
    if (!upcoming)
        return fail(upcoming.error());
    if (*upcoming == 0)
        return std::optional(ZoneChangePolicy::Ask);
    QMessageBox box(
        QMessageBox::Question, tr("Change the Time Zone?"),
        tr("The hub has %n upcoming booking(s), made in %1. How should they move to %2?", nullptr, *upcoming)
            .arg(m_stored.timeZone, zone),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("zoneChangeQuestion"));
    box.setInformativeText(
        tr("Keep local times: a booking at 19:00 stays at 19:00 on the clocks in %1, so it happens at a "
           "different moment.\n\nKeep the same moments: each booking happens when it always would have, so "
           "the time shown for it in %1 changes.")
            .arg(zone));
    box.button(QMessageBox::Yes)->setText(tr("Keep &Local Times"));
    box.button(QMessageBox::No)->setText(tr("Keep the Same &Moments"));
    box.setDefaultButton(QMessageBox::Cancel);
    const int answer = box.exec();
    if (answer == QMessageBox::Yes)
        return std::optional(ZoneChangePolicy::KeepLocalTimes);
    if (answer == QMessageBox::No)
        return std::optional(ZoneChangePolicy::KeepInstants);
    setStatus(tr("Nothing was saved; the time zone is still %1.").arg(m_stored.timeZone), false);
    return std::optional<ZoneChangePolicy>();
}

void SettingsPage::checkIntegrity()
{
    if (!m_hub)
        return;
    // Half a minute on a city hub: on a worker thread with its own
    // connection, behind a progress dialog that can stop it between checks.
    QList<Finding> findings;
    QString refused;
    const WorkerHub source(*m_hub);
    BackgroundJob job;
    job.start([&findings, &refused, source](JobProgress &progress) {
        const Status ran = source.run([&](Hub &hub) {
            findings = hub.integrity().runAll(CheckDepth::Full, [&](int done, int total, const QString &title) {
                return progress.report(title, done, total);
            });
        });
        if (!ran)
            refused = ran.error().message;
    });
    m_check->setEnabled(false);
    job.waitWithProgress(
        this, {tr("Checking the hub's integrity…"), tr("Check Integrity"), QStringLiteral("integrityProgress"), 0});
    m_check->setEnabled(m_hub != nullptr);
    if (!refused.isEmpty()) {
        m_findings->setText(tr("The check could not run: %1").arg(refused));
        return;
    }
    if (job.wasCancelled()) {
        m_findings->setText(tr("The check was stopped before it finished. Nothing was changed."));
        return;
    }
    if (findings.isEmpty()) {
        m_findings->setText(tr("All checks passed."));
        return;
    }
    QStringList lines;
    lines << tr("%n problem(s) found:", nullptr, int(findings.size()));
    for (const Finding &f : findings) {
        QString line = f.area.isEmpty() ? f.message : f.area + QStringLiteral(": ") + f.message;
        if (!f.where.isEmpty())
            line += QStringLiteral(" (") + f.where + u')';
        lines << QStringLiteral("• ") + line;
    }
    m_findings->setText(lines.join(u'\n'));
}

QString SettingsPage::errorFor(const QString &key) const
{
    const FieldErrorLabel *label = m_errors.value(key);
    return label ? label->text() : QString();
}

void SettingsPage::clearErrors()
{
    for (FieldErrorLabel *label : std::as_const(m_errors))
        label->clearError();
}

void SettingsPage::setModified(bool modified)
{
    m_modified = modified;
    // Save serves whoever may change something here: an admin the settings,
    // a treasurer the ceiling.
    const Permission saving = !PermissionGate::allows(m_hub, Permission::ChangeSettings) &&
                                      PermissionGate::allows(m_hub, Permission::ChangeLimits)
                                  ? Permission::ChangeLimits
                                  : Permission::ChangeSettings;
    PermissionGate::apply(m_save, m_hub, saving, m_hub && modified);
    PermissionGate::apply(m_revert, m_hub, saving, m_hub && modified);
}

void SettingsPage::fieldEdited(const QString &key)
{
    if (m_loading)
        return;
    // The old message no longer describes what is in the field.
    m_errors.value(key)->clearError();
    if (!m_status->text().isEmpty())
        setStatus(QString(), false);
    setModified(true);
}

void SettingsPage::decimalsChanged(int decimals)
{
    if (m_loading)
        return;
    // The limits are the same amounts in a finer or coarser unit: rewrite them
    // with the new number of decimals, using core's rescaling, when they parse.
    HubSettings scratch = m_stored;
    scratch.decimals = m_shownDecimals;
    if (SettingsService::apply(scratch, SettingsService::keyLimitMin(), m_limitMin->text()) &&
        SettingsService::apply(scratch, SettingsService::keyLimitMax(), m_limitMax->text()) &&
        SettingsService::apply(scratch, SettingsService::keyDecimals(), QString::number(decimals))) {
        m_loading = true;
        m_limitMin->setText(SettingsService::textValue(scratch, SettingsService::keyLimitMin()));
        m_limitMax->setText(SettingsService::textValue(scratch, SettingsService::keyLimitMax()));
        m_loading = false;
    }
    m_shownDecimals = decimals;
    fieldEdited(SettingsService::keyDecimals());
}

void SettingsPage::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setProperty("isError", isError);
    QPalette p = palette();
    if (isError)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(p);
}

} // namespace hub
