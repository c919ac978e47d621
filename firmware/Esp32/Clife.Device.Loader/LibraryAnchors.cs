using System;

namespace Clife.Device.Esp32.Loader
{
    /// <summary>
    /// One type from each nanoFramework library that the application (loaded later from a slot) needs but the loader
    /// itself does not call. Referencing them makes each library an assembly reference of the loader, so that the
    /// deployment image built with the loader (Visual Studio, or flash.ps1 with nanoff) carries them into the deploy
    /// area, where the application's Assembly.Load finds them. Their dependencies (System.Collections,
    /// Runtime.Events) follow from their own references.
    /// </summary>
    internal static class LibraryAnchors
    {
        internal static readonly Type[] Types =
        {
            typeof(nanoFramework.M2Mqtt.MqttClient),
            typeof(nanoFramework.M2Mqtt.Messages.MqttQoSLevel),
            typeof(System.Net.Http.HttpClient),
            typeof(System.Net.NetworkInformation.NetworkInterface),
            typeof(System.Security.Cryptography.Aes),
            typeof(nanoFramework.Networking.WifiNetworkHelper),
            typeof(System.Text.Encoding),
            typeof(System.Threading.CancellationTokenSource),
            typeof(System.IO.MemoryStream),
        };
    }
}
