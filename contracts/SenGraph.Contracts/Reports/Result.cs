using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports;

/// <summary>A value, or the <see cref="UserError"/>s that prevented it.</summary>
public sealed class Result<T>
{
    private readonly T _value;

    private Result(T value, IReadOnlyList<UserError> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<UserError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value; throws when the result failed.</summary>
    public T Value => Succeeded ? _value : throw new InvalidOperationException($"The result failed: {Errors[0].Code} {Errors[0].Message}");

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(params UserError[] errors) =>
        errors.Length > 0 ? new(default!, errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));

    public override string ToString() => Succeeded ? $"Success({_value})" : $"Failure({string.Join(", ", Errors.Select(e => e.Code))})";
}
