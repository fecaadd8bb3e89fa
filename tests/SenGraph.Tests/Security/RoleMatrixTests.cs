using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// The "done when" matrix, against the built host running as its own process with the shipped modules:
/// role × report type × operation, and role × PII field, each cell a request a front end would send. The expected
/// outcome of every cell is written below from the PIA (8.1: who may create, edit, review, read; 2.1-2.2 and the
/// issue: Public Affairs and Statistics Analysts get aggregates only; field users see their office and what is routed
/// to them), not derived from the code under test. Adding a report type means adding an <see cref="IMatrixReportType"/>
/// and its rows.
/// </summary>
public sealed partial class RoleMatrixTests(RoleMatrixTests.Host host) : IClassFixture<RoleMatrixTests.Host>
{
    /// <summary>What a cell expects.</summary>
    public enum Outcome
    {
        /// <summary>Done: the data comes back, the change is made.</summary>
        Yes,

        /// <summary>Refused outright: AUTH_NOT_AUTHORIZED (HTTP 403), no data.</summary>
        No,

        /// <summary>Answered as if the report did not exist: null, or absent from the list, or NOT_FOUND, without a GraphQL error.</summary>
        Hidden,

        /// <summary>Anything else (another error, another refusal): never expected.</summary>
        Other,
    }

    public enum Operation
    {
        Create, ReadTypeQuery, ReadReports, ReadNode, Update, RequestReview, Return, Approve, Submit, Amend, Acknowledge,
    }

    /// <summary>
    /// Every report type's rows: type code, role, then one outcome per <see cref="Operation"/> in order. A SIR is written by
    /// field agents and officers and their supervisors, reviewed by supervisors, read (never changed) by office managers, the
    /// IROC, headquarters agents, HSI intelligence and OPR; Public Affairs, Statistics Analysts and the System Administrator
    /// do not read SIRs (aggregates only; the administrator maintains the system). A Statistics Analyst is refused every
    /// non-statistical field; the others are refused what their roles do not allow, and a SIR is to them a report that
    /// does not exist where they may list reports of every type (<c>reports</c>, <c>node</c>). Acknowledging receipt is
    /// for those who may read what they received.
    /// </summary>
    private static readonly string[] Rows =
    [
        // type  role                                    create read:sir read:reports read:node update review return approve submit amend ack
        "SIR | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "SIR | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "SIR | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SIR | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SIR | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SIR | HSI Intelligence                      | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SIR | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SIR | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SIR | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "SIR | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SIR | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SIR | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        // Partner agencies (issue 17 item 4) are outside ICE: they reach shared reports through externalReports only, never a type.
        "SIR | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        // OPPRED: a SIR for crimes against children (PIA Overview: "essentially the same as the SIR"), the same roles.
        "OPPRED | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "OPPRED | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "OPPRED | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "OPPRED | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "OPPRED | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "OPPRED | HSI Intelligence                      | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "OPPRED | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "OPPRED | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "OPPRED | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "OPPRED | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "OPPRED | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "OPPRED | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "OPPRED | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        // SPEAR: operationally sensitive (PIA 2.1), so only roles with an operational need read it (PIA 8.1): the field in
        // scope, the IROC ("reviews SPEARs"), headquarters agents. HSI intelligence and OPR read SIRs but not SPEARs: refused
        // the type, and a SPEAR does not exist for them on the shared paths even when they are named on it.
        "SPEAR | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "SPEAR | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "SPEAR | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPEAR | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPEAR | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPEAR | HSI Intelligence                      | no     no       hidden       hidden    no     no     no     no      no     no    hidden",
        "SPEAR | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPEAR | Office of Professional Responsibility | no     no       hidden       hidden    no     no     no     no      no     no    hidden",
        "SPEAR | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "SPEAR | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPEAR | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPEAR | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPEAR | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        // SPOT: "can be read by all SEN users" (PIA 1.2) who read reports at all; written by the field, like a SIR.
        "SPOT | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "SPOT | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "SPOT | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPOT | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPOT | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPOT | HSI Intelligence                      | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPOT | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPOT | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "SPOT | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "SPOT | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPOT | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPOT | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "SPOT | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        // LEARA: HSI intelligence does not read them. ERO TAV: not HSI intelligence. ERO LEAD: as SIR. ERO TAV and ERO LEAD are not routed to
        // the SAC, so its agent and supervisor have no queue entry to acknowledge; a named recipient who may not read the type has none either.
        "LEARA | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "LEARA | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "LEARA | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "LEARA | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "LEARA | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "LEARA | HSI Intelligence                      | no     no       hidden       hidden    no     no     no     no      no     no    hidden",
        "LEARA | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "LEARA | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "LEARA | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "LEARA | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "LEARA | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "LEARA | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "LEARA | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        "EROTAV | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "EROTAV | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "EROTAV | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROTAV | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROTAV | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROTAV | HSI Intelligence                      | no     no       hidden       hidden    no     no     no     no      no     no    hidden",
        "EROTAV | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROTAV | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROTAV | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "EROTAV | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROTAV | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROTAV | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROTAV | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
        "EROLEAD | Agent                                 | yes    yes      yes          yes       yes    yes    no     no      yes    yes   yes",
        "EROLEAD | Supervisor                            | yes    yes      yes          yes       yes    yes    yes    yes     yes    yes   yes",
        "EROLEAD | Office Manager                        | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROLEAD | IROC Staff                            | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROLEAD | Headquarters Agent                    | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROLEAD | HSI Intelligence                      | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROLEAD | Public Affairs Officer                | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROLEAD | Office of Professional Responsibility | no     yes      yes          yes       no     no     no     no      no     no    yes",
        "EROLEAD | Statistics Analyst                    | no     no       no           no        no     no     no     no      no     no    no",
        "EROLEAD | System Administrator                  | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROLEAD | Records Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROLEAD | Privacy Officer                       | no     no       hidden       hidden    no     no     no     no      no     no    no",
        "EROLEAD | Partner Agency Consumer               | no     no       no           no        no     no     no     no      no     no    no",
    ];

