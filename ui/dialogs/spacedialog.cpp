// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/spacedialog.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/spaceservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/hintlabel.h"
#include "ui/widgets/sentence.h"
#include "ui/widgets/spacehourseditor.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hub {

namespace {

enum Tab
{
    DetailsTab,
    HoursTab,
    ClosuresTab
};

// Calendar colours that stay readable behind white text; a new space takes the
// first one no other space uses.
const char *const Palette[] = {"#3a7bd5", "#e07a2f", "#2f9e6e", "#9b59b6", "#c0392b",
                               "#16a085", "#d4a017", "#5d6d7e", "#d35400", "#2c3e91"};

QIcon swatch(const QString &colour, int size = 14)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0, 0, 0, 80));
    painter.setBrush(colour.isEmpty() ? QColor(Qt::transparent) : QColor(colour));
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3);
    return QIcon(pixmap);
}

QSpinBox *minutesBox(const QString &objectName, const QString &name, const QString &toolTip)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setAccessibleName(name);
    box->setRange(0, SpaceService::MaxBufferMinutes);
    box->setSingleStep(5);
    box->setSuffix(SpaceDialog::tr(" min"));
    box->setToolTip(toolTip);
    return box;
}

} // namespace

SpaceDialog::SpaceDialog(Hub &hub, QWidget *parent) : QDialog(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("spaceDialog"));
    setWindowTitle(tr("Spaces"));
    if (auto s = m_hub.settings().load())
        m_settings = *s;
    else
        m_settings = HubSettings::defaults();

    auto *splitter = new QSplitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildListPane());
    splitter->addWidget(buildEditorPane());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 640});

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("spaceStatus"));
    m_status->setWordWrap(true);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buildButtons());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(940, 600);

    reloadList(SpaceId());
    if (m_spaces.isEmpty())
        addSpace();
}

SpaceDialog::~SpaceDialog() = default;

QWidget *SpaceDialog::buildListPane()
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("spaceList"));
    m_list->setAccessibleName(tr("Spaces"));
    m_list->setIconSize(QSize(14, 14));
    m_list->setUniformItemSizes(true);
    connect(m_list, &QListWidget::currentRowChanged, this, &SpaceDialog::listRowChanged);

    m_add = new QPushButton(tr("&Add Space"));
    m_add->setObjectName(QStringLiteral("spaceAdd"));
    m_add->setShortcut(QKeySequence::New);
    m_add->setToolTip(
        tr("Start a new space (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, &SpaceDialog::addSpace);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("S&paces:"));
    listLabel->setBuddy(m_list);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_add);
    return left;
}

QWidget *SpaceDialog::buildEditorPane()
{
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("spaceHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("spaceTabs"));
    m_tabs->addTab(buildDetailsTab(), tr("&Details"));
    m_tabs->addTab(buildHoursTab(), tr("Opening &hours"));
    m_tabs->addTab(buildClosuresTab(), tr("Closed da&ys"));

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_tabs, 1);
    return right;
}

