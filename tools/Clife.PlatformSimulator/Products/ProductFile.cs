using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clife.Simulator.Admin;

namespace Clife.Simulator.Products;

/// <summary>
/// Reads products from JSON: one product object, an array of them, or {"products":[...]}. A product object is
/// {"productCode","devKey","cipherMode"?:"ECB"|"CBC","iv"?,"authLevels"?:[0,1,2],"devIds"?:[...]}.
/// Also reads the CLI's short form CODE:KEY[:LEVELS[:DEVID,DEVID...]] (LEVELS like 012 or 1,2).
/// </summary>
public static class ProductFile
{
    /// <summary>Parses products from JSON text.</summary>
    /// <exception cref="JsonException">Not JSON or not products.</exception>
    public static IReadOnlyList<Product> Parse(string json)
        => Parse(JsonNode.Parse(json) ?? throw new JsonException("products JSON is null"));

    /// <summary>Parses products from a JSON node.</summary>
    /// <exception cref="JsonException">Not products.</exception>
    public static IReadOnlyList<Product> Parse(JsonNode node)
    {
        JsonNode list = node is JsonObject o && o["products"] is JsonArray a ? a : node;
        IEnumerable<JsonNode?> items = list is JsonArray arr ? arr : [list];
        var products = new List<Product>();
        foreach (JsonNode? item in items)
        {
            if (item is not JsonObject) throw new JsonException("each product must be a JSON object");
            Product p = item.Deserialize<Product>(AdminJson.Options) ?? throw new JsonException("product is null");
            products.Add(p);
        }
        return products;
    }

    /// <summary>Parses CODE:KEY[:LEVELS[:DEVID,DEVID...]].</summary>
    /// <exception cref="FormatException">Not of that form.</exception>
    public static Product ParseShort(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new FormatException($"product '{text}' is not CODE:KEY[:LEVELS[:DEVID,...]]");
        IReadOnlyList<int> levels = [0, 1, 2];
        if (parts.Length >= 3 && parts[2].Length > 0)
        {
            levels = parts[2].Where(c => c != ',').Select(c => c is >= '0' and <= '2'
                ? c - '0'
                : throw new FormatException($"product '{parts[0]}': authLevels '{parts[2]}' must be digits 0-2")).Distinct().ToList();
        }
        IReadOnlyList<string> devIds = parts.Length == 4
            ? parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var p = new Product { ProductCode = parts[0], DevKey = parts[1], AuthLevels = levels, DevIds = devIds };
        try
        {
            p.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
        return p;
    }
}
