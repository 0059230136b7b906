using Xunit.Abstractions;
using Xunit.Sdk;

namespace Handoff.Tests.Support;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, deciding per test class whether PostgreSQL is required.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresTestEnvironment.ConnectionString is null)
        {
            if (PostgresTestEnvironment.IsCi)
            {
                yield return new ExecutionErrorTestCase(
                    diagnosticMessageSink, display, displayOptions, testMethod, PostgresTestEnvironment.MissingUnderCiMessage);
            }
            else
            {
                yield return new XunitSkippedDataRowTestCase(
                    diagnosticMessageSink, display, displayOptions, testMethod, PostgresTestEnvironment.SkipReason!);
            }

            yield break;
        }

        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
