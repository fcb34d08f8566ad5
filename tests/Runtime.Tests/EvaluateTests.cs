using ILGPU;
using ILGPU.Runtime;
using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>
/// The generated Evaluate kernels against an independent reference of the counts (docs/semantics.md, "Segmentation
/// metrics"), written here pixel by pixel from the definitions: every configuration of the matrix, at vector tails
/// and chunk edges, on random data and on data full of ties and values on the thresholds. Counts are integers, so
/// every comparison is exact.
/// </summary>
public class EvaluateTests
{
    public static TheoryData<ILossCase> Cases() => new(LossMatrix.All);

    /// <summary>The counts by definition: per pixel the prediction z and the truth t, then TP, FP, FN, TN per (n, c).</summary>
    internal static (long[] Tp, long[] Fp, long[] Fn, long[] Tn) ReferenceCounts(DiceLossSpec spec, float[] input, TargetData target, int batch, int ignoreIndex)
    {
        int classes = spec.Classes, spatial = input.Length / (batch * classes);
        var tp = new long[batch * classes];
        var fp = new long[batch * classes];
        var fn = new long[batch * classes];
        var tn = new long[batch * classes];
        bool argmax = spec.Activation == Activation.Softmax || (spec.Activation == Activation.None && spec.Target == Target.Labels);
        for (int n = 0; n < batch; n++)
        {
            for (int s = 0; s < spatial; s++)
            {
                if (target.Labels is { } labels && labels[n * spatial + s] == ignoreIndex) continue;
                if (target.PixelWeights is { } weights && weights[n * spatial + s] == 0) continue; // weight 0: counts nowhere
                double X(int c) => input[(n * classes + c) * spatial + s];
                int best = 0;
                for (int c = 1; c < classes; c++)
                {
                    if (X(c) > X(best)) best = c;
                }

                for (int c = 0; c < classes; c++)
                {
                    bool z = argmax ? c == best : spec.Activation == Activation.Sigmoid ? X(c) >= 0 : X(c) >= 0.5;
                    bool t = target.Labels is { } l ? l[n * spatial + s] == c : target.Masks![(n * classes + c) * spatial + s] >= 0.5;
                    int i = n * classes + c;
                    if (z && t) tp[i]++;
                    else if (z) fp[i]++;
                    else if (t) fn[i]++;
                    else tn[i]++;
                }
            }
        }

        return (tp, fp, fn, tn);
    }

    internal static void AssertCounts(DiceLossSpec spec, float[] input, TargetData target, int batch, SegmentationCounts actual, string context, int? ignoreIndex = null)
    {
        var (tp, fp, fn, tn) = ReferenceCounts(spec, input, target, batch, ignoreIndex ?? spec.IgnoreIndex);
        Assert.Equal(batch, actual.Batch);
        Assert.Equal(spec.Classes, actual.Classes);
        AssertEqual(tp, actual.TruePositives, context + " TP");
        AssertEqual(fp, actual.FalsePositives, context + " FP");
        AssertEqual(fn, actual.FalseNegatives, context + " FN");
        AssertEqual(tn, actual.TrueNegatives, context + " TN");
    }

