// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/matchesdialog.h"

#include "core/hub.h"
#include "core/members/matchfinder.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hub {

namespace {
QString listingText(const QString &skill, const QString &description)
{
    return skill.isEmpty() ? description : MatchesDialog::tr("%1: %2").arg(skill, description);
}
} // namespace

MatchesDialog::MatchesDialog(Hub &hub, std::optional<MemberId> member, const QString &memberName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("matchesDialog"));
    setWindowTitle(member ? tr("Matches for %1").arg(memberName) : tr("Matches in the Hub"));
    resize(1180, 600);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("matchesSummary"));
    m_summary->setWordWrap(true);

    m_matches = new QTreeWidget(this);
    m_matches->setObjectName(QStringLiteral("matchesList"));
    m_matches->setAccessibleName(tr("Matches"));
    m_matches->setRootIsDecorated(false);
    m_matches->setAlternatingRowColors(true);
    m_matches->setWordWrap(true);
    m_matches->setHeaderLabels({tr("Need"), tr("Needed by"), tr("Offer"), tr("Offered by"), tr("Why")});
    m_matches->header()->setStretchLastSection(true);
    m_matches->setColumnWidth(0, 280);
    m_matches->setColumnWidth(1, 150);
    m_matches->setColumnWidth(2, 280);
    m_matches->setColumnWidth(3, 150);

    auto found = hub.matches().find(member);
    if (!found) {
        m_summary->setText(found.error().text());
    } else {
        for (const Match &m : std::as_const(*found)) {
            auto *item = new QTreeWidgetItem(m_matches);
            item->setText(0, listingText(m.need.skillName, m.need.description));
            item->setText(1, m.needMemberName);
            item->setText(2, listingText(m.offer.skillName, m.offer.description));
            item->setText(3, m.offerMemberName);
            // One reason per line: the row grows instead of eliding the why.
            item->setText(4, m.reasons.join(u'\n'));
            for (int c = 0; c < 5; ++c)
                item->setToolTip(c, item->text(c));
        }
        if (found->isEmpty()) {
            m_summary->setText(tr("No matches yet. A match appears when one member's open offer may meet "
                                  "another member's open need, and both have agreed to appear in the directory."));
        } else {
            m_summary->setText((found->size() == 1
                                    ? tr("1 possible match.")
                                    : tr("%Ln possible matches, best first.", nullptr, int(found->size()))) +
                               u' ' +
                               tr("Same skill counts most, then similar words, then the same postcode "
                                  "district."));
        }
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_matches, 1);
    layout->addWidget(buttons);
}

int MatchesDialog::matchCount() const
{
    return m_matches->topLevelItemCount();
}

} // namespace hub
