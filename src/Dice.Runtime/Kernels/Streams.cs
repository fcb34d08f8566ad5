using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Dice.Kernels;

/// <summary>
/// Software prefetch of the channel streams of channels-first data, and the test of a plane whose channels share the
/// cache's sets (<see cref="SharesCacheSets"/>): generated kernels call them. Not meant for direct use.
/// </summary>
/// <remarks>
/// A class-loop kernel (more than <see cref="KernelLimits.UnrolledClasses"/> classes, channels first) reads and writes C
/// streams S floats apart, one vector of each per step: more streams than the hardware prefetchers follow, so without a
/// hint every step waits on C cache misses (docs/performance.md, "Many classes"). Each stream asks for the line
/// <see cref="Distance"/> elements ahead of the one it touches now. The staged tiles of Vector128 kernels (from
/// <see cref="KernelLimits.StagedFromClasses"/> classes, and from <see cref="KernelLimits.StagedOnSharedSetsFromClasses"/>
/// on planes where <see cref="SharesCacheSets"/>) ask instead, before copying one channel's run, for the run of the
/// channel <see cref="ChannelsAhead"/> further on (<see cref="PrefetchRun"/>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Streams
{
    /// <summary>How far ahead of the element being read or written, in floats, a stream prefetches: two cache lines.</summary>
    public const int Distance = 32;

    /// <summary>
    /// Asks for the cache line of element <paramref name="offset"/> + <see cref="Distance"/> from
    /// <paramref name="source"/>. A prefetch never faults, so the address may lie past the buffer's end; where the machine
    /// has no prefetch instruction this does nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(ref float source, nuint offset)
    {
        // Only an address is formed here, never a read: a prefetch hint does not fault and keeps nothing alive.
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref source, offset + Distance)));
    }

    /// <summary>
    /// How many channels ahead of the one a staged tile copies now its runs are prefetched (<see cref="PrefetchRun"/>):
    /// near enough that on a plane whose channels share the cache's sets (S a multiple of 1,024 floats) the lines asked
    /// for are not evicted before their channel's turn.
    /// </summary>
    public const int ChannelsAhead = 4;

    /// <summary>
    /// Asks for every cache line of the run of <paramref name="floats"/> floats at element <paramref name="offset"/> of
    /// <paramref name="source"/>: the run of a channel that a staged tile reads <see cref="ChannelsAhead"/> channels later.
    /// Like <see cref="Prefetch"/>, never faults, so the run may lie past the buffer's end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchRun(ref float source, nuint offset, int floats)
    {
        if (!Sse.IsSupported) return;
        for (int line = 0; line < floats; line += LineFloats)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref source, offset + (nuint)line)));
    }

    /// <summary>
    /// Whether the channels of a plane of <paramref name="spatial"/> pixels share the cache's sets: S a multiple of
    /// 1,024 floats (4 KiB, the span of an L1 way), so every channel's line at a pixel falls into the same set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SharesCacheSets(nint spatial) => (spatial & (SetSpanFloats - 1)) == 0;

    /// <summary>Floats in the span of one way of an L1 data cache: 4 KiB.</summary>
    private const int SetSpanFloats = 1024;

    /// <summary>Floats in a 64-byte cache line.</summary>
    private const int LineFloats = 16;
}
