using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dice.Kernels;

/// <summary>
/// Vector loads and stores of one channel of consecutive pixels in channels-last data, where a pixel's C values are
/// adjacent and the next pixel's value of the same channel lies <c>stride</c> (C) elements on: the lanes are gathered
/// from, and scattered to, elements <c>offset + i * stride</c>. Generated kernels call these; not meant for direct use.
/// </summary>
/// <remarks>
/// Built from scalar loads and stores (portable to every width, and with no pinning), so a kernel keeps its
/// per-pixel-vector arithmetic, and its bits, in both layouts. The C values of the pixels one vector covers are a
/// contiguous block of <c>Count * C</c> floats, so the classes of a pixel vector are read from the same cache lines.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Interleaved
{
    /// <summary>Lane i is element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(ref float source, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref source, offset);
        return Vector512.Create(Load256(ref first, 0, stride), Load256(ref Unsafe.Add(ref first, 8 * stride), 0, stride));
    }

    /// <summary>Lane i is element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load256(ref float source, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref source, offset);
        return Vector256.Create(Load128(ref first, 0, stride), Load128(ref Unsafe.Add(ref first, 4 * stride), 0, stride));
    }

    /// <summary>Lane i is element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load128(ref float source, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref source, offset);
        return Vector128.Create(first, Unsafe.Add(ref first, stride), Unsafe.Add(ref first, 2 * stride), Unsafe.Add(ref first, 3 * stride));
    }

    /// <summary>Writes lane i to element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref destination, offset);
        Store(value.GetLower(), ref first, 0, stride);
        Store(value.GetUpper(), ref Unsafe.Add(ref first, 8 * stride), 0, stride);
    }

    /// <summary>Writes lane i to element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref destination, offset);
        Store(value.GetLower(), ref first, 0, stride);
        Store(value.GetUpper(), ref Unsafe.Add(ref first, 4 * stride), 0, stride);
    }

    /// <summary>Writes lane i to element <paramref name="offset"/> + i * <paramref name="stride"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint offset, nint stride)
    {
        ref float first = ref Unsafe.Add(ref destination, offset);
        first = value.ToScalar();
        Unsafe.Add(ref first, stride) = value.GetElement(1);
        Unsafe.Add(ref first, 2 * stride) = value.GetElement(2);
        Unsafe.Add(ref first, 3 * stride) = value.GetElement(3);
    }
}
