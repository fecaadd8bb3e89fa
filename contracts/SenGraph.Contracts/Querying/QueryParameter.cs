using System.Linq.Expressions;

namespace SenGraph.Contracts.Querying;

/// <summary>Values in translated expressions, held so that EF Core sends them as SQL parameters, never literals.</summary>
internal static class QueryParameter
{
    /// <summary>A closure-like member access, which EF Core sends as a SQL parameter.</summary>
    public static Expression Hold(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<object>.Value));
    }

    private sealed class ValueHolder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
