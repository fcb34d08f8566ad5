namespace Dice;

/// <summary>
/// Validation metrics accumulated over batches of <see cref="SegmentationCounts"/>: MONAI's DiceMetric and MeanIoU
/// (per-(sample, class) values with empty ground truth skipped, then its "mean" and "mean_batch" reductions), the
/// dataset-level Dice and IoU of counts summed over the set (nnU-Net's pseudo Dice), precision, recall and specificity.
/// Every metric is a function of <see cref="Values"/>, a vector of sums whose length depends on the classes alone, so
/// data-parallel validation sums it over processes (<see cref="Reduce"/>) and every process then has the metrics of
/// the whole set. Definitions, and where they differ from MONAI and segmentation_models_pytorch: docs/semantics.md,
/// "Segmentation metrics".
/// </summary>
public sealed class SegmentationMetrics
{
    // Values: the four totals, then per class c the seven sums at PerClass + 7 c.
    private const int SamplesSlot = 0, MeanDiceSlot = 1, MeanIoUSlot = 2, SamplesWithClassSlot = 3, PerClass = 4;
    private const int ClassDiceSum = 0, ClassIoUSum = 1, ClassSamples = 2, Tp = 3, Fp = 4, Fn = 5, Tn = 6, PerClassSlots = 7;

    private readonly double[] _values;
    private readonly bool _includeBackground;

    /// <summary>Metrics over <paramref name="classes"/> classes; without background, MeanDice and MeanIoU average c >= 1 only.</summary>
    /// <exception cref="ArgumentException">classes is below 1, or 1 without background (no class would count).</exception>
    public SegmentationMetrics(int classes, bool includeBackground = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (!includeBackground && classes < 2)
            throw new ArgumentException("includeBackground = false needs at least two classes: class 0 is the background.", nameof(includeBackground));
        Classes = classes;
        _includeBackground = includeBackground;
        _values = new double[PerClass + PerClassSlots * classes];
    }

    /// <summary>C.</summary>
    public int Classes { get; }

    /// <summary>
    /// The sums every metric is computed from (their layout is this class's own). For data-parallel validation, sum
    /// them element-wise over processes in place (<see cref="Reduce"/> does it with a reducer).
    /// </summary>
    public Span<double> Values => _values;

    /// <summary>The samples added (over every process, after <see cref="Reduce"/>).</summary>
    public long Samples => (long)_values[SamplesSlot];

    /// <summary>Adds one batch.</summary>
    /// <exception cref="ArgumentException">The counts are of another number of classes.</exception>
    public void Add(SegmentationCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Classes != Classes)
            throw new ArgumentException($"The counts have {counts.Classes} classes; these metrics have {Classes}.", nameof(counts));
        for (int n = 0; n < counts.Batch; n++)
        {
            double diceSum = 0, iouSum = 0;
            int present = 0;
            for (int c = 0; c < Classes; c++)
            {
                int i = n * Classes + c;
                long tp = counts.TruePositives[i], fp = counts.FalsePositives[i], fn = counts.FalseNegatives[i];
                Span<double> slots = _values.AsSpan(PerClass + PerClassSlots * c, PerClassSlots);
                slots[Tp] += tp;
                slots[Fp] += fp;
                slots[Fn] += fn;
                slots[Tn] += counts.TrueNegatives[i];
                // MONAI's ignore_empty: a class absent from the sample's truth has no value (NaN), and is skipped.
                if (tp + fn == 0) continue;
                double dice = 2.0 * tp / (2.0 * tp + fp + fn), iou = (double)tp / (tp + fp + fn);
                slots[ClassDiceSum] += dice;
                slots[ClassIoUSum] += iou;
                slots[ClassSamples] += 1;
                if (c == 0 && !_includeBackground) continue;
                diceSum += dice;
                iouSum += iou;
                present++;
            }

            _values[SamplesSlot] += 1;
            if (present == 0) continue;
            _values[MeanDiceSlot] += diceSum / present;
            _values[MeanIoUSlot] += iouSum / present;
            _values[SamplesWithClassSlot] += 1;
        }
    }

    /// <summary>Sums <see cref="Values"/> over every process (an all-reduce, e.g. <c>Dice.Mpi.MpiReducer</c>): each process then has the whole set's metrics.</summary>
    public void Reduce(IStatisticsReducer reducer)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        reducer.Sum(_values);
    }

    /// <summary>Forgets every batch added (for the next validation round).</summary>
    public void Clear() => Array.Clear(_values);

    /// <summary>MONAI DiceMetric, reduction "mean": per sample the mean Dice of its classes present in the truth (of c >= 1 without background), then the mean over the samples that have one; NaN when none has.</summary>
    public double MeanDice => Ratio(_values[MeanDiceSlot], _values[SamplesWithClassSlot]);

    /// <summary>MONAI MeanIoU, reduction "mean", as <see cref="MeanDice"/>.</summary>
    public double MeanIoU => Ratio(_values[MeanIoUSlot], _values[SamplesWithClassSlot]);

    /// <summary>MONAI DiceMetric, reduction "mean_batch": per class, the mean Dice over the samples whose truth has it; NaN when none has (C entries, background included).</summary>
    public IReadOnlyList<double> ClassDice => PerClassValues(s => Ratio(s[ClassDiceSum], s[ClassSamples]));

    /// <summary>MONAI MeanIoU, reduction "mean_batch", as <see cref="ClassDice"/>.</summary>
    public IReadOnlyList<double> ClassIoU => PerClassValues(s => Ratio(s[ClassIoUSum], s[ClassSamples]));

    /// <summary>Per class, 2 TP / (2 TP + FP + FN) of the counts summed over the set (nnU-Net's pseudo Dice, SMP's "micro" per class); NaN when 0 / 0.</summary>
    public IReadOnlyList<double> DatasetDice => PerClassValues(s => Ratio(2 * s[Tp], 2 * s[Tp] + s[Fp] + s[Fn]));

    /// <summary>Per class, TP / (TP + FP + FN) of the summed counts; NaN when 0 / 0.</summary>
    public IReadOnlyList<double> DatasetIoU => PerClassValues(s => Ratio(s[Tp], s[Tp] + s[Fp] + s[Fn]));

    /// <summary>Per class, TP / (TP + FP) of the summed counts; NaN when nothing was predicted c.</summary>
    public IReadOnlyList<double> Precision => PerClassValues(s => Ratio(s[Tp], s[Tp] + s[Fp]));

    /// <summary>Per class, TP / (TP + FN) of the summed counts (sensitivity); NaN when no truth is c.</summary>
    public IReadOnlyList<double> Recall => PerClassValues(s => Ratio(s[Tp], s[Tp] + s[Fn]));

    /// <summary>Per class, TN / (TN + FP) of the summed counts; NaN when every pixel is c.</summary>
    public IReadOnlyList<double> Specificity => PerClassValues(s => Ratio(s[Tn], s[Tn] + s[Fp]));

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    private double[] PerClassValues(Func<ReadOnlySpan<double>, double> metric)
    {
        var result = new double[Classes];
        for (int c = 0; c < Classes; c++) result[c] = metric(_values.AsSpan(PerClass + PerClassSlots * c, PerClassSlots));
        return result;
    }
}
