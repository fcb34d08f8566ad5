using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dice.Kernels;

/// <summary>Helpers that generated kernels call. Not meant for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelMath
{
    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector512<float> value) =>
        SumToDouble(value.GetLower()) + SumToDouble(value.GetUpper());

    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector256<float> value)
    {
        var (lower, upper) = Vector256.Widen(value);
        return Vector256.Sum(lower + upper);
    }

    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector128<float> value)
    {
        var (lower, upper) = Vector128.Widen(value);
        return Vector128.Sum(lower + upper);
    }
}
