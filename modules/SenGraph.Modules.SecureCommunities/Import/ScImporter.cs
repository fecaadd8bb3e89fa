using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using nietras.SeparatedValues;
using SenGraph.Contracts.Auditing;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.Import;

/// <summary>What an import did.</summary>
/// <param name="Applied">Whether anything was committed: false when a row was invalid and invalid rows were not to be skipped.</param>
/// <param name="Errors">The invalid rows (at most <see cref="ScImporter.MaxErrorsListed"/> listed; <paramref name="ErrorCount"/> counts all).</param>
/// <param name="Phases">Where the time went.</param>
public sealed record ScImportResult(
    bool Applied, int TransmissionsRead, int TransmissionsWritten, int EventsRead, int EventsWritten, int Skipped,
    int ErrorCount, IReadOnlyList<ScImportError> Errors, TimeSpan Elapsed, ScImportPhases Phases)
{
    /// <summary>One line for a person: what was read, written and skipped, how long it took.</summary>
    public string Summary =>
        (Applied ? "Imported" : "Nothing imported")
        + $": transmissions {TransmissionsRead} read, {TransmissionsWritten} new or changed; events {EventsRead} read, {EventsWritten} new or changed"
        + (Skipped > 0 ? $"; {Skipped} invalid rows skipped" : "")
        + (ErrorCount > 0 && !Applied ? $"; {ErrorCount} invalid rows" : "")
        + $"; {Elapsed.TotalSeconds:F1} s ({Phases}).";
}

/// <summary>Where an import's time went: reading the CSV into fields, checking them, writing the rows, the audit record and commit.</summary>
/// <param name="Cpu">The process's processor time during the import (all threads): on a shared machine a steadier figure than the wall time.</param>
public sealed record ScImportPhases(TimeSpan Parse, TimeSpan Check, TimeSpan Write, TimeSpan Commit, TimeSpan Cpu)
{
    public override string ToString() =>
        $"parse {Parse.TotalSeconds:F1} s, check {Check.TotalSeconds:F1} s, write {Write.TotalSeconds:F1} s, commit {Commit.TotalSeconds:F1} s; CPU {Cpu.TotalSeconds:F1} s";
}

/// <summary>
/// Imports the interface files (seed 003's IDENT/IAFIS transmissions and case events): every row checked (line numbers
/// in the errors), duplicates within a file refused, an event only for a match (in the same file or already stored),
/// idempotent per id (a row already stored with the same values is left alone, a changed row is updated), written in
/// batches of multi-row upserts in one transaction with its audit records: a file with any invalid row imports nothing
/// unless invalid rows are to be skipped.
/// </summary>
public sealed class ScImporter(IDbContextFactory<ScDbContext> databases, TimeProvider clock)
{
    public const int MaxErrorsListed = 1000;
    private const string TransmissionsFile = "transmissions", EventsFile = "events";

    public async Task<ScImportResult> ImportAsync(TextReader? transmissions, TextReader? events, bool skipInvalid, Action<string>? progress,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // SQLite's page cache is 2 MB by default: a million rows touch several hundred MB of table and index pages in one
        // transaction, and with a small cache the dirty pages spill to the log and are read back. The connection returns to
        // the pool afterwards, so its own setting is put back.
        var cacheSize = db.Database.IsSqlite() ? await PragmaAsync(db, "PRAGMA cache_size") : null;
        if (cacheSize is not null) await PragmaAsync(db, $"PRAGMA cache_size = {-ImportCacheKibibytes}");
        try
        {
            return await ImportInTransactionAsync(db, transmissions, events, skipInvalid, progress, watch, cpu, cancellationToken);
        }
        finally
        {
            if (cacheSize is not null) await PragmaAsync(db, $"PRAGMA cache_size = {cacheSize}");
        }
    }

    /// <summary>The SQLite page cache of the import's connection while it runs (512 MiB; the default is 2 MiB).</summary>
    public const int ImportCacheKibibytes = 512 * 1024;

    private static async Task<long?> PragmaAsync(ScDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is long value ? value : null;
    }

