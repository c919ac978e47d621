using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Registration;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>POST /device/register of the simulator, seen from a device.</summary>
public sealed class RegistrationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PlatformSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await Sim.StartAsync(output);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Mid_level_registration_returns_an_encrypted_2001_with_credentials_and_broker()
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:01", msgId: 4711);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(2001, (int)r.Frame!["cmd"]!);
        Assert.Equal("30", (string)r.Frame["dir"]!);
        Assert.Equal(4711, (long)r.Frame["msgId"]!);
        Assert.True(r.Frame["data"] is JsonValue, "data must be an encrypted base64 string");
        Assert.Equal(0, r.RespCode);
        Assert.Equal("ok", r.RespCont);
        Assert.Matches("^[0-9a-f]{16}$", r.DevId);
        Assert.Matches("^[0-9a-f]{32}$", r.DevSecret);
        Assert.Equal(_sim.MqttHost, (string)r.Data!["mqttHost"]!);
        Assert.Equal(_sim.MqttPort, (int)r.Data["mqttPort"]!);
        Assert.False((bool)r.Data["mqttTls"]!);
        long ts = (long)r.Data["timestamp"]!;
        Assert.InRange(ts, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        Assert.InRange((long)r.Frame["timestamp"]!, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);

        DeviceInfo d = _sim.RequireDevice(r.DevId);
        Assert.Equal(Sim.Product, d.ProductCode);
        Assert.Equal("AA:BB:CC:00:00:01", d.Mac);
        Assert.Equal(r.DevSecret, d.DevSecret);
        Assert.Equal(DeviceState.Registered, d.State);
        Assert.Equal("1.0.0.0", d.Software);
    }

    [Fact]
    public async Task Re_registration_of_the_same_mac_keeps_the_devId_and_issues_a_fresh_secret()
    {
        RegistrationResult first = await Registration.RegisterAsync(_sim.BaseUrl, 2, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:02");
        RegistrationResult second = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, first.DevId, Sim.DevKey, "AA:BB:CC:00:00:02");
        RegistrationResult other = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:03");

        Assert.Equal(first.DevId, second.DevId);
        Assert.NotEqual(first.DevSecret, second.DevSecret);
        Assert.NotEqual(first.DevId, other.DevId);
        Assert.Equal(2, _sim.RequireDevice(first.DevId).Registrations);
    }

    [Fact]
    public async Task High_level_registration_gets_the_provisioned_devId()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 0, null, Sim.ProvisionedDevId, Sim.DevKey, "AA:BB:CC:00:00:04");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(0, r.RespCode);
        Assert.Equal(Sim.ProvisionedDevId, r.DevId);
        Assert.Equal(0, _sim.RequireDevice(Sim.ProvisionedDevId).AuthLevel);
    }

    [Fact]
    public async Task High_level_registration_of_a_devId_that_is_not_provisioned_is_forbidden_with_a_plain_reason()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 0, Sim.Product, "hd9999999999", Sim.DevKey, "AA:BB:CC:00:00:05", msgId: 9);

        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Equal(2001, (int)r.Frame!["cmd"]!);
        Assert.Equal(9, (long)r.Frame["msgId"]!);
        Assert.IsType<JsonObject>(r.Frame["data"]);
        Assert.NotEqual(0, r.RespCode);
        Assert.Contains("not provisioned", r.RespCont);
        Assert.Null(_sim.GetDevice("hd9999999999"));
    }

    [Theory]
    [InlineData(0, null, null, "authLevel 0 needs devId")]
    [InlineData(1, null, null, "authLevel 1 needs productCode")]
    [InlineData(2, null, "x1", "authLevel 2 needs productCode")]
    [InlineData(null, "P100", null, "authLevel missing")]
    [InlineData(7, "P100", null, "authLevel missing or not 0, 1 or 2")]
    public async Task Missing_or_invalid_query_parameters_are_a_bad_request(int? authLevel, string? productCode, string? devId, string reason)
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, authLevel, productCode, devId, Sim.DevKey, "AA:BB:CC:00:00:06");

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.NotEqual(0, r.RespCode);
        Assert.Contains(reason, r.RespCont);
    }

    [Fact]
    public async Task An_authLevel_the_product_does_not_allow_is_forbidden()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.CbcProduct, null, Sim.CbcKey, "AA:BB:CC:00:00:07", iv: Sim.CbcIv);

        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Contains("does not allow authLevel 1", r.RespCont);
    }

    [Fact]
    public async Task An_unknown_product_is_forbidden_with_its_name_in_the_reason()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, "NOPE", null, Sim.DevKey, "AA:BB:CC:00:00:08");

        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Equal("unknown product 'NOPE'", r.RespCont);
    }

    [Fact]
    public async Task A_wrong_devKey_is_unauthorized_with_a_plain_unencrypted_reason()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, "ffeeddccbbaa99887766554433221100", "AA:BB:CC:00:00:09");

        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.IsType<JsonObject>(r.Frame!["data"]);
        Assert.NotEqual(0, r.RespCode);
        Assert.Contains("devKey", r.RespCont);
        Assert.Empty(_sim.Devices);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"cmd\":2000,\"ver\":\"1.0\",\"dir\":\"03\",\"timestamp\":1}")]
    [InlineData("{\"cmd\":2004,\"ver\":\"1.0\",\"dir\":\"03\",\"msgId\":3,\"timestamp\":1,\"data\":\"x\"}")]
    [InlineData("{\"cmd\":2000,\"ver\":\"1.0\",\"dir\":\"03\",\"msgId\":3,\"timestamp\":1,\"data\":{\"mac\":\"plain\"}}")]
    public async Task A_body_that_is_not_a_2000_frame_with_encrypted_data_is_a_bad_request(string body)
    {
        RegistrationResult r = await Registration.PostAsync(_sim.BaseUrl, 1, Sim.Product, null, body, Sim.DevKey);

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal(2001, (int)r.Frame!["cmd"]!);
        Assert.False(string.IsNullOrEmpty(r.RespCont));
    }

    [Fact]
    public async Task A_numeric_string_timestamp_is_accepted()
    {
        string encrypted = DeviceCrypto.Encrypt(Registration.Data(Sim.Product, "AA:BB:CC:00:00:0A").ToJsonString(), Sim.DevKey);
        string body = Registration.Frame(encrypted, 5, JsonValue.Create("1617787651542")).ToJsonString();

        RegistrationResult r = await Registration.PostAsync(_sim.BaseUrl, 1, Sim.Product, null, body, Sim.DevKey);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(0, r.RespCode);
    }

    [Fact]
    public async Task A_CBC_product_with_a_16_character_key_and_IV_registers()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 2, Sim.CbcProduct, null, Sim.CbcKey, "AA:BB:CC:00:00:0B", iv: Sim.CbcIv);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(0, r.RespCode);
        Assert.Equal(Sim.CbcProduct, _sim.RequireDevice(r.DevId).ProductCode);
    }

    [Fact]
    public async Task An_HTTP_500_fault_applies_to_the_given_number_of_requests_then_registration_works()
    {
        _sim.SetRegistrationFault(RegistrationFault.Http500(times: 2));

        RegistrationResult a = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0C");
        RegistrationResult b = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0C");
        RegistrationResult c = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0C");

        Assert.Equal(HttpStatusCode.InternalServerError, a.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, b.Status);
        Assert.Equal(HttpStatusCode.OK, c.Status);
        Assert.Equal(3, _sim.RegistrationAttempts.Count);
        Assert.Equal([500, 500, 200], new[] { _sim.RegistrationAttempts[0].HttpStatus, _sim.RegistrationAttempts[1].HttpStatus, _sim.RegistrationAttempts[2].HttpStatus });
    }

    [Fact]
    public async Task A_refusal_fault_answers_200_with_an_encrypted_nonzero_respCode()
    {
        _sim.SetRegistrationFault(RegistrationFault.Refuse(respCode: 77, respCont: "quota exceeded", times: 1));

        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0D");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.True(r.Frame!["data"] is JsonValue, "a refusal is encrypted like a success");
        Assert.Equal(77, r.RespCode);
        Assert.Equal("quota exceeded", r.RespCont);
        Assert.Empty(_sim.Devices);
    }

    [Fact]
    public async Task A_hang_fault_makes_the_device_time_out()
    {
        _sim.SetRegistrationFault(RegistrationFault.Hang(TimeSpan.FromSeconds(30), times: 1));
        using var giveUp = new CancellationTokenSource();

        // The device gives up only once the server holds its request (a fixed client timeout could expire before a
        // loaded server even took the request, leaving the fault for the next one).
        Task<RegistrationResult> hanging = Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0E", ct: giveUp.Token);
        await _sim.WaitForRegistrationAttemptsAsync(1, TimeSpan.FromSeconds(10));
        Assert.False(hanging.IsCompleted, "no answer while the server hangs");
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
        RegistrationResult after = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0E");
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Registration_frames_are_recorded_in_the_device_log()
    {
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AA:BB:CC:00:00:0F", msgId: 77);

        var frames = _sim.GetFrames(r.DevId);
        Assert.Equal(2, frames.Count);
        Assert.Equal((FrameFlow.Up, 2000, 77L), (frames[0].Flow, frames[0].Cmd!.Value, frames[0].MsgId!.Value));
        Assert.Equal((FrameFlow.Down, 2001, 77L), (frames[1].Flow, frames[1].Cmd!.Value, frames[1].MsgId!.Value));
        Assert.All(frames, f => Assert.Equal("http", f.Channel));
    }
}
