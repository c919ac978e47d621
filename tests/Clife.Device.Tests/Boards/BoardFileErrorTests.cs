using System;
using System.IO;
using Clife.Device.Host.Boards;
using Xunit;

namespace Clife.Device.Tests.Boards
{
    /// <summary>
    /// A broken board file is refused by <see cref="BoardDescription.Find(string, string)"/> with one kind of error
    /// (<see cref="BoardException"/>) that names the file and says what is wrong, whatever the breakage: the tools
    /// print it and exit instead of failing with a stack trace.
    /// </summary>
    public sealed class BoardFileErrorTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("clife-boards-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        private string Write(string name, string json)
        {
            File.WriteAllText(Path.Combine(_dir, name + ".json"), json);
            return name;
        }

        private BoardException Refused(string name) => Assert.Throws<BoardException>(() => BoardDescription.Find(name, _dir));

        [Fact]
        public void A_good_board_copied_from_the_repository_is_found()
        {
            File.Copy(Path.Combine(RepoPaths.BoardsDir, "esp32-devkitc.json"), Path.Combine(_dir, "esp32-devkitc.json"));
            Assert.Equal("esp32-devkitc", BoardDescription.Find("esp32-devkitc", _dir).Name);
        }

        [Fact]
        public void An_unknown_name_lists_the_known_boards()
        {
            Write("alpha", "{}");
            Write("beta", "{}");
            Assert.Equal("unknown board 'gamma'; known boards: alpha, beta", Refused("gamma").Message);
        }

        [Fact]
        public void A_file_that_is_not_JSON_says_where()
        {
            BoardException e = Refused(Write("broken", "{\"name\": \"broken\", \"flashSize\": "));
            Assert.StartsWith("board file " + Path.Combine(_dir, "broken.json") + " cannot be read: ", e.Message);
            Assert.IsType<System.Text.Json.JsonException>(e.InnerException);
        }

        [Fact]
        public void A_field_of_the_wrong_JSON_type_is_refused()
        {
            BoardException e = Refused(Write("typed", "{\"name\": \"typed\", \"partitions\": \"none\"}"));
            Assert.Contains("cannot be read", e.Message);
        }

        [Fact]
        public void Numbers_that_are_not_numbers_are_each_named()
        {
            BoardException e = Refused(Write("numbers", """
                {"name":"numbers","flashSize":"4 MB","sectorSize":"0x1000",
                 "partitions":[{"name":"config","offset":"0x10000","size":"big"}],
                 "storage":{"partition":"config","reserved":"0x0","slotSize":"0x1000"}}
                """));
            Assert.StartsWith("board file " + Path.Combine(_dir, "numbers.json") + " is inconsistent: ", e.Message);
            Assert.Contains("flashSize: '4 MB' is not a number", e.Message);
            Assert.Contains("size of config: 'big' is not a number", e.Message);
        }

        [Fact]
        public void A_zero_sector_size_is_refused_rather_than_divided_by()
        {
            BoardException e = Refused(Write("zero", """
                {"name":"zero","flashSize":"0x400000","sectorSize":"0",
                 "partitions":[{"name":"config","offset":"0x10000","size":"0x10000"}],
                 "storage":{"partition":"config"}}
                """));
            Assert.Contains("sectorSize must be positive", e.Message);
        }

        [Fact]
        public void Overlapping_partitions_and_missing_storage_are_refused()
        {
            BoardException e = Refused(Write("overlap", """
                {"name":"overlap","flashSize":"0x400000",
                 "partitions":[{"name":"a","offset":"0x10000","size":"0x20000"},{"name":"b","offset":"0x20000","size":"0x10000"}],
                 "storage":{"partition":"c"}}
                """));
            Assert.Contains("partitions a and b overlap", e.Message);
            Assert.Contains("storage partition 'c' is not in the partition list", e.Message);
        }
    }
}
