namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// Paths inside a package: relative, '/'-separated, and unable to leave the module folder on any
/// operating system (no rooted paths, drive letters, '..', '.', empty segments, backslashes or
/// characters Windows refuses).
/// </summary>
public static class ModulePackagePath
{
    private static readonly char[] Forbidden = ['\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>Why <paramref name="path"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string path, int maxLength)
    {
        if (string.IsNullOrEmpty(path)) return "an empty path";
        if (path.Length > maxLength) return $"a path longer than {maxLength} characters";
        if (path[0] == '/' || Path.IsPathRooted(path)) return "an absolute path";
        if (path.Any(c => char.IsControl(c) || Forbidden.Contains(c))) return "a path with a backslash, colon, control or wildcard character";
        foreach (var segment in path.Split('/'))
        {
            if (segment is "..") return "a '..' segment (a path leaving the module folder)";
            if (segment is "" or ".") return "an empty or '.' path segment";
            if (segment.EndsWith(' ') || segment.EndsWith('.')) return "a path segment ending with a space or a dot";
        }

        return null;
    }

    /// <summary><paramref name="relative"/> under <paramref name="root"/>, checked to stay under it.</summary>
    public static string Combine(string root, string relative)
    {
        var rootFull = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(rootFull, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(rootFull) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ModulePackageException($"'{relative}' leaves the module folder.");
        return full;
    }
}