QDialogButtonBox *SpaceDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Reset | QDialogButtonBox::Close);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("spaceSave"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Check and save the space (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert = buttons->button(QDialogButtonBox::Reset);
    m_revert->setText(tr("&Revert"));
    m_revert->setObjectName(QStringLiteral("spaceRevert"));
    m_revert->setToolTip(tr("Put back what is stored"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("spaceClose"));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, &SpaceDialog::revert);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

QWidget *SpaceDialog::buildDetailsTab()
{
    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    pageLayout->addLayout(form);
    // Extra height goes below the form, not between its rows.
    pageLayout->addStretch(1);

    createNameFields();
    QWidget *rateRow = createRateRow();
    m_setup = minutesBox(QStringLiteral("spaceSetup"), tr("Setup time in minutes"),
                         tr("Kept free before each booking, for setting up"));
    m_cleanup = minutesBox(QStringLiteral("spaceCleanup"), tr("Clean-up time in minutes"),
                           tr("Kept free after each booking, for clearing up"));

    m_features = new QLineEdit;
    m_features->setObjectName(QStringLiteral("spaceFeatures"));
    m_features->setAccessibleName(tr("Features"));
    m_features->setPlaceholderText(tr("stage, projector, step-free access"));

    QWidget *colourRow = createColourRow();

    m_active = new QCheckBox(tr("Can be &booked"));
    m_active->setObjectName(QStringLiteral("spaceActive"));
    m_active->setToolTip(tr("An inactive space keeps its bookings but takes no new ones"));

    addDetailsRow(form, tr("&Name:"), QStringLiteral("name"), m_name, m_name);
    addDetailsRow(form, tr("D&escription:"), QStringLiteral("description"), m_description, m_description);
    addDetailsRow(form, tr("&Capacity:"), QStringLiteral("capacity"), m_capacity, m_capacity);
    addDetailsRow(form, tr("Hourly &rate:"), QStringLiteral("rate"), m_rate, rateRow,
                  tr("Charged to the booker's account when a booking is charged; empty = free."));
    addDetailsRow(form, tr("&Setup:"), QStringLiteral("setup"), m_setup, m_setup);
    addDetailsRow(form, tr("C&lean-up:"), QStringLiteral("cleanup"), m_cleanup, m_cleanup,
                  tr("Kept free before and after each booking, so bookings never run into each other."));
    addDetailsRow(form, tr("&Features:"), QStringLiteral("features"), m_features, m_features,
                  tr("Separated by commas."));
    addDetailsRow(form, tr("Calendar c&olour:"), QStringLiteral("colour"), m_colourButton, colourRow);
    form->addRow(QString(), m_active);
    // Numbers need little room; a wide box only makes them harder to read.
    for (QWidget *narrow :
         {static_cast<QWidget *>(m_capacity), static_cast<QWidget *>(m_setup), static_cast<QWidget *>(m_cleanup)})
        narrow->setMaximumWidth(160);
    m_rate->setMaximumWidth(160);

    connectDetailsEdits();
    return page;
}

void SpaceDialog::createNameFields()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("spaceName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(SpaceService::MaxNameLength);
    m_name->setPlaceholderText(tr("e.g. Main hall"));

    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("spaceDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What people should know: where it is, what it suits"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);

    m_capacity = new QSpinBox;
    m_capacity->setObjectName(QStringLiteral("spaceCapacity"));
    m_capacity->setAccessibleName(tr("Capacity"));
    m_capacity->setRange(0, 100000);
    m_capacity->setSuffix(tr(" people"));
}

QWidget *SpaceDialog::createRateRow()
{
    m_rate = new QLineEdit;
    m_rate->setObjectName(QStringLiteral("spaceRate"));
    m_rate->setAccessibleName(tr("Hourly rate in %1").arg(m_settings.unitName));
    m_rate->setPlaceholderText(tr("Free of charge"));
    m_rate->setMaxLength(24);
    auto *rateRow = new QWidget;
    auto *rateLayout = new QHBoxLayout(rateRow);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    rateLayout->addWidget(m_rate);
    rateLayout->addWidget(new QLabel(tr("%1 per hour").arg(m_settings.unitName)));
    rateLayout->addStretch(1);
    return rateRow;
}

QWidget *SpaceDialog::createColourRow()
{
    m_colourButton = new QPushButton;
    m_colourButton->setObjectName(QStringLiteral("spaceColour"));
    m_colourButton->setAccessibleName(tr("Calendar colour"));
    m_colourButton->setAutoDefault(false);
    m_colourButton->setIconSize(QSize(18, 18));
    connect(m_colourButton, &QPushButton::clicked, this, &SpaceDialog::chooseColour);
    auto *colourRow = new QWidget;
    auto *colourLayout = new QHBoxLayout(colourRow);
    colourLayout->setContentsMargins(0, 0, 0, 0);
    colourLayout->addWidget(m_colourButton);
    colourLayout->addStretch(1);
    return colourRow;
}

void SpaceDialog::addDetailsRow(QFormLayout *form, const QString &label, const QString &where, QWidget *editor,
                                QWidget *shown, const QString &help)
{
    auto *error = new FieldErrorLabel;
    error->setObjectName(QStringLiteral("spaceError_") + where);
    addError(where, error, editor, DetailsTab);
    auto *box = FieldErrorLabel::withError(shown, error);
    if (!help.isEmpty())
        box->layout()->addWidget(hintLabel(help));
    form->addRow(label, box);
}

void SpaceDialog::connectDetailsEdits()
{
    connect(m_name, &QLineEdit::textChanged, this, &SpaceDialog::edited);
    connect(m_description, &QPlainTextEdit::textChanged, this, &SpaceDialog::edited);
    connect(m_capacity, &QSpinBox::valueChanged, this, &SpaceDialog::edited);
    connect(m_rate, &QLineEdit::textChanged, this, &SpaceDialog::edited);
    connect(m_setup, &QSpinBox::valueChanged, this, &SpaceDialog::edited);
    connect(m_cleanup, &QSpinBox::valueChanged, this, &SpaceDialog::edited);
    connect(m_features, &QLineEdit::textChanged, this, &SpaceDialog::edited);
    connect(m_active, &QCheckBox::toggled, this, &SpaceDialog::edited);
}

QWidget *SpaceDialog::buildHoursTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(hintLabel(tr("Bookings outside these hours are refused unless someone records why. "
                                   "Times are in the hub's time zone (%1); a closing time of 00:00 means midnight.")
                                    .arg(m_settings.timeZone)));
    m_hours = new SpaceHoursEditor;
    connect(m_hours, &SpaceHoursEditor::edited, this, &SpaceDialog::edited);
    layout->addWidget(m_hours);

    auto *error = new FieldErrorLabel;
    error->setObjectName(QStringLiteral("spaceError_hours"));
    addError(QStringLiteral("hours"), error, m_hours->firstDay(), HoursTab);
    layout->addWidget(error);

    auto *copy = new QPushButton(tr("Use the &first open day's hours every open day"));
    copy->setObjectName(QStringLiteral("spaceCopyHours"));
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, m_hours, &SpaceHoursEditor::copyFirstDay);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(copy);
    copyRow->addStretch(1);
    layout->addLayout(copyRow);
    layout->addStretch(1);
    return page;
}

