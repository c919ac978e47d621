namespace Clife.Device.Shell
{
    /// <summary>A group of console commands that lives outside the console (such as <c>ota ...</c>).</summary>
    public abstract class ConsoleCommand
    {
        /// <summary>The first word of the command.</summary>
        public abstract string Name { get; }

        /// <summary>Prints the group's help lines.</summary>
        public abstract void Help(ServiceConsole console);

        /// <summary>Runs a line whose first word is <see cref="Name"/>.</summary>
        public abstract void Run(ServiceConsole console, string[] words);

        /// <summary>The technician confirmed an action this group asked about with <see cref="ServiceConsole.Confirm"/>.</summary>
        public virtual void Confirmed(ServiceConsole console, string action) { }
    }
}
