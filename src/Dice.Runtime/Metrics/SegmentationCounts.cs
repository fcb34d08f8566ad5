using Dice.Kernels;

namespace Dice;

/// <summary>
/// The confusion counts of one batch per (sample, class), at index <c>n * Classes + c</c>: true positives (predicted c,
/// truth c), false positives, false negatives and true negatives, over the pixels that count (docs/semantics.md,
/// "Segmentation metrics"). <see cref="SegmentationMetrics"/> turns batches of them into Dice, IoU and the rest.
/// </summary>
public sealed class SegmentationCounts
{
    /// <summary>Counts computed elsewhere: four arrays of <paramref name="batch"/> x <paramref name="classes"/> values, each >= 0.</summary>
    /// <exception cref="ArgumentException">A length is not batch x classes, or a count is negative; the message names the array and index.</exception>
    public SegmentationCounts(int batch, int classes, long[] truePositives, long[] falsePositives, long[] falseNegatives, long[] trueNegatives)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        Batch = batch;
        Classes = classes;
        TruePositives = Checked(truePositives, nameof(truePositives));
        FalsePositives = Checked(falsePositives, nameof(falsePositives));
        FalseNegatives = Checked(falseNegatives, nameof(falseNegatives));
        TrueNegatives = Checked(trueNegatives, nameof(trueNegatives));
    }

    /// <summary>N, the samples counted.</summary>
    public int Batch { get; }

    /// <summary>C, the classes counted.</summary>
    public int Classes { get; }

    /// <summary>Pixels predicted c whose truth is c, per (n, c).</summary>
    public IReadOnlyList<long> TruePositives { get; }

    /// <summary>Pixels predicted c whose truth is not c, per (n, c).</summary>
    public IReadOnlyList<long> FalsePositives { get; }

    /// <summary>Pixels not predicted c whose truth is c, per (n, c).</summary>
    public IReadOnlyList<long> FalseNegatives { get; }

    /// <summary>Pixels neither predicted c nor of truth c, per (n, c).</summary>
    public IReadOnlyList<long> TrueNegatives { get; }

    /// <summary>
    /// The counts of a batch from the partials of an Evaluate kernel (<see cref="ConfusionLayout"/>):
    /// <paramref name="partsPerSample"/> consecutive parts per sample, one every <paramref name="stride"/> values. The
    /// parts are integers, so their order does not matter: the counts are exact for any chunking or thread count.
    /// </summary>
    internal static SegmentationCounts FromPartials(ReadOnlySpan<long> partials, int stride, int batch, int classes, int partsPerSample)
    {
        var layout = new ConfusionLayout(classes);
        var tp = new long[batch * classes];
        var fp = new long[batch * classes];
        var fn = new long[batch * classes];
        var tn = new long[batch * classes];
        for (int n = 0; n < batch; n++)
        {
            long counted = 0;
            for (int part = 0; part < partsPerSample; part++)
                counted += partials[(n * partsPerSample + part) * stride + layout.Counted];
            for (int c = 0; c < classes; c++)
            {
                long truePositives = 0, predicted = 0, truth = 0;
                for (int part = 0; part < partsPerSample; part++)
                {
                    int at = (n * partsPerSample + part) * stride;
                    truePositives += partials[at + layout.Offset(ConfusionCount.TruePositives) + c];
                    predicted += partials[at + layout.Offset(ConfusionCount.Predicted) + c];
                    truth += partials[at + layout.Offset(ConfusionCount.Truth) + c];
                }

                int i = n * classes + c;
                tp[i] = truePositives;
                fp[i] = predicted - truePositives;
                fn[i] = truth - truePositives;
                tn[i] = counted - predicted - truth + truePositives;
            }
        }

        return new SegmentationCounts(batch, classes, tp, fp, fn, tn);
    }

    private ValueList<long> Checked(long[] counts, string name)
    {
        ArgumentNullException.ThrowIfNull(counts, name);
        if (counts.Length != Batch * Classes)
            throw new ArgumentException($"{name} has {counts.Length} counts; batch x classes is {Batch} x {Classes} = {Batch * Classes}.", name);
        int negative = Array.FindIndex(counts, count => count < 0);
        if (negative >= 0)
            throw new ArgumentException($"{name}[{negative}] at (n = {negative / Classes}, c = {negative % Classes}) is {counts[negative]}; counts are >= 0.", name);
        return new ValueList<long>(counts);
    }
}
