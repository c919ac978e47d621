using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clife.Simulator.Admin;

/// <summary>JSON settings of the admin API (camelCase, enums as text, nulls omitted).</summary>
public static class AdminJson
{
    /// <summary>Compact options for the wire.</summary>
    public static JsonSerializerOptions Options { get; } = Create(false);

    /// <summary>Indented options for printing.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.MakeReadOnly(true);
        return o;
    }
}
