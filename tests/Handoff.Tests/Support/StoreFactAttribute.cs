using Xunit.Sdk;

namespace Handoff.Tests.Support;

/// <summary>
/// A fact of a store contract. In a class marked <see cref="RequiresPostgresAttribute"/> it is skipped, with the
/// reason shown, when no PostgreSQL server is configured, and fails instead under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Handoff.Tests.Support.StoreFactDiscoverer", "Handoff.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