QWidget *SpaceDialog::buildClosuresTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(hintLabel(tr("Holidays and other days the space, or the whole hub, is closed. Bookings on "
                                   "these days are refused. Changes here are saved at once.")));

    m_closures = new QListWidget;
    m_closures->setObjectName(QStringLiteral("spaceClosures"));
    m_closures->setAccessibleName(tr("Closed days"));
    layout->addWidget(m_closures, 1);

    m_closureDate = new QDateEdit(QDate::currentDate());
    m_closureDate->setObjectName(QStringLiteral("spaceClosureDate"));
    m_closureDate->setAccessibleName(tr("Closed on"));
    m_closureDate->setCalendarPopup(true);
    m_closureDate->setDisplayFormat(DisplayFormat::dateEditFormat());
    m_closureReason = new QLineEdit;
    m_closureReason->setObjectName(QStringLiteral("spaceClosureReason"));
    m_closureReason->setAccessibleName(tr("Reason"));
    m_closureReason->setPlaceholderText(tr("Reason, e.g. Christmas Day"));
    m_closureScope = new QComboBox;
    m_closureScope->setObjectName(QStringLiteral("spaceClosureScope"));
    m_closureScope->setAccessibleName(tr("Closed"));
    m_closureScope->addItem(tr("This space"));
    m_closureScope->addItem(tr("Whole hub"));
    m_closureAdd = new QPushButton(tr("Add &Closed Day"));
    m_closureAdd->setObjectName(QStringLiteral("spaceClosureAdd"));
    m_closureAdd->setAutoDefault(false);
    connect(m_closureAdd, &QPushButton::clicked, this, [this] {
        addClosure(m_closureDate->date(), m_closureReason->text(), m_closureScope->currentIndex() == 1);
    });
    connect(m_closureReason, &QLineEdit::returnPressed, m_closureAdd, &QPushButton::click);
    m_closureRemove = new QPushButton(tr("Re&open"));
    m_closureRemove->setObjectName(QStringLiteral("spaceClosureRemove"));
    m_closureRemove->setToolTip(tr("Remove the chosen closed day"));
    m_closureRemove->setAutoDefault(false);
    m_closureRemove->setEnabled(false);
    connect(m_closureRemove, &QPushButton::clicked, this, [this] { removeClosure(m_closures->currentRow()); });
    connect(m_closures, &QListWidget::currentRowChanged, this,
            [this](int row) { m_closureRemove->setEnabled(row >= 0 && row < m_closureRows.size()); });

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_closureDate);
    addRow->addWidget(m_closureReason, 1);
    addRow->addWidget(m_closureScope);
    addRow->addWidget(m_closureAdd);
    layout->addLayout(addRow);
    m_closureError = FieldErrorLabel::named("spaceClosureError");
    layout->addWidget(m_closureError);
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_closureRemove);
    layout->addLayout(removeRow);
    return page;
}

void SpaceDialog::addError(const QString &where, FieldErrorLabel *label, QWidget *editor, int tab)
{
    m_errors.insert(where, label);
    m_editors.insert(where, editor);
    m_errorTabs.insert(where, tab);
}

