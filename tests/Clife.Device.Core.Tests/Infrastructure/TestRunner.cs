using System;
using System.Reflection;

namespace Clife.Device.Tests
{
    /// <summary>Discovers and runs the portable tests, on nanoFramework and on .NET.</summary>
    /// <remarks>
    /// A test class is a public class of this assembly whose name ends in "Tests" and that has a public parameterless
    /// constructor. Each of its public instance methods that is declared on it, takes no argument and returns void is
    /// a test. Every test gets a fresh instance. Discovery uses only the reflection that nanoFramework's mscorlib has.
    /// </remarks>
    public static class TestRunner
    {
        /// <summary>The names ("Class.Method") of all tests, in metadata order.</summary>
        public static string[] Names()
        {
            int count = 0;
            Type[] types = TestTypes();
            for (int i = 0; i < types.Length; i++) count += TestMethods(types[i]).Length;
            string[] names = new string[count];
            int n = 0;
            for (int i = 0; i < types.Length; i++)
            {
                MethodInfo[] methods = TestMethods(types[i]);
                for (int j = 0; j < methods.Length; j++) names[n++] = types[i].Name + "." + methods[j].Name;
            }
            return names;
        }

        /// <summary>Runs one test by its "Class.Method" name and rethrows its failure, so a host runner reports it.</summary>
        public static void Run(string name)
        {
            int dot = name.IndexOf('.');
            if (dot <= 0) throw new ArgumentException("test name must be Class.Method: " + name);
            string typeName = name.Substring(0, dot);
            string methodName = name.Substring(dot + 1);
            Type[] types = TestTypes();
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i].Name != typeName) continue;
                MethodInfo[] methods = TestMethods(types[i]);
                for (int j = 0; j < methods.Length; j++)
                {
                    if (methods[j].Name == methodName)
                    {
                        Invoke(types[i], methods[j]);
                        return;
                    }
                }
            }
            throw new ArgumentException("no such test: " + name);
        }

        /// <summary>Runs every test, prints one line per failure and ends with "N passed, M failed". Returns M.</summary>
        public static int RunAll()
        {
            int passed = 0, failed = 0;
            Type[] types = TestTypes();
            for (int i = 0; i < types.Length; i++)
            {
                MethodInfo[] methods = TestMethods(types[i]);
                for (int j = 0; j < methods.Length; j++)
                {
                    string name = types[i].Name + "." + methods[j].Name;
                    try
                    {
                        Invoke(types[i], methods[j]);
                        passed++;
                    }
                    catch (Exception e)
                    {
                        failed++;
                        Console.WriteLine("FAIL " + name + ": " + e.GetType().Name + ": " + e.Message);
                    }
                }
            }
            Console.WriteLine(passed.ToString() + " passed, " + failed.ToString() + " failed");
            return failed;
        }

        private static void Invoke(Type type, MethodInfo method)
        {
            ConstructorInfo? ctor = type.GetConstructor(new Type[0]);
            if (ctor == null) throw new ArgumentException(type.Name + " needs a public parameterless constructor");
            object instance = ctor.Invoke(null);
#if NANOFRAMEWORK
            method.Invoke(instance, null);
#else
            try
            {
                method.Invoke(instance, null);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                // Report the test's own exception, not the reflection wrapper (nanoFramework has no wrapper).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
#endif
        }

        private static Type[] TestTypes()
        {
            Type[] all = typeof(TestRunner).Assembly.GetTypes();
            int count = 0;
            for (int i = 0; i < all.Length; i++) if (IsTestType(all[i])) count++;
            Type[] result = new Type[count];
            int n = 0;
            for (int i = 0; i < all.Length; i++) if (IsTestType(all[i])) result[n++] = all[i];
            return result;
        }

        private static bool IsTestType(Type t) => t.IsPublic && t.IsClass && !t.IsAbstract && t.Name.EndsWith("Tests");

        private static MethodInfo[] TestMethods(Type type)
        {
            MethodInfo[] all = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            int count = 0;
            for (int i = 0; i < all.Length; i++) if (IsTestMethod(all[i])) count++;
            MethodInfo[] result = new MethodInfo[count];
            int n = 0;
            for (int i = 0; i < all.Length; i++) if (IsTestMethod(all[i])) result[n++] = all[i];
            return result;
        }

        private static bool IsTestMethod(MethodInfo m) =>
            m.ReturnType == typeof(void) && m.GetParameters().Length == 0;
    }
}
