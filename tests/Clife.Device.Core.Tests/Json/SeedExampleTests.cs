using Clife.Device.Json;

namespace Clife.Device.Tests
{
    /// <summary>Every JSON example of the platform's document tokenizes to exactly the expected tokens.</summary>
    public sealed class SeedExampleTests
    {
        public void File_download_request_tokenizes_completely()
        {
            Check.Equal(
                "{ cmd: 2019 ver: \"1.0\" dir: \"30\" timestamp: 1617787651542 msgId: 23454 data: { fileMode: \"DOWN\" productVer: 2 "
                + "fileInfo: [ { fileType: \"FIRM\" devNum: 0 software: \"1.0.2.0\" hardware: \"02\" checkSum: 34458424 "
                + "md5: \"6d348c902ace4d09b6d62ce982dc8ace\" url: \"http://clife.open.cn/device/ota/esp8266.bin\" } "
                + "{ fileType: \"SUBFIRM\"  devNum: 1 software: \"01\" hardware: \"02\" checkSum: 764234235 "
                + "md5: \"6d348c902ace4d09b6d62ce982dc8ace\" url: \"http://clife.open.cn/device/ota/esp8266_1.bin\" } ] "
                + "startTime: 0 stopTime: 600 } }",
                JsonText.Tokens(SeedExamples.FileDown));
        }

        public void The_download_example_keeps_its_key_with_a_leading_space()
        {
            byte[] json = JsonText.Utf8Of(SeedExamples.FileDown);
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            int spaced = 0, plain = 0;
            while (r.Read())
            {
                if (r.TokenType != JsonTokenType.PropertyName) continue;
                if (r.ValueEquals(" devNum")) spaced++;
                if (r.ValueEquals("devNum")) plain++;
            }
            Check.Equal(1, spaced, "\" devNum\" keys");
            Check.Equal(1, plain, "\"devNum\" keys");
        }

        public void File_upload_request_tokenizes_completely()
        {
            Check.Equal(
                "{ cmd: 2019 ver: \"1.0\" dir: \"30\" timestamp: 1617787651542 msgId: 231 data: { fileMode: \"UP\" "
                + "fileInfo: [ { fileType: \"PHOTO\" url: \"http://clife.open.cn/device/storage\" } ] startTime: 0 stopTime: 60 } }",
                JsonText.Tokens(SeedExamples.FileUp));
        }

        public void Upgrade_reply_tokenizes_completely()
        {
            Check.Equal(
                "{ cmd: 2018 ver: \"1.0\" dir: \"03\" timestamp: 1617787651542 msgId: 23454 data: { respCode: 3 respCont: \"ver\" "
                + "productVer: 2 devVer: [ { software: \"1.0.0.0\" hardware: \"1.0\" devNum: 0 } { software: \"01\" hardware: \"02\" devNum: 1 } ] } }",
                JsonText.Tokens(SeedExamples.UpgradeReply));
        }

        public void Device_upgrade_request_tokenizes_completely()
        {
            Check.Equal(
                "{ cmd: 2018 ver: \"1.0\" dir: \"03\" timestamp: 1617787651542 msgId: 23454 data: { respCode: 2 respCont: \"SUBFIRM\" } }",
                JsonText.Tokens(SeedExamples.UpgradeRequest));
        }

        public void The_timestamp_of_the_examples_is_a_64_bit_integer()
        {
            JsonReader r = JsonText.First(SeedExamples.UpgradeRequest);
            while (r.Read())
            {
                if (r.TokenType == JsonTokenType.PropertyName && r.ValueEquals("timestamp")) break;
            }
            r.Read();
            Check.Equal(1617787651542L, r.GetInt64(), "timestamp");
            int small;
            Check.False(r.TryGetInt32(out small), "does not fit an int");
        }
    }
}
