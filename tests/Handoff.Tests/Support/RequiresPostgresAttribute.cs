namespace Handoff.Tests.Support;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need a PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;
