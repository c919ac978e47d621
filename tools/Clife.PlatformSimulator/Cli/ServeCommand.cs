using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Cli;

/// <summary>`serve`: runs a simulator until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var httpPort = new Option<int>("--http-port") { Description = "HTTP port: register endpoint, files, uploads, admin API (0 = free port)", DefaultValueFactory = _ => SimulatorCli.DefaultHttpPort };
        var httpsPort = new Option<int>("--https-port") { Description = "HTTPS port, used with --cert (0 = free port)", DefaultValueFactory = _ => 8443 };
        var cert = new Option<FileInfo?>("--cert") { Description = "PFX/PKCS#12 certificate for the HTTPS endpoint" };
        var certPassword = new Option<string?>("--cert-password") { Description = "password of the --cert file" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "port of the embedded MQTT broker (0 = free port)", DefaultValueFactory = _ => 1883 };
        var broker = new Option<string?>("--broker") { Description = "use an external broker instead, e.g. mqtt://127.0.0.1:1883 (devices are then not authenticated)" };
        var brokerUser = new Option<string?>("--broker-user") { Description = "username of the platform's client on the external broker" };
        var brokerPassword = new Option<string?>("--broker-password") { Description = "password of the platform's client on the external broker" };
        var product = new Option<string[]>("--product") { Description = "a product as CODE:KEY[:LEVELS[:DEVID,...]] (repeatable); KEY = 32 hex digits or 16 characters, LEVELS e.g. 012", AllowMultipleArgumentsPerToken = false };
        var products = new Option<FileInfo?>("--products") { Description = "JSON file of products ({\"products\":[{\"productCode\",\"devKey\",\"cipherMode\",\"iv\",\"authLevels\",\"devIds\"}]})" };
        var bind = new Option<string>("--bind") { Description = "address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var advertiseHost = new Option<string?>("--advertise-host") { Description = "mqttHost told to devices (default: the broker's host)" };
        var upTopic = new Option<string>("--up-topic") { Description = "device→platform topic template", DefaultValueFactory = _ => TopicTemplate.DefaultUp };
        var downTopic = new Option<string>("--down-topic") { Description = "platform→device topic template", DefaultValueFactory = _ => TopicTemplate.DefaultDown };
        var noAck = new Option<bool>("--no-report-ack") { Description = "do not answer 2006 reports with 2007" };
        var quiet = new Option<bool>("--quiet") { Description = "do not log frames and requests" };

        var command = new Command("serve", "run the platform simulator until Ctrl+C")
        {
            httpPort, httpsPort, cert, certPassword, mqttPort, broker, brokerUser, brokerPassword, product, products, bind, advertiseHost, upTopic, downTopic, noAck, quiet,
        };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            SimulatorOptions options;
            try
            {
                var list = new List<Product>();
                if (r.GetValue(products) is FileInfo file)
                {
                    if (!file.Exists) throw new FormatException($"products file '{file.FullName}' does not exist");
                    list.AddRange(ProductFile.Parse(await File.ReadAllTextAsync(file.FullName, ct).ConfigureAwait(false)));
                }
                foreach (string p in r.GetValue(product) ?? []) list.Add(ProductFile.ParseShort(p));
                foreach (Product p in list) p.Validate();
                if (!IPAddress.TryParse(r.GetValue(bind), out IPAddress? bindAddress)) throw new FormatException($"--bind '{r.GetValue(bind)}' is not an IP address");
                X509Certificate2? certificate = null;
                if (r.GetValue(cert) is FileInfo certFile)
                {
                    if (!certFile.Exists) throw new FormatException($"certificate file '{certFile.FullName}' does not exist");
                    certificate = X509CertificateLoader.LoadPkcs12FromFile(certFile.FullName, r.GetValue(certPassword));
                }
                string? brokerUrl = r.GetValue(broker);
                options = new SimulatorOptions
                {
                    BindAddress = bindAddress,
                    HttpPort = r.GetValue(httpPort),
                    HttpsCertificate = certificate,
                    HttpsPort = r.GetValue(httpsPort),
                    MqttPort = r.GetValue(mqttPort),
                    ExternalBroker = brokerUrl is null ? null : BrokerSettings.Parse(brokerUrl, r.GetValue(brokerUser), r.GetValue(brokerPassword)),
                    AdvertisedMqttHost = r.GetValue(advertiseHost),
                    UpTopicTemplate = r.GetValue(upTopic)!,
                    DownTopicTemplate = r.GetValue(downTopic)!,
                    Products = list,
                    AckReports = !r.GetValue(noAck),
                    Log = r.GetValue(quiet) ? null : output.WriteLine,
                };
                _ = new TopicTemplate(options.UpTopicTemplate);
                _ = new TopicTemplate(options.DownTopicTemplate);
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException or IOException or CryptographicException)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            PlatformSimulator sim;
            try
            {
                sim = await PlatformSimulator.StartNewAsync(options, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                await error.WriteLineAsync($"error: could not start the simulator: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            await using (sim.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"clife platform simulator ready: {sim.DescribeEndpoints()}; admin API {sim.BaseUrl}/admin; {sim.Products.All.Count} product(s). Ctrl+C stops.").ConfigureAwait(false);
                if (sim.Products.All.Count == 0)
                    await error.WriteLineAsync("warning: no products configured; registrations fail with 'unknown product' until one is added (--product, --products or POST /admin/products)").ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or the caller's token: stop normally.
                }
            }
            return 0;
        });
        return command;
    }
}
