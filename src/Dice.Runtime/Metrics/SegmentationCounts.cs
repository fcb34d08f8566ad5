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
