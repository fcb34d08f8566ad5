using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Dice.Kernels;

namespace Dice.Benchmarks;

/// <summary>
/// The memory floor of the channels-first order: the bytes a ForwardBackward that recomputes p moves (the input read in
/// each pass, the gradient written in the second), on all cores, with no arithmetic but the kernels' prefetches
/// (<see cref="Streams.Prefetch"/>), touched pixel by pixel with a run of lines of each of the C channels (S floats apart)
/// per step: one 64-byte line, as the plain class loops read and write, or several, as a staged tile does. Its time per
/// element against C = 4's is what C concurrent streams cost the memory system alone, before any kernel runs; the
/// contiguous copy floor of <see cref="BenchCase.Copy"/> has one stream per core.
/// </summary>
internal static class ChannelStreamFloor
{
    private const int LineFloats = 16;

    /// <summary>
    /// The two passes over <paramref name="input"/> (N x C x S) and <paramref name="gradient"/>, each split over the
    /// cores, <paramref name="runLines"/> lines of each channel per step.
    /// </summary>
    public static float ForwardBackward(float[] input, float[] gradient, int batch, int classes, int runLines)
    {
        int spatial = input.Length / batch / classes;
        // Pass 1 reads every line; pass 2 reads it again and writes the gradient's.
        return Pass(input, gradient, batch, classes, spatial, runLines, write: false)
            + Pass(input, gradient, batch, classes, spatial, runLines, write: true);
    }

    private static float Pass(float[] input, float[] gradient, int batch, int classes, int spatial, int runLines, bool write)
    {
        int runFloats = runLines * LineFloats;
        // A plane's last partial run is left out: at most 63 floats of the 55,924 of the smallest plane timed.
        int steps = spatial / runFloats;
        int parts = Environment.ProcessorCount;
        var sums = new float[parts];
        Parallel.For(0, parts, part =>
        {
            // Each core takes a contiguous share of the (sample, step) pairs, as the chunked kernels do.
            long total = (long)batch * steps;
            long from = total * part / parts, to = total * (part + 1) / parts;
            ref float x = ref MemoryMarshal.GetArrayDataReference(input);
            ref float g = ref MemoryMarshal.GetArrayDataReference(gradient);
            Vector128<float> sum = Vector128<float>.Zero;
            for (long i = from; i < to; i++)
            {
                long n = i / steps, s = i % steps * runFloats;
                for (int c = 0; c < classes; c++)
                {
                    for (int line = 0; line < runFloats; line += LineFloats)
                    {
                        nuint at = (nuint)((n * classes + c) * spatial + s + line);
                        // As the kernels do: each stream asks for its line Streams.Distance floats ahead.
                        Streams.Prefetch(ref x, at);
                        if (write)
                        {
                            Streams.Prefetch(ref g, at);
                            CopyLine(ref x, ref g, at);
                        }
                        else
                        {
                            sum += ReadLine(ref x, at);
                        }
                    }
                }
            }

            sums[part] = Vector128.Sum(sum);
        });
        return sums.Sum();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReadLine(ref float source, nuint at) =>
        (Vector128.LoadUnsafe(ref source, at) + Vector128.LoadUnsafe(ref source, at + 4))
        + (Vector128.LoadUnsafe(ref source, at + 8) + Vector128.LoadUnsafe(ref source, at + 12));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLine(ref float source, ref float target, nuint at)
    {
        // 16-byte moves at every width: the floor is the lines' traffic, whichever vectors carry it.
        for (nuint k = 0; k < LineFloats; k += 4)
            Vector128.LoadUnsafe(ref source, at + k).StoreUnsafe(ref target, at + k);
    }
}
