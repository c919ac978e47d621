using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Clife.Device.Tests.Facades
{
    /// <summary>
    /// Decodes every method body of an assembly and lists the bodies that are not a pure throw. Accepted shape:
    /// for constructors an optional chain to a base or sibling constructor (<c>ldarg.0</c>, constant or argument
    /// loads, <c>call .ctor</c>), then an optional <c>ldstr</c>, <c>newobj</c> of an exception type, <c>throw</c>, and
    /// nothing else. A method without a body must be abstract or runtime-implemented (delegates).
    /// </summary>
    internal static class ThrowOnlyBodyChecker
    {
        public static IReadOnlyList<string> Violations(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var violations = new List<string>();
            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(th);
                string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(mh);
                    string name = typeName + "." + md.GetString(method.Name);
                    if (method.RelativeVirtualAddress == 0)
                    {
                        bool isAbstract = (method.Attributes & MethodAttributes.Abstract) != 0;
                        bool isRuntime = (method.ImplAttributes & MethodImplAttributes.Runtime) != 0;
                        if (!isAbstract && !isRuntime) violations.Add(name + ": no body (extern?)");
                        continue;
                    }
                    string? problem = Check(md, th, md.GetString(method.Name) == ".ctor", pe.GetMethodBody(method.RelativeVirtualAddress));
                    if (problem != null) violations.Add(name + ": " + problem);
                }
            }
            return violations;
        }

        private static string? Check(MetadataReader md, TypeDefinitionHandle declaringType, bool isConstructor, MethodBodyBlock body)
        {
            if (body.ExceptionRegions.Length > 0) return "has exception handlers";
            BlobReader il = body.GetILReader();
            var ops = new List<(ILOpCode Op, int Token)>();
            while (il.RemainingBytes > 0)
            {
                ILOpCode op = ReadOpCode(ref il);
                int token = 0;
                switch (op)
                {
                    case ILOpCode.Ldstr: case ILOpCode.Newobj: case ILOpCode.Call: case ILOpCode.Ldc_i4:
                        token = il.ReadInt32(); break;
                    case ILOpCode.Ldc_i4_s: case ILOpCode.Ldarg_s:
                        il.ReadByte(); break;
                    case ILOpCode.Ldnull: case ILOpCode.Throw: case ILOpCode.Ldarg_0: case ILOpCode.Ldarg_1: case ILOpCode.Ldarg_2:
                    case ILOpCode.Ldarg_3: case ILOpCode.Ldc_i4_m1: case ILOpCode.Ldc_i4_0: case ILOpCode.Ldc_i4_1: case ILOpCode.Ldc_i4_2:
                    case ILOpCode.Ldc_i4_3: case ILOpCode.Ldc_i4_4: case ILOpCode.Ldc_i4_5: case ILOpCode.Ldc_i4_6: case ILOpCode.Ldc_i4_7:
                    case ILOpCode.Ldc_i4_8:
                        break;
                    default:
                        return "opcode " + op + " is not allowed";
                }
                ops.Add((op, token));
            }

            int i = 0;
            if (isConstructor && i < ops.Count && ops[i].Op == ILOpCode.Ldarg_0)
            {
                i++;
                while (i < ops.Count && IsSimpleLoad(ops[i].Op)) i++;
                if (i >= ops.Count || ops[i].Op != ILOpCode.Call) return "constructor prefix does not end in a constructor call";
                if (!IsChainedConstructor(md, declaringType, ops[i].Token)) return "constructor calls something other than a base or sibling constructor";
                i++;
            }
            if (i < ops.Count && ops[i].Op == ILOpCode.Ldstr) i++;
            if (i >= ops.Count || ops[i].Op != ILOpCode.Newobj) return "does not create an exception";
            if (!CreatesException(md, ops[i].Token)) return "newobj of a type that is not an exception";
            i++;
            if (i >= ops.Count || ops[i].Op != ILOpCode.Throw) return "does not throw";
            i++;
            return i == ops.Count ? null : "has instructions after the throw";
        }

        private static bool IsSimpleLoad(ILOpCode op) => op is ILOpCode.Ldnull or ILOpCode.Ldarg_1 or ILOpCode.Ldarg_2 or ILOpCode.Ldarg_3
            or ILOpCode.Ldarg_s or ILOpCode.Ldc_i4 or ILOpCode.Ldc_i4_s or ILOpCode.Ldc_i4_m1 or ILOpCode.Ldc_i4_0 or ILOpCode.Ldc_i4_1
            or ILOpCode.Ldc_i4_2 or ILOpCode.Ldc_i4_3 or ILOpCode.Ldc_i4_4 or ILOpCode.Ldc_i4_5 or ILOpCode.Ldc_i4_6 or ILOpCode.Ldc_i4_7
            or ILOpCode.Ldc_i4_8;

        private static ILOpCode ReadOpCode(ref BlobReader il)
        {
            byte b = il.ReadByte();
            return b == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)b;
        }

        private static bool IsChainedConstructor(MetadataReader md, TypeDefinitionHandle declaringType, int token)
        {
            (string name, EntityHandle parent) = MethodNameAndParent(md, token);
            if (name != ".ctor") return false;
            string parentName = TypeName(md, parent);
            return parentName == TypeName(md, md.GetTypeDefinition(declaringType).BaseType) || parentName == TypeName(md, declaringType);
        }

        private static bool CreatesException(MetadataReader md, int token)
        {
            (string name, EntityHandle parent) = MethodNameAndParent(md, token);
            return name == ".ctor" && TypeName(md, parent).EndsWith("Exception", StringComparison.Ordinal);
        }

        private static (string Name, EntityHandle Parent) MethodNameAndParent(MetadataReader md, int token)
        {
            EntityHandle handle = MetadataTokens.EntityHandle(token);
            if (handle.Kind == HandleKind.MemberReference)
            {
                MemberReference r = md.GetMemberReference((MemberReferenceHandle)handle);
                return (md.GetString(r.Name), r.Parent);
            }
            if (handle.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition m = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return (md.GetString(m.Name), m.GetDeclaringType());
            }
            return ("", default);
        }

        private static string TypeName(MetadataReader md, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    TypeDefinition d = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                    return md.GetString(d.Namespace) + "." + md.GetString(d.Name);
                case HandleKind.TypeReference:
                    TypeReference r = md.GetTypeReference((TypeReferenceHandle)handle);
                    return md.GetString(r.Namespace) + "." + md.GetString(r.Name);
                default:
                    return "?";
            }
        }
    }
}
