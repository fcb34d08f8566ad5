using ILGPU;
using ILGPU.Runtime;
using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>
/// Data-parallel training in one process: a batch split into unequal parts (as processes would hold it), each part's
/// statistics, their values summed element-wise (what an all-reduce does), each part's Backward; the loss, ClassDice and
/// the concatenated gradient against one call on the whole batch. Every loss of the matrix on the CPU, a spread of them
/// on ILGPU's CPU accelerator (host spans and views).
/// </summary>
public class DistributedTests
{
    public static TheoryData<ILossCase> Matrix() => new(LossMatrix.All);

    /// <summary>Sample counts of the parts: two and three processes, a part of one sample.</summary>
    private static readonly int[][] Splits = [[1, 4], [2, 1, 2]];

    /// <summary>One process's part: its statistics, then (after the sum) its Backward.</summary>
    private delegate LossStatistics PartStatistics(float[] input, TargetData target, int batch);

    private delegate LossResult PartBackward(float[] input, TargetData target, float[] gradient, int batch, LossStatistics global);

    /// <summary>Runs the split and returns the results of every part and the concatenated gradient.</summary>
    private static (LossResult[] Results, float[] Gradient) RunSplit(
        DiceLossSpec spec, float[] input, TargetData target, int spatial, int[] split, PartStatistics statistics, PartBackward backward)
    {
        int perSample = spec.Classes * spatial;
        var parts = new List<(float[] Input, TargetData Target, int Batch, LossStatistics Statistics)>();
        int from = 0;
        foreach (int count in split)
        {
            float[] partInput = input.AsSpan(from * perSample, count * perSample).ToArray();
            TargetData partTarget = target.Samples(from, count, spec.Classes, spatial);
            parts.Add((partInput, partTarget, count, statistics(partInput, partTarget, count)));
            from += count;
        }

        // The all-reduce: every part's values replaced by the element-wise sum over all parts.
        int length = parts[0].Statistics.Values.Length;
        Assert.All(parts, p => Assert.Equal(length, p.Statistics.Values.Length)); // a function of the loss alone
        var sum = new double[length];
        foreach (var part in parts)
            for (int i = 0; i < length; i++) sum[i] += part.Statistics.Values[i];
        foreach (var part in parts) sum.CopyTo(part.Statistics.Values);

        var gradient = new float[input.Length];
        var results = new List<LossResult>();
        from = 0;
        foreach (var part in parts)
        {
            var partGradient = new float[part.Input.Length];
            results.Add(backward(part.Input, part.Target, partGradient, part.Batch, part.Statistics));
            partGradient.CopyTo(gradient, from * perSample);
            from += part.Batch;
        }

        return (results.ToArray(), gradient);
    }

    private static void MatchesWholeBatch(LossResult whole, float[] wholeGradient, LossResult[] parts, float[] gradient, string context)
    {
        foreach (LossResult part in parts)
        {
            Assertions.Close(whole.Loss, part.Loss, Assertions.LossTolerance, context + " loss");
            Assertions.Close(whole.DiceLoss, part.DiceLoss, Assertions.LossTolerance, context + " Dice term");
            Assertions.Close(whole.CrossEntropy, part.CrossEntropy, Assertions.LossTolerance, context + " pixel term");
            for (int c = 0; c < whole.ClassDice.Count; c++)
                Assertions.Close(whole.ClassDice[c], part.ClassDice[c], Assertions.LossTolerance, $"{context} ClassDice[{c}]");
        }

        double error = Assertions.RelativeL2(wholeGradient.Select(v => (double)v).ToArray(), gradient);
        Assert.True(error <= Assertions.GradientTolerance, $"{context}: gradient relative L2 error {error:E2} against the whole batch");
    }

