using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// PROFILE (protocol.md section 8): download, verify the md5 when given, store atomically, apply. The stored
    /// profile survives a reboot; a profile that fails verification or is refused replaces nothing.
    /// </summary>
    public sealed class ProfileTests
    {
        private readonly OtaHarness _h = OtaHarness.Online();
        private readonly byte[] _first = Utf8.GetBytes("{\"color\":\"warm\",\"schedule\":[\"06:30\",\"22:00\"],\"maxBrightness\":80}");
        private readonly byte[] _second = TestData.Pattern(3500, 12);

        public void Profile_is_verified_stored_applied_and_survives_a_reboot()
        {
            int bootRecordOps = _h.Flash.Operations;
            long msgId = Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile.json", _first), _first));
            Check.Equal("{1,1} {1,100} {0,1} {0,100}", _h.Events(msgId), "2018");
            Check.Bytes(_first, _h.Profiles.Applied!, "applied");
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "stored");
            Check.Null(_h.Ota.Pending, "a profile leaves no download record");
            Check.Equal(0, _h.Reboots, "no reboot");
            Check.False(_h.Record.Slots[1].Valid, "slots untouched");
            Check.True(_h.Flash.Operations > bootRecordOps, "written to flash");

            _h.Profiles.Applied = null;
            _h.Reboot();
            _h.RunUntilConnected(10000);
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "stored after a reboot");
            Check.Bytes(_first, _h.Profiles.Applied!, "applied again at boot");
            Check.Equal(2, _h.Profiles.Count, "applied once per install and once per boot");
            Check.Contains("stored profile of " + _first.Length.ToString() + " bytes applied", _h.LogLines.All, "logged");
        }

        public void Without_a_stored_profile_nothing_is_applied_at_boot()
        {
            _h.Reboot();
            _h.RunUntilConnected(10000);
            Check.Equal(0, _h.Profiles.Count, "nothing applied");
            Check.Null(_h.Profiles.Applied, "nothing applied");
        }

        public void A_stored_profile_the_application_refuses_at_boot_is_logged_and_kept()
        {
            Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile.json", _first), _first));
            _h.Profiles.RefuseNext = "schema 2 expected";
            _h.Reboot();
            _h.RunUntilConnected(10000);
            Check.Equal(1, _h.Profiles.Count, "only the install applied it");
            Check.Contains("stored profile of " + _first.Length.ToString() + " bytes refused by the application: schema 2 expected", _h.LogLines.All, "logged with the reason");
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "still stored: the platform decides what comes next");
        }

        public void A_second_profile_replaces_the_stored_one()
        {
            Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile.json", _first), _first));
            long msgId = Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile-2.bin", _second), _second));
            Check.Equal("{1,1} {1,100} {0,1} {0,100}", _h.Events(msgId), "2018");
            Check.Bytes(_second, _h.Ota.StoredProfile()!, "stored");
            Check.Equal(2, _h.Profiles.Count, "applied twice");
        }

        public void Profile_without_md5_is_accepted()
        {
            long msgId = Send(FileEntry.Plain(Names.TypeProfile, _h.Host("profile.json", _first)));
            Check.Equal("{1,1} {1,100} {0,1} {0,100}", _h.Events(msgId), "2018");
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "stored");
        }

        public void Profile_with_a_wrong_md5_replaces_nothing()
        {
            Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile.json", _first), _first));
            FileEntry bad = FileEntry.Describing(Names.TypeProfile, _h.Host("profile-2.bin", _second), _second);
            bad.Md5 = TestImages.Md5Hex(_first);
            long msgId = Send(bad);
            Check.Equal("{1,1} {1,100} {-1,2}", _h.Events(msgId), "2018");
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "the previous profile is still stored");
            Check.Equal(1, _h.Profiles.Count, "applied once");
        }

        public void Profile_larger_than_its_record_is_refused()
        {
            byte[] huge = TestData.Pattern(9000, 3);
            long msgId = Send(FileEntry.Describing(Names.TypeProfile, _h.Host("huge.bin", huge), huge));
            Check.Equal("{1,1} {-1,file of 9000 bytes is larger than the 4080 bytes available}", _h.Events(msgId), "2018");
            Check.Null(_h.Ota.StoredProfile(), "nothing stored");
        }

        public void Profile_refused_by_the_application_is_reported_and_not_kept()
        {
            Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile.json", _first), _first));
            _h.Profiles.RefuseNext = "unknown key maxBrightness";
            long msgId = Send(FileEntry.Describing(Names.TypeProfile, _h.Host("profile-2.bin", _second), _second));
            Check.Equal("{1,1} {1,100} {0,1} {-1,profile refused: unknown key maxBrightness}", _h.Events(msgId), "2018");
            Check.Bytes(_first, _h.Ota.StoredProfile()!, "the profile in use stays stored");
        }

        private long Send(FileEntry entry)
        {
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeDown, -1, new FileEntry[] { entry }, 0, 600));
            _h.RunUntilIdle(10000);
            return msgId;
        }
    }
}
