using System.ComponentModel;
using ILGPU;

namespace Dice.Kernels;

/// <summary>The shape of one device launch, passed to generated kernels.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct DeviceShape
{
    /// <summary>N.</summary>
    public int Batch;
    /// <summary>S.</summary>
    public int Spatial;
    /// <summary>Groups of pass 1 per sample.</summary>
    public int GroupsPerSample;
    /// <summary>Pixels per group of pass 1 (the last group of a sample may have fewer).</summary>
    public int SliceLength;
}

/// <summary>The generated ILGPU kernels of one loss, as the engine loads them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeviceKernels
{
    /// <summary>Wraps the two generated kernels.</summary>
    public DeviceKernels(
        Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<double>, DeviceShape> statistics,
        Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceShape> gradient)
    {
        Statistics = statistics;
        Gradient = gradient;
    }

    /// <summary>Pass 1: (input, labels, masks, partials, shape).</summary>
    public Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<double>, DeviceShape> Statistics { get; }

    /// <summary>Pass 2: (input, labels, masks, coefficients, gradient, shape).</summary>
    public Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceShape> Gradient { get; }
}

/// <summary>Group reductions that generated device kernels call: fixed-order trees in shared memory, no atomics.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DeviceReduce
{
    /// <summary>
    /// Sums <paramref name="value"/> over the group as a fixed-order tree in <paramref name="shared"/>
    /// (one double per thread), and the first thread stores the sum at <paramref name="target"/>[<paramref name="index"/>].
    /// Every thread of the group must call it.
    /// </summary>
    public static void SumInto(ArrayView<double> shared, double value, ArrayView<double> target, long index)
    {
        int thread = Group.IdxX;
        shared[thread] = value;
        Group.Barrier();
        for (int width = Group.DimX; width > 1;)
        {
            int half = (width + 1) / 2;
            if (thread < width - half) shared[thread] += shared[thread + half];
            Group.Barrier();
            width = half;
        }

        if (thread == 0) target[index] = shared[0];
        Group.Barrier();
    }
}
