namespace Clife.Device.Runtime
{
    /// <summary>Expands topic templates such as "clife/{productCode}/{devId}/up".</summary>
    public static class TopicTemplate
    {
        /// <summary>Placeholder of the product code.</summary>
        public const string ProductCode = "{productCode}";
        /// <summary>Placeholder of the device id.</summary>
        public const string DevId = "{devId}";

        /// <summary>Replaces every placeholder with its value.</summary>
        public static string Expand(string template, string productCode, string devId) =>
            ReplaceAll(ReplaceAll(template, ProductCode, productCode), DevId, devId);

        private static string ReplaceAll(string text, string placeholder, string value)
        {
            int at = text.IndexOf(placeholder);
            while (at >= 0)
            {
                text = text.Substring(0, at) + value + text.Substring(at + placeholder.Length);
                at = text.IndexOf(placeholder, at + value.Length);
            }
            return text;
        }
    }
}
