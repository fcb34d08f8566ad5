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

/// <summary>What one launch of the device finalizer does.</summary>
internal enum DeviceFinalizeMode
{
    /// <summary>Combine the partials of pass 1, the totals and the loss (and coefficients): one process's whole call.</summary>
    Complete,
    /// <summary>Combine the partials and the totals only: a Statistics call, whose totals the host sums over processes.</summary>
    Statistics,
    /// <summary>The loss and coefficients from uploaded per-sample statistics and summed totals: a Backward call.</summary>
    Backward,
}

/// <summary>
/// The device finalize kernel, one group: its threads sum the statistics from the partials of pass 1, each a whole
/// statistic in the fixed order of <see cref="LossFinalizer.CombineStatistic"/> (so the sums equal the CPU scheduler's
/// and each other's bit for bit, whatever the group size), then one thread runs <see cref="LossFinalizer.Totals"/> and
/// <see cref="LossFinalizer.Compute"/>, as far as <see cref="DeviceFinalizeMode"/> says. Pass 2 then starts on the device
/// without a round trip to the host.
/// </summary>
internal static class DeviceFinalizer
{
    public static void Kernel(
        ArrayView<double> partials, ArrayView<float> weights, ArrayView<double> statistics, ArrayView<double> totals, ArrayView<double> results,
        ArrayView<float> coefficients, FinalizeSettings settings, int groupsPerSample, int mode, int backward)
    {
        var layout = new StatisticsLayout(settings.Classes);
        int stride = layout.DevicePartialLength, length = layout.StatisticsLength(settings.Batch);

        if (mode != (int)DeviceFinalizeMode.Backward)
        {
            // One more work item than statistics: the count of invalid elements over every group.
            for (int k = Group.IdxX; k <= length; k += Group.DimX)
            {
                if (k < length)
                    statistics[k] = LossFinalizer.CombineStatistic(new ViewValues<double>(partials), stride, groupsPerSample, layout, k);
                else
                    results[layout.InvalidResult] = LossFinalizer.SumSlot(new ViewValues<double>(partials), stride, settings.Batch * groupsPerSample, layout.Invalid);
            }
        }

        // The barrier also makes every thread's writes to statistics visible to the group.
        Group.Barrier();
        if (Group.IdxX != 0) return;
        if (mode == (int)DeviceFinalizeMode.Backward)
            results[layout.InvalidResult] = 0; // the Statistics call validated this input
        else
            LossFinalizer.Totals(settings, new ViewValues<double>(statistics), new ViewValues<float>(weights), new ViewValues<double>(totals));
        if (mode == (int)DeviceFinalizeMode.Statistics) return;
        LossFinalizer.Compute(
            settings, new ViewValues<double>(statistics), new ViewValues<double>(totals), new ViewValues<float>(weights), new ViewValues<double>(results),
            new ViewValues<float>(coefficients), backward != 0);
    }
}
