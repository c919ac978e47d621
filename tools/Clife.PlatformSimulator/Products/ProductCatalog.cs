using System;
using System.Collections.Generic;
using System.Linq;

namespace Clife.Simulator.Products;

/// <summary>The products the platform knows, by productCode (thread-safe).</summary>
public sealed class ProductCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a product after validating it.</summary>
    public void Add(Product product)
    {
        product.Validate();
        lock (_gate)
        {
            _products[product.ProductCode] = product;
        }
    }

    /// <summary>The product with that code, or null.</summary>
    public Product? Find(string productCode)
    {
        lock (_gate)
        {
            return _products.GetValueOrDefault(productCode);
        }
    }

    /// <summary>The product that pre-provisioned this devId, or null.</summary>
    public Product? FindByProvisionedDevId(string devId)
    {
        lock (_gate)
        {
            return _products.Values.FirstOrDefault(p => p.DevIds.Contains(devId, StringComparer.Ordinal));
        }
    }

    /// <summary>All products, ordered by code.</summary>
    public IReadOnlyList<Product> All
    {
        get
        {
            lock (_gate)
            {
                return _products.Values.OrderBy(p => p.ProductCode, StringComparer.Ordinal).ToList();
            }
        }
    }
}
