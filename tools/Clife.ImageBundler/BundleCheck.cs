using Clife.Device.Host.Flash;
using Clife.Device.Ota;

namespace Clife.ImageBundler;

/// <summary>
/// The device's own check of a bundle: header, size and payload CRC (<see cref="Bundle.Verify"/>), then every assembly
/// expanded with the core's inflater and CRC-checked, as the loader does before loading it.
/// </summary>
internal static class BundleCheck
{
    /// <summary>The header of a valid bundle; throws a <see cref="BundleException"/> naming the problem otherwise.</summary>
    public static BundleHeader Verify(byte[] bundle)
    {
        var area = new ReadOnlyArea(bundle);
        BundleHeader header = Bundle.Verify(area, bundle.Length, new byte[BundleHeader.MaxHeaderSize]);
        var inflater = new Inflate();
        for (int i = 0; i < header.Names.Length; i++) Bundle.ReadAssembly(area, header, i, inflater);
        return header;
    }
}
