using System.Globalization;
using Dice;

namespace Dice.MpiWorker;

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, IgnoreIndex = 255)] public partial class CeLoss { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, BatchDice = true, IgnoreIndex = 255)] public partial class BatchCeLoss { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, ClassWeights = new[] { 1f, 2f, 0.5f })] public partial class BceLoss { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, IgnoreIndex = 255)] public partial class GeneralizedLoss { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, BatchDice = true, IgnoreIndex = 255)] public partial class FocalTverskyLoss { }

/// <summary>One loss checked across ranks: the whole batch made on every rank from one seed, this rank's slice split off.</summary>
internal sealed class Check
{
    private const int Spatial = 257;
    private readonly Func<MpiData, LossStatistics> _statistics;
    private readonly Func<MpiData, float[], LossStatistics, LossResult> _backward;
    private readonly Func<MpiData, float[], LossResult> _whole;

    private Check(string name, int classes, bool labels, Func<MpiData, LossStatistics> statistics, Func<MpiData, float[], LossStatistics, LossResult> backward, Func<MpiData, float[], LossResult> whole)
    {
        Name = name;
        Classes = classes;
        Labels = labels;
        _statistics = statistics;
        _backward = backward;
        _whole = whole;
    }

    public string Name { get; }
    public int Classes { get; }
    public bool Labels { get; }

    public static readonly Check[] All =
    [
        Of<CeLoss>("Dice + CE per sample", 4, labels: true),
        Of<BatchCeLoss>("batch Dice + CE, ignored labels", 4, labels: true),
        Of<BceLoss>("Dice + weighted BCE on masks", 3, labels: false),
        Of<GeneralizedLoss>("Generalized Dice", 4, labels: true),
        Of<FocalTverskyLoss>("batch Tversky + focal", 4, labels: true),
    ];

    private static Check Of<TLoss>(string name, int classes, bool labels) where TLoss : IDiceLoss => new(name, classes, labels,
        d => d.Labels is { } y ? DiceCpu.Statistics<TLoss>(d.Input, y, d.Batch) : DiceCpu.Statistics<TLoss>(d.Input, d.Masks!, d.Batch),
        (d, g, s) => d.Labels is { } y ? DiceCpu.Backward<TLoss>(d.Input, y, g, d.Batch, s) : DiceCpu.Backward<TLoss>(d.Input, d.Masks!, g, d.Batch, s),
        (d, g) => d.Labels is { } y ? DiceCpu.ForwardBackward<TLoss>(d.Input, y, g, d.Batch) : DiceCpu.ForwardBackward<TLoss>(d.Input, d.Masks!, g, d.Batch));

    /// <summary>Statistics, the all-reduce, Backward; compared with one process's call on the whole batch.</summary>
    public string Run(Dice.Mpi.MpiReducer reducer, int first, int mine, int total, bool poison)
    {
        MpiData whole = MpiData.Make(Classes, Labels, total, Spatial, seed: 7);
        var wholeGradient = new float[whole.Input.Length];
        LossResult expected = _whole(whole, wholeGradient);

        MpiData part = whole.Slice(first, mine, Classes, Spatial);
        if (poison) part.Input[Classes * Spatial / 2] = float.NaN;
        LossStatistics statistics = _statistics(part);
        reducer.Sum(statistics.Values);
        var gradient = new float[part.Input.Length];
        LossResult actual = _backward(part, gradient, statistics);

        double lossError = Math.Abs(actual.Loss - expected.Loss) / Math.Max(Math.Abs(expected.Loss), 1e-30);
        double classError = expected.ClassDice.Zip(actual.ClassDice, (e, a) => Math.Abs(e - a) / Math.Max(Math.Abs(e), 1e-30)).Max();
        double diff = 0, norm = 0;
        int offset = first * Classes * Spatial;
        for (int i = 0; i < gradient.Length; i++)
        {
            diff += Math.Pow(gradient[i] - wholeGradient[offset + i], 2);
            norm += Math.Pow(wholeGradient[offset + i], 2);
        }

        double gradientError = Math.Sqrt(diff / Math.Max(norm, 1e-300));
        bool ok = lossError <= 1e-5 && classError <= 1e-5 && gradientError <= 1e-4;
        return string.Format(CultureInfo.InvariantCulture, "{0} samples {1}..{2} of {3}: loss {4:G9} (one process {5:G9}, relative error {6:E1}), ClassDice error {7:E1}, gradient slice relative L2 error {8:E1}",
            ok ? "OK" : "FAIL", first, first + mine - 1, total, actual.Loss, expected.Loss, lossError, classError, gradientError);
    }
}