void SpaceDialog::reloadList(SpaceId select)
{
    auto spaces = m_hub.spaces().list();
    if (!spaces) {
        setStatus(tr("The spaces could not be read: %1").arg(spaces.error().text()), true);
        return;
    }
    m_spaces = *spaces;
    m_loading = true;
    m_list->clear();
    int row = -1;
    for (const Space &s : std::as_const(m_spaces)) {
        auto *item = new QListWidgetItem(swatch(s.colour), s.active ? s.name : tr("%1 (inactive)").arg(s.name));
        item->setToolTip(tr("%n people", nullptr, s.capacity));
        if (!s.active)
            item->setForeground(m_list->palette().brush(QPalette::PlaceholderText));
        m_list->addItem(item);
        if (s.id == select)
            row = m_list->count() - 1;
    }
    m_loading = false;
    if (row < 0 && !m_spaces.isEmpty() && !select.isValid())
        row = 0;
    if (row >= 0) {
        m_loading = true;
        m_list->setCurrentRow(row);
        m_loading = false;
        showSpace(m_spaces.at(row));
    }
}

void SpaceDialog::listRowChanged(int row)
{
    if (m_loading || row < 0 || row >= m_spaces.size())
        return;
    const SpaceId wanted = m_spaces.at(row).id;
    if (wanted == m_current.id)
        return;
    if (!settleEdits()) {
        // Stay on the space being edited.
        const int back = int(
            std::find_if(m_spaces.cbegin(), m_spaces.cend(), [this](const Space &s) { return s.id == m_current.id; }) -
            m_spaces.cbegin());
        m_loading = true;
        m_list->setCurrentRow(back < m_spaces.size() ? back : -1);
        m_loading = false;
        return;
    }
    // settleEdits() may have saved and reloaded the list, moving the rows.
    for (int i = 0; i < m_spaces.size(); ++i)
        if (m_spaces.at(i).id == wanted) {
            m_loading = true;
            m_list->setCurrentRow(i);
            m_loading = false;
            showSpace(m_spaces.at(i));
        }
}

bool SpaceDialog::selectSpace(SpaceId id)
{
    for (int row = 0; row < m_spaces.size(); ++row)
        if (m_spaces.at(row).id == id) {
            m_list->setCurrentRow(row);
            return m_current.id == id;
        }
    return false;
}

void SpaceDialog::addSpace()
{
    if (!settleEdits())
        return;
    Space fresh;
    fresh.capacity = 10;
    // Hours a person can see and change, rather than core's "always open".
    fresh.hours.days.fill(DayHours{8 * 60, 22 * 60});
    for (const char *candidate : Palette) {
        const QString colour = QString::fromLatin1(candidate);
        if (std::none_of(m_spaces.cbegin(), m_spaces.cend(),
                         [&](const Space &s) { return s.colour.compare(colour, Qt::CaseInsensitive) == 0; })) {
            fresh.colour = colour;
            break;
        }
    }
    if (fresh.colour.isEmpty())
        fresh.colour = QString::fromLatin1(Palette[0]);
    m_loading = true;
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_loading = false;
    showSpace(fresh);
    m_tabs->setCurrentIndex(DetailsTab);
    m_name->setFocus(Qt::OtherFocusReason);
    setStatus(m_spaces.isEmpty() ? tr("No spaces yet. Describe the first one and save it.")
                                 : tr("A new space: fill in the form and save it."),
              false);
}

void SpaceDialog::showSpace(const Space &space)
{
    m_current = space;
    clearErrors();
    setStatus(QString(), false);
    m_loading = true;
    m_heading->setText(space.id.isValid() ? space.name : tr("New space"));
    m_name->setText(space.name);
    m_description->setPlainText(space.description);
    m_capacity->setValue(space.capacity);
    m_rate->setText(space.rate ? space.rate->toString(m_settings.decimals) : QString());
    m_setup->setValue(space.setupMinutes);
    m_cleanup->setValue(space.cleanupMinutes);
    m_features->setText(space.features.join(QStringLiteral(", ")));
    setColour(space.colour);
    m_active->setChecked(space.active);
    m_hours->setHours(space.hours);
    m_loading = false;
    setModified(false);
    showClosures();
}

