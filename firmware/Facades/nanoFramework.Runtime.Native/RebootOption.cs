// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/RebootOption.cs@314973ea44e0a7fd531909a2bdab54787ffa8073

namespace nanoFramework.Runtime.Native
{
    /// <summary>Kinds of reboot.</summary>
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}
