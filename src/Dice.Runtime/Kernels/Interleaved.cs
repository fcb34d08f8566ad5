using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
/// <para>
/// <c>Gather</c> and <c>Scatter</c> move such a block whole, between memory and one vector per channel: the kernels of
/// <see cref="KernelLimits.TransposedFromClasses"/> classes or more stage a pixel vector that way (in the same vectors,
/// so with the same bits); with fewer, a block is narrower than the transposes' tiles, and the loads above serve. They transpose square
/// blocks of it in registers (8 x 8, or 4 x 4 at Vector128), a load or store per pixel and a few shuffles per channel,
/// where the per-channel loads and stores above move a scalar per lane. They are inlined into the kernels, which are
/// compiled fully optimised at their first call: a method of their own would run its first calls unoptimised.
/// </para>
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

    /// <summary>
    /// Channel c of the <see cref="Vector512{T}.Count"/> pixels whose block starts at element <paramref name="offset"/>
    /// into <paramref name="channels"/>[c], for every c: lane i of it is element offset + i * C + c, C being the span's
    /// length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gather(ref float source, nuint offset, Span<Vector512<float>> channels)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref source, offset);
        if (!Avx.IsSupported || classes < 8)
        {
            for (int c = 0; c < classes; c++) channels[c] = Load512(ref block, (nuint)c, classes);
            return;
        }

        ref float upperBlock = ref Unsafe.Add(ref block, 8 * classes);
        for (int c = 0; ; c = Math.Min(c + 8, classes - 8))
        {
            // Pixels 0-7 give the lower halves of channels c to c + 7, pixels 8-15 the upper halves.
            Rows8 low = Transpose(Rows8.Load(ref Unsafe.Add(ref block, c), classes));
            Rows8 high = Transpose(Rows8.Load(ref Unsafe.Add(ref upperBlock, c), classes));
            ref Vector512<float> first = ref channels[c];
            Unsafe.Add(ref first, 0) = Vector512.Create(low.R0, high.R0);
            Unsafe.Add(ref first, 1) = Vector512.Create(low.R1, high.R1);
            Unsafe.Add(ref first, 2) = Vector512.Create(low.R2, high.R2);
            Unsafe.Add(ref first, 3) = Vector512.Create(low.R3, high.R3);
            Unsafe.Add(ref first, 4) = Vector512.Create(low.R4, high.R4);
            Unsafe.Add(ref first, 5) = Vector512.Create(low.R5, high.R5);
            Unsafe.Add(ref first, 6) = Vector512.Create(low.R6, high.R6);
            Unsafe.Add(ref first, 7) = Vector512.Create(low.R7, high.R7);
            if (c == classes - 8) return;
        }
    }

    /// <summary>
    /// Channel c of the <see cref="Vector256{T}.Count"/> pixels whose block starts at element <paramref name="offset"/>
    /// into <paramref name="channels"/>[c], for every c: lane i of it is element offset + i * C + c, C being the span's
    /// length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gather(ref float source, nuint offset, Span<Vector256<float>> channels)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref source, offset);
        if (!Avx.IsSupported || classes < 8)
        {
            for (int c = 0; c < classes; c++) channels[c] = Load256(ref block, (nuint)c, classes);
            return;
        }

        // Blocks of 8 channels; the last starts at C - 8 and may go over channels already done, with the same values.
        for (int c = 0; ; c = Math.Min(c + 8, classes - 8))
        {
            Transpose(Rows8.Load(ref Unsafe.Add(ref block, c), classes)).Store(ref channels[c]);
            if (c == classes - 8) return;
        }
    }

    /// <summary>
    /// Channel c of the <see cref="Vector128{T}.Count"/> pixels whose block starts at element <paramref name="offset"/>
    /// into <paramref name="channels"/>[c], for every c: lane i of it is element offset + i * C + c, C being the span's
    /// length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gather(ref float source, nuint offset, Span<Vector128<float>> channels)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref source, offset);
        if (!Sse.IsSupported || classes < 4)
        {
            for (int c = 0; c < classes; c++) channels[c] = Load128(ref block, (nuint)c, classes);
            return;
        }

        for (int c = 0; ; c = Math.Min(c + 4, classes - 4))
        {
            Transpose(Rows4.Load(ref Unsafe.Add(ref block, c), classes)).Store(ref channels[c]);
            if (c == classes - 4) return;
        }
    }

    /// <summary>
    /// The inverse of <see cref="Gather(ref float, nuint, Span{Vector512{float}})"/>: lane i of
    /// <paramref name="channels"/>[c] to element <paramref name="offset"/> + i * C + c, for every c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scatter(ReadOnlySpan<Vector512<float>> channels, ref float destination, nuint offset)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref destination, offset);
        if (!Avx.IsSupported || classes < 8)
        {
            for (int c = 0; c < classes; c++) Store(channels[c], ref block, (nuint)c, classes);
            return;
        }

        ref float upperBlock = ref Unsafe.Add(ref block, 8 * classes);
        for (int c = 0; ; c = Math.Min(c + 8, classes - 8))
        {
            ref Vector512<float> first = ref Unsafe.AsRef(in channels[c]);
            Transpose(Rows8.Half(ref first, upper: false)).Store(ref Unsafe.Add(ref block, c), classes);
            Transpose(Rows8.Half(ref first, upper: true)).Store(ref Unsafe.Add(ref upperBlock, c), classes);
            if (c == classes - 8) return;
        }
    }

    /// <summary>
    /// The inverse of <see cref="Gather(ref float, nuint, Span{Vector256{float}})"/>: lane i of
    /// <paramref name="channels"/>[c] to element <paramref name="offset"/> + i * C + c, for every c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scatter(ReadOnlySpan<Vector256<float>> channels, ref float destination, nuint offset)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref destination, offset);
        if (!Avx.IsSupported || classes < 8)
        {
            for (int c = 0; c < classes; c++) Store(channels[c], ref block, (nuint)c, classes);
            return;
        }

        for (int c = 0; ; c = Math.Min(c + 8, classes - 8))
        {
            Transpose(Rows8.Load(in channels[c])).Store(ref Unsafe.Add(ref block, c), classes);
            if (c == classes - 8) return;
        }
    }

    /// <summary>
    /// The inverse of <see cref="Gather(ref float, nuint, Span{Vector128{float}})"/>: lane i of
    /// <paramref name="channels"/>[c] to element <paramref name="offset"/> + i * C + c, for every c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scatter(ReadOnlySpan<Vector128<float>> channels, ref float destination, nuint offset)
    {
        int classes = channels.Length;
        ref float block = ref Unsafe.Add(ref destination, offset);
        if (!Sse.IsSupported || classes < 4)
        {
            for (int c = 0; c < classes; c++) Store(channels[c], ref block, (nuint)c, classes);
            return;
        }

        for (int c = 0; ; c = Math.Min(c + 4, classes - 4))
        {
            Transpose(Rows4.Load(in channels[c])).Store(ref Unsafe.Add(ref block, c), classes);
            if (c == classes - 4) return;
        }
    }

    // An 8 x 8 block of floats in eight Vector256 rows, and its transpose: rows of 8 channels of a pixel become rows of
    // 8 pixels of a channel, and back.
    private readonly record struct Rows8(
        Vector256<float> R0, Vector256<float> R1, Vector256<float> R2, Vector256<float> R3,
        Vector256<float> R4, Vector256<float> R5, Vector256<float> R6, Vector256<float> R7)
    {
        // Row i from element i * stride.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rows8 Load(ref float first, nint stride) => new(
            Vector256.LoadUnsafe(ref first), Vector256.LoadUnsafe(ref Unsafe.Add(ref first, stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 2 * stride)), Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 3 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 4 * stride)), Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 5 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 6 * stride)), Vector256.LoadUnsafe(ref Unsafe.Add(ref first, 7 * stride)));

        // Rows from eight adjacent vectors.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rows8 Load(in Vector256<float> first)
        {
            ref Vector256<float> row = ref Unsafe.AsRef(in first);
            return new(row, Unsafe.Add(ref row, 1), Unsafe.Add(ref row, 2), Unsafe.Add(ref row, 3),
                Unsafe.Add(ref row, 4), Unsafe.Add(ref row, 5), Unsafe.Add(ref row, 6), Unsafe.Add(ref row, 7));
        }

        // Rows from the lower (or upper) halves of eight adjacent Vector512.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rows8 Half(ref Vector512<float> first, bool upper) => new(
            HalfOf(first, upper), HalfOf(Unsafe.Add(ref first, 1), upper), HalfOf(Unsafe.Add(ref first, 2), upper),
            HalfOf(Unsafe.Add(ref first, 3), upper), HalfOf(Unsafe.Add(ref first, 4), upper), HalfOf(Unsafe.Add(ref first, 5), upper),
            HalfOf(Unsafe.Add(ref first, 6), upper), HalfOf(Unsafe.Add(ref first, 7), upper));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> HalfOf(Vector512<float> value, bool upper) => upper ? value.GetUpper() : value.GetLower();

        // Row i to element i * stride.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref float first, nint stride)
        {
            R0.StoreUnsafe(ref first);
            R1.StoreUnsafe(ref Unsafe.Add(ref first, stride));
            R2.StoreUnsafe(ref Unsafe.Add(ref first, 2 * stride));
            R3.StoreUnsafe(ref Unsafe.Add(ref first, 3 * stride));
            R4.StoreUnsafe(ref Unsafe.Add(ref first, 4 * stride));
            R5.StoreUnsafe(ref Unsafe.Add(ref first, 5 * stride));
            R6.StoreUnsafe(ref Unsafe.Add(ref first, 6 * stride));
            R7.StoreUnsafe(ref Unsafe.Add(ref first, 7 * stride));
        }

        // Rows to eight adjacent vectors.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref Vector256<float> first)
        {
            first = R0;
            Unsafe.Add(ref first, 1) = R1;
            Unsafe.Add(ref first, 2) = R2;
            Unsafe.Add(ref first, 3) = R3;
            Unsafe.Add(ref first, 4) = R4;
            Unsafe.Add(ref first, 5) = R5;
            Unsafe.Add(ref first, 6) = R6;
            Unsafe.Add(ref first, 7) = R7;
        }
    }

    // Interleave pairs of rows, then pairs of pairs within each 128-bit half, then the halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rows8 Transpose(in Rows8 r)
    {
        var t0 = Avx.UnpackLow(r.R0, r.R1);
        var t1 = Avx.UnpackHigh(r.R0, r.R1);
        var t2 = Avx.UnpackLow(r.R2, r.R3);
        var t3 = Avx.UnpackHigh(r.R2, r.R3);
        var t4 = Avx.UnpackLow(r.R4, r.R5);
        var t5 = Avx.UnpackHigh(r.R4, r.R5);
        var t6 = Avx.UnpackLow(r.R6, r.R7);
        var t7 = Avx.UnpackHigh(r.R6, r.R7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        return new(
            Avx.Permute2x128(u0, u4, 0x20), Avx.Permute2x128(u1, u5, 0x20), Avx.Permute2x128(u2, u6, 0x20), Avx.Permute2x128(u3, u7, 0x20),
            Avx.Permute2x128(u0, u4, 0x31), Avx.Permute2x128(u1, u5, 0x31), Avx.Permute2x128(u2, u6, 0x31), Avx.Permute2x128(u3, u7, 0x31));
    }

    // A 4 x 4 block of floats in four Vector128 rows, as Rows8.
    private readonly record struct Rows4(Vector128<float> R0, Vector128<float> R1, Vector128<float> R2, Vector128<float> R3)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rows4 Load(ref float first, nint stride) => new(
            Vector128.LoadUnsafe(ref first), Vector128.LoadUnsafe(ref Unsafe.Add(ref first, stride)),
            Vector128.LoadUnsafe(ref Unsafe.Add(ref first, 2 * stride)), Vector128.LoadUnsafe(ref Unsafe.Add(ref first, 3 * stride)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rows4 Load(in Vector128<float> first)
        {
            ref Vector128<float> row = ref Unsafe.AsRef(in first);
            return new(row, Unsafe.Add(ref row, 1), Unsafe.Add(ref row, 2), Unsafe.Add(ref row, 3));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref float first, nint stride)
        {
            R0.StoreUnsafe(ref first);
            R1.StoreUnsafe(ref Unsafe.Add(ref first, stride));
            R2.StoreUnsafe(ref Unsafe.Add(ref first, 2 * stride));
            R3.StoreUnsafe(ref Unsafe.Add(ref first, 3 * stride));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref Vector128<float> first)
        {
            first = R0;
            Unsafe.Add(ref first, 1) = R1;
            Unsafe.Add(ref first, 2) = R2;
            Unsafe.Add(ref first, 3) = R3;
        }
    }

    // Interleave pairs of rows, then move their halves: (r0 r1 r2 r3)[i] for each i.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rows4 Transpose(in Rows4 r)
    {
        var t0 = Sse.UnpackLow(r.R0, r.R1);
        var t1 = Sse.UnpackHigh(r.R0, r.R1);
        var t2 = Sse.UnpackLow(r.R2, r.R3);
        var t3 = Sse.UnpackHigh(r.R2, r.R3);
        return new(Sse.MoveLowToHigh(t0, t2), Sse.MoveHighToLow(t2, t0), Sse.MoveLowToHigh(t1, t3), Sse.MoveHighToLow(t3, t1));
    }
}