    /// <summary>Who may see a PII field at all: the roles with a need to know the people in a report (the others: aggregates only, or system maintenance).</summary>
    private static readonly string[] PiiRows =
    [
        "Agent                                 | yes",
        "Supervisor                            | yes",
        "Office Manager                        | yes",
        "IROC Staff                            | yes",
        "Headquarters Agent                    | yes",
        "HSI Intelligence                      | yes",
        "Public Affairs Officer                | no",
        "Office of Professional Responsibility | yes",
        "Statistics Analyst                    | no",
        "System Administrator                  | no",
        "Records Officer                       | no",
        "Privacy Officer                       | yes",
        "Partner Agency Consumer               | no",
    ];

    /// <summary>
    /// Where a role's need to know PII stops at a report type: HSI intelligence and OPR do not read SPEARs at all (operationally
    /// sensitive, PIA 2.1; only roles with an operational need, 8.1): the SPEAR's own PII fields are refused to them with the
    /// type, and through the envelope's fields (which they may select, for the types they read) a SPEAR is a report that does
    /// not exist.
    /// </summary>
    private static readonly string[] PiiTypeExceptions =
    [
        "SPEAR | HSI Intelligence                      | Spear.activityLocation | no",
        "SPEAR | HSI Intelligence                      | ReportPerson.lastName  | hidden",
        "SPEAR | Office of Professional Responsibility | Spear.activityLocation | no",
        "SPEAR | Office of Professional Responsibility | ReportPerson.lastName  | hidden",
    ];

    /// <summary>The report types under test, by code.</summary>
    private static readonly IReadOnlyDictionary<string, IMatrixReportType> Types = new Dictionary<string, IMatrixReportType>
    {
        ["SIR"] = new SirUnderTest(),
        ["OPPRED"] = new OppredUnderTest(),
        ["SPEAR"] = new SpearUnderTest(),
        ["SPOT"] = new SpotUnderTest(),
        ["LEARA"] = KitTypeUnderTest.Leara,
        ["EROTAV"] = KitTypeUnderTest.EroTav,
        ["EROLEAD"] = KitTypeUnderTest.EroLead,
    };

    public static IEnumerable<object[]> Cells() =>
        from row in Rows
        let parts = row.Split('|', StringSplitOptions.TrimEntries)
        let outcomes = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from operation in Enum.GetValues<Operation>()
        select new object[] { parts[0], parts[1], operation, Enum.Parse<Outcome>(outcomes[(int)operation], ignoreCase: true) };

