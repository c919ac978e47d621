using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Clife.Device.Tests.Nano
{
    /// <summary>
    /// Reads an assembly's metadata and lists everything the nanoFramework 1.x runtime cannot load: references to
    /// assemblies other than mscorlib, generic type or method definitions, and any generic instantiation
    /// (GENERICINST in a TypeSpec, MethodSpec, field, method, member-reference or local signature).
    /// </summary>
    internal static class NanoAssemblyInspector
    {
        public sealed record Report(IReadOnlyList<string> AssemblyReferences, IReadOnlyList<string> Violations);

        public static Report Inspect(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var refs = new List<string>();
            var violations = new List<string>();

            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                string name = md.GetString(md.GetAssemblyReference(h).Name);
                refs.Add(name);
                if (name != "mscorlib") violations.Add("references assembly " + name);
            }

            var provider = new GenericFinder(md);
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(h);
                string typeName = md.GetString(t.Namespace) + "." + md.GetString(t.Name);
                if (t.GetGenericParameters().Count > 0) violations.Add("generic type definition " + typeName);
                foreach (FieldDefinitionHandle fh in t.GetFields())
                {
                    FieldDefinition f = md.GetFieldDefinition(fh);
                    provider.Context = typeName + "." + md.GetString(f.Name) + " (field)";
                    f.DecodeSignature(provider, null);
                }
                foreach (MethodDefinitionHandle mh in t.GetMethods())
                {
                    MethodDefinition m = md.GetMethodDefinition(mh);
                    string methodName = typeName + "." + md.GetString(m.Name);
                    if (m.GetGenericParameters().Count > 0) violations.Add("generic method definition " + methodName);
                    provider.Context = methodName;
                    m.DecodeSignature(provider, null);
                    if (m.RelativeVirtualAddress != 0)
                    {
                        MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            provider.Context = methodName + " (locals)";
                            md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                        }
                    }
                }
            }
            foreach (TypeSpecificationHandle h in Handles(md, TableIndex.TypeSpec))
            {
                provider.Context = "type specification";
                md.GetTypeSpecification(h).DecodeSignature(provider, null);
            }
            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                MemberReference r = md.GetMemberReference(h);
                provider.Context = "reference to " + md.GetString(r.Name);
                if (r.GetKind() == MemberReferenceKind.Method) r.DecodeMethodSignature(provider, null);
                else r.DecodeFieldSignature(provider, null);
            }
            int methodSpecs = md.GetTableRowCount(TableIndex.MethodSpec);
            if (methodSpecs > 0) violations.Add(methodSpecs + " generic method instantiation(s) (MethodSpec)");

            violations.AddRange(provider.Found);
            return new Report(refs, violations);
        }

        private static IEnumerable<TypeSpecificationHandle> Handles(MetadataReader md, TableIndex table)
        {
            int rows = md.GetTableRowCount(table);
            for (int i = 1; i <= rows; i++) yield return MetadataTokens.TypeSpecificationHandle(i);
        }

        /// <summary>Decodes signatures to type names and records every generic instantiation or generic parameter.</summary>
        private sealed class GenericFinder : ISignatureTypeProvider<string, object?>
        {
            private readonly MetadataReader _md;
            public readonly List<string> Found = new();
            public string Context = "";

            public GenericFinder(MetadataReader md) => _md = md;

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
            {
                string name = genericType + "<" + string.Join(",", typeArguments) + ">";
                Found.Add("generic instantiation " + name + " in " + Context);
                return name;
            }

            public string GetGenericMethodParameter(object? genericContext, int index) => Note("!!" + index);
            public string GetGenericTypeParameter(object? genericContext, int index) => Note("!" + index);
            private string Note(string p) { Found.Add("generic parameter " + p + " in " + Context); return p; }

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
            public string GetByReferenceType(string elementType) => elementType + "&";
            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
            public string GetPinnedType(string elementType) => elementType;
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
                reader.GetString(reader.GetTypeDefinition(handle).Name);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                TypeReference r = reader.GetTypeReference(handle);
                return reader.GetString(r.Namespace) + "." + reader.GetString(r.Name);
            }
            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
