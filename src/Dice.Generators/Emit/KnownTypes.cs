namespace Dice.Generators.Emit;

/// <summary>
/// Where the generated code's type names resolve. The partial class sits in the user's namespace, where a type the user
/// declares there (or in an outer namespace) would capture a plain name, so its names are qualified with
/// <c>global::</c> (the constants below). The kernels sit in a file-local class in the library's namespace
/// <see cref="KernelNamespace"/>, with the <see cref="KernelUsings"/> inside that namespace declaration: name lookup
/// consults them before any outer namespace, the global namespace and the user's global usings, so the kernels use
/// plain names (<c>Vector512</c>, <c>Span</c>, <c>MathF</c>, <c>KernelMath</c>).
/// </summary>
internal static class KnownTypes
{
    /// <summary>The namespace of the file-local kernel class; its own members (<c>KernelMath</c>, <c>GroupSums</c>) and <c>Dice</c>'s resolve there.</summary>
    public const string KernelNamespace = "Dice.Kernels";

    /// <summary>The kernels' using directives, qualified themselves so that a user type named <c>System</c> cannot capture them.</summary>
    public static readonly string[] KernelUsings =
    {
        "global::System",
        "global::System.CodeDom.Compiler",
        "global::System.Runtime.CompilerServices",
        "global::System.Runtime.InteropServices",
        "global::System.Runtime.Intrinsics",
        "global::ILGPU",
        "global::ILGPU.Algorithms",
    };

    // The partial class's names.
    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string IDiceLoss = "global::Dice.IDiceLoss";
    public const string DiceLossSpec = "global::Dice.DiceLossSpec";
    public const string LossResult = "global::Dice.LossResult";
    public const string LossParameters = "global::Dice.LossParameters";
    public const string LossStatistics = "global::Dice.LossStatistics";
    public const string SegmentationCounts = "global::Dice.SegmentationCounts";
    public const string IStatisticsReducer = "global::Dice.IStatisticsReducer";
    public const string DiceChunk = "global::Dice.DiceChunk";
    public const string DiceCpu = "global::Dice.DiceCpu";
    public const string DeviceKernels = "global::Dice.Kernels.DeviceKernels";

    /// <summary>A kernel parameter's type (a <c>System</c> type, e.g. <c>Span&lt;double&gt;</c>) as the partial class names it.</summary>
    public static string QualifiedSystemType(string type) => "global::System." + type;
}