    private static void AssertEqual(long[] expected, IReadOnlyList<long> actual, string context)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i], $"{context}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    /// <summary>
    /// Data full of ties and threshold values: inputs from a few levels (equal maxima across classes, x = 0 and -0 for
    /// Sigmoid, 0.5 for None), masks in {0, 0.5, 1}, labels with ignored pixels and classes left empty.
    /// </summary>
    internal static (float[] Input, TargetData Target) TieData(DiceLossSpec spec, int batch, int spatial, int seed)
    {
        var random = new Random(seed);
        int classes = spec.Classes;
        float[] levels = spec.Activation == Activation.None ? [0f, 0.25f, 0.5f, 0.5f, 1f] : [-1f, -0f, 0f, 0f, 2f];
        var input = new float[batch * classes * spatial];
        for (int i = 0; i < input.Length; i++) input[i] = levels[random.Next(levels.Length)];
        if (spec.Target == Target.Labels)
        {
            // Class classes - 1 never occurs: an empty class in every sample.
            var labels = new int[batch * spatial];
            for (int i = 0; i < labels.Length; i++)
                labels[i] = random.Next(5) == 0 ? spec.IgnoreIndex : random.Next(Math.Max(1, classes - 1));
            return (input, WithPixelWeights(new TargetData(labels, null)));
        }

        var masks = new float[input.Length];
        for (int i = 0; i < masks.Length; i++) masks[i] = new[] { 0f, 0.5f, 1f, 0.4999999f }[random.Next(4)];
        return (input, WithPixelWeights(new TargetData(null, masks)));

        TargetData WithPixelWeights(TargetData target) =>
            spec.PixelWeights ? target with { PixelWeights = TestData.PixelWeights(random, batch * spatial) } : target;
    }

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Counts_match_the_reference_at_every_tail_and_chunk_edge(ILossCase loss)
    {
        foreach (int spatial in new[] { 1, 3, 15, 16, 17, 31, 4095, 4096, 4097, 2 * 4096 + 5 })
        {
            var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: spatial);
            AssertCounts(loss.Spec, input, target, 2, loss.Evaluate(input, target, 2), $"{loss.Name} N=2 S={spatial} random");
            (input, target) = TieData(loss.Spec, 3, spatial, seed: spatial);
            AssertCounts(loss.Spec, input, target, 3, loss.Evaluate(input, target, 3), $"{loss.Name} N=3 S={spatial} ties");
        }
    }

    [Fact]
    public void Ties_go_to_the_first_class_and_ignored_pixels_count_nowhere()
    {
        // C = 4, S = 3: pixel 0 has classes 1 and 2 tied for the maximum (predicted 1), pixel 1 all four tied (predicted 0),
        // pixel 2 is ignored whatever its input says.
        float[] input =
        [
            0f, 0f, 5f,
            2f, 0f, 5f,
            2f, 0f, 5f,
            1f, 0f, 9f,
        ];
        int[] labels = [2, 0, SoftmaxCeLabels4.Spec.IgnoreIndex];
        SegmentationCounts counts = SoftmaxCeLabels4.Evaluate(input, labels, 1);
        Assert.Equal(new long[] { 1, 0, 0, 0 }, counts.TruePositives); // pixel 1: predicted 0, truth 0
        Assert.Equal(new long[] { 0, 1, 0, 0 }, counts.FalsePositives); // pixel 0: predicted 1, truth 2
        Assert.Equal(new long[] { 0, 0, 1, 0 }, counts.FalseNegatives);
        Assert.Equal(new long[] { 1, 1, 1, 2 }, counts.TrueNegatives); // two pixels count: TP + FP + FN + TN = 2 per class
    }

    [Fact]
    public void The_calls_ignore_index_applies()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 999, seed: 5);
        int[] labels = target.Labels!.Select((y, i) => i % 7 == 0 ? 42 : y == SoftmaxCeLabels4.Spec.IgnoreIndex ? 1 : y).ToArray();
        var parameters = SoftmaxCeLabels4.Spec.Parameters with { IgnoreIndex = 42 };
        SegmentationCounts counts = SoftmaxCeLabels4.Evaluate(input, labels, 2, parameters);
        AssertCounts(SoftmaxCeLabels4.Spec, input, new TargetData(labels, null), 2, counts, "IgnoreIndex 42", ignoreIndex: 42);
        Assert.Throws<ArgumentException>("labels", () => SoftmaxCeLabels4.Evaluate(input, labels, 2));
    }

    [Fact]
    public void One_sigmoid_class_counts_foreground_from_the_sign_of_the_logit()
    {
        // x >= 0 is p >= 0.5 exactly: 0 and -0 are foreground, the negative float nearest 0 is not.
        float[] input = [0f, -0f, -float.Epsilon, 3f, -3f];
        float[] masks = [1f, 0f, 1f, 0.5f, 0.49f];
        SegmentationCounts counts = SigmoidBceMask1.Evaluate(input, masks, 1);
        Assert.Equal(new long[] { 2 }, counts.TruePositives); // s = 0 and s = 3
        Assert.Equal(new long[] { 1 }, counts.FalsePositives); // s = 1
        Assert.Equal(new long[] { 1 }, counts.FalseNegatives); // s = 2
        Assert.Equal(new long[] { 1 }, counts.TrueNegatives); // s = 4
    }

    [Fact]
    public void Every_thread_count_gives_the_same_counts()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels24.Spec, 3, 3 * 4096 + 77, seed: 9);
        SegmentationCounts all = SoftmaxCeLabels24.Evaluate(input, target.Labels!, 3);
        int before = DiceCpu.MaxDegreeOfParallelism;
        try
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                DiceCpu.MaxDegreeOfParallelism = threads;
                SegmentationCounts counts = SoftmaxCeLabels24.Evaluate(input, target.Labels!, 3);
                Assert.Equal(all.TruePositives, counts.TruePositives);
                Assert.Equal(all.FalsePositives, counts.FalsePositives);
                Assert.Equal(all.FalseNegatives, counts.FalseNegatives);
                Assert.Equal(all.TrueNegatives, counts.TrueNegatives);
            }
        }
        finally
        {
            DiceCpu.MaxDegreeOfParallelism = before;
        }
    }

    [Fact]
    public void A_perfect_prediction_has_dice_and_iou_one_and_an_inverted_one_zero()
    {
        int classes = 3, spatial = 500;
        var random = new Random(3);
        int[] labels = Enumerable.Range(0, 2 * spatial).Select(_ => random.Next(classes)).ToArray();
        var input = new float[2 * classes * spatial];
        for (int n = 0; n < 2; n++)
            for (int s = 0; s < spatial; s++)
                input[(n * classes + labels[n * spatial + s]) * spatial + s] = 4f;
        var metrics = new SegmentationMetrics(classes);
        metrics.Add(SoftmaxLabels3.Evaluate(input, labels, 2));
        Assert.Equal(1.0, metrics.MeanDice);
        Assert.Equal(1.0, metrics.MeanIoU);

        int[] shifted = labels.Select(y => (y + 1) % classes).ToArray();
        metrics.Clear();
        metrics.Add(SoftmaxLabels3.Evaluate(input, shifted, 2));
        Assert.Equal(0.0, metrics.MeanDice);
        Assert.All(metrics.DatasetIoU, iou => Assert.Equal(0.0, iou));
    }

    public static TheoryData<int> Positions() => new([0, 5, 16 * 3 + 2, 4096 + 1, 2 * 4096 + 4]);

    [Theory]
    [MemberData(nameof(Positions))]
    public void Bad_input_in_the_vector_body_or_the_tail_names_its_argument_and_position(int s)
    {
        int spatial = 2 * 4096 + 5;
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, spatial, seed: 1);
        float[] bad = (float[])input.Clone();
        int flat = (1 * 4 + 2) * spatial + s;
        bad[flat] = float.NaN;
        var error = Assert.Throws<ArgumentException>("input", () => SoftmaxCeLabels4.Evaluate(bad, target.Labels!, 2));
        Assert.Contains($"input[{flat}] at (n = 1, c = 2, s = {s})", error.Message);

        int[] badLabels = (int[])target.Labels!.Clone();
        badLabels[spatial + s] = 4;
        error = Assert.Throws<ArgumentException>("labels", () => SoftmaxCeLabels4.Evaluate(input, badLabels, 2));
        Assert.Contains($"labels[{spatial + s}] at (n = 1, s = {s})", error.Message);

        var (probabilities, masks) = TestData.Make(ProbMask1.Spec, 1, spatial, seed: 2);
        float[] badMasks = (float[])masks.Masks!.Clone();
        badMasks[s] = 1.5f;
        error = Assert.Throws<ArgumentException>("masks", () => ProbMask1.Evaluate(probabilities, badMasks, 1));
        Assert.Contains($"masks[{s}] at (n = 0, c = 0, s = {s})", error.Message);
        float[] badProbabilities = (float[])probabilities.Clone();
        badProbabilities[s] = -0.25f;
        error = Assert.Throws<ArgumentException>("input", () => ProbMask1.Evaluate(badProbabilities, masks.Masks!, 1));
        Assert.Contains("probabilities", error.Message);
    }

    [Fact]
    public void Shapes_and_the_target_form_are_checked()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 10, seed: 1);
        Assert.Throws<ArgumentException>("input", () => SoftmaxCeLabels4.Evaluate(input.AsSpan(1).ToArray(), target.Labels!, 2));
        Assert.Throws<ArgumentException>("labels", () => SoftmaxCeLabels4.Evaluate(input, target.Labels!.AsSpan(1).ToArray(), 2));
        Assert.Throws<ArgumentOutOfRangeException>("batch", () => SoftmaxCeLabels4.Evaluate(input, target.Labels!, 0));
        var wrongForm = Assert.Throws<ArgumentException>("masks", () => DiceCpu.Evaluate<SoftmaxCeLabels4>(input, new float[input.Length], 2));
        Assert.Contains("labels", wrongForm.Message);
    }
}

