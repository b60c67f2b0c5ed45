// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"

#include <QDialog>

#include <optional>

class QLabel;
class QTreeWidget;

namespace hub {

class Hub;

/// Offers that may meet open needs, for one member or the whole hub, each
/// with the reasons it was suggested, so the desk can judge it.
class MatchesDialog : public QDialog
{
    Q_OBJECT
public:
    MatchesDialog(Hub &hub, std::optional<MemberId> member, const QString &memberName, QWidget *parent = nullptr);

    int matchCount() const;

private:
    QTreeWidget *m_matches = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace hub
