using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Clife.Simulator.Logging;

/// <summary>Masks secrets (devKey, devSecret, passwords) in JSON before it is printed.</summary>
public static class Redactor
{
    /// <summary>What a masked value prints as.</summary>
    public const string Mask = "***";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "devSecret", "devKey", "password", "secret", "iv",
    };

    /// <summary>A copy of the node with every secret member's value replaced by the mask.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        if (node is null) return null;
        JsonNode copy = node.DeepClone();
        Walk(copy);
        return copy;
    }

    /// <summary>Compact JSON of the node with secrets masked.</summary>
    public static string ToSafeJson(JsonNode? node) => Redact(node)?.ToJsonString() ?? "null";

    private static void Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (string key in o.Select(p => p.Key).ToList())
                {
                    if (SecretNames.Contains(key)) o[key] = Mask;
                    else if (o[key] is JsonNode child) Walk(child);
                }
                break;
            case JsonArray a:
                foreach (JsonNode? child in a)
                {
                    if (child is not null) Walk(child);
                }
                break;
        }
    }
}
