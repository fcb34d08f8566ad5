using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 17, Combine = Combine.CrossEntropy)] public partial class ScheduleC17 { }

/// <summary>
/// The two ForwardBackward schedules of <see cref="DiceCpu"/> side by side over sizes from L2-resident to
/// DRAM-resident: recomputing p in pass 2 (two activations per element) against keeping p in the gradient (a
/// validation read first, one activation). Each cell is a median of Stopwatch runs, both schedules alternated in the
/// same loop so that machine noise hits both alike; the ratio is recompute time / keep time (above 1: keeping wins).
/// </summary>
public static class Schedules
{
    private const int Batch = 2;

    private delegate void Run(float[] input, int[]? labels, float[]? masks, float[] gradient, int batch);

    private static readonly (string Name, int Classes, bool Labels, Run Run)[] Losses =
    {
        ("dice_bce_loss (C=1, sigmoid, BCE, masks)", 1, false, (x, _, m, g, n) => DiceCpu.ForwardBackward<FusedDiceBceLoss>(x, m, g, n)),
        ("dice_bce_loss_multiclass (C=4, softmax, CE)", 4, true, (x, y, _, g, n) => DiceCpu.ForwardBackward<FusedDiceBceLossMulticlass>(x, y, g, n)),
        ("C=17 softmax CE (class loops)", 17, true, (x, y, _, g, n) => DiceCpu.ForwardBackward<ScheduleC17>(x, y, g, n)),
    };

    public static string Measure(int minLog2 = 12, int maxLog2 = 24)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| loss | N·S | input | recompute p | keep p | recompute / keep |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        var random = new Random(1);
        foreach (var (name, classes, hasLabels, run) in Losses)
        {
            for (int log2 = minLog2; log2 <= maxLog2; log2 += log2 < 20 ? 2 : 1)
            {
                long elements = (long)classes << log2;
                if (elements > 1L << 27) continue;
                var (input, labels, masks, gradient) = Data(random, classes, hasLabels, log2);
                var (recompute, keep) = Medians(
                    () => Forced(BackwardSchedule.RecomputeProbabilities, () => run(input, labels, masks, gradient, Batch)),
                    () => Forced(BackwardSchedule.KeepProbabilities, () => run(input, labels, masks, gradient, Batch)),
                    elements);
                table.AppendLine(string.Format(ci, "| {0} | 2^{1} | {2} | {3:F3} ms | {4:F3} ms | {5:F2}x |",
                    name, log2, Bytes(elements * 4), recompute * 1e3, keep * 1e3, recompute / keep));
                Console.Error.WriteLine($"schedules: {name} 2^{log2} done");
            }
        }

        table.AppendLine();
        table.AppendLine("| loss | N·S | input | all cores | calling thread only | all cores / one thread |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, classes, hasLabels, run) in Losses)
        {
            for (int log2 = 8; log2 <= 17; log2++)
            {
                long elements = (long)classes << log2;
                var (input, labels, masks, gradient) = Data(random, classes, hasLabels, log2);
                var (all, one) = Medians(
                    () => run(input, labels, masks, gradient, Batch),
                    () => OneThread(() => run(input, labels, masks, gradient, Batch)),
                    elements);
                table.AppendLine(string.Format(ci, "| {0} | 2^{1} | {2} | {3:F1} us | {4:F1} us | {5:F2}x |",
                    name, log2, Bytes(elements * 4), all * 1e6, one * 1e6, all / one));
            }
        }

        return table.ToString();
    }

    /// <summary>Batch = 2 samples, 2^log2 pixels in all: logits in [-3, 3), uniform labels or masks with a quarter ones.</summary>
    private static (float[] Input, int[]? Labels, float[]? Masks, float[] Gradient) Data(Random random, int classes, bool hasLabels, int log2)
    {
        int pixels = 1 << log2;
        var input = new float[(long)classes * pixels];
        for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 6 - 3);
        int[]? labels = hasLabels ? Enumerable.Range(0, pixels).Select(_ => random.Next(classes)).ToArray() : null;
        float[]? masks = hasLabels ? null : Enumerable.Range(0, input.Length).Select(_ => random.Next(4) == 0 ? 1f : 0f).ToArray();
        return (input, labels, masks, new float[input.Length]);
    }

    private static void OneThread(Action action)
    {
        int before = DiceCpu.MaxDegreeOfParallelism;
        DiceCpu.MaxDegreeOfParallelism = 1;
        try
        {
            action();
        }
        finally
        {
            DiceCpu.MaxDegreeOfParallelism = before;
        }
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="schedule"/> forced (null: the schedule DiceCpu chooses).</summary>
    internal static void Forced(BackwardSchedule? schedule, Action action)
    {
        DiceCpu.ForcedSchedule.Value = schedule;
        try
        {
            action();
        }
        finally
        {
            DiceCpu.ForcedSchedule.Value = null;
        }
    }

    private static string Bytes(long bytes) => bytes >= 1 << 20
        ? string.Format(CultureInfo.InvariantCulture, "{0:F1} MiB", bytes / 1048576.0)
        : string.Format(CultureInfo.InvariantCulture, "{0:F1} KiB", bytes / 1024.0);

    /// <summary>Alternated medians, with fewer pairs for larger inputs (9 to 201).</summary>
    private static (double A, double B) Medians(Action a, Action b, long elements) =>
        Alternated.Medians(a, b, (int)Math.Clamp(400_000_000 / elements, 9, 201));
}
