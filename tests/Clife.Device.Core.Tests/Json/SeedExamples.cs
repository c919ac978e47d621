namespace Clife.Device.Tests
{
    /// <summary>
    /// The JSON examples of the platform's document (shared/seed/000_8211b343d0f5e58e.txt, section 4.3.2.8), copied
    /// byte for byte from its code blocks, blank lines around them removed.
    /// </summary>
    public static class SeedExamples
    {
        /// <summary>4.3.2.8.1 request, file download mode (DOWN): cmd 2019 with two fileInfo entries; the second entry's key is written " devNum" with a leading space in the document, kept as is.</summary>
        public const string FileDown = @"{
    ""cmd"": 2019,
    ""ver"": ""1.0"",
    ""dir"": ""30"",
    ""timestamp"": 1617787651542,
    ""msgId"": 23454,
    ""data"": {
        ""fileMode"": ""DOWN"",
        ""productVer"": 2,
        ""fileInfo"": [
            {
                ""fileType"": ""FIRM"",
                ""devNum"": 0,
                ""software"": ""1.0.2.0"",
                ""hardware"": ""02"",
                ""checkSum"": 34458424,
                ""md5"": ""6d348c902ace4d09b6d62ce982dc8ace"",
                ""url"": ""http://clife.open.cn/device/ota/esp8266.bin""
            },
            {
                ""fileType"": ""SUBFIRM"",
                "" devNum"": 1,
                ""software"": ""01"",
                ""hardware"": ""02"",
                ""checkSum"": 764234235,
                ""md5"": ""6d348c902ace4d09b6d62ce982dc8ace"",
                ""url"": ""http://clife.open.cn/device/ota/esp8266_1.bin""
            }
        ],
        ""startTime"": 0,
        ""stopTime"": 600
    }
}";

        /// <summary>4.3.2.8.1 request, file upload mode (UP): cmd 2019. The document indents it with one leading space, kept as is.</summary>
        public const string FileUp = @" {
    ""cmd"": 2019,
    ""ver"": ""1.0"",
    ""dir"": ""30"",
    ""timestamp"": 1617787651542,
    ""msgId"": 231,
    ""data"": {
        ""fileMode"": ""UP"",
        ""fileInfo"": [
            {
                ""fileType"": ""PHOTO"",
                ""url"": ""http://clife.open.cn/device/storage""
            }
        ],
        ""startTime"": 0,
        ""stopTime"": 60
    }
}";

        /// <summary>4.3.2.8.2 response to an upgrade (download mode): cmd 2018, respCode 3 with productVer and devVer.</summary>
        public const string UpgradeReply = @"{
    ""cmd"": 2018,
    ""ver"": ""1.0"",
    ""dir"": ""03"",
    ""timestamp"": 1617787651542,
    ""msgId"": 23454,
    ""data"": {
        ""respCode"": 3,
        ""respCont"": ""ver"",
        ""productVer"": 2,
        ""devVer"": [
            {
                ""software"": ""1.0.0.0"",
                ""hardware"": ""1.0"",
                ""devNum"": 0
            },
            {
                ""software"": ""01"",
                ""hardware"": ""02"",
                ""devNum"": 1
            }
        ]
    }
}";

        /// <summary>4.3.2.8.2 response, device-initiated upgrade request: cmd 2018, respCode 2, respCont SUBFIRM.</summary>
        public const string UpgradeRequest = @"{
    ""cmd"": 2018,
    ""ver"": ""1.0"",
    ""dir"": ""03"",
    ""timestamp"": 1617787651542,
    ""msgId"": 23454,
    ""data"": {
        ""respCode"": 2,
        ""respCont"": ""SUBFIRM""
    }
}";
    }
}
