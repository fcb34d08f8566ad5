using Dice.Kernels;
using ILGPU;

namespace Dice;

/// <summary>An ILGPU array view as <see cref="IValues{T}"/>, so that the finalizer runs on the device.</summary>
internal readonly struct ViewValues<T>(ArrayView<T> view) : IValues<T> where T : unmanaged
{
    public T this[int index]
    {
        get => view[index];
        set => view[index] = value;
    }
}

/// <summary>
/// The device finalize kernel: one thread reduces the group partials of pass 1 in a fixed order
/// (sample, group, value), then runs <see cref="LossFinalizer.Compute{TStatistics,TWeights,TResults,TCoefficients}"/>
/// on the device, so that pass 2 can start without a round trip.
/// </summary>
internal static class DeviceFinalizer
{
    /// <summary>The slot after the finalizer's results that holds the count of invalid pixels.</summary>
    public static int InvalidSlot(int classes) => LossFinalizer.ResultsLength(classes);

    public static void Kernel(
        ArrayView<double> partials, ArrayView<float> weights, ArrayView<double> statistics, ArrayView<double> results,
        ArrayView<float> coefficients, FinalizeSettings settings, int groupsPerSample, int backward)
    {
        // Device partials carry one more value per group: its count of invalid pixels.
        int classes = settings.Classes;
        var layout = new StatisticsLayout(classes);
        int stride = layout.DevicePartialLength;
        LossFinalizer.CombinePartials(
            new ViewValues<double>(partials), stride, groupsPerSample, settings.Batch, classes, new ViewValues<double>(statistics));
        double invalid = 0;
        for (int group = 0; group < settings.Batch * groupsPerSample; group++) invalid += partials[group * stride + layout.Invalid];

        LossFinalizer.Compute(
            settings, new ViewValues<double>(statistics), new ViewValues<float>(weights), new ViewValues<double>(results),
            new ViewValues<float>(coefficients), backward != 0);
        results[InvalidSlot(classes)] = invalid;
    }
}