void SpaceDialog::showClosures()
{
    m_closures->clear();
    m_closureRows.clear();
    m_closureError->clearError();
    const bool saved = m_current.id.isValid();
    m_closureScope->setItemText(0, saved ? tr("Only %1").arg(m_current.name) : tr("This space (save it first)"));
    if (!saved)
        m_closureScope->setCurrentIndex(1);
    // Past closed days stay listed for a while, so a mistake can still be seen.
    const QDate today = QDate::currentDate();
    const QDate from = today.addMonths(-3);
    const QDate to = today.addYears(5);
    // Asked both ways, so the list holds this space's days and the hub's whatever
    // closures() includes for a given space; each closure shows once.
    QList<Closure> found;
    for (const std::optional<SpaceId> &scope :
         {std::optional<SpaceId>(), saved ? std::optional(m_current.id) : std::optional<SpaceId>()}) {
        auto listed = m_hub.spaces().closures(from, to, scope);
        if (!listed) {
            m_closureError->showError(listed.error().message);
            return;
        }
        for (const Closure &c : *listed) {
            const bool mine = !c.space || (saved && *c.space == m_current.id);
            const bool seen = std::any_of(found.cbegin(), found.cend(), [&](const Closure &o) { return o.id == c.id; });
            if (mine && !seen)
                found << c;
        }
    }
    std::sort(found.begin(), found.end(), [](const Closure &a, const Closure &b) { return a.day < b.day; });
    const QLocale locale;
    for (const Closure &c : std::as_const(found)) {
        QString text = DisplayFormat::date(c.day);
        text += QStringLiteral(" — ") + (c.space ? m_current.name : tr("whole hub"));
        if (!c.reason.isEmpty())
            text += QStringLiteral(": ") + c.reason;
        auto *item = new QListWidgetItem(text);
        if (c.day < today)
            item->setForeground(m_closures->palette().brush(QPalette::PlaceholderText));
        m_closures->addItem(item);
        m_closureRows << c;
    }
    if (found.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No closed days. Add holidays below."));
        item->setFlags(Qt::NoItemFlags);
        m_closures->addItem(item);
    }
    m_closureRemove->setEnabled(false);
}

bool SpaceDialog::addClosure(QDate day, const QString &reason, bool wholeHub)
{
    m_closureError->clearError();
    if (!wholeHub && !m_current.id.isValid()) {
        m_closureError->showError(tr("save the new space first, or close the whole hub"));
        return false;
    }
    auto added = m_hub.spaces().addClosure(wholeHub ? std::optional<SpaceId>() : std::optional(m_current.id), day,
                                           reason.trimmed());
    if (!added) {
        m_closureError->showError(added.error().message);
        return false;
    }
    m_closureReason->clear();
    m_changed = true;
    Q_EMIT spacesChanged();
    showClosures();
    setStatus(tr("%1 is now a closed day.").arg(DisplayFormat::date(day)), false);
    return true;
}

