using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of a register request (2000), before encryption.</summary>
    public sealed class RegisterRequest
    {
        /// <summary>Product code (required for authLevel 1 and 2).</summary>
        public string ProductCode = "";
        /// <summary>Provisioned device id (required for authLevel 0; empty when not known).</summary>
        public string DevId = "";
        /// <summary>MAC address.</summary>
        public string Mac = "";
        /// <summary>Software version of the module.</summary>
        public string Software = "";
        /// <summary>Hardware version of the module.</summary>
        public string Hardware = "";
        /// <summary>Overall product version.</summary>
        public int ProductVer;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            if (ProductCode.Length > 0) w.WriteString(Names.ProductCode, ProductCode);
            if (DevId.Length > 0) w.WriteString(Names.DevId, DevId);
            w.WriteString(Names.Mac, Mac);
            w.WriteString(Names.Software, Software);
            w.WriteString(Names.Hardware, Hardware);
            w.WriteNumber(Names.ProductVer, ProductVer);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static RegisterRequest Read(JsonReader r)
        {
            RegisterRequest m = new RegisterRequest();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.ProductCode)) m.ProductCode = Field.String(r, Names.ProductCode) ?? "";
                else if (Field.Is(r, Names.DevId)) m.DevId = Field.String(r, Names.DevId) ?? "";
                else if (Field.Is(r, Names.Mac)) m.Mac = Field.String(r, Names.Mac) ?? "";
                else if (Field.Is(r, Names.Software)) m.Software = Field.String(r, Names.Software) ?? "";
                else if (Field.Is(r, Names.Hardware)) m.Hardware = Field.String(r, Names.Hardware) ?? "";
                else if (Field.Is(r, Names.ProductVer)) m.ProductVer = Field.Int(r, Names.ProductVer);
                else r.Skip();
            }
            return m;
        }
    }
}
