// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/emptystatepage.h"

#include "ui/widgets/emptystatewidget.h"

#include <QVBoxLayout>

namespace hub {

EmptyStatePage::EmptyStatePage(const QIcon &icon, const QString &title, const QString &text, QWidget *parent)
    : HubPage(parent)
{
    m_emptyState = new EmptyStateWidget(icon, title, text, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyState);
    setAccessibleName(title);
}

void EmptyStatePage::setHub(Hub *)
{
    // Nothing is read yet: the explanation is the same for every hub.
}

} // namespace hub