    private async Task<ScImportResult> ImportInTransactionAsync(ScDbContext db, TextReader? transmissions, TextReader? events, bool skipInvalid,
        Action<string>? progress, Stopwatch watch, TimeSpan cpu, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new Run(db, transaction.GetDbTransaction(), skipInvalid, clock.GetUtcNow(), progress, cancellationToken);

        if (transmissions is not null) await run.TransmissionsAsync(transmissions);
        if (events is not null) await run.EventsAsync(events);

        var applied = skipInvalid || run.ErrorCount == 0;
        var commitStarted = Stopwatch.GetTimestamp();
        if (applied)
        {
            var who = AuditScope.Current;
            var entries = new List<AuditEntry>();
            if (transmissions is not null)
                entries.Add(new AuditEntry(who?.UserName ?? AuditContext.SystemUser, AuditActions.Insert, "ScTransmissions", null, who?.OperationName ?? "sc import", who?.RequestId, null,
                    $"import: {run.TransmissionsRead} rows read, {run.TransmissionsWritten} new or changed, {run.SkippedIn(TransmissionsFile)} invalid rows skipped"));
            if (events is not null)
                entries.Add(new AuditEntry(who?.UserName ?? AuditContext.SystemUser, AuditActions.Insert, "ScCaseEvents", null, who?.OperationName ?? "sc import", who?.RequestId, null,
                    $"import: {run.EventsRead} rows read, {run.EventsWritten} new or changed, {run.SkippedIn(EventsFile)} invalid rows skipped"));
            await AuditChain.AppendAsync(db.Database, entries, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        var commit = Stopwatch.GetElapsedTime(commitStarted);
        var elapsed = watch.Elapsed;
        var phases = new ScImportPhases(run.ParseTime, elapsed - run.ParseTime - run.WriteTime - commit, run.WriteTime, commit,
            Process.GetCurrentProcess().TotalProcessorTime - cpu);
        return new ScImportResult(applied, run.TransmissionsRead, applied ? run.TransmissionsWritten : 0, run.EventsRead, applied ? run.EventsWritten : 0,
            skipInvalid ? run.ErrorCount : 0, run.ErrorCount, run.Errors, elapsed, phases);
    }

    private sealed class Run(ScDbContext db, DbTransaction transaction, bool skipInvalid, DateTimeOffset now, Action<string>? progress, CancellationToken ct)
    {
        private readonly bool _sqlServer = db.Database.IsSqlServer();
        private readonly Dictionary<string, int> _transmissionLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _fileIsMatch = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

        public List<ScImportError> Errors { get; } = [];
        public int ErrorCount { get; private set; }
        public int TransmissionsRead { get; private set; }
        public int TransmissionsWritten { get; private set; }
        public int EventsRead { get; private set; }
        public int EventsWritten { get; private set; }
        private long _parseTicks, _writeTicks;

        /// <summary>Time spent reading rows into fields (Sep), and writing them (the upserts and the events' lookups).</summary>
        public TimeSpan ParseTime => TimeSpan.FromTicks(_parseTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        public TimeSpan WriteTime => TimeSpan.FromTicks(_writeTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

        private async Task<int> TimedAsync(Func<Task<int>> write)
        {
            var started = Stopwatch.GetTimestamp();
            var n = await write();
            _writeTicks += Stopwatch.GetTimestamp() - started;
            return n;
        }

        public int SkippedIn(string file) => _skipped.GetValueOrDefault(file);

        /// <summary>Whether rows are still written: always when skipping, else until the first invalid row (the transaction is then rolled back).</summary>
        private bool Writing => skipInvalid || ErrorCount == 0;

        private void Note(string file, List<ScImportError> rowErrors)
        {
            if (rowErrors.Count == 0) return;
            ErrorCount++;
            _skipped[file] = _skipped.GetValueOrDefault(file) + 1;
            foreach (var e in rowErrors)
                if (Errors.Count < MaxErrorsListed) Errors.Add(e);
        }

        private SepReader Open(TextReader text, string file, string[] columns, out int[] index)
        {
            index = [];
            SepReader reader;
            try
            {
                reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).From(text);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                Note(file, [new ScImportError(file, 1, null, "BAD_HEADER", "The file could not be read as CSV: " + e.Message)]);
                return null!;
            }

            var names = reader.Header.ColNames;
            var problems = new List<string>();
            var missing = columns.Where(c => !names.Contains(c)).ToList();
            if (missing.Count > 0) problems.Add("missing " + string.Join(", ", missing));
            var unknown = names.Where(n => !columns.Contains(n)).ToList();
            if (unknown.Count > 0) problems.Add("unknown " + string.Join(", ", unknown));
            if (names.Count != names.Distinct().Count()) problems.Add("a column is named twice");
            if (problems.Count > 0)
            {
                Note(file, [new ScImportError(file, 1, null, "BAD_HEADER",
                    $"The header row must name the columns {string.Join(",", columns)}: {string.Join("; ", problems)}.")]);
                reader.Dispose();
                return null!;
            }

            index = columns.Select(c => names.ToList().IndexOf(c)).ToArray();
            return reader;
        }

        /// <summary>Reads the next row into <paramref name="cols"/> (trimmed, in <paramref name="index"/>'s order); false at the end.</summary>
        private bool Next(SepReader reader, int[] index, string[] cols, out int line, out int colCount)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return NextRow(reader, index, cols, out line, out colCount);
            }
            finally
            {
                _parseTicks += Stopwatch.GetTimestamp() - started;
            }
        }

        private static bool NextRow(SepReader reader, int[] index, string[] cols, out int line, out int colCount)
        {
            line = colCount = 0;
            if (!reader.MoveNext()) return false;
            var row = reader.Current;
            line = row.LineNumberFrom;
            colCount = row.ColCount;
            if (colCount == index.Length)
                for (var i = 0; i < index.Length; i++) cols[i] = row[index[i]].ToString().Trim();
            return true;
        }

        public async Task TransmissionsAsync(TextReader text)
        {
            using var reader = Open(text, TransmissionsFile, ScFields.TransmissionColumns, out var index);
            if (reader is null) return;
            var batch = new List<ScTransmission>(Upserts.TransmissionBatch(_sqlServer));
            var rowErrors = new List<ScImportError>();
            var cols = new string[index.Length];
            while (Next(reader, index, cols, out var line, out var colCount))
            {
                ct.ThrowIfCancellationRequested();
                TransmissionsRead++;
                rowErrors.Clear();
                if (colCount != index.Length)
                {
                    ScFields.Add(rowErrors, TransmissionsFile, line, null, "INVALID_VALUE", $"The row has {colCount} columns; the header has {index.Length}.");
                    Note(TransmissionsFile, rowErrors);
                    continue;
                }

                string Col(int i) => cols[i];
                var id = ScFields.Id(Col(0), "transmission_id", TransmissionsFile, line, rowErrors);
                var submitted = ScFields.Time(Col(1), "submitted_at", true, TransmissionsFile, line, rowErrors);
                var state = ScFields.State(Col(3), TransmissionsFile, line, rowErrors);
                var ori = ScFields.Ori(Col(2), state, TransmissionsFile, line, rowErrors);
                var site = ScFields.Site(Col(4), TransmissionsFile, line, rowErrors);
                var result = ScFields.OneOf(Col(5), "result", ScKinds.Results, TransmissionsFile, line, rowErrors);
                var levelText = Col(6);
                string? level = null;
                if (result == ScKinds.Match) level = ScFields.OneOf(levelText, "iar_level", ScKinds.IarLevels, TransmissionsFile, line, rowErrors);
                else if (result is not null && levelText.Length > 0)
                    ScFields.Add(rowErrors, TransmissionsFile, line, "iar_level", "INVALID_VALUE", $"iar_level is only given for a MATCH (result is {result}).");
                var idr = ScFields.Time(Col(7), "idr_returned_at", false, TransmissionsFile, line, rowErrors);
                var iar = ScFields.Time(Col(8), "iar_returned_at", false, TransmissionsFile, line, rowErrors);
                if (submitted is { } s)
                {
                    if (idr < s) ScFields.Add(rowErrors, TransmissionsFile, line, "idr_returned_at", "INVALID_VALUE", "idr_returned_at is before submitted_at.");
                    if (iar < s) ScFields.Add(rowErrors, TransmissionsFile, line, "iar_returned_at", "INVALID_VALUE", "iar_returned_at is before submitted_at.");
                }

                if (id is not null)
                {
                    if (_transmissionLines.TryGetValue(id, out var first))
                        ScFields.Add(rowErrors, TransmissionsFile, line, "transmission_id", "DUPLICATE", $"transmission_id {id} is also on line {first}.");
                    else
                    {
                        _transmissionLines[id] = line;
                        if (rowErrors.Count == 0) _fileIsMatch[id] = result == ScKinds.Match;
                    }
                }

                if (rowErrors.Count > 0)
                {
                    Note(TransmissionsFile, rowErrors);
                    continue;
                }

                if (!Writing) continue;
                batch.Add(new ScTransmission
                {
                    TransmissionId = id!, SubmittedAt = submitted!.Value, SubmittedMonth = EasternTime.MonthOf(submitted.Value), Ori = ori!, State = state!, Site = site!,
                    Result = result!, IarLevel = level, IdrReturnedAt = idr, IarReturnedAt = iar,
                    IdrSeconds = idr is null ? null : (long)(idr.Value - submitted.Value).TotalSeconds,
                    IarSeconds = iar is null ? null : (long)(iar.Value - submitted.Value).TotalSeconds,
                    ImportedAt = now,
                });
                if (batch.Count == batch.Capacity)
                {
                    TransmissionsWritten += await TimedAsync(() => Upserts.TransmissionsAsync(db, transaction, batch, ct));
                    batch.Clear();
                }

                if (TransmissionsRead % 100_000 == 0) progress?.Invoke($"transmissions: {TransmissionsRead} rows read");
            }

            if (batch.Count > 0 && Writing) TransmissionsWritten += await TimedAsync(() => Upserts.TransmissionsAsync(db, transaction, batch, ct));
            progress?.Invoke($"transmissions: {TransmissionsRead} rows read, done");
        }

        public async Task EventsAsync(TextReader text)
        {
            using var reader = Open(text, EventsFile, ScFields.EventColumns, out var index);
            if (reader is null) return;
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            var batch = new List<(ScCaseEvent Event, int Line)>(Upserts.EventBatch(_sqlServer));
            var rowErrors = new List<ScImportError>();
            var cols = new string[index.Length];
            while (Next(reader, index, cols, out var line, out var colCount))
            {
                ct.ThrowIfCancellationRequested();
                EventsRead++;
                rowErrors.Clear();
                if (colCount != index.Length)
                {
                    ScFields.Add(rowErrors, EventsFile, line, null, "INVALID_VALUE", $"The row has {colCount} columns; the header has {index.Length}.");
                    Note(EventsFile, rowErrors);
                    continue;
                }

                string Col(int i) => cols[i];
                var id = ScFields.Id(Col(0), "event_id", EventsFile, line, rowErrors);
                var transmissionId = ScFields.Id(Col(1), "transmission_id", EventsFile, line, rowErrors);
                var kind = ScFields.OneOf(Col(2), "kind", ScKinds.EventKinds, EventsFile, line, rowErrors);
                var occurred = ScFields.Time(Col(3), "occurred_at", true, EventsFile, line, rowErrors);
                if (id is not null)
                {
                    if (lines.TryGetValue(id, out var first))
                        ScFields.Add(rowErrors, EventsFile, line, "event_id", "DUPLICATE", $"event_id {id} is also on line {first}.");
                    else lines[id] = line;
                }

                if (transmissionId is not null && _fileIsMatch.TryGetValue(transmissionId, out var isMatch) && !isMatch)
                    ScFields.Add(rowErrors, EventsFile, line, "transmission_id", "NOT_A_MATCH", $"transmission {transmissionId} is not a MATCH; case events follow matches only.");
                else if (transmissionId is not null && _transmissionLines.ContainsKey(transmissionId) && !_fileIsMatch.ContainsKey(transmissionId))
                    ScFields.Add(rowErrors, EventsFile, line, "transmission_id", "UNKNOWN_TRANSMISSION", $"transmission {transmissionId} is on an invalid row of the transmissions file.");

                if (rowErrors.Count > 0)
                {
                    Note(EventsFile, rowErrors);
                    continue;
                }

                batch.Add((new ScCaseEvent
                {
                    EventId = id!, TransmissionId = transmissionId!, Kind = kind!, OccurredAt = occurred!.Value, OccurredMonth = EasternTime.MonthOf(occurred.Value),
                    ImportedAt = now,
                }, line));
                if (batch.Count == batch.Capacity)
                {
                    await FlushEventsAsync(batch);
                    batch.Clear();
                }

                if (EventsRead % 100_000 == 0) progress?.Invoke($"events: {EventsRead} rows read");
            }

            if (batch.Count > 0) await FlushEventsAsync(batch);
            progress?.Invoke($"events: {EventsRead} rows read, done");
        }

        /// <summary>Checks the batch's transmissions not in the file against the database (one query), then writes the valid events.</summary>
        private async Task FlushEventsAsync(List<(ScCaseEvent Event, int Line)> batch)
        {
            var started = Stopwatch.GetTimestamp();
            var stored = await Upserts.StoredResultsAsync(db, transaction,
                batch.Select(b => b.Event.TransmissionId).Where(t => !_fileIsMatch.ContainsKey(t)).Distinct().ToList(), ct);
            _writeTicks += Stopwatch.GetTimestamp() - started;
            var valid = new List<ScCaseEvent>(batch.Count);
            foreach (var (e, line) in batch)
            {
                if (_fileIsMatch.ContainsKey(e.TransmissionId))
                {
                    valid.Add(e);
                    continue;
                }

                if (!stored.TryGetValue(e.TransmissionId, out var result))
                    Note(EventsFile, [new ScImportError(EventsFile, line, "transmission_id", "UNKNOWN_TRANSMISSION",
                        $"transmission {e.TransmissionId} is neither in the transmissions file nor already imported.")]);
                else if (result != ScKinds.Match)
                    Note(EventsFile, [new ScImportError(EventsFile, line, "transmission_id", "NOT_A_MATCH",
                        $"transmission {e.TransmissionId} is not a MATCH ({result}); case events follow matches only.")]);
                else valid.Add(e);
            }

            if (Writing && valid.Count > 0) EventsWritten += await TimedAsync(() => Upserts.EventsAsync(db, transaction, valid, ct));
        }
    }
}
