// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QStringList>
#include <QTimer>

namespace hub::test {

/// Answers every message box that appears while it lives, so a modal box
/// never blocks a test. Remembers what each box said, for the assertions.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton answer = QMessageBox::Ok);

    void setAnswer(QMessageBox::StandardButton answer) { m_answer = answer; }
    QStringList texts() const { return m_texts; }
    QStringList titles() const { return m_titles; }

private:
    void answerVisibleBoxes();

    QMessageBox::StandardButton m_answer;
    QTimer m_timer;
    QStringList m_texts;
    QStringList m_titles;
};

} // namespace hub::test