/// <summary>A labels loss over three classes for the end-to-end metric test.</summary>
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Softmax)]
public partial class SoftmaxLabels3 { }

/// <summary>The device Evaluate kernel on ILGPU's CPU accelerator: the CPU's counts exactly, on host spans and on views.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class DeviceEvaluateTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    public static TheoryData<ILossCase> Cases() => new(LossMatrix.All.Take(12).Concat(LossMatrix.All.Where(c => c.Name.EndsWith("_IgnoreIndex", StringComparison.Ordinal))));

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Counts_equal_the_cpu_and_the_reference(ILossCase loss)
    {
        foreach (var (batch, spatial, seed) in new[] { (1, 1, 1), (2, 37, 2), (3, 300, 3) })
        {
            var (input, target) = EvaluateTests.TieData(loss.Spec, batch, spatial, seed);
            SegmentationCounts device = loss.Evaluate(input, target, batch, engine: _engine);
            EvaluateTests.AssertCounts(loss.Spec, input, target, batch, device, $"{loss.Name} IlgpuCpu N={batch} S={spatial}");
            SegmentationCounts cpu = loss.Evaluate(input, target, batch);
            Assert.Equal(cpu.TruePositives, device.TruePositives);
            Assert.Equal(cpu.TrueNegatives, device.TrueNegatives);
        }
    }

    [Fact]
    public void View_overloads_match_host_spans_and_report_bad_input()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels24.Spec, 2, 777, seed: 4);
        SegmentationCounts host = _engine.Evaluate<SoftmaxCeLabels24>(input, target.Labels!, 2);
        using var inputBuffer = _engine.Accelerator!.Allocate1D(input);
        using var labelsBuffer = _engine.Accelerator!.Allocate1D(target.Labels!);
        SegmentationCounts views = _engine.Evaluate<SoftmaxCeLabels24>(inputBuffer.View, labelsBuffer.View, 2);
        Assert.Equal(host.TruePositives, views.TruePositives);
        Assert.Equal(host.FalsePositives, views.FalsePositives);
        Assert.Equal(host.FalseNegatives, views.FalseNegatives);
        Assert.Equal(host.TrueNegatives, views.TrueNegatives);

        var (probabilities, masks) = TestData.Make(SigmoidBceMasks17.Spec, 2, 333, seed: 6);
        using var masksInput = _engine.Accelerator!.Allocate1D(probabilities);
        using var masksBuffer = _engine.Accelerator!.Allocate1D(masks.Masks!);
        SegmentationCounts masksViews = _engine.Evaluate<SigmoidBceMasks17>(masksInput.View, masksBuffer.View, 2);
        EvaluateTests.AssertCounts(SigmoidBceMasks17.Spec, probabilities, masks, 2, masksViews, "masks views");

        input[17 * 777 + 5] = float.PositiveInfinity;
        inputBuffer.View.CopyFromCPU(input);
        var error = Assert.Throws<ArgumentException>("input", () => _engine.Evaluate<SoftmaxCeLabels24>(inputBuffer.View, labelsBuffer.View, 2));
        Assert.Contains($"input[{17 * 777 + 5}] at (n = 0, c = 17, s = 5)", error.Message);
        Assert.Throws<ArgumentException>("input", () => _engine.Evaluate<SoftmaxCeLabels24>(input, target.Labels!, 2));
    }
}