/// <summary>
/// Validation metrics across ranks: the confusion counts of the whole set made on every rank from one seed, this rank's
/// samples added one batch each, the Values summed over ranks; every rank must then have the whole set's metrics.
/// </summary>
internal static class MetricsCheck
{
    private const int Classes = 4;

    public static string Run(Dice.Mpi.MpiReducer reducer, int first, int mine, int total)
    {
        var random = new Random(11);
        long[] Make(int bound) => Enumerable.Range(0, total * Classes).Select(i => random.Next(4) == 0 ? 0L : random.Next(bound)).ToArray();
        long[] tp = Make(50), fp = Make(50), fn = Make(50), tn = Make(500);
        var whole = new SegmentationMetrics(Classes, includeBackground: false);
        whole.Add(new SegmentationCounts(total, Classes, tp, fp, fn, tn));

        var metrics = new SegmentationMetrics(Classes, includeBackground: false);
        for (int n = first; n < first + mine; n++)
        {
            long[] Sample(long[] counts) => counts[(n * Classes)..((n + 1) * Classes)];
            metrics.Add(new SegmentationCounts(1, Classes, Sample(tp), Sample(fp), Sample(fn), Sample(tn)));
        }

        metrics.Reduce(reducer);

        // The same from a loss's Evaluate: each rank counts its samples of one batch of logits.
        const int spatial = 777;
        MpiData data = MpiData.Make(Classes, labels: true, total, spatial, seed: 12);
        var wholeEvaluated = new SegmentationMetrics(Classes);
        wholeEvaluated.Add(CeLoss.Evaluate(data.Input, data.Labels!, total));
        var evaluated = new SegmentationMetrics(Classes);
        evaluated.Add(CeLoss.Evaluate(data.Input.AsSpan(first * Classes * spatial, mine * Classes * spatial),
            data.Labels!.AsSpan(first * spatial, mine * spatial), mine));
        evaluated.Reduce(reducer);

        static double Error(double expected, double actual) =>
            double.IsNaN(expected) ? (double.IsNaN(actual) ? 0 : double.PositiveInfinity) : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-30);
        static IEnumerable<double> Errors(SegmentationMetrics whole, SegmentationMetrics merged) =>
            new[] { Error(whole.MeanDice, merged.MeanDice), Error(whole.MeanIoU, merged.MeanIoU) }
                .Concat(whole.ClassDice.Zip(merged.ClassDice, Error)).Concat(whole.DatasetDice.Zip(merged.DatasetDice, Error))
                .Concat(whole.Specificity.Zip(merged.Specificity, Error));
        double error = Errors(whole, metrics).Concat(Errors(wholeEvaluated, evaluated)).Max();
        bool ok = metrics.Samples == total && evaluated.Samples == total && error <= 1e-12;
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} samples merged: MeanDice {2:G9} (one process {3:G9}), largest relative error {4:E1}",
            ok ? "OK" : "FAIL", metrics.Samples, metrics.MeanDice, whole.MeanDice, error);
    }
}

/// <summary>A batch's input and target.</summary>
internal sealed record MpiData(float[] Input, int[]? Labels, float[]? Masks, int Batch)
{
    public static MpiData Make(int classes, bool labels, int batch, int spatial, int seed)
    {
        var random = new Random(seed);
        float[] input = Enumerable.Range(0, batch * classes * spatial).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        if (labels)
            return new MpiData(input, Enumerable.Range(0, batch * spatial).Select(_ => random.NextDouble() < 0.1 ? 255 : random.Next(classes)).ToArray(), null, batch);
        return new MpiData(input, null, Enumerable.Range(0, input.Length).Select(_ => (float)random.NextDouble()).ToArray(), batch);
    }

    public MpiData Slice(int first, int count, int classes, int spatial) => new(
        Input.AsSpan(first * classes * spatial, count * classes * spatial).ToArray(),
        Labels?.AsSpan(first * spatial, count * spatial).ToArray(),
        Masks?.AsSpan(first * classes * spatial, count * classes * spatial).ToArray(),
        count);
}