    public static IEnumerable<object[]> PiiCells() =>
        from row in PiiRows
        let parts = row.Split('|', StringSplitOptions.TrimEntries)
        from type in Types.Values
        from field in type.PiiFields
        let exception = PiiTypeExceptions.Select(e => e.Split('|', StringSplitOptions.TrimEntries))
            .SingleOrDefault(e => e[0] == type.Code && e[1] == parts[0] && e[2] == field.Name)
        // A role that may not read the type at all (HSI intelligence and LEARA) is refused its PII fields with it.
        let readsType = Expected(type.Code, parts[0], Operation.ReadTypeQuery) == Outcome.Yes
        let piiRole = Enum.Parse<Outcome>(parts[1], ignoreCase: true)
        // A role with a need to know PII that reads no report of the type (the Privacy Officer, who finds people only through
        // a person search) may select the Report interface's PII fields, and the report is simply not in its list.
        let notRead = piiRole == Outcome.Yes && !field.Selection.StartsWith("... on ", StringComparison.Ordinal) ? Outcome.Hidden : Outcome.No
        select new object[] { parts[0], type.Code, field.Name,
            exception is not null ? Enum.Parse<Outcome>(exception[3], ignoreCase: true) : readsType ? piiRole : notRead };

    [Fact]
    public void The_matrix_has_a_row_for_every_role_and_type_and_a_cell_for_every_operation()
    {
        foreach (var type in Types.Keys)
        {
            var rows = Rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)).Where(p => p[0] == type).ToList();
            Assert.Equal(All.Select(a => a.Role).Order(), rows.Select(r => r[1]).Order());
            Assert.All(rows, r => Assert.Equal(Enum.GetValues<Operation>().Length, r[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        }
        Assert.Equal(All.Select(a => a.Role).Order(), PiiRows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Role_report_type_operation(string typeCode, string role, Operation operation, Outcome expected)
    {
        var type = Types[typeCode];
        var actor = ByRole(role);
        var shared = await host.SharedReportAsync(type);
        // Whether the actor writes reports of the type decides only which report they act on: their own if the
        // table says they create, else one in their scope (a refusal must not be a matter of scope).
        var authors = Expected(typeCode, role, Operation.Create) == Outcome.Yes;

        var response = operation switch
        {
            Operation.Create => await host.PostAsync(type.CreateMutation, new { input = type.Input("Matrix: create") }, actor),
            Operation.ReadTypeQuery => await host.PostAsync(type.ReadQuery, new { id = shared }, actor),
            Operation.ReadReports => await host.PostAsync("query($id: ID!) { reports(where: { id: { eq: $id } }) { totalCount nodes { id } } }", new { id = shared }, actor),
            Operation.ReadNode => await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = shared }, actor),
            Operation.Update => await ChangeAsync(type.UpdateMutation, authors ? await host.DraftAsync(type, actor) : (shared, 1), null),
            Operation.RequestReview => await StepAsync("requestReportReview", "ReportStepInput", authors ? await host.DraftAsync(type, actor) : (shared, 1)),
            Operation.Return => await StepAsync("returnReport", "ReturnReportInput", await host.PendingAsync(type), new { reason = "Add the FBI number." }),
            Operation.Approve => await StepAsync("approveReport", "ReportStepInput", await host.PendingAsync(type)),
            Operation.Submit => await StepAsync("submitReport", "SubmitReportInput", authors ? await host.SubmittableAsync(type, actor) : (shared, 1)),
            Operation.Amend => await ChangeAsync(type.AmendMutation, authors ? await host.SubmittedAsync(type, actor) : (shared, 1), "Corrected the time."),
            Operation.Acknowledge => await host.PostAsync("mutation($id: ID!) { acknowledgeReport(input: { id: $id }) { items { acknowledgedAt } errors { code } } }", new { id = shared }, actor),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var actual = operation switch
        {
            Operation.ReadTypeQuery => Read(response, d => d[type.ReadField] is { } r && r["id"]!.GetValue<string>() == shared),
            Operation.ReadReports => Read(response, d => d["reports"]!["totalCount"]!.GetValue<int>() == 1),
            Operation.ReadNode => Read(response, d => d["node"] is not null),
            _ => Changed(response),
        };
        Assert.True(expected == actual, $"{role} × {typeCode} × {operation}: expected {expected}, got {actual}: {response.Body}");

        Task<GraphQLResponse> ChangeAsync(string mutation, (string Id, int Version) target, string? reason)
        {
            var input = new Dictionary<string, object?>(type.Input("Matrix: changed")) { ["id"] = target.Id, ["expectedVersion"] = target.Version };
            if (reason is not null) input["reason"] = reason;
            return host.PostAsync(mutation, new { input }, actor);
        }

        Task<GraphQLResponse> StepAsync(string mutation, string inputType, (string Id, int Version) target, object? extra = null)
        {
            var input = new Dictionary<string, object?> { ["id"] = target.Id, ["expectedVersion"] = target.Version };
            foreach (var property in extra?.GetType().GetProperties() ?? []) input[property.Name] = property.GetValue(extra);
            return host.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ errors {{ code message }} }} }}", new { input }, actor);
        }
    }

    [Theory]
    [MemberData(nameof(PiiCells))]
    public async Task Role_pii_field(string role, string typeCode, string field, Outcome expected)
    {
        var type = Types[typeCode];
        var pii = type.PiiFields.Single(f => f.Name == field);
        var shared = await host.SharedReportAsync(type);

        // Through the host's list of every type, which every role but the Statistics Analyst may use.
        var response = await host.PostAsync($"query($id: ID!) {{ reports(where: {{ id: {{ eq: $id }} }}) {{ nodes {{ {pii.Selection} }} }} }}",
            new { id = shared }, ByRole(role));

        if (expected == Outcome.Yes)
        {
            Assert.True(response.Errors.Count == 0, $"{role} × {field}: {response.Body}");
            var node = response.Data!["reports"]!["nodes"]!.AsArray().Single()!;
            Assert.Equal(pii.Expected, pii.Read(node)?.ToJsonString());
        }
        else if (expected == Outcome.Hidden)
        {
            Assert.True(response.Errors.Count == 0, $"{role} × {field}: {response.Body}");
            Assert.Empty(response.Data!["reports"]!["nodes"]!.AsArray());
            Assert.DoesNotContain(PiiSir.Sentinels, s => response.Body.Contains(s, StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
            Assert.Null(response.Data);
            Assert.DoesNotContain(PiiSir.Sentinels, s => response.Body.Contains(s, StringComparison.Ordinal));
        }
    }

    private static Outcome Expected(string typeCode, string role, Operation operation) =>
        (Outcome)Cells().Single(c => (string)c[0] == typeCode && (string)c[1] == role && (Operation)c[2] == operation)[3];

    private static Outcome Read(GraphQLResponse response, Func<JsonNode, bool> found)
    {
        if (Refused(response)) return Outcome.No;
        if (response.Errors.Count > 0 || response.Data is null) return Outcome.Other;
        return found(response.Data) ? Outcome.Yes : Outcome.Hidden;
    }

    private static Outcome Changed(GraphQLResponse response)
    {
        if (Refused(response)) return Outcome.No;
        if (response.Errors.Count > 0 || response.Data is not JsonObject data || data.Count != 1) return Outcome.Other;
        var errors = data.Single().Value!["errors"]!.AsArray();
        if (errors.Count == 0) return Outcome.Yes;
        return errors.Any(e => e!["code"]!.GetValue<string>() == "NOT_FOUND") ? Outcome.Hidden : Outcome.Other;
    }

    private static bool Refused(GraphQLResponse response) =>
        response.Status == HttpStatusCode.Forbidden && response.ErrorCodes.Contains("AUTH_NOT_AUTHORIZED") && response.Data is null;

    /// <summary>The built host as a process, and the reports the cells share (one per type, created once).</summary>
    public sealed class Host : IAsyncLifetime
    {
        /// <summary>Writes the shared reports and the reports to review: an agent of SAC-BOS (no mandatory review there) who plays no row.</summary>
        private static readonly Actor FixtureAuthor = new("Agent", "matrix-author", "SAC-BOS");

        private readonly PluginsFolder _plugins = new PluginsFolder().WithShippedModules();
        private readonly Dictionary<string, string> _shared = [];
        private readonly SemaphoreSlim _sharedLock = new(1, 1);
        private readonly Dictionary<Actor, string> _tokens = [];
        private readonly SemaphoreSlim _tokensLock = new(1, 1);
        private RunningHost? _process;
        private HttpClient? _http;

        public async Task InitializeAsync()
        {
            // The fixture's author is made up for the matrix, not a directory user.
            _process = await RunningHost.StartAsync(_plugins, new Dictionary<string, string> { ["Security__Accounts__AcceptUnknownUsers"] = "true" });
            _http = new HttpClient { BaseAddress = _process.BaseAddress };
        }

        public async Task DisposeAsync()
        {
            _http?.Dispose();
            if (_process is not null) await _process.DisposeAsync();
            _plugins.Dispose();
        }

        /// <summary>The actor's token, signed in once (as a client would: the Rules of Behavior acknowledged over HTTP).</summary>
        private async Task<string> TokenAsync(Actor actor)
        {
            await _tokensLock.WaitAsync();
            try
            {
                if (!_tokens.TryGetValue(actor, out var token)) _tokens[actor] = token = await _process!.SignInAsync(actor.User, actor.Role, actor.Office);
                return token;
            }
            finally
            {
                _tokensLock.Release();
            }
        }

        public async Task<GraphQLResponse> PostAsync(string query, object? variables, Actor actor)
        {
            var token = await TokenAsync(actor);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd(TestHost.GraphQLResponseJson);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http!.SendAsync(request);
            return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(),
                response.Headers, "");
        }

        /// <summary>
        /// A submitted report of <paramref name="type"/> with every PII field filled, in every role's scope: routed by the type's
        /// rule (for a SIR to SAC-BOS and the IROC; for a SPOT to headquarters), and sent by name to every agency role's user, so
        /// everyone in the agency has it in their queue whatever the type's routes.
        /// </summary>
        public async Task<string> SharedReportAsync(IMatrixReportType type)
        {
            await _sharedLock.WaitAsync();
            try
            {
                if (_shared.TryGetValue(type.Code, out var id)) return id;
                // Not the partner: a partner agency's user may not be named a recipient (RECIPIENT_OUTSIDE_AGENCY, SirWorkflowTests);
                // their rows say they reach the report on no path, queue included.
                var recipients = All.Where(a => a != PartnerAgencyConsumer).Select(a => new { kind = "USER", code = a.User }).ToArray();
                var (draft, version) = await SubmittableAsync(type, FixtureAuthor);
                await StepOkAsync("submitReport", "SubmitReportInput", FixtureAuthor, new { id = draft, expectedVersion = version, recipients });
                return _shared[type.Code] = draft;
            }
            finally
            {
                _sharedLock.Release();
            }
        }

        /// <summary>A new draft by <paramref name="author"/>: its id and version.</summary>
        public async Task<(string Id, int Version)> DraftAsync(IMatrixReportType type, Actor author)
        {
            var response = await PostAsync(type.CreateMutation, new { input = type.Input(MatrixPiiField.SharedTitle) }, author);
            var payload = response.Data?[type.CreateField];
            Assert.True(payload?["errors"]?.AsArray().Count == 0, $"Arrange: {author} could not draft: {response.Body}");
            var report = payload![type.PayloadField]!;
            return (report["id"]!.GetValue<string>(), report["version"]!.GetValue<int>());
        }

        /// <summary>A report by the fixture author awaiting review at SAC-BOS.</summary>
        public async Task<(string Id, int Version)> PendingAsync(IMatrixReportType type)
        {
            var (id, version) = await DraftAsync(type, FixtureAuthor);
            return (id, await StepOkAsync("requestReportReview", "ReportStepInput", FixtureAuthor, new { id, expectedVersion = version }));
        }

        /// <summary>A report by <paramref name="author"/>, submitted (their office does not require review).</summary>
        public async Task<(string Id, int Version)> SubmittedAsync(IMatrixReportType type, Actor author)
        {
            var (id, version) = await SubmittableAsync(type, author);
            return (id, await StepOkAsync("submitReport", "SubmitReportInput", author, new { id, expectedVersion = version }));
        }

        /// <summary>
        /// A report by <paramref name="author"/> its author may submit next: a draft, or for a type that requires review (SPEAR)
        /// one approved by a supervisor of the author's office who plays no row.
        /// </summary>
        public async Task<(string Id, int Version)> SubmittableAsync(IMatrixReportType type, Actor author)
        {
            var (id, version) = await DraftAsync(type, author);
            if (!type.ReviewMandatory) return (id, version);
            version = await StepOkAsync("requestReportReview", "ReportStepInput", author, new { id, expectedVersion = version });
            var reviewer = new Actor("Supervisor", "matrix-reviewer-" + author.Office.ToLowerInvariant(), author.Office);
            return (id, await StepOkAsync("approveReport", "ReportStepInput", reviewer, new { id, expectedVersion = version }));
        }

        private async Task<int> StepOkAsync(string mutation, string inputType, Actor actor, object input)
        {
            var response = await PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ report {{ version }} errors {{ code message }} }} }}",
                new { input }, actor);
            var payload = response.Data?[mutation];
            Assert.True(payload?["errors"]?.AsArray().Count == 0, $"Arrange: {mutation} by {actor} failed: {response.Body}");
            return payload!["report"]!["version"]!.GetValue<int>();
        }
    }
}

