using System.Globalization;
using System.Reflection;

namespace Handoff.Persistence;

/// <summary>One embedded schema migration (<c>Persistence/Migrations/&lt;engine&gt;/NNN_name.sql</c>).</summary>
/// <param name="Version">The NNN prefix.</param>
/// <param name="Name">File name.</param>
/// <param name="Sql">Script text.</param>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The scripts of an engine (<c>Sqlite</c> or <c>Postgres</c>), ordered by version.</summary>
    public static IReadOnlyList<MigrationScript> Load(string engine)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"{assembly.GetName().Name}.Persistence.Migrations.{engine}.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..];
            var digits = new string([.. name.TakeWhile(char.IsAsciiDigit)]);
            if (digits.Length == 0)
            {
                throw new InvalidOperationException($"Migration '{resource}' must start with a version number (NNN_name.sql).");
            }

            scripts.Add(new MigrationScript(int.Parse(digits, CultureInfo.InvariantCulture), name, Read(assembly, resource)));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded migrations found under '{prefix}'.");
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
