using System.Linq.Expressions;
using System.Reflection;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// A new <typeparamref name="TReport"/> holding a copy of an envelope's values (every settable property <see cref="Report"/>
/// declares, the lists included) and its own fields' defaults: see <see cref="IReportType.EnvelopeOnly"/>; or an envelope's values
/// copied into a <typeparamref name="TReport"/> holding its own fields (<see cref="IReportType.LoadDetailsAsync"/>). One compiled
/// copy per type, no reflection per report.
/// </summary>
internal static class ReportEnvelopeCopy<TReport> where TReport : Report
{
    private static readonly Func<Report, TReport>? Copy = Compile();
    private static readonly Action<Report, TReport> CopyInto = CompileInto();

    /// <summary>The copy; null when <typeparamref name="TReport"/> cannot be created that way (abstract, no parameterless constructor).</summary>
    public static TReport? Of(Report envelope) => Copy?.Invoke(envelope);

    /// <summary>Sets every envelope property of <paramref name="target"/> to <paramref name="envelope"/>'s value; its own fields stay as they are.</summary>
    public static void Into(Report envelope, TReport target) => CopyInto(envelope, target);

    private static IEnumerable<PropertyInfo> EnvelopeProperties() =>
        typeof(Report).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == typeof(Report) && p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0);

    private static Action<Report, TReport> CompileInto()
    {
        var source = Expression.Parameter(typeof(Report), "envelope");
        var target = Expression.Parameter(typeof(TReport), "target");
        var assignments = EnvelopeProperties().Select(p => (Expression)Expression.Assign(Expression.Property(target, p), Expression.Property(source, p)));
        return Expression.Lambda<Action<Report, TReport>>(Expression.Block(assignments.Append(Expression.Empty())), source, target).Compile();
    }

    private static Func<Report, TReport>? Compile()
    {
        var source = Expression.Parameter(typeof(Report), "envelope");
        if (typeof(TReport).IsAbstract
            || typeof(TReport).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not { } constructor)
            return null;
        var bindings = EnvelopeProperties()
            .Select(p => (MemberBinding)Expression.Bind(p, Expression.Property(source, p)));
        return Expression.Lambda<Func<Report, TReport>>(Expression.MemberInit(Expression.New(constructor), bindings), source).Compile();
    }
}
