using Dice.Runtime.Tests.Matrix;
using ILGPU;
using ILGPU.Runtime;

namespace Dice.Runtime.Tests.PixelWeighting;

// Pairs: a loss, and the same configuration with PixelWeights (weights of 1 must give the first's bits).
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255)] public partial class PlainCe4 { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true)] public partial class WeightedCe4 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Squared = true)] public partial class PlainBce3 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Squared = true, PixelWeights = true)] public partial class WeightedBce3 { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, BatchDice = true)] public partial class PlainCe20 { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, BatchDice = true, PixelWeights = true)] public partial class WeightedCe20 { }
// With pixel weights the unrolled C = 14 sums I and T class by class, without them lane by lane at the labels.
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy, PixelWeights = true)] public partial class WeightedCe14 { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal)] public partial class PlainSigmoidFocal2 { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, PixelWeights = true)] public partial class WeightedSigmoidFocal2 { }
// MONAI's MaskedDiceLoss on probabilities (its default smoothing), with a binary spatial mask.
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.None, Smooth = 1e-5f, PixelWeights = true)] public partial class MaskedDice2 { }

/// <summary>
/// Pixel weights beyond the parity matrix (which runs every configuration with weights of 0, 1 and in between against
/// the float64 reference): weights of 1 are the loss without them bit for bit, a weight of 0 is an ignored label, MONAI's
/// MaskedDiceLoss, and bad weights or a wrong overload are refused with nothing written.
/// </summary>
[Collection(nameof(IlgpuCpuCollection))]
public class PixelWeightTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);

    public static TheoryData<ILossCase, ILossCase> Pairs() => new()
    {
        { new LossCase<PlainCe4>(), new LossCase<WeightedCe4>() },
        { new LossCase<PlainBce3>(), new LossCase<WeightedBce3>() },
        { new LossCase<PlainCe20>(), new LossCase<WeightedCe20>() },
        { new LossCase<LanesCe14>(), new LossCase<WeightedCe14>() },
        { new LossCase<PlainSigmoidFocal2>(), new LossCase<WeightedSigmoidFocal2>() },
    };

    [Theory]
    [MemberData(nameof(Pairs), DisableDiscoveryEnumeration = true)]
    public void Weights_of_one_give_the_loss_without_them_bit_for_bit(ILossCase plain, ILossCase weighted)
    {
        // 2,048 pixels: a plane whose channels share the cache's sets, where the unrolled kernels of 14 classes stage.
        foreach (int spatial in new[] { 5, 2048, 4097 + 3 })
        {
            var (input, target) = TestData.Make(plain.Spec, 2, spatial, seed: spatial);
            TargetData ones = target with { PixelWeights = Enumerable.Repeat(1f, 2 * spatial).ToArray() };
            var expected = new float[input.Length];
            var actual = new float[input.Length];
            LossResult a = plain.ForwardBackward(input, target, expected, 2);
            LossResult b = weighted.ForwardBackward(input, ones, actual, 2);
            string context = $"{weighted.Name} S={spatial}";
            Assert.True(Bits(a.Loss) == Bits(b.Loss), $"{context}: loss {a.Loss:R} vs {b.Loss:R}");
            Assert.Equal(Bits(a.CrossEntropy), Bits(b.CrossEntropy));
            Assert.Equal(a.SampleLoss.Select(Bits), b.SampleLoss.Select(Bits));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{context}: gradients differ");
            Assert.Equal(plain.Evaluate(input, target, 2).TruePositives, weighted.Evaluate(input, ones, 2).TruePositives);
        }
    }

    [Fact]
    public void A_weight_of_zero_is_an_ignored_label_in_every_sum_and_in_Evaluate()
    {
        var (input, target) = TestData.Make(PlainCe4.Spec, 2, 4097 + 50, seed: 7);
        var random = new Random(8);
        float[] weights = target.Labels!.Select(_ => random.Next(3) == 0 ? 0f : 1f).ToArray();
        int[] ignored = target.Labels!.Select((y, i) => weights[i] == 0 ? 255 : y).ToArray();
        var expected = new float[input.Length];
        var actual = new float[input.Length];
        LossResult a = PlainCe4.ForwardBackward(input, ignored, expected, 2);
        LossResult b = WeightedCe4.ForwardBackward(input, target.Labels, weights, actual, 2);
        Assert.Equal(Bits(a.Loss), Bits(b.Loss));
        Assert.Equal(a.ClassDice.Select(Bits), b.ClassDice.Select(Bits));
        Assert.True(expected.AsSpan().SequenceEqual(actual));
        SegmentationCounts plain = PlainCe4.Evaluate(input, ignored, 2), masked = WeightedCe4.Evaluate(input, target.Labels, weights, 2);
        Assert.Equal(plain.TruePositives, masked.TruePositives);
        Assert.Equal(plain.FalsePositives, masked.FalsePositives);
        Assert.Equal(plain.FalseNegatives, masked.FalseNegatives);
        Assert.Equal(plain.TrueNegatives, masked.TrueNegatives);
    }

    [Fact]
    public void Every_weight_zero_gives_a_loss_of_the_empty_batch_and_no_NaN()
    {
        var (input, target) = TestData.Make(WeightedBce3.Spec, 2, 300, seed: 9);
        TargetData zeros = target with { PixelWeights = new float[600] };
        var gradient = new float[input.Length];
        LossResult result = new LossCase<WeightedBce3>().ForwardBackward(input, zeros, gradient, 2);
        // No pixel counts: every class is empty (d = 1 with Smooth 1), and the BCE mean over C Ω = 0 is 0.
        Assert.Equal(0f, result.CrossEntropy);
        Assert.Equal(0f, result.Loss);
        Assert.All(gradient, g => Assert.Equal(0f, g));
    }

    /// <summary>MONAI MaskedDiceLoss(sigmoid = False, smooth 1e-5): input and target multiplied by the mask, then DiceLoss, mean over (n, c).</summary>
    private static double MonaiMaskedDice(double[] x, double[] target, double[] mask, int batch, int classes, int spatial)
    {
        double total = 0;
        for (int n = 0; n < batch; n++)
            for (int c = 0; c < classes; c++)
            {
                double intersection = 0, ground = 0, predicted = 0;
                for (int s = 0; s < spatial; s++)
                {
                    int i = (n * classes + c) * spatial + s;
                    double p = x[i] * mask[n * spatial + s], t = target[i] * mask[n * spatial + s];
                    intersection += p * t;
                    ground += t;
                    predicted += p;
                }

                total += 1 - (2 * intersection + 1e-5) / (ground + predicted + 1e-5);
            }

        return total / (batch * classes);
    }

    [Fact]
    public void A_binary_mask_on_probabilities_is_MONAIs_MaskedDiceLoss()
    {
        const int batch = 2, classes = 2, spatial = 12;
        var random = new Random(10);
        float[] input = Enumerable.Range(0, batch * classes * spatial).Select(_ => (float)(0.05 + 0.9 * random.NextDouble())).ToArray();
        float[] masks = Enumerable.Range(0, input.Length).Select(_ => random.Next(2) == 0 ? 0f : (float)random.NextDouble()).ToArray();
        float[] mask = Enumerable.Range(0, batch * spatial).Select(i => i % 3 == 0 ? 0f : 1f).ToArray();
        var gradient = new float[input.Length];
        LossResult result = MaskedDice2.ForwardBackward(input, masks, mask, gradient, batch);
        double[] t = masks.Select(v => (double)v).ToArray(), m = mask.Select(v => (double)v).ToArray();
        AnchorTests.AgreesWithAnchor(x => MonaiMaskedDice(x, t, m, batch, classes, spatial), input, result, gradient, "MaskedDiceLoss");
    }

    [Fact]
    public void A_loss_with_pixel_weights_needs_them_and_one_without_refuses_them()
    {
        var (input, target) = TestData.Make(PlainCe4.Spec, 2, 100, seed: 11);
        float[] weights = Enumerable.Repeat(1f, 200).ToArray();
        var gradient = Enumerable.Repeat(3f, input.Length).ToArray();
        var missing = Assert.Throws<ArgumentException>(() => DiceCpu.ForwardBackward<WeightedCe4>(input, target.Labels, gradient, 2));
        Assert.Equal("pixelWeights", missing.ParamName);
        Assert.Contains("WeightedCe4 takes a weight per pixel", missing.Message);
        var extra = Assert.Throws<ArgumentException>(() => _engine.ForwardBackward<PlainCe4>(input, target.Labels, weights, gradient, 2));
        Assert.Equal("pixelWeights", extra.ParamName);
        Assert.Contains("PixelWeights = true", extra.Message);
        var length = Assert.Throws<ArgumentException>(() => WeightedCe4.ForwardBackward(input, target.Labels, weights.AsSpan(1), gradient, 2));
        Assert.Equal("pixelWeights", length.ParamName);
        Assert.Contains("pixelWeights has 199 elements; expected 200", length.Message);
        Assert.All(gradient, g => Assert.Equal(3f, g));
    }

    /// <summary>(pixel s of sample 1, bad value): in the vector body (s = 0, 5, 50, 4097) and the scalar tail (8196).</summary>
    public static TheoryData<int, float> BadWeights() => new()
    {
        { 0, float.NaN },
        { 5, -0.5f },
        { 50, float.PositiveInfinity },
        { 4097, float.NegativeInfinity },
        { 8196, -float.Epsilon },
    };

    [Theory]
    [MemberData(nameof(BadWeights))]
    public void A_bad_weight_is_reported_with_its_position_and_nothing_is_written(int s, float value)
    {
        const int batch = 2, spatial = 8197;
        foreach (ILossCase loss in new ILossCase[] { new LossCase<WeightedCe4>(), new LossCase<WeightedBce3>(), new LossCase<WeightedCe20>() })
        {
            var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: s);
            target.PixelWeights![spatial + s] = value;
            string at = $"pixelWeights[{spatial + s}] at (n = 1, s = {s})";
            foreach (DiceEngine? engine in new[] { null, _engine })
            {
                var gradient = Enumerable.Repeat(42f, input.Length).ToArray();
                var error = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, gradient, batch, engine: engine));
                string context = $"{loss.Name} {(engine is null ? "CPU" : "ILGPU")}";
                Assert.True(error.ParamName == "pixelWeights", $"{context}: {error.Message}");
                Assert.Contains(at, error.Message);
                Assert.Contains("finite and >= 0", error.Message);
                Assert.All(gradient, g => Assert.Equal(42f, g));
                Assert.Equal("pixelWeights", Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input, target, batch, engine: engine)).ParamName);
                Assert.Equal("pixelWeights", Assert.ThrowsAny<ArgumentException>(() => loss.Evaluate(input, target, batch, engine: engine)).ParamName);
            }
        }
    }

    [Fact]
    public void View_overloads_take_the_weights_as_a_view()
    {
        var (input, target) = TestData.Make(WeightedCe4.Spec, 2, 700, seed: 12);
        var hostGradient = new float[input.Length];
        LossResult host = _engine.ForwardBackward<WeightedCe4>(input, target.Labels!, target.PixelWeights!, hostGradient, 2);
        var accelerator = _engine.Accelerator!;
        using var inputBuffer = accelerator.Allocate1D(input);
        using var labelsBuffer = accelerator.Allocate1D(target.Labels!);
        using var weightsBuffer = accelerator.Allocate1D(target.PixelWeights!);
        using var gradientBuffer = accelerator.Allocate1D<float>(input.Length);
        LossResult views = _engine.ForwardBackward<WeightedCe4>(inputBuffer.View, labelsBuffer.View, weightsBuffer.View, gradientBuffer.View, 2);
        Assert.Equal(host.Loss, views.Loss);
        Assert.True(gradientBuffer.GetAsArray1D().AsSpan().SequenceEqual(hostGradient));
        SegmentationCounts counts = _engine.Evaluate<WeightedCe4>(inputBuffer.View, labelsBuffer.View, weightsBuffer.View, 2);
        Assert.Equal(WeightedCe4.Evaluate(input, target.Labels, target.PixelWeights, 2).TruePositives, counts.TruePositives);

        float[] bad = target.PixelWeights!.ToArray();
        bad[333] = float.NaN;
        weightsBuffer.View.CopyFromCPU(bad);
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            _engine.ForwardBackward<WeightedCe4>(inputBuffer.View, labelsBuffer.View, weightsBuffer.View, gradientBuffer.View, 2));
        Assert.Equal("pixelWeights", error.ParamName);
        Assert.Contains("pixelWeights[333] at (n = 0, s = 333)", error.Message);
    }
}
