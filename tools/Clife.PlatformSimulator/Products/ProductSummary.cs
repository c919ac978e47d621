using System.Collections.Generic;

namespace Clife.Simulator.Products;

/// <summary>What the admin API shows of a product: everything but the devKey and IV.</summary>
public sealed record ProductSummary(string ProductCode, string CipherMode, IReadOnlyList<int> AuthLevels, IReadOnlyList<string> DevIds)
{
    /// <summary>The summary of a product.</summary>
    public static ProductSummary Of(Product p) => new(p.ProductCode, p.CipherMode.ToString().ToUpperInvariant(), p.AuthLevels, p.DevIds);
}
