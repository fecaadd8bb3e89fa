using System.CommandLine;

namespace SenGraph.Host.Auditing;

/// <summary>
/// <c>audit verify [--anchor-sequence N --anchor-hash H]</c>: what <c>verifyAuditTrail</c> answers, without a request's time
/// limit: a trail of millions of records (<c>seed generate</c> writes about seven a report) takes longer to recompute than
/// <c>GraphQL:ExecutionTimeout</c> allows. Prints the outcome on standard output; a broken trail is an error (exit code 1).
/// </summary>
public static class AuditVerifyCommand
{
    public static Command Create(Func<Func<Task>, Task<int>> run)
    {
        var sequence = new Option<long?>("--anchor-sequence") { Description = "headSequence of an earlier verification, kept outside the database." };
        var hash = new Option<string?>("--anchor-hash") { Description = "headHash of that verification." };
        var command = new Command("verify", "Recompute the audit trail's hash chain from its first record and say whether it is intact or where it breaks.")
        { sequence, hash };
        command.Validators.Add(r =>
        {
            if (r.GetValue(sequence) is null != r.GetValue(hash) is null) r.AddError("--anchor-sequence and --anchor-hash go together.");
            if (r.GetValue(sequence) is < 1) r.AddError("--anchor-sequence must be 1 or more.");
        });
        command.SetAction(result => run(async () =>
        {
            var anchor = result.GetValue(sequence) is { } s ? new AuditAnchor(s, result.GetValue(hash)!) : null;
            AuditVerification outcome;
            try
            {
                outcome = await RunAsync(null, null, anchor, CancellationToken.None);
            }
            catch (System.Data.Common.DbException e)
            {
                throw new InvalidOperationException($"Cannot read the audit trail of the configured database (ConnectionStrings:SenGraph): {e.Message}", e);
            }

            if (!outcome.Intact) throw new InvalidOperationException($"The audit trail is broken ({outcome.Problem}): {outcome.Message}");
            Console.WriteLine($"{outcome.Message} Head hash {outcome.HeadHash}.");
        }));
        return command;
    }

    /// <summary>The command's work, for the command and for tests (<paramref name="configuration"/> overrides the host's).</summary>
    public static async Task<AuditVerification> RunAsync(IConfiguration? configuration, string? environmentName, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        var builder = SenGraphApplication.CreateBuilder(environmentName is null ? [] : ["--environment", environmentName]);
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        builder.AddSenGraph();
        await using var app = builder.Build();
        return await app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(anchor, cancellationToken);
    }
}
