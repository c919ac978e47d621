using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Clife.Device.Hal;

namespace Clife.Device.Host.Console;

/// <summary>
/// The virtual device's console transport: input from stdin and/or a TCP port merged into one byte stream, output
/// written to every attached side. Reads never block (the runtime polls).
/// </summary>
public sealed class ConsoleStreams : IByteStream, IDisposable
{
    private readonly ConcurrentQueue<byte> _input = new();
    private readonly object _writeLock = new();
    private readonly CancellationTokenSource _stop = new();
    private Stream? _stdout;
    private TcpListener? _listener;
    private NetworkStream? _tcpClient;

    /// <summary>TCP port the console listens on, or 0 when it does not.</summary>
    public int TcpPort { get; private set; }

    /// <summary>Reads stdin on a background thread and writes to stdout.</summary>
    public void AttachStdio()
    {
        _stdout = System.Console.OpenStandardOutput();
        Stream stdin = System.Console.OpenStandardInput();
        var thread = new Thread(() => Pump(stdin)) { IsBackground = true, Name = "console-stdin" };
        thread.Start();
    }

    /// <summary>Listens on 127.0.0.1:port (0 = a free port) and serves one client at a time.</summary>
    public void ListenTcp(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        TcpPort = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var thread = new Thread(AcceptLoop) { IsBackground = true, Name = "console-tcp" };
        thread.Start();
    }

    /// <summary>Feeds bytes as if typed (for in-process drivers such as the demo).</summary>
    public void Inject(byte[] bytes)
    {
        foreach (byte b in bytes) _input.Enqueue(b);
    }

    /// <summary>Receives everything the console writes (in addition to stdout/TCP).</summary>
    public event Action<byte[]>? Output;

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _input.TryDequeue(out byte b)) buffer[offset + n++] = b;
        return n;
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        lock (_writeLock)
        {
            try
            {
                _stdout?.Write(buffer, offset, count);
                _stdout?.Flush();
            }
            catch (IOException)
            {
                _stdout = null; // stdout closed: keep the device running
            }
            try
            {
                _tcpClient?.Write(buffer, offset, count);
            }
            catch (IOException)
            {
                _tcpClient = null;
            }
            catch (ObjectDisposedException)
            {
                _tcpClient = null;
            }
        }
        Action<byte[]>? output = Output;
        if (output is not null)
        {
            byte[] copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            output(copy);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _listener?.Stop();
        _tcpClient?.Dispose();
    }

    private void Pump(Stream source)
    {
        byte[] chunk = new byte[256];
        try
        {
            int n;
            while (!_stop.IsCancellationRequested && (n = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                for (int i = 0; i < n; i++) _input.Enqueue(chunk[i]);
            }
        }
        catch (IOException)
        {
            // the side went away; the device keeps running
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = _listener!.AcceptTcpClient();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            NetworkStream stream = client.GetStream();
            lock (_writeLock)
            {
                _tcpClient?.Dispose();
                _tcpClient = stream;
            }
            Pump(stream);
            lock (_writeLock)
            {
                if (_tcpClient == stream) _tcpClient = null;
            }
            client.Dispose();
        }
    }
}
