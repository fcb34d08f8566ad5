using CsCheck;

namespace Dice.Runtime.Tests;

/// <summary>
/// <see cref="SegmentationMetrics"/> against an independent float64 implementation of MONAI's compute_dice /
/// compute_iou with ignore_empty and of its do_metric_reduction ("mean", "mean_batch"), written here from MONAI's
/// definitions, and against the dataset-level ratios of summed counts; batches added one by one or at once, and the
/// Values merge over in-process parts.
/// </summary>
public class MetricsTests
{
    /// <summary>A batch of random counts: some (sample, class) pairs have no truth (TP + FN = 0), some nothing at all.</summary>
    private static Gen<SegmentationCounts> Counts(int classes) =>
        Gen.Int[1, 5].SelectMany(batch => Gen.Select(
            Gen.Int[0, 3].SelectMany(kind => kind == 0 ? Gen.Const(0L) : Gen.Long[0, 40]).Array[batch * classes],
            Gen.Long[0, 40].Array[batch * classes],
            Gen.Int[0, 3].SelectMany(kind => kind == 0 ? Gen.Const(0L) : Gen.Long[0, 40]).Array[batch * classes],
            Gen.Long[0, 400].Array[batch * classes],
            (tp, fp, fn, tn) => new SegmentationCounts(batch, classes, tp, fp, fn, tn)));

    private static readonly Gen<(int Classes, bool Background, SegmentationCounts[] Batches)> Sets =
        Gen.Int[1, 20].SelectMany(classes => Gen.Select(
            Gen.Bool.Select(b => b || classes == 1),
            Counts(classes).Array[1, 6],
            (background, batches) => (classes, background, batches)));

    /// <summary>MONAI's per-(n, c) values: NaN where the truth is empty (ignore_empty), rows of the samples of every batch.</summary>
    private static double[][] PerSample(SegmentationCounts[] batches, bool iou) =>
        batches.SelectMany(b => Enumerable.Range(0, b.Batch).Select(n => Enumerable.Range(0, b.Classes).Select(c =>
        {
            int i = n * b.Classes + c;
            double tp = b.TruePositives[i], fp = b.FalsePositives[i], fn = b.FalseNegatives[i];
            if (tp + fn == 0) return double.NaN;
            return iou ? tp / (tp + fp + fn) : 2 * tp / (2 * tp + fp + fn);
        }).ToArray())).ToArray();

    /// <summary>do_metric_reduction "mean": the mean over the non-NaN channels per row, then over the rows that had one; MONAI gives 0 where nothing counts.</summary>
    private static double MonaiMean(double[][] f)
    {
        var rows = f.Select(r => r.Where(v => !double.IsNaN(v)).ToArray()).Where(r => r.Length > 0).Select(r => r.Average()).ToArray();
        return rows.Length == 0 ? 0 : rows.Average();
    }

    /// <summary>do_metric_reduction "mean_batch": per channel, the mean over the rows where it is not NaN; 0 where none.</summary>
    private static double[] MonaiMeanBatch(double[][] f, int classes) =>
        Enumerable.Range(0, classes).Select(c =>
        {
            double[] column = f.Select(r => r[c]).Where(v => !double.IsNaN(v)).ToArray();
            return column.Length == 0 ? 0 : column.Average();
        }).ToArray();

    /// <summary>MONAI's 0 where no value counted is this library's NaN (docs/semantics.md): equal otherwise, to 1e-12 relative.</summary>
    private static void AssertMonai(double monai, double ours, bool anyCounted)
    {
        if (!anyCounted)
        {
            Assert.True(double.IsNaN(ours), $"expected NaN where MONAI gives {monai}, got {ours}");
            return;
        }

        Assert.Equal(monai, ours, 1e-12 * Math.Max(1, Math.Abs(monai)));
    }

    private static SegmentationMetrics Added(int classes, bool background, IEnumerable<SegmentationCounts> batches)
    {
        var metrics = new SegmentationMetrics(classes, background);
        foreach (SegmentationCounts batch in batches) metrics.Add(batch);
        return metrics;
    }

    [Fact]
    public void Mean_and_class_Dice_and_IoU_match_MONAI_reductions()
    {
        Sets.Sample(set =>
        {
            var (classes, background, batches) = set;
            SegmentationMetrics metrics = Added(classes, background, batches);
            int first = background ? 0 : 1;
            foreach (bool iou in new[] { false, true })
            {
                double[][] f = PerSample(batches, iou);
                double[][] inK = f.Select(r => r[first..]).ToArray();
                bool anySample = inK.Any(r => r.Any(v => !double.IsNaN(v)));
                AssertMonai(MonaiMean(inK), iou ? metrics.MeanIoU : metrics.MeanDice, anySample);
                double[] perClass = MonaiMeanBatch(f, classes);
                IReadOnlyList<double> ours = iou ? metrics.ClassIoU : metrics.ClassDice;
                Assert.Equal(classes, ours.Count);
                for (int c = 0; c < classes; c++) AssertMonai(perClass[c], ours[c], f.Any(r => !double.IsNaN(r[c])));
            }

            Assert.Equal(batches.Sum(b => b.Batch), metrics.Samples);
        });
    }

