// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/listingseditor.h"

#include "core/hub.h"
#include "core/members/listingservice.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/itemroles.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>

namespace hub {

namespace {

QString describe(const QString &skill, const QString &description)
{
    return skill.isEmpty() ? description : ListingsEditor::tr("%1: %2").arg(skill, description);
}
} // namespace

ListingsEditor::ListingsEditor(Kind kind, QWidget *parent) : QWidget(parent), m_kind(kind)
{
    const bool offers = kind == Kind::Offers;
    m_list = new QListWidget(this);
    m_list->setObjectName(prefix() + QStringLiteral("List"));
    m_list->setAccessibleName(offers ? tr("Offers") : tr("Needs"));
    m_list->setMaximumHeight(80);

    m_skill = new QLineEdit(this);
    m_skill->setObjectName(prefix() + QStringLiteral("Skill"));
    m_skill->setAccessibleName(offers ? tr("Skill of the new offer") : tr("Skill of the new need"));
    m_skill->setPlaceholderText(tr("Skill"));
    m_names = new QStringListModel(this);
    auto *completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_skill->setCompleter(completer);

    m_description = new QLineEdit(this);
    m_description->setObjectName(prefix() + QStringLiteral("Description"));
    m_description->setAccessibleName(offers ? tr("What the member offers") : tr("What the member needs"));
    m_description->setPlaceholderText(offers ? tr("e.g. can teach beginners") : tr("e.g. help with the accounts"));

    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(prefix() + QStringLiteral("Add"));
    m_add->setAccessibleName(offers ? tr("Add offer") : tr("Add need"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(prefix() + QStringLiteral("Close"));
    m_close->setAccessibleName(offers ? tr("Close offer") : tr("Close need"));
    m_close->setToolTip(offers ? tr("Mark the selected offer as no longer available")
                               : tr("Mark the selected need as met"));
    m_close->setEnabled(false);

    m_error = new FieldErrorLabel(this);
    m_error->setObjectName(prefix() + QStringLiteral("Error"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_list, 0, 0, 1, 3);
    grid->addWidget(m_close, 0, 3, Qt::AlignTop);
    grid->addWidget(m_skill, 1, 0);
    grid->addWidget(m_description, 1, 1, 1, 2);
    grid->addWidget(m_add, 1, 3);
    if (!offers) {
        m_urgency = new QComboBox(this);
        m_urgency->setObjectName(QStringLiteral("needUrgency"));
        m_urgency->setAccessibleName(tr("Urgency"));
        m_urgency->addItem(tr("Low urgency"), int(Urgency::Low));
        m_urgency->addItem(tr("Normal urgency"), int(Urgency::Normal));
        m_urgency->addItem(tr("High urgency"), int(Urgency::High));
        m_urgency->setCurrentIndex(1);
        grid->addWidget(m_description, 1, 1);
        grid->addWidget(m_urgency, 1, 2);
    }
    grid->addWidget(m_error, 2, 0, 1, 4);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 2);

    connect(m_add, &QPushButton::clicked, this, &ListingsEditor::add);
    connect(m_description, &QLineEdit::returnPressed, this, &ListingsEditor::add);
    connect(m_close, &QPushButton::clicked, this, &ListingsEditor::closeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const QListWidgetItem *item = row < 0 ? nullptr : m_list->item(row);
        m_close->setEnabled(item && (item->flags() & Qt::ItemIsEnabled));
    });
    setMember({});
}

QString ListingsEditor::prefix() const
{
    return m_kind == Kind::Offers ? QStringLiteral("offer") : QStringLiteral("need");
}

void ListingsEditor::setHub(Hub *hub)
{
    m_hub = hub;
    setMember({});
}

void ListingsEditor::setSkillNames(const QStringList &names)
{
    m_names->setStringList(names);
}

void ListingsEditor::setMember(MemberId member)
{
    m_member = member;
    const bool usable = m_hub && member.isValid();
    m_skill->setEnabled(usable);
    m_description->setEnabled(usable);
    m_add->setEnabled(usable);
    if (m_urgency)
        m_urgency->setEnabled(usable);
    m_skill->clear();
    m_description->clear();
    m_error->clearError();
    reload();
}

void ListingsEditor::reload()
{
    m_list->clear();
    m_close->setEnabled(false);
    if (!m_hub || !m_member.isValid())
        return;
    const auto add = [this](qint64 id, const QString &text, bool open) {
        auto *item = new QListWidgetItem(open ? text : tr("%1 (closed)").arg(text), m_list);
        item->setData(IdRole, id);
        // Closed listings stay visible as history but cannot be closed again.
        if (!open)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    };
    if (m_kind == Kind::Offers) {
        if (auto offers = m_hub->listings().offers(m_member)) {
            for (const Offer &o : std::as_const(*offers))
                add(o.id.value(), describe(o.skillName, o.description), o.status == ListingStatus::Open);
        }
    } else if (auto needs = m_hub->listings().needs(m_member)) {
        for (const Need &n : std::as_const(*needs))
            add(n.id.value(), describe(n.skillName, n.description), n.status == ListingStatus::Open);
    }
}

void ListingsEditor::add()
{
    if (!m_hub || !m_member.isValid())
        return;
    const QString skill = m_skill->text().simplified();
    const QString description = m_description->text().simplified();
    Status ok;
    if (m_kind == Kind::Offers) {
        auto added = m_hub->listings().addOffer(m_member, skill, description);
        if (!added)
            ok = fail(added.error());
    } else {
        auto added = m_hub->listings().addNeed(m_member, skill, description, Urgency(m_urgency->currentData().toInt()));
        if (!added)
            ok = fail(added.error());
    }
    if (!ok) {
        m_error->showError(ok.error().message);
        return;
    }
    m_skill->clear();
    m_description->clear();
    m_error->clearError();
    reload();
    Q_EMIT changed();
}

void ListingsEditor::closeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!m_hub || !item)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    const Status ok =
        m_kind == Kind::Offers ? m_hub->listings().closeOffer(OfferId(id)) : m_hub->listings().closeNeed(NeedId(id));
    if (!ok) {
        m_error->showError(ok.error().message);
        return;
    }
    reload();
    Q_EMIT changed();
}

} // namespace hub
