using System;
using System.Collections;
using Clife.Device.Hal;
using Clife.Device.Protocol;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Sub-devices for the SUBFIRM tests: each has versions and takes an image over its "link"; a test can make the
    /// next update fail at a chosen step, and sees the image a sub-device received.
    /// </summary>
    public sealed class FakeSubDevices : ISubDevices
    {
        /// <summary>Step names for <see cref="FailAt"/>.</summary>
        public const string AtBegin = "begin", AtWrite = "write", AtFinish = "finish";

        private readonly ArrayList _devices = new ArrayList();
        private byte[]? _image;
        private int _received;
        private int _devNum = -1;
        private string _software = "";

        /// <summary>Makes the next update fail at this step ("begin", "write" or "finish"); empty: none.</summary>
        public string FailAt = "";
        /// <summary>The last image a sub-device installed, or null.</summary>
        public byte[]? Installed;
        /// <summary>Images installed.</summary>
        public int Updates;
        /// <summary>Write calls of all updates.</summary>
        public int Writes;
        /// <summary>Largest single write.</summary>
        public int LargestWrite;

        /// <summary>Adds a sub-device.</summary>
        public FakeSubDevices Add(int devNum, string software, string hardware)
        {
            _devices.Add(new DevVersion(devNum, software, hardware));
            return this;
        }

        /// <summary>The software version of a sub-device, or null.</summary>
        public string? SoftwareOf(int devNum)
        {
            DevVersion? d = Find(devNum);
            return d == null ? null : d.Software;
        }

        /// <inheritdoc/>
        public DevVersion[] Versions()
        {
            DevVersion[] copy = new DevVersion[_devices.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                DevVersion d = (DevVersion)_devices[i]!;
                copy[i] = new DevVersion(d.DevNum, d.Software, d.Hardware);
            }
            return copy;
        }

        /// <inheritdoc/>
        public string? Begin(int devNum, int size, string software)
        {
            if (Find(devNum) == null) return "no sub-device " + devNum.ToString();
            if (Fails(AtBegin)) return "the sub-device refused the update";
            _image = new byte[size];
            _received = 0;
            _devNum = devNum;
            _software = software;
            return null;
        }

        /// <inheritdoc/>
        public string? Write(int devNum, byte[] buffer, int offset, int count)
        {
            if (_image == null || devNum != _devNum) return "no update in progress";
            if (Fails(AtWrite)) return "the link to the sub-device broke";
            if (_received + count > _image.Length) return "more bytes than announced";
            Array.Copy(buffer, offset, _image, _received, count);
            _received += count;
            Writes++;
            if (count > LargestWrite) LargestWrite = count;
            return null;
        }

        /// <inheritdoc/>
        public string? Finish(int devNum)
        {
            if (_image == null || devNum != _devNum) return "no update in progress";
            if (_received != _image.Length) return "image incomplete: " + _received.ToString() + " of " + _image.Length.ToString() + " bytes";
            if (Fails(AtFinish)) return "the sub-device rejected the image";
            Installed = _image;
            _image = null;
            Find(devNum)!.Software = _software;
            Updates++;
            return null;
        }

        private DevVersion? Find(int devNum)
        {
            for (int i = 0; i < _devices.Count; i++)
            {
                DevVersion d = (DevVersion)_devices[i]!;
                if (d.DevNum == devNum) return d;
            }
            return null;
        }

        private bool Fails(string step)
        {
            if (FailAt != step) return false;
            FailAt = "";
            return true;
        }
    }
}
