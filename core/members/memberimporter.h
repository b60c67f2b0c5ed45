// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/member.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace hub {

class Hub;
class Transaction;
struct CsvRecord;

/// What a CSV column holds. The names (fieldName) are the column headers an
/// export writes, so an export imports back unchanged.
enum class MemberField
{
    Ignore,
    DisplayName,
    Kind,
    GivenName,
    FamilyName,
    Email,
    Phone,
    Postcode,
    Address,
    Website,
    Notes,
    Membership, ///< the status column: active, lapsed or left
    JoinedOn,
    LapsedOn,
    LeftOn,
    Interests,
    Skills,
    Offers,
    Needs,
    DirectoryVisible,
    ShowEmail,
    ShowPhone,
};

/// For each column of the file, in order, what it holds.
using ColumnMapping = QList<MemberField>;

/// What a file looks like before importing: its columns and a guessed mapping.
struct ImportPreview
{
    QChar separator = u',';
    QStringList headers;
    ColumnMapping mapping;         ///< one entry per header; Ignore for unknown columns
    QList<QStringList> sampleRows; ///< the first few data rows, for the wizard
    int rowCount = 0;              ///< data rows in the file
};

/// One thing wrong with one row.
struct ImportProblem
{
    int row = 0;     ///< as a spreadsheet numbers it: the header is row 1
    QString column;  ///< the header as written in the file, or a field name
    QString message; ///< for people, translated
};

/// What an import did or, for a dry run or a refused file, would have done.
struct ImportReport
{
    bool dryRun = false;
    bool cancelled = false;
    int rows = 0;            ///< data rows checked
    QList<MemberId> created; ///< empty unless the import was written
    QList<ImportProblem> problems;
    QStringList ignoredColumns; ///< headers no field is mapped to

    /// Every row was good (and, unless a dry run, written).
    bool ok() const { return problems.isEmpty() && !cancelled; }
};

/// Imports members from CSV: all rows or none, in one transaction. Every bad
/// row is reported with its row number, column and reason, and then nothing
/// is written; a dry run reports the same without writing.
class MemberImporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::MemberImporter)
public:
    /// Called about every 1% with the rows done out of `total`; return false
    /// to cancel, which writes nothing. Checking and writing are both counted,
    /// so `total` is twice the rows for a real import.
    using Progress = std::function<bool(int done, int total)>;

    explicit MemberImporter(Hub &hub);

    /// Column header names in export order.
    static QStringList fieldNames();
    static QString fieldName(MemberField field);
    /// The field in words for people ("Given name"), where fieldName() is
    /// the column header a file uses ("given_name").
    static QString fieldLabel(MemberField field);
    /// The field a header names (case, spaces, '-' and '_' ignored; aliases
    /// such as "First name", "Surname", "E-mail", "Mobile", "Zip"), if any.
    static std::optional<MemberField> fieldForHeader(const QString &header);
    /// A mapping for `headers`: each known field once, the rest ignored.
    static ColumnMapping guessMapping(const QStringList &headers);

    /// Reads the file's header and guesses the mapping; fails for files that
    /// cannot be read at all (bad UTF-8, empty, unterminated quote, ...).
    Result<ImportPreview> preview(const QByteArray &bytes) const;

    /// Checks every row and, when all are good and this is not a dry run,
    /// writes them in one transaction. File-level and storage problems come
    /// back as errors; row problems in the report.
    Result<ImportReport> run(const QByteArray &bytes, const ColumnMapping &mapping, bool dryRun,
                             const Progress &progress = {});
    /// The same with the guessed mapping.
    Result<ImportReport> run(const QByteArray &bytes, bool dryRun, const Progress &progress = {});

    /// Splits a skills cell ("Guitar:expert; Cooking").
    static QList<MemberSkill> parseSkills(const QString &cell, QString *badLevel = nullptr);
    static QString formatSkills(const QList<MemberSkill> &skills);
    /// One listing per line: "[Skill] description", "[] description" (no
    /// skill) or, as with hubctl member add, "Skill: description".
    struct Listing
    {
        QString skill;
        QString description;
    };
    static QList<Listing> parseListings(const QString &cell);
    static QString formatListing(const QString &skill, const QString &description);

private:
    // The stages of run(). What they hand on is defined in the .cpp only, so
    // that the callers of this header do not compile it.
    struct ScannedFile;
    struct RowPlan;
    struct DuplicateCheck;
    class ProgressTicker;

    static Result<ScannedFile> scan(const QByteArray &bytes, const ColumnMapping &mapping);
    static Result<QList<RowPlan>> checkRows(const ScannedFile &file, const Transaction &tx, ProgressTicker &ticker,
                                            ImportReport &report);
    static RowPlan parseRow(const ScannedFile &file, const CsvRecord &record, QList<ImportProblem> &problems);
    static MemberDraft parseDraft(const ScannedFile &file, const CsvRecord &record, QList<ImportProblem> &problems);
    static void parseSkillsAndListings(const ScannedFile &file, const CsvRecord &record, RowPlan &plan,
                                       QList<ImportProblem> &problems);
    static Status planRow(const ScannedFile &file, const RowPlan &plan, DuplicateCheck &duplicates,
                          QList<ImportProblem> &problems);
    Result<ImportReport> apply(const ScannedFile &file, const QList<RowPlan> &plans, Transaction &tx,
                               ProgressTicker &ticker, ImportReport report);

    Hub &m_hub;
};

} // namespace hub
