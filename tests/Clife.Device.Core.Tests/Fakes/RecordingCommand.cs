using Clife.Device.Shell;

namespace Clife.Device.Tests
{
    /// <summary>A console command group as an extension (such as "ota") would add it; it records what the console hands it.</summary>
    public sealed class RecordingCommand : ConsoleCommand
    {
        /// <summary>Confirmations received.</summary>
        public int Confirmations;

        /// <inheritdoc/>
        public override string Name => "ota";

        /// <inheritdoc/>
        public override void Help(ServiceConsole console) => console.WriteLine("ota status                   what the extension does");

        /// <inheritdoc/>
        public override void Run(ServiceConsole console, string[] words)
        {
            if (words.Length == 2 && words[1] == "risky") console.Confirm("Really?", "risky");
            else console.WriteLine("ota got " + words.Length.ToString() + " words");
        }

        /// <inheritdoc/>
        public override void Confirmed(ServiceConsole console, string action)
        {
            Confirmations++;
            console.WriteLine("confirmed " + action);
        }
    }
}
