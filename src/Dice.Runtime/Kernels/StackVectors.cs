using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dice.Kernels;

/// <summary>
/// Stack buffers of vectors that start at a multiple of the vector's size: generated vector kernels declare their
/// per-class spans and staged tiles with it. Not meant for direct use.
/// </summary>
/// <remarks>
/// <c>stackalloc</c> aligns a buffer to 16 bytes only, so a span of <c>Vector512&lt;float&gt;</c> (64 bytes, one cache
/// line) would start anywhere in a line and every vector read or written through it would straddle two lines (with
/// <c>Vector256&lt;float&gt;</c> every other one). The class-loop kernels pass every per-class value through such spans
/// (docs/performance.md, "Stack spans on vector boundaries"). A kernel asks for one vector more than it uses and takes
/// the aligned vectors within.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StackVectors
{
    /// <summary>
    /// The vectors of <paramref name="buffer"/> from its first address that is a multiple of the size of
    /// <typeparamref name="TVector"/>: one vector fewer than the buffer holds. The buffer must be on the stack (it
    /// never moves) and its length a multiple of that size (16, 32 or 64 bytes: a power of two).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Span<TVector> Aligned<TVector>(Span<byte> buffer) where TVector : unmanaged
    {
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer));
        int size = sizeof(TVector);
        int skip = (int)(-address & (size - 1));
        return MemoryMarshal.Cast<byte, TVector>(buffer.Slice(skip, buffer.Length - size));
    }
}