    [Theory]
    [MemberData(nameof(Matrix), DisableDiscoveryEnumeration = true)]
    public void Parts_summed_are_the_whole_batch_on_the_CPU(ILossCase loss)
    {
        const int batch = 5, spatial = 300;
        var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: 90);
        var wholeGradient = new float[input.Length];
        LossResult whole = loss.ForwardBackward(input, target, wholeGradient, batch);
        foreach (int[] split in Splits)
        {
            var (results, gradient) = RunSplit(loss.Spec, input, target, spatial, split, (x, t, n) => loss.Statistics(x, t, n), (x, t, g, n, s) => loss.Backward(x, t, g, n, s));
            MatchesWholeBatch(whole, wholeGradient, results, gradient, $"{loss.Name} split {string.Join("+", split)}");
        }
    }

    public static TheoryData<ILossCase> DeviceCases() => new(LossMatrix.All.Where((_, i) => i % 9 == 0).Concat(LossMatrix.All.Where(l =>
        l.Spec.Overlap is Overlap.Tversky or Overlap.GeneralizedDice || l.Spec.Combine == Combine.Focal).Where((_, i) => i % 4 == 0)).Distinct());

    [Theory]
    [MemberData(nameof(DeviceCases), DisableDiscoveryEnumeration = true)]
    public void Parts_summed_are_the_whole_batch_on_ILGPU(ILossCase loss)
    {
        const int batch = 5, spatial = 64;
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: 91);
        var wholeGradient = new float[input.Length];
        LossResult whole = loss.ForwardBackward(input, target, wholeGradient, batch);
        var (results, gradient) = RunSplit(loss.Spec, input, target, spatial, [2, 1, 2],
            (x, t, n) => loss.Statistics(x, t, n, engine: engine), (x, t, g, n, s) => loss.Backward(x, t, g, n, s, engine: engine));
        MatchesWholeBatch(whole, wholeGradient, results, gradient, $"{loss.Name} IlgpuCpu");
    }

    [Fact]
    public void Views_on_the_accelerator_take_the_same_path()
    {
        const int batch = 4, spatial = 80;
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, batch, spatial, seed: 92);
        var wholeGradient = new float[input.Length];
        LossResult whole = SoftmaxCeLabels4.ForwardBackward(input, target.Labels, wholeGradient, batch);
        var accelerator = engine.Accelerator!;
        var (results, gradient) = RunSplit(SoftmaxCeLabels4.Spec, input, target, spatial, [3, 1],
            (x, t, n) =>
            {
                using var xs = accelerator.Allocate1D(x);
                using var ys = accelerator.Allocate1D(t.Labels!);
                return engine.Statistics<SoftmaxCeLabels4>(xs.View, ys.View, n);
            },
            (x, t, g, n, s) =>
            {
                using var xs = accelerator.Allocate1D(x);
                using var ys = accelerator.Allocate1D(t.Labels!);
                using var gs = accelerator.Allocate1D<float>(g.Length);
                LossResult r = engine.Backward<SoftmaxCeLabels4>(xs.View, ys.View, gs.View, n, s);
                gs.View.CopyToCPU(g);
                return r;
            });
        MatchesWholeBatch(whole, wholeGradient, results, gradient, "views");
    }

    /// <summary>A reducer for one process: the sum over one process is the values themselves (counts the calls).</summary>
    private sealed class SingleProcess : IStatisticsReducer
    {
        public int Calls { get; private set; }

        public void Sum(Span<double> values) => Calls++;
    }

    [Fact]
    public void The_reducer_overloads_on_one_process_are_the_plain_calls()
    {
        const int batch = 3;
        var (input, target) = TestData.Make(SigmoidFocalMasks3_ClassWeights.Spec, batch, 500, seed: 93);
        var expected = new float[input.Length];
        var actual = new float[input.Length];
        var reducer = new SingleProcess();
        LossResult plain = SigmoidFocalMasks3_ClassWeights.ForwardBackward(input, target.Masks, expected, batch);
        LossResult reduced = SigmoidFocalMasks3_ClassWeights.ForwardBackward(input, target.Masks, actual, batch, reducer: reducer);
        LossResult forward = SigmoidFocalMasks3_ClassWeights.Forward(input, target.Masks, batch, reducer: reducer);
        Assert.Equal(2, reducer.Calls);
        Assertions.Close(plain.Loss, reduced.Loss, 1e-6, "ForwardBackward");
        Assertions.Close(plain.Loss, forward.Loss, 1e-6, "Forward");
        Assert.True(Assertions.RelativeL2(expected.Select(v => (double)v).ToArray(), actual) <= 1e-6);

        // Before the sum, Result is this process's loss; the statistics carry no per-call allocation but themselves.
        LossStatistics statistics = SigmoidFocalMasks3_ClassWeights.Statistics(input, target.Masks, batch);
        Assertions.Close(plain.Loss, statistics.Result.Loss, 1e-6, "Result before the sum");
    }

    [Fact]
    public void Backward_refuses_statistics_of_another_loss_shape_or_untouched_by_a_sum()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 50, seed: 94);
        LossStatistics statistics = SoftmaxCeLabels4.Statistics(input, target.Labels, 2);
        var gradient = Enumerable.Repeat(3f, input.Length).ToArray();

        var other = Assert.Throws<ArgumentException>(() => SoftmaxCeLabels4_Tversky.Backward(input, target.Labels, gradient, 2, statistics));
        Assert.Equal("global", other.ParamName);
        Assert.Contains("SoftmaxCeLabels4.Statistics", other.Message);

        var (smaller, smallerTarget) = TestData.Make(SoftmaxCeLabels4.Spec, 1, 50, seed: 95);
        var shape = Assert.Throws<ArgumentException>(() => SoftmaxCeLabels4.Backward(smaller, smallerTarget.Labels, new float[smaller.Length], 1, statistics));
        Assert.Contains("2 samples of 50 pixels, but this call has 1 of 50", shape.Message);

        statistics.Values[1] = 1; // fewer samples than this process holds: not a sum over processes
        var count = Assert.Throws<ArgumentException>(() => SoftmaxCeLabels4.Backward(input, target.Labels, gradient, 2, statistics));
        Assert.Contains("counts 1 samples, fewer than this process's 2", count.Message);
        statistics.Values[1] = double.NaN;
        Assert.Throws<ArgumentException>(() => SoftmaxCeLabels4.Backward(input, target.Labels, gradient, 2, statistics));
        Assert.All(gradient, g => Assert.Equal(3f, g));
        Assert.Throws<ArgumentNullException>(() => SoftmaxCeLabels4.Backward(input, target.Labels, gradient, 2, null!));
    }

    [Fact]
    public void Bad_input_on_one_part_throws_there_with_the_usual_message()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 50, seed: 96);
        input[4 * 50 + 7] = float.NaN; // sample 1, class 0, pixel 7
        var error = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCeLabels4.Statistics(input, target.Labels, 2));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("input[207] at (n = 1, c = 0, s = 7) is NaN", error.Message);
    }

    [Fact]
    public void Statistics_have_a_length_of_the_loss_alone()
    {
        var (a, ta) = TestData.Make(SoftmaxFocalLabels20_BatchDice.Spec, 1, 10, seed: 97);
        var (b, tb) = TestData.Make(SoftmaxFocalLabels20_BatchDice.Spec, 7, 333, seed: 98);
        int length = SoftmaxFocalLabels20_BatchDice.Statistics(a, ta.Labels, 1).Values.Length;
        Assert.Equal(length, SoftmaxFocalLabels20_BatchDice.Statistics(b, tb.Labels, 7).Values.Length);
        Assert.Equal(length, engineLength());

        int engineLength()
        {
            using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
            return engine.Statistics<SoftmaxFocalLabels20_BatchDice>(b, tb.Labels, 7).Values.Length;
        }
    }
}