/// <summary>A PII field as the matrix reads it: the selection on a report, how to find the value in a node, and the value written.</summary>
/// <param name="Name">Type.field, as the schema names it.</param>
public sealed record MatrixPiiField(string Name, string Selection, Func<JsonNode, JsonNode?> Read, string Expected)
{
    /// <summary>The title the matrix's shared report has (<c>DraftAsync</c>).</summary>
    public const string SharedTitle = "Matrix: draft";

    /// <summary>
    /// The envelope's PII of a report of the GraphQL type <paramref name="graphQLType"/> (issue 13 item 4, PIA 1.1: titles,
    /// narratives and contact names may name a suspect, a victim or a requesting party), read through a fragment on the type.
    /// </summary>
    public static IReadOnlyList<MatrixPiiField> Envelope(string graphQLType) =>
    [
        new($"{graphQLType}.title", $"... on {graphQLType} {{ title }}", n => n["title"], JsonSerializer.Serialize(SharedTitle)),
        new("ReportContact.name", $"... on {graphQLType} {{ contacts {{ name }} }}", n => n["contacts"]![0]!["name"], JsonSerializer.Serialize(PiiSir.ContactName)),
        new("ReportNarrative.text", $"... on {graphQLType} {{ narratives {{ text }} }}", n => n["narratives"]![0]!["text"], JsonSerializer.Serialize(PiiSir.NarrativeText)),
    ];
}