bool SpaceDialog::removeClosure(int row)
{
    if (row < 0 || row >= m_closureRows.size())
        return false;
    const Closure c = m_closureRows.at(row);
    const QString day = DisplayFormat::date(c.day);
    const auto answer =
        QMessageBox::question(this, tr("Reopen %1?").arg(day),
                              c.space ? tr("%1 will be open for bookings again on %2.").arg(m_current.name, day)
                                      : tr("Every space of the hub will be open for bookings again on %1.").arg(day),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    if (auto ok = m_hub.spaces().removeClosure(c.id); !ok) {
        m_closureError->showError(ok.error().message);
        return false;
    }
    m_changed = true;
    Q_EMIT spacesChanged();
    showClosures();
    setStatus(tr("%1 is open again.").arg(day), false);
    return true;
}

Space SpaceDialog::spaceFromForm(bool *rateOk)
{
    Space s = m_current;
    s.name = m_name->text();
    s.description = m_description->toPlainText();
    s.capacity = m_capacity->value();
    s.setupMinutes = m_setup->value();
    s.cleanupMinutes = m_cleanup->value();
    s.features = m_features->text().split(u',', Qt::SkipEmptyParts);
    for (QString &f : s.features)
        f = f.trimmed();
    s.features.removeAll(QString());
    s.colour = m_colour;
    s.active = m_active->isChecked();
    s.hours = m_hours->hours();
    *rateOk = true;
    const QString rate = m_rate->text().trimmed();
    if (rate.isEmpty()) {
        s.rate.reset();
    } else if (auto parsed = Amount::parse(rate, m_settings.decimals)) {
        s.rate = *parsed;
    } else {
        *rateOk = false;
        s.rate.reset();
        m_errors.value(QStringLiteral("rate"))->showError(parsed.error().message);
    }
    return s;
}

bool SpaceDialog::save()
{
    clearErrors();
    bool rateOk = true;
    const Space edited = spaceFromForm(&rateOk);
    // A rate that does not parse and the first problem SpaceService finds are
    // both named beside their fields, so one Save shows what needs fixing.
    std::optional<Error> problem;
    if (auto checked = SpaceService::validate(edited); !checked)
        problem = checked.error();
    Result<Space> stored = fail(Error::invalid(QString()));
    if (!problem && rateOk) {
        stored = edited.id.isValid() ? m_hub.spaces().edit(edited) : m_hub.spaces().add(edited);
        if (!stored)
            problem = stored.error();
    }
    if (problem || !rateOk) {
        static const QStringList order = {
            QStringLiteral("name"),     QStringLiteral("description"), QStringLiteral("capacity"),
            QStringLiteral("rate"),     QStringLiteral("setup"),       QStringLiteral("cleanup"),
            QStringLiteral("features"), QStringLiteral("colour"),      QStringLiteral("hours")};
        QString first = rateOk ? QString() : QStringLiteral("rate");
        if (problem) {
            FieldErrorLabel *label = m_errors.value(problem->where);
            if (!label) {
                setStatus(tr("Nothing was saved: %1").arg(problem->text()), true);
                return false;
            }
            label->showError(problem->message);
            if (first.isEmpty() || order.indexOf(problem->where) < order.indexOf(first))
                first = problem->where;
        }
        m_tabs->setCurrentIndex(m_errorTabs.value(first));
        if (QWidget *editor = m_editors.value(first))
            editor->setFocus(Qt::OtherFocusReason);
        setStatus(tr("Nothing was saved. Please correct the fields marked in red."), true);
        return false;
    }
    const bool wasNew = !edited.id.isValid();
    m_changed = true;
    setModified(false);
    reloadList(stored->id);
    setStatus(wasNew ? tr("%1 was added.").arg(stored->name) : tr("%1 was saved.").arg(stored->name), false);
    Q_EMIT spacesChanged();
    return true;
}

void SpaceDialog::revert()
{
    if (m_current.id.isValid()) {
        auto stored = m_hub.spaces().get(m_current.id);
        if (!stored) {
            setStatus(tr("The space could not be read: %1").arg(stored.error().text()), true);
            return;
        }
        showSpace(*stored);
    } else {
        m_modified = false;
        addSpace();
    }
}

QString SpaceDialog::errorFor(const QString &where) const
{
    const FieldErrorLabel *label = m_errors.value(where);
    return label ? label->text() : QString();
}

void SpaceDialog::setColour(const QString &colour)
{
    m_colour = colour;
    m_colourButton->setIcon(swatch(colour, 18));
    m_colourButton->setText(colour.isEmpty() ? tr("Choose…") : colour);
    edited();
}

void SpaceDialog::chooseColour()
{
    const QColor chosen = QColorDialog::getColor(
        m_colour.isEmpty() ? QColor(QString::fromLatin1(Palette[0])) : QColor(m_colour), this, tr("Calendar Colour"));
    if (chosen.isValid())
        setColour(chosen.name());
}

void SpaceDialog::clearErrors()
{
    for (FieldErrorLabel *label : std::as_const(m_errors))
        label->clearError();
}

void SpaceDialog::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setProperty("isError", isError);
    QPalette p = palette();
    if (isError)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(p);
}

void SpaceDialog::setModified(bool modified)
{
    m_modified = modified;
    m_save->setEnabled(modified || !m_current.id.isValid());
    m_revert->setEnabled(modified);
}

void SpaceDialog::edited()
{
    if (m_loading)
        return;
    if (m_status->property("isError").toBool() || !m_status->text().isEmpty())
        setStatus(QString(), false);
    setModified(true);
}

bool SpaceDialog::settleEdits()
{
    if (!m_modified)
        return true;
    const QString name = m_name->text().trimmed().isEmpty() ? tr("the new space") : m_name->text().trimmed();
    const auto answer =
        QMessageBox::question(this, tr("Save Changes?"), tr("%1 has changes that are not saved.").arg(name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    setModified(false);
    return true;
}

void SpaceDialog::done(int result)
{
    if (!settleEdits())
        return;
    QDialog::done(result);
}

} // namespace hub
