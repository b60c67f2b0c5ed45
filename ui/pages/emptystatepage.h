// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pages/hubpage.h"

namespace hub {

class EmptyStateWidget;

/// A page whose area of the hub is not built yet. It says plainly what will
/// live here instead of showing made-up rows.
class EmptyStatePage : public HubPage
{
    Q_OBJECT
public:
    EmptyStatePage(const QIcon &icon, const QString &title, const QString &text, QWidget *parent = nullptr);

    void setHub(Hub *hub) override;
    EmptyStateWidget *emptyState() const { return m_emptyState; }

private:
    EmptyStateWidget *m_emptyState = nullptr;
};

} // namespace hub