/// <summary>A report type as the matrix drives it: its module's query and mutations, a valid input with every PII field, and its PII fields.</summary>
public interface IMatrixReportType
{
    string Code { get; }

    /// <summary>The type's own query field, e.g. <c>sir</c>.</summary>
    string ReadField { get; }

    string ReadQuery => $"query($id: ID!) {{ {ReadField}(id: $id) {{ id }} }}";

    /// <summary>The create mutation's field, e.g. <c>createSir</c>, and the payload field holding the report, e.g. <c>sir</c>.</summary>
    string CreateField { get; }

    string PayloadField { get; }

    string CreateMutation { get; }

    string UpdateMutation { get; }

    string AmendMutation { get; }

    IReadOnlyList<MatrixPiiField> PiiFields { get; }

    /// <summary>Whether every report of the type is reviewed before submission, whatever the office (SPEAR).</summary>
    bool ReviewMandatory => false;

    Dictionary<string, object?> Input(string title);
}

/// <summary>SIR: the module's <c>sir</c>, <c>createSir</c>, <c>updateSir</c>, <c>amendSir</c>, and the PII of PIA 1.1.</summary>
public sealed class SirUnderTest : IMatrixReportType
{
    public string Code => "SIR";
    public string ReadField => "sir";
    public string CreateField => "createSir";
    public string PayloadField => "sir";
    public string CreateMutation => "mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }";
    public string UpdateMutation => "mutation($input: UpdateSirInput!) { updateSir(input: $input) { sir { id version } errors { code message } } }";
    public string AmendMutation => "mutation($input: AmendSirInput!) { amendSir(input: $input) { sir { id version } errors { code message } } }";

