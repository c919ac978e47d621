using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Products;

/// <summary>A product known to the platform: its devKey, cipher, allowed authLevels and pre-provisioned devIds.</summary>
public sealed class Product
{
    /// <summary>The product code the platform issued.</summary>
    public required string ProductCode { get; init; }

    /// <summary>The devKey (32 hex digits or 16 characters). Never printed.</summary>
    public required string DevKey { get; init; }

    /// <summary>Cipher mode of the HTTP data (ECB by default).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<DataCipherMode>))]
    public DataCipherMode CipherMode { get; init; } = DataCipherMode.Ecb;

    /// <summary>The IV for CBC (32 hex digits or 16 characters).</summary>
    public string? Iv { get; init; }

    /// <summary>The authLevels the product may register with (0 high, 1 mid, 2 low).</summary>
    public IReadOnlyList<int> AuthLevels { get; init; } = [0, 1, 2];

    /// <summary>devIds pre-provisioned for authLevel 0 (high) registration.</summary>
    public IReadOnlyList<string> DevIds { get; init; } = [];

    /// <summary>The cipher for this product's registration data.</summary>
    public DataCipher CreateCipher() => new(DevKey, CipherMode, Iv);

    /// <summary>Checks the configuration; throws with a reason a person can act on.</summary>
    /// <exception cref="ArgumentException">Empty code, malformed key/IV, or bad authLevels.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProductCode)) throw new ArgumentException("productCode is empty");
        if (!DataCipher.IsValidKey(DevKey)) throw new ArgumentException($"product {ProductCode}: devKey must be 32 hex digits or 16 ASCII characters");
        if (CipherMode == DataCipherMode.Cbc && !DataCipher.IsValidKey(Iv)) throw new ArgumentException($"product {ProductCode}: CBC needs an iv of 32 hex digits or 16 ASCII characters");
        foreach (int level in AuthLevels)
        {
            if (level is < 0 or > 2) throw new ArgumentException($"product {ProductCode}: authLevel {level} is not 0, 1 or 2");
        }
    }
}