    [Fact]
    public void Dataset_metrics_are_the_ratios_of_the_counts_summed_over_the_set()
    {
        Sets.Sample(set =>
        {
            var (classes, background, batches) = set;
            SegmentationMetrics metrics = Added(classes, background, batches);
            for (int c = 0; c < classes; c++)
            {
                double Sum(Func<SegmentationCounts, IReadOnlyList<long>> counts) =>
                    batches.Sum(b => Enumerable.Range(0, b.Batch).Sum(n => (double)counts(b)[n * classes + c]));
                double tp = Sum(b => b.TruePositives), fp = Sum(b => b.FalsePositives), fn = Sum(b => b.FalseNegatives), tn = Sum(b => b.TrueNegatives);
                static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;
                Assert.Equal(Ratio(2 * tp, 2 * tp + fp + fn), metrics.DatasetDice[c]);
                Assert.Equal(Ratio(tp, tp + fp + fn), metrics.DatasetIoU[c]);
                Assert.Equal(Ratio(tp, tp + fp), metrics.Precision[c]);
                Assert.Equal(Ratio(tp, tp + fn), metrics.Recall[c]);
                Assert.Equal(Ratio(tn, tn + fp), metrics.Specificity[c]);
            }
        });
    }

    [Fact]
    public void Batches_added_one_by_one_equal_one_batch_of_them_all()
    {
        Sets.Sample(set =>
        {
            var (classes, background, batches) = set;
            SegmentationMetrics oneByOne = Added(classes, background, batches);
            SegmentationCounts all = new(batches.Sum(b => b.Batch), classes,
                batches.SelectMany(b => b.TruePositives).ToArray(), batches.SelectMany(b => b.FalsePositives).ToArray(),
                batches.SelectMany(b => b.FalseNegatives).ToArray(), batches.SelectMany(b => b.TrueNegatives).ToArray());
            SegmentationMetrics atOnce = Added(classes, background, [all]);
            // The same samples in the same order: the same sums, bit for bit.
            Assert.Equal(atOnce.Values.ToArray(), oneByOne.Values.ToArray());
        });
    }

    /// <summary>An all-reduce over in-process parts: each part's Values become the element-wise sum of all.</summary>
    private sealed class InProcessReducer(SegmentationMetrics[] parts) : IStatisticsReducer
    {
        private double[]? _sum;

        public void Sum(Span<double> values)
        {
            _sum ??= Enumerable.Range(0, values.Length).Select(i => parts.Sum(p => p.Values[i])).ToArray();
            _sum.CopyTo(values);
        }
    }

    [Fact]
    public void Parts_merged_through_Values_give_every_part_the_metrics_of_the_whole_set()
    {
        Gen.Select(Sets, Gen.Int[2, 4]).Sample((set, processes) =>
        {
            var (classes, background, batches) = set;
            // Unequal parts: batch i goes to process i * i % processes (some processes may get none).
            SegmentationMetrics[] parts = Enumerable.Range(0, processes)
                .Select(p => Added(classes, background, batches.Where((_, i) => i * i % processes == p))).ToArray();
            var reducer = new InProcessReducer(parts);
            foreach (SegmentationMetrics part in parts) part.Reduce(reducer);
            SegmentationMetrics whole = Added(classes, background, batches);
            foreach (SegmentationMetrics part in parts)
            {
                Assert.Equal(whole.Samples, part.Samples);
                AssertClose(whole.MeanDice, part.MeanDice);
                AssertClose(whole.MeanIoU, part.MeanIoU);
                for (int c = 0; c < classes; c++)
                {
                    AssertClose(whole.ClassDice[c], part.ClassDice[c]);
                    AssertClose(whole.ClassIoU[c], part.ClassIoU[c]);
                    // Counts are integers: exactly the whole set's.
                    Assert.Equal(whole.DatasetDice[c], part.DatasetDice[c]);
                    Assert.Equal(whole.Specificity[c], part.Specificity[c]);
                }
            }
        });
    }

    private static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
        else Assert.Equal(expected, actual, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Without_background_the_means_skip_class_0_and_the_lists_keep_C_entries()
    {
        // Sample 0: background perfect (Dice 1), class 1 half (Dice 2 * 1 / (2 + 2) = 0.5); sample 1: class 1 absent.
        var counts = new SegmentationCounts(2, 2, [4, 1, 4, 0], [0, 1, 0, 0], [0, 1, 0, 0], [4, 5, 4, 8]);
        var withBackground = Added(2, true, [counts]);
        var without = Added(2, false, [counts]);
        Assert.Equal(((1 + 0.5) / 2 + 1) / 2, withBackground.MeanDice, 1e-15);
        Assert.Equal(0.5, without.MeanDice, 1e-15);
        Assert.Equal(new[] { 1.0, 0.5 }, without.ClassDice);
        Assert.Equal(2, without.DatasetDice.Count);

        without.Clear();
        Assert.Equal(0, without.Samples);
        Assert.True(double.IsNaN(without.MeanDice));
        Assert.All(without.Precision, p => Assert.True(double.IsNaN(p)));
    }

    [Fact]
    public void Bad_counts_and_mismatched_classes_are_refused_with_the_argument_and_position()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => new SegmentationCounts(2, 3, new long[6], new long[5], new long[6], new long[6]));
        Assert.Equal("falsePositives", wrongLength.ParamName);
        Assert.Contains("2 x 3 = 6", wrongLength.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => new SegmentationCounts(2, 3, new long[6], new long[6], [0, 0, 0, 0, -1, 0], new long[6]));
        Assert.Equal("falseNegatives", negative.ParamName);
        Assert.Contains("falseNegatives[4] at (n = 1, c = 1) is -1", negative.Message, StringComparison.Ordinal);

        var metrics = new SegmentationMetrics(4);
        var other = Assert.Throws<ArgumentException>(() => metrics.Add(new SegmentationCounts(1, 3, new long[3], new long[3], new long[3], new long[3])));
        Assert.Equal("counts", other.ParamName);
        Assert.Equal(0, metrics.Samples);
        Assert.Throws<ArgumentException>(() => new SegmentationMetrics(1, includeBackground: false));
    }
}