    public Dictionary<string, object?> Input(string title) => PiiSir.Input(title);

    public IReadOnlyList<MatrixPiiField> PiiFields { get; } =
    [
        Person("firstName", PiiSir.FirstName),
        Person("middleName", PiiSir.MiddleName),
        Person("lastName", PiiSir.LastName),
        Person("dateOfBirth", PiiSir.DateOfBirth),
        new("ReportPerson.age", "people { age }", n => n["people"]![0]!["age"], (DateTimeOffset.UtcNow.AddHours(-3).UtcDateTime.Year - 1985).ToString()),
        Person("countryOfBirth", PiiSir.CountryOfBirth),
        Person("countryOfCitizenship", PiiSir.CountryOfCitizenship),
        new("ReportPerson.address", "people { address { street } }", n => n["people"]![0]!["address"], $$"""{"street":"{{PiiSir.Street}}"}"""),
        Person("aNumber", PiiSir.ANumber),
        Person("fin", PiiSir.Fin),
        Person("fbiNumber", PiiSir.FbiNumber),
        Person("immigrationStatus", PiiSir.ImmigrationStatus),
        Address("street", PiiSir.Street),
        Address("city", PiiSir.City),
        Address("state", PiiSir.AddressState),
        Address("postalCode", PiiSir.PostalCode),
        Address("country", PiiSir.AddressCountry),
        new("Sir.injuries", "... on Sir { injuries }", n => n["injuries"], Quoted(PiiSir.Injuries)),
        new("Sir.hospital", "... on Sir { hospital }", n => n["hospital"], Quoted(PiiSir.Hospital)),
        .. MatrixPiiField.Envelope("Sir"),
    ];

