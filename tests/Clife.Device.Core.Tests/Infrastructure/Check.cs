using System;

namespace Clife.Device.Tests
{
    /// <summary>A test body or an action under test, as a non-generic delegate (nanoFramework 1.x has no generics).</summary>
    public delegate void TestAction();

    /// <summary>Thrown by <see cref="Check"/> when an expectation does not hold.</summary>
    public sealed class TestFailure : Exception
    {
        /// <summary>Creates a failure with the message shown by the runner.</summary>
        public TestFailure(string message) : base(message) { }
    }

    /// <summary>The portable suite's assertions: small, non-generic, and usable on nanoFramework and .NET alike.</summary>
    public static class Check
    {
        /// <summary>Fails the test with the given message.</summary>
        public static void Fail(string message) => throw new TestFailure(message);

        /// <summary>Fails unless the condition holds.</summary>
        public static void True(bool condition, string message)
        {
            if (!condition) Fail(message);
        }

        /// <summary>Fails if the condition holds.</summary>
        public static void False(bool condition, string message)
        {
            if (condition) Fail(message);
        }

        /// <summary>Fails unless the two integers are equal.</summary>
        public static void Equal(long expected, long actual, string what = "value")
        {
            if (expected != actual) Fail(what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        /// <summary>Fails unless the two unsigned integers are equal.</summary>
        public static void Equal(ulong expected, ulong actual, string what = "value")
        {
            if (expected != actual) Fail(what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        /// <summary>Fails unless the two booleans are equal.</summary>
        public static void Equal(bool expected, bool actual, string what = "value")
        {
            if (expected != actual) Fail(what + ": expected " + (expected ? "true" : "false") + ", got " + (actual ? "true" : "false"));
        }

        /// <summary>Fails unless the two strings are equal (ordinal).</summary>
        public static void Equal(string? expected, string? actual, string what = "value")
        {
            if (!string.Equals(expected, actual)) Fail(what + ": expected " + Show(expected) + ", got " + Show(actual));
        }

        /// <summary>Fails unless the two doubles are exactly equal.</summary>
        public static void Equal(double expected, double actual, string what = "value")
        {
            if (!expected.Equals(actual)) Fail(what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        /// <summary>Fails unless the byte ranges are equal in length and content.</summary>
        public static void Bytes(byte[] expected, byte[] actual, string what = "bytes")
        {
            Bytes(expected, 0, expected.Length, actual, 0, actual.Length, what);
        }

        /// <summary>Fails unless the byte ranges are equal in length and content.</summary>
        public static void Bytes(byte[] expected, int expectedOffset, int expectedCount,
                                 byte[] actual, int actualOffset, int actualCount, string what = "bytes")
        {
            if (expectedCount != actualCount)
                Fail(what + ": expected " + expectedCount.ToString() + " bytes, got " + actualCount.ToString());
            for (int i = 0; i < expectedCount; i++)
            {
                if (expected[expectedOffset + i] != actual[actualOffset + i])
                    Fail(what + ": differ at byte " + i.ToString() + ": expected 0x" + expected[expectedOffset + i].ToString("x2")
                         + ", got 0x" + actual[actualOffset + i].ToString("x2"));
            }
        }

        /// <summary>Fails unless the value is null.</summary>
        public static void Null(object? value, string what = "value")
        {
            if (value != null) Fail(what + ": expected null, got " + value.ToString());
        }

        /// <summary>Fails if the value is null.</summary>
        public static void NotNull(object? value, string what = "value")
        {
            if (value == null) Fail(what + ": expected a value, got null");
        }

        /// <summary>Fails unless the text contains the fragment.</summary>
        public static void Contains(string fragment, string? text, string what = "text")
        {
            if (text == null || text.IndexOf(fragment) < 0) Fail(what + ": expected to contain " + Show(fragment) + ", got " + Show(text));
        }

        /// <summary>Fails if the text contains the fragment.</summary>
        public static void DoesNotContain(string fragment, string? text, string what = "text")
        {
            if (text != null && text.IndexOf(fragment) >= 0) Fail(what + ": must not contain " + Show(fragment) + ", got " + Show(text));
        }

        /// <summary>Runs the action and fails unless it throws an exception of the given type or a subtype. Returns it.</summary>
        public static Exception Throws(Type expected, TestAction action)
        {
            try
            {
                action();
            }
            catch (TestFailure)
            {
                throw;
            }
            catch (Exception e)
            {
                if (IsOfType(e, expected)) return e;
                throw new TestFailure("expected " + expected.Name + ", got " + e.GetType().Name + ": " + e.Message);
            }
            throw new TestFailure("expected " + expected.Name + ", but nothing was thrown");
        }

        private static bool IsOfType(object value, Type expected)
        {
            for (Type? t = value.GetType(); t != null; t = t.BaseType)
            {
                if (t == expected) return true;
            }
            return false;
        }

        private static string Show(string? s) => s == null ? "null" : "\"" + s + "\"";
    }
}
