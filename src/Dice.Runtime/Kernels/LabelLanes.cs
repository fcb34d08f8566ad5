using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dice.Kernels;

/// <summary>
/// The label's class of each pixel of a vector, read lane by lane: generated class-loop kernels on labels call it. Not
/// meant for direct use.
/// </summary>
/// <remarks>
/// With labels, t_c is one-hot: of a pixel's C classes only the label's adds anything to I_c and T_c, and only its
/// logit reaches the cross-entropy. A class loop that compares every class with the label does C compares, selects
/// and accumulator updates per pixel vector to move one value per lane; these helpers move that value directly, one
/// lane at a time, at the label's row of the per-class span (lanes whose label is not a class, IgnoreIndex, move
/// nothing). Each (class, lane) of an accumulator still receives the same additions in the same order, and the ones it
/// no longer receives added 0, so the sums keep their bits (docs/performance.md, "Many classes").
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LabelLanes
{
    /// <summary>
    /// For each lane l of the pixel vector at <paramref name="pixel"/> whose label y is a class:
    /// <paramref name="intersection"/>[y] lane l += <paramref name="probability"/>[y] lane l, and
    /// <paramref name="truth"/>[y] lane l += 1 (I_c += p_c t_c and T_c += t_c of every class at once).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddAtLabels<TVector>(
        ref int labels, nint pixel, Span<TVector> probability, Span<TVector> intersection, Span<TVector> truth) where TVector : struct
    {
        // A struct type argument specialises this per width: lanes is a JIT-time constant and the loop unrolls.
        int lanes = Unsafe.SizeOf<TVector>() / sizeof(float);
        uint classes = (uint)probability.Length;
        ref float p = ref Floats(probability);
        ref float i = ref Floats(intersection);
        ref float t = ref Floats(truth);
        for (int lane = 0; lane < lanes; lane++)
        {
            uint label = (uint)Unsafe.Add(ref labels, pixel + lane);
            if (label >= classes) continue;
            nint at = (nint)label * lanes + lane;
            Unsafe.Add(ref i, at) += Unsafe.Add(ref p, at);
            Unsafe.Add(ref t, at) += 1f;
        }
    }

    /// <summary>
    /// The vector whose lane l is <paramref name="values"/>[y] lane l, y the label of pixel <paramref name="pixel"/> + l,
    /// and 0 where y is not a class (IgnoreIndex): v_y, as a chain of selects on label == c gives it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector AtLabels<TVector>(ref int labels, nint pixel, Span<TVector> values) where TVector : struct
    {
        int lanes = Unsafe.SizeOf<TVector>() / sizeof(float);
        uint classes = (uint)values.Length;
        ref float v = ref Floats(values);
        TVector result = default;
        ref float r = ref Unsafe.As<TVector, float>(ref result);
        for (int lane = 0; lane < lanes; lane++)
        {
            uint label = (uint)Unsafe.Add(ref labels, pixel + lane);
            if (label < classes) Unsafe.Add(ref r, lane) = Unsafe.Add(ref v, (nint)label * lanes + lane);
        }

        return result;
    }

    private static ref float Floats<TVector>(Span<TVector> vectors) where TVector : struct =>
        ref Unsafe.As<TVector, float>(ref MemoryMarshal.GetReference(vectors));
}
