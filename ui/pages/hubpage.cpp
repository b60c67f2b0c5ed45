// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/hubpage.h"

namespace hub {

HubPage::HubPage(QWidget *parent) : QWidget(parent)
{}

} // namespace hub
