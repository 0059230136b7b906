using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace BotHost.ScaleOut;

/// <summary>
/// Keeps the Data Protection key ring in the shared database, so an agent's sign-in cookie issued by one host is read
/// by every other host behind the load balancer (with one data folder per host, each would otherwise have its own keys).
/// Like the key folder it replaces, the keys are stored unencrypted: whoever reads the database can forge cookies.
/// </summary>
internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS data_protection_keys (friendly_name text PRIMARY KEY, xml text NOT NULL)";

    private readonly Lock _lock = new();
    private bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY friendly_name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    /// <summary>Data Protection calls the repository synchronously, so this does too.</summary>
    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        lock (_lock)
        {
            if (!_created)
            {
                try
                {
                    using var create = new NpgsqlCommand(CreateTable, connection);
                    create.ExecuteNonQuery();
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
                {
                    // Another host created it at the same moment.
                }

                _created = true;
            }
        }

        return connection;
    }
}
