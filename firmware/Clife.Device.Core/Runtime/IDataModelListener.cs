namespace Clife.Device.Runtime
{
    /// <summary>The application's hook: called after the platform changed data points with 2011.</summary>
    public interface IDataModelListener
    {
        /// <summary>The points were set; apply them to the hardware (relay, LED, ...).</summary>
        void OnControlled(DataModel model, string[] changedPoints);
    }
}
