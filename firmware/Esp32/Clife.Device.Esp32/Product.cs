using Clife.Device.Runtime;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The product's data points. This is the sample lamp the virtual device also uses (power, brightness, mode and a
    /// temperature sensor); a real product replaces this file with its own points and drives them from its hardware.
    /// </summary>
    public static class Product
    {
        /// <summary>Builds the data model at every boot.</summary>
        public static DataModel Model() => new DataModel(new DataPoint[]
        {
            DataPoint.Bool("power", true, false),
            DataPoint.Int("brightness", 0, 100, true, 50),
            DataPoint.Str("mode", 16, true, "auto"),
            DataPoint.Int("temperature", -40, 125, false, 22),
        });
    }
}