    private static MatrixPiiField Person(string field, string value) =>
        new($"ReportPerson.{field}", $"people {{ {field} }}", n => n["people"]![0]![field], Quoted(value));

    private static MatrixPiiField Address(string field, string value) =>
        new($"Address.{field}", $"people {{ address {{ {field} }} }}", n => n["people"]![0]!["address"]![field], Quoted(value));

    private static string Quoted(string value) => JsonSerializer.Serialize(value);
}

/// <summary>OPPRED: a SIR for a sexually-based crime against a victim under 18; its own PII are the SIR's injuries and hospital.</summary>
public sealed class OppredUnderTest : IMatrixReportType
{
    public string Code => "OPPRED";
    public string ReadField => "oppred";
    public string CreateField => "createOppred";
    public string PayloadField => "oppred";
    public string CreateMutation => "mutation($input: CreateOppredInput!) { createOppred(input: $input) { oppred { id version } errors { code message } } }";
    public string UpdateMutation => "mutation($input: UpdateOppredInput!) { updateOppred(input: $input) { oppred { id version } errors { code message } } }";
    public string AmendMutation => "mutation($input: AmendOppredInput!) { amendOppred(input: $input) { oppred { id version } errors { code message } } }";

    public Dictionary<string, object?> Input(string title)
    {
        var input = PiiSir.Input(title);
        input["qualifyingOffence"] = "SEXUAL_ABUSE_OF_MINOR";
        input["victims"] = new object[]
        {
            new { ageGroup = "SIX_TO_ELEVEN", sex = "FEMALE", smugglingOrTraffickingVictim = true, relationshipToOffender = "POSITION_OF_TRUST", countryOfBirth = "GTM", countryOfCitizenship = "HND" },
        };
        input["criminalHistory"] = new object[]
        {
            new
            {
                personPosition = 0, arrestCity = PiiSir.City, arrestState = "MA", registeredSexOffender = true, amberAlertAssociated = true, protectActCase = true,
                aggravatedFelon = true, fugitive = true, priorArrests = 3, priorConvictions = 2, priorRecord = PiiSir.PriorRecord,
            },
        };
        return input;
    }

