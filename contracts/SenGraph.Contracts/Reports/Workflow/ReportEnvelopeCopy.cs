using System.Linq.Expressions;
using System.Reflection;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// A new <typeparamref name="TReport"/> holding a copy of an envelope's values (every settable property <see cref="Report"/>
/// declares, the lists included) and its own fields' defaults: see <see cref="IReportType.EnvelopeOnly"/>. One compiled
/// copy per type, no reflection per report.
/// </summary>
internal static class ReportEnvelopeCopy<TReport> where TReport : Report
{
    private static readonly Func<Report, TReport>? Copy = Compile();

    /// <summary>The copy; null when <typeparamref name="TReport"/> cannot be created that way (abstract, no parameterless constructor).</summary>
    public static TReport? Of(Report envelope) => Copy?.Invoke(envelope);

    private static Func<Report, TReport>? Compile()
    {
        var source = Expression.Parameter(typeof(Report), "envelope");
        if (typeof(TReport).IsAbstract
            || typeof(TReport).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not { } constructor)
            return null;
        var bindings = typeof(Report).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == typeof(Report) && p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Select(p => (MemberBinding)Expression.Bind(p, Expression.Property(source, p)));
        return Expression.Lambda<Func<Report, TReport>>(Expression.MemberInit(Expression.New(constructor), bindings), source).Compile();
    }
}
