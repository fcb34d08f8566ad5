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
    /// <summary>The call's IgnoreIndex.</summary>
    public int IgnoreIndex;
    /// <summary>The call's focal exponent.</summary>
    public float FocalGamma;
    /// <summary>The call's label smoothing.</summary>
    public float LabelSmoothing;
    /// <summary>1 when pass 2 adds its gradient to the buffer's values (the call's AccumulateGradient), else 0.</summary>
    public int AccumulateGradient;
}

/// <summary>The generated ILGPU kernels of one loss, as the engine loads them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeviceKernels
{
    /// <summary>Wraps the three generated kernels.</summary>
    public DeviceKernels(
        Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> statistics,
        Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, ArrayView<float>, DeviceShape> gradient,
        Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> confusion)
    {
        Statistics = statistics;
        Gradient = gradient;
        Confusion = confusion;
    }

    /// <summary>Pass 1: (input, labels, masks, pixel weights, class values (class weights, then positive weights: 2C), partials, shape).</summary>
    public Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> Statistics { get; }

    /// <summary>Pass 2: (input, labels, masks, pixel weights, class values, coefficients, results, gradient, shape); it writes nothing when the results count invalid elements.</summary>
    public Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, ArrayView<float>, DeviceShape> Gradient { get; }

    /// <summary>Evaluate: (input, labels, masks, pixel weights, partials, shape); each group's partial has its counts and its count of invalid pixels (<see cref="ConfusionLayout"/>).</summary>
    public Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> Confusion { get; }
}

/// <summary>
/// Sums many values over a group at once, as fixed-order trees in shared memory (no atomics, so results repeat bit
/// for bit): every thread adds its values in the same order; they are staged as rows of one value per thread, and
/// each full batch of rows is reduced together, with one barrier per tree level for all of them, and stored by the
/// first thread at consecutive indices of the target. Generated pass-1 kernels use one per group for their partial.
/// </summary>
/// <remarks>
/// Each row's tree is the one a single-value reduction would use: at every level with <c>width</c> live values, thread
/// t &lt; width - ceil(width / 2) adds the value ceil(width / 2) above it. Every thread of the group must make the same
/// calls in the same order.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct GroupSums
{
    private readonly ArrayView<double> _shared;
    private readonly ArrayView<double> _target;
    private readonly int _capacity;
    private long _next;
    private int _rows;

    /// <summary>Sums into <paramref name="target"/> from <paramref name="index"/> on, staging in <paramref name="shared"/> (a whole number of rows of <c>Group.DimX</c> doubles).</summary>
    public GroupSums(ArrayView<double> shared, ArrayView<double> target, long index)
    {
        _shared = shared;
        _target = target;
        _capacity = (int)(shared.Length / Group.DimX);
        _next = index;
        _rows = 0;
    }

    /// <summary>This thread's share of the next value.</summary>
    public void Add(double value)
    {
        _shared[(long)_rows * Group.DimX + Group.IdxX] = value;
        _rows++;
        if (_rows == _capacity) Flush();
    }

    /// <summary>Reduces and stores the staged values; call once after the last <see cref="Add"/>.</summary>
    public void Flush()
    {
        if (_rows == 0) return;
        int thread = Group.IdxX, size = Group.DimX;
        Group.Barrier();
        for (int width = size; width > 1;)
        {
            int half = (width + 1) / 2;
            if (thread < width - half)
            {
                for (int row = 0; row < _rows; row++) _shared[(long)row * size + thread] += _shared[(long)row * size + thread + half];
            }

            Group.Barrier();
            width = half;
        }

        if (thread == 0)
        {
            for (int row = 0; row < _rows; row++) _target[_next + row] = _shared[(long)row * size];
        }

        // The rows are reused by the next batch.
        Group.Barrier();
        _next += _rows;
        _rows = 0;
    }
}
