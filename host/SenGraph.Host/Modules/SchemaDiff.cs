namespace SenGraph.Host.Modules;

/// <summary>How a schema change affects existing clients (the categories of graphql-inspector).</summary>
public enum SchemaChangeLevel
{
    /// <summary>Existing operations keep working.</summary>
    Safe,

    /// <summary>Existing operations keep working but may see something new (an enum value, an optional argument).</summary>
    Dangerous,

    /// <summary>Existing operations may fail.</summary>
    Breaking,
}

public sealed record SchemaChange(SchemaChangeLevel Level, string Description);

/// <summary>Compares what two versions of a module contribute.</summary>
public static class SchemaDiff
{
    public static IReadOnlyList<SchemaChange> Compare(ModuleContribution before, ModuleContribution after)
    {
        var changes = new List<SchemaChange>();
        var oldTypes = before.Types.ToDictionary(t => t.Name);
        var newTypes = after.Types.ToDictionary(t => t.Name);
        foreach (var (name, old) in oldTypes)
        {
            if (!newTypes.TryGetValue(name, out var current))
                changes.Add(new(SchemaChangeLevel.Breaking, $"Type {name} was removed."));
            else if (old.Kind != current.Kind)
                changes.Add(new(SchemaChangeLevel.Breaking, $"Type {name} changed from {old.Kind} to {current.Kind}."));
            else
                CompareType(old, current, changes);
        }

        foreach (var name in newTypes.Keys.Where(n => !oldTypes.ContainsKey(n)))
            changes.Add(new(SchemaChangeLevel.Safe, $"Type {name} was added."));
        CompareFields(before.RootFields, after.RootFields, isInput: false, changes);
        return changes.OrderByDescending(c => c.Level).ThenBy(c => c.Description, StringComparer.Ordinal).ToList();
    }

    private static void CompareType(ContributedType old, ContributedType current, List<SchemaChange> changes)
    {
        CompareFields(old.Fields, current.Fields, old.Kind == "INPUT_OBJECT", changes);
        foreach (var value in old.EnumValues.Except(current.EnumValues))
            changes.Add(new(SchemaChangeLevel.Breaking, $"Enum value {old.Name}.{value} was removed."));
        foreach (var value in current.EnumValues.Except(old.EnumValues))
            changes.Add(new(SchemaChangeLevel.Dangerous, $"Enum value {old.Name}.{value} was added."));
    }

    private static void CompareFields(IReadOnlyList<ContributedField> old, IReadOnlyList<ContributedField> current, bool isInput, List<SchemaChange> changes)
    {
        var newFields = current.ToDictionary(f => f.Coordinate);
        foreach (var field in old)
        {
            if (!newFields.TryGetValue(field.Coordinate, out var now))
            {
                changes.Add(new(SchemaChangeLevel.Breaking, $"Field {field.Coordinate} was removed."));
                continue;
            }

            if (field.Type != now.Type)
            {
                // Output: adding non-null is safe, anything else breaks clients. Input: dropping non-null is safe.
                var safe = isInput ? field.Type == now.Type + "!" : now.Type == field.Type + "!";
                changes.Add(new(safe ? SchemaChangeLevel.Safe : SchemaChangeLevel.Breaking,
                    $"Field {field.Coordinate} changed type from {field.Type} to {now.Type}."));
            }

            CompareArguments(field, now, changes);
        }

        var oldCoordinates = old.Select(f => f.Coordinate).ToHashSet();
        foreach (var added in current.Where(f => !oldCoordinates.Contains(f.Coordinate)))
        {
            var required = isInput && added.Type.EndsWith('!') && !added.HasDefault;
            changes.Add(new(required ? SchemaChangeLevel.Breaking : isInput ? SchemaChangeLevel.Dangerous : SchemaChangeLevel.Safe,
                required ? $"Required input field {added.Coordinate} was added." : $"Field {added.Coordinate} was added."));
        }
    }

    private static void CompareArguments(ContributedField old, ContributedField current, List<SchemaChange> changes)
    {
        var newArguments = current.Arguments.ToDictionary(a => a.Name);
        foreach (var argument in old.Arguments)
        {
            if (!newArguments.TryGetValue(argument.Name, out var now))
                changes.Add(new(SchemaChangeLevel.Breaking, $"Argument {old.Coordinate}({argument.Name}:) was removed."));
            else if (argument.Type != now.Type)
                changes.Add(new(argument.Type == now.Type + "!" ? SchemaChangeLevel.Safe : SchemaChangeLevel.Breaking,
                    $"Argument {old.Coordinate}({argument.Name}:) changed type from {argument.Type} to {now.Type}."));
        }

        foreach (var added in current.Arguments.Where(a => old.Arguments.All(o => o.Name != a.Name)))
        {
            var required = added.Type.EndsWith('!') && !added.HasDefault;
            changes.Add(new(required ? SchemaChangeLevel.Breaking : SchemaChangeLevel.Dangerous,
                $"{(required ? "Required argument" : "Argument")} {old.Coordinate}({added.Name}:) was added."));
        }
    }
}
