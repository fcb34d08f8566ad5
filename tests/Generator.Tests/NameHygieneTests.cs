using Microsoft.CodeAnalysis;

namespace Dice.Generators.Tests;

/// <summary>
/// Generated code compiles in any user's project: the partial class names every type with <c>global::</c>, the kernels
/// sit in a file-local class in the library's namespace with their own <c>using</c> directives, which name lookup
/// consults before the user's namespaces, global namespace and global usings. The projects below declare, in the loss's
/// own namespace and class, or in the global namespace with global usings, types and members named like everything the
/// generated code uses.
/// </summary>
public class NameHygieneTests
{
    private const string HostileNamespace = """
        namespace MyApp.Training;

        // Ordinary names in an ML code base, and every name the generated code relies on.
        public enum Target { Image, Mask }
        public enum Activation { Relu }
        public enum Combine { Concat }
        public enum Overlap { None }
        public class LossParameters { } public class GroupSums { }
        public class Vector128 { } public class Vector256 { } public class Vector512 { } public class Vector128<T> { }
        public class MemoryMarshal { } public class Unsafe { } public class MathF { } public class XMath { }
        public class Span<T> { } public class ReadOnlySpan<T> { } public class ArrayView<T> { }
        public class Grid { } public class Group { } public class SharedMemory { } public class LocalMemory { }
        public class KernelMath { } public class DeviceReduce { } public class DeviceShape { } public class DeviceKernels { }
        public class StackVectors { } public class LabelLanes { } public class Streams { } public class Interleaved { }
        public class DiceCpu { } public class LossResult { } public class DiceLossSpec { } public class DiceChunk { } public interface IDiceLoss { }
        public class GeneratedCodeAttribute : global::System.Attribute { public GeneratedCodeAttribute(string a, string b) { } }
        public class DiceLossKernels { }
        public class System { }
        public class ILGPU { }

        """;

    // Members of the loss class itself named like the generated private helpers.
    private const string HostileMembers = """
            public const string Classes = "mine";
            public static int[] ClassWeights = { 7 };
            public static void Statistics512() { }
            public static void GradientScalar() { }
            public static void StatisticsDevice() { }
            public static int DiceLossKernels = 3;
            public static int AccumulateStatistics = 1;
        """;

    public static TheoryData<string> Attributes() => new()
    {
        "[global::Dice.DiceLoss(Classes = 4, Combine = global::Dice.Combine.CrossEntropy)]",
        "[global::Dice.DiceLoss(Classes = 3, Combine = global::Dice.Combine.CrossEntropy, IncludeBackground = false, BatchDice = true, Squared = true, LogLoss = true, IgnoreIndex = 255, ClassWeights = new[] { 0.1f, 1f, 2f })]",
        "[global::Dice.DiceLoss(Combine = global::Dice.Combine.BinaryCrossEntropy)]",
        "[global::Dice.DiceLoss(Classes = 2, Target = global::Dice.Target.Masks, Activation = global::Dice.Activation.Sigmoid)]",
        "[global::Dice.DiceLoss(Classes = 18, Combine = global::Dice.Combine.BinaryCrossEntropy, Overlap = global::Dice.Overlap.Jaccard, ClassWeights = new[] { 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 0.5f })]",
        "[global::Dice.DiceLoss(Classes = 20, Target = global::Dice.Target.Labels, Activation = global::Dice.Activation.Softmax, Combine = global::Dice.Combine.CrossEntropy)]",
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Generated_code_compiles_in_a_namespace_that_declares_every_name_it_uses(string attribute)
    {
        string source = HostileNamespace
            + $"public partial class Outer\n{{\n    {attribute}\n    public partial class SegLoss\n    {{\n{HostileMembers}\n    }}\n}}\n";
        var (sources, diagnostics, output) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        Assert.Single(sources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Generated_code_compiles_beside_global_types_and_global_usings_named_like_its_own(string attribute)
    {
        // The same names in the global namespace, and global usings that would capture plain names in the kernels if
        // their own using directives did not come first.
        string hostileGlobal = HostileNamespace.Replace("namespace MyApp.Training;", "")
            .Replace("public class System { }", "").Replace("public class ILGPU { }", "");
        string source = "global using static System.Math;\nglobal using MathF = System.Math;\nglobal using Unsafe = System.Object;\n"
            + hostileGlobal
            + $"namespace MyApp.Training\n{{\n    {attribute}\n    public partial class SegLoss\n    {{\n{HostileMembers}\n    }}\n}}\n";
        var (sources, diagnostics, output) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        Assert.Single(sources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Two_losses_in_one_namespace_each_keep_their_own_kernels()
    {
        var (sources, diagnostics, output) = GeneratorHarness.Run(
            "namespace A;\n[Dice.DiceLoss(Classes = 2)] public partial class First { }\n[Dice.DiceLoss(Classes = 3)] public partial class Second { }\n");
        Assert.Empty(diagnostics);
        Assert.Equal(2, sources.Count);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
