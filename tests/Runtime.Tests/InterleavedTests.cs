using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CsCheck;
using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>
/// The whole-block moves of channels-last data (Interleaved.Gather and Scatter), at every width: Gather puts element
/// offset + i * C + c in lane i of channel c, for every class count (a multiple of the transposed block or not, and
/// fewer classes than one block), and Scatter puts it back there and writes nothing outside the block.
/// </summary>
public class InterleavedTests
{
    private delegate void Gather<TVector>(ref float source, nuint offset, Span<TVector> channels);

    private delegate void Scatter<TVector>(ReadOnlySpan<TVector> channels, ref float destination, nuint offset);

    [Fact]
    public void Move_Vector128_blocks() => Check<Vector128<float>>(Interleaved.Gather, Interleaved.Scatter);

    [Fact]
    public void Move_Vector256_blocks() => Check<Vector256<float>>(Interleaved.Gather, Interleaved.Scatter);

    [Fact]
    public void Move_Vector512_blocks() => Check<Vector512<float>>(Interleaved.Gather, Interleaved.Scatter);

    private static void Check<TVector>(Gather<TVector> gather, Scatter<TVector> scatter) where TVector : unmanaged
    {
        int lanes = Unsafe.SizeOf<TVector>() / sizeof(float);
        var classCounts = Gen.Frequency((4, Gen.Int[1, 40]), (1, Gen.OneOf(Gen.Const(104), Gen.Const(117), Gen.Const(150))));
        Gen.Select(classCounts, Gen.Int[0, 33]).Sample((classes, offset) =>
        {
            // The block, with guard elements on either side; every element's value is its index.
            int block = lanes * classes;
            float[] memory = Enumerable.Range(0, offset + block + 33).Select(i => (float)i).ToArray();

            var channels = new TVector[classes];
            gather(ref memory[0], (nuint)offset, channels);

            Span<float> channelLanes = MemoryMarshal.Cast<TVector, float>(channels.AsSpan());
            for (int c = 0; c < classes; c++)
                for (int i = 0; i < lanes; i++)
                    Assert.Equal(offset + i * classes + c, channelLanes[c * lanes + i]);

            // Back, negated, into memory whose every element is -0.5: the block holds -(its index), the rest -0.5.
            for (int j = 0; j < channelLanes.Length; j++) channelLanes[j] = -channelLanes[j];
            Array.Fill(memory, -0.5f);
            scatter(channels, ref memory[0], (nuint)offset);

            for (int j = 0; j < memory.Length; j++)
                Assert.Equal(j >= offset && j < offset + block ? -j : -0.5f, memory[j]);
        });
    }
}