    public IReadOnlyList<MatrixPiiField> PiiFields { get; } =
    [
        new("OppredVictim.ageGroup", "... on Oppred { victims { ageGroup } }", n => n["victims"]![0]!["ageGroup"], JsonSerializer.Serialize("SIX_TO_ELEVEN")),
        new("OppredVictim.smugglingOrTraffickingVictim", "... on Oppred { victims { smugglingOrTraffickingVictim } }",
            n => n["victims"]![0]!["smugglingOrTraffickingVictim"], "true"),
        new("OppredCriminalHistory.priorRecord", "... on Oppred { criminalHistory { priorRecord } }", n => n["criminalHistory"]![0]!["priorRecord"],
            JsonSerializer.Serialize(PiiSir.PriorRecord)),
        new("OppredCriminalHistory.registeredSexOffender", "... on Oppred { criminalHistory { registeredSexOffender } }",
            n => n["criminalHistory"]![0]!["registeredSexOffender"], "true"),
        new("Oppred.injuries", "... on Oppred { injuries }", n => n["injuries"], JsonSerializer.Serialize(PiiSir.Injuries)),
        new("Oppred.hospital", "... on Oppred { hospital }", n => n["hospital"], JsonSerializer.Serialize(PiiSir.Hospital)),
        new("ReportPerson.lastName", "people { lastName }", n => n["people"]![0]!["lastName"], JsonSerializer.Serialize(PiiSir.LastName)),
    ];
}

/// <summary>SPEAR: the planned activity's location is PII (often a person's address), as are its suspects; review is mandatory.</summary>
public sealed class SpearUnderTest : IMatrixReportType
{
    public string Code => "SPEAR";
    public string ReadField => "spear";
    public string CreateField => "createSpear";
    public string PayloadField => "spear";
    public string CreateMutation => "mutation($input: CreateSpearInput!) { createSpear(input: $input) { spear { id version } errors { code message } } }";
    public string UpdateMutation => "mutation($input: UpdateSpearInput!) { updateSpear(input: $input) { spear { id version } errors { code message } } }";
    public string AmendMutation => "mutation($input: AmendSpearInput!) { amendSpear(input: $input) { spear { id version } errors { code message } } }";
    public bool ReviewMandatory => true;

    public Dictionary<string, object?> Input(string title)
    {
        var input = PiiSir.Input(title);
        input.Remove("category");
        input.Remove("injuries");
        input.Remove("hospital");
        input["activityKind"] = "SEARCH";
        input["plannedAt"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O");
        input["activityLocation"] = PiiSir.Street;
        return input;
    }

    public IReadOnlyList<MatrixPiiField> PiiFields { get; } =
    [
        new("Spear.activityLocation", "... on Spear { activityLocation }", n => n["activityLocation"], JsonSerializer.Serialize(PiiSir.Street)),
        new("ReportPerson.lastName", "people { lastName }", n => n["people"]![0]!["lastName"], JsonSerializer.Serialize(PiiSir.LastName)),
    ];
}

/// <summary>SPOT: its subject and summary may name a suspect (PIA 1.1), so both are PII.</summary>
public sealed class SpotUnderTest : IMatrixReportType
{
    public string Code => "SPOT";
    public string ReadField => "spot";
    public string CreateField => "createSpot";
    public string PayloadField => "spot";
    public string CreateMutation => "mutation($input: CreateSpotInput!) { createSpot(input: $input) { spot { id version } errors { code message } } }";
    public string UpdateMutation => "mutation($input: UpdateSpotInput!) { updateSpot(input: $input) { spot { id version } errors { code message } } }";
    public string AmendMutation => "mutation($input: AmendSpotInput!) { amendSpot(input: $input) { spot { id version } errors { code message } } }";

    public Dictionary<string, object?> Input(string title)
    {
        var input = PiiSir.Input(title);
        input.Remove("category");
        input.Remove("injuries");
        input.Remove("hospital");
        input["nature"] = "CRITICAL_INCIDENT";
        input["subject"] = PiiSir.SpotSubject;
        input["summary"] = PiiSir.SpotSummary;
        input["authorizingOffice"] = "SAC-BOS";
        return input;
    }

    public IReadOnlyList<MatrixPiiField> PiiFields { get; } =
    [
        new("Spot.subject", "... on Spot { subject }", n => n["subject"], JsonSerializer.Serialize(PiiSir.SpotSubject)),
        new("Spot.summary", "... on Spot { summary }", n => n["summary"], JsonSerializer.Serialize(PiiSir.SpotSummary)),
        .. MatrixPiiField.Envelope("Spot"),
    ];
}
