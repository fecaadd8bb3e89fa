using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// Fields of a submitted report that its author or designated updaters change through their own mutation
/// (<c>updateLearaDisposition</c>), each change kept as a revision with who, when and why
/// (<see cref="ReportTypeDefinition{TReport}.DesignatedUpdate"/>). Amendments stay the author's.
/// </summary>
public sealed class ReportDesignatedUpdate<TReport> where TReport : Report, IDeclaredReport<TReport>
{
    private readonly IReadOnlyList<PropertyInfo> _properties;

    internal ReportDesignatedUpdate(string name, string description, DesignatedUpdaters updaters, IReadOnlyList<LambdaExpression> fields)
    {
        Name = name;
        Description = description;
        Updaters = updaters;
        _properties = fields.Select(f => (Unwrap(f.Body) as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException($"'{f}' is not a property of {typeof(TReport).Name}.", nameof(fields))).ToList();
    }

    /// <summary>What is updated, PascalCase (<c>Disposition</c>): the mutation is <c>update</c> + the type's GraphQL name + this.</summary>
    public string Name { get; }

    /// <summary>The mutation's description.</summary>
    public string Description { get; }

    public DesignatedUpdaters Updaters { get; }

    /// <summary>The declared fields it changes (resolved when the type is checked).</summary>
    public IReadOnlyList<ReportField<TReport>> Fields { get; private set; } = [];

    /// <summary>The name in words, for messages: <c>disposition</c>.</summary>
    public string Label => string.Concat(Name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? " " : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The values of these fields in the mutation's input, checked; nothing else of the report changes.</summary>
    public ReportDetails<TReport> Read(IDictionary<string, object?> input)
    {
        var errors = new List<UserError>();
        var values = Fields.Select(f => (Field: f, Value: f.Read(input, errors))).ToList();
        return new ReportDetails<TReport>(errors, report =>
        {
            foreach (var (field, value) in values) field.Write(report, value);
        })
        {
            // The type's lists do not change, but the revision keeps them.
            LoadAsync = _loadCollections,
            Verify = ChecksRules ? report => [.. _rules.Select(rule => rule(report)).OfType<UserError>()] : null,
        };
    }

    /// <summary>Whether the type's cross-field rules are checked on the report as the update leaves it (<see cref="CheckingRules"/>).</summary>
    public bool ChecksRules { get; private set; }

    /// <summary>
    /// Checks the type's cross-field <c>Rule</c>s on the stored report with the update applied (a LEARA completed without an
    /// outcome, or before it was received): any error refuses the update and nothing is stored. Without it only each field's
    /// own checks run.
    /// </summary>
    public ReportDesignatedUpdate<TReport> CheckingRules()
    {
        ChecksRules = true;
        return this;
    }

    private Func<DbContext, TReport, CancellationToken, Task>? _loadCollections;
    private IReadOnlyList<Func<TReport, UserError?>> _rules = [];

    internal void Resolve(IReadOnlyList<ReportField<TReport>> declared, Func<DbContext, TReport, CancellationToken, Task>? loadCollections,
        IReadOnlyList<Func<TReport, UserError?>> rules, string what)
    {
        _loadCollections = loadCollections;
        _rules = rules;
        if (Name.Length == 0 || !char.IsUpper(Name[0]) || !Name.All(char.IsAsciiLetterOrDigit))
            throw new InvalidOperationException($"{what}: the designated update '{Name}' needs a PascalCase name.");
        if (_properties.Count == 0) throw new InvalidOperationException($"{what}: the designated update '{Name}' names no field.");
        Fields = _properties.Select(p => declared.FirstOrDefault(f => f.Property.Name == p.Name && !f.IsComputed)
            ?? throw new InvalidOperationException($"{what}: the designated update '{Name}' names {p.Name}, which is not a stored field; declare it with Field(...) first.")).ToList();
    }

    private static Expression Unwrap(Expression body) => body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : body;
}
