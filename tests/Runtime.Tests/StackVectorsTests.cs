using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CsCheck;
using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>
/// The aligned stack spans of the vector kernels (StackVectors.Aligned): from a buffer of one vector more than asked
/// for, at any byte address, exactly the vectors asked for, each on a multiple of the vector's size, all within the
/// buffer, so that writing every one of them leaves the bytes around the buffer as they were.
/// </summary>
public class StackVectorsTests
{
    [Fact]
    public void Align_Vector128_spans() => Check<Vector128<float>>();

    [Fact]
    public void Align_Vector256_spans() => Check<Vector256<float>>();

    [Fact]
    public void Align_Vector512_spans() => Check<Vector512<float>>();

    [Fact]
    public void Align_Vector512_label_spans() => Check<Vector512<int>>();

    private static void Check<TVector>() where TVector : unmanaged
    {
        int size = Unsafe.SizeOf<TVector>();
        Gen.Select(Gen.Int[1, 300], Gen.Int[0, 63]).Sample((count, shift) =>
        {
            // A guarded region: the buffer starts shift bytes into it, and 64 guard bytes lie on either side.
            int length = (count + 1) * size;
            byte[] region = GC.AllocateArray<byte>(length + 192, pinned: true);
            region.AsSpan().Fill(0xA5);
            Span<byte> buffer = region.AsSpan(64 + shift, length);

            Span<TVector> vectors = StackVectors.Aligned<TVector>(buffer);

            Assert.Equal(count, vectors.Length);
            // Addresses from the pinned region's own (it never moves): its start plus each span's byte offset in it.
            nint origin = Marshal.UnsafeAddrOfPinnedArrayElement(region, 0);
            nint start = origin + Unsafe.ByteOffset(ref region[0], ref MemoryMarshal.GetReference(buffer));
            nint first = origin + Unsafe.ByteOffset(ref region[0], ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(vectors)));
            Assert.Equal(0, first % size);
            Assert.InRange(first - start, 0, size - 1);
            MemoryMarshal.AsBytes(vectors).Fill(0x5A);
            Assert.All(region.AsSpan(0, 64 + shift).ToArray(), b => Assert.Equal(0xA5, b));
            Assert.All(region.AsSpan(64 + shift + length).ToArray(), b => Assert.Equal(0xA5, b));
            Assert.Equal(count * size, region.Count(b => b == 0x5A));
        });
    }
}
