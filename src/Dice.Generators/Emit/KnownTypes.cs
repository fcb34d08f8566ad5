namespace Dice.Generators.Emit;

/// <summary>
/// Every type the generated code names, fully qualified with <c>global::</c>: the generated file compiles
/// in any user namespace, whatever types or members named <c>Target</c>, <c>Vector256</c> or
/// <c>MemoryMarshal</c> the user's project declares. The generated file has no <c>using</c> directives.
/// </summary>
internal static class KnownTypes
{
    // System
    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string MathF = "global::System.MathF";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    public const string MethodImpl = "global::System.Runtime.CompilerServices.MethodImpl";
    public const string MethodImplOptions = "global::System.Runtime.CompilerServices.MethodImplOptions";
    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    public const string IntrinsicsNamespace = "global::System.Runtime.Intrinsics";

    // Dice.Runtime
    public const string IDiceLoss = "global::Dice.IDiceLoss";
    public const string DiceLossSpec = "global::Dice.DiceLossSpec";
    public const string LossResult = "global::Dice.LossResult";
    public const string LossParameters = "global::Dice.LossParameters";
    public const string LossStatistics = "global::Dice.LossStatistics";
    public const string IStatisticsReducer = "global::Dice.IStatisticsReducer";
    public const string DiceChunk = "global::Dice.DiceChunk";
    public const string DiceCpu = "global::Dice.DiceCpu";
    public const string KernelMath = "global::Dice.Kernels.KernelMath";
    public const string DeviceKernels = "global::Dice.Kernels.DeviceKernels";
    public const string DeviceShape = "global::Dice.Kernels.DeviceShape";
    public const string GroupSums = "global::Dice.Kernels.GroupSums";

    // ILGPU
    public const string ArrayView = "global::ILGPU.ArrayView";
    public const string Grid = "global::ILGPU.Grid";
    public const string Group = "global::ILGPU.Group";
    public const string SharedMemory = "global::ILGPU.SharedMemory";
    public const string LocalMemory = "global::ILGPU.LocalMemory";
    public const string XMath = "global::ILGPU.Algorithms.XMath";

    /// <summary>A runtime enum value, e.g. <c>global::Dice.Combine.CrossEntropy</c>.</summary>
    public static string EnumValue<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        $"global::Dice.{typeof(TEnum).Name}.{value}";
}
