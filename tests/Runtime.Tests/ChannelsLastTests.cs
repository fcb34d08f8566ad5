using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>
/// Layout = ChannelsLast over the whole parity matrix: each case's channels-last twin, on the transposed input and
/// masks, gives the channels-first case's bits (loss, terms, coefficients, counts) and its gradient transposed, on the
/// CPU at every width and on the device. The channels-first case matches the float64 reference (ParityTests), so the
/// twin does too.
/// </summary>
public class ChannelsLastTests
{
    public static TheoryData<int> Twins() => new(Enumerable.Range(0, ChannelsLastMatrix.Twins.Length));

    /// <summary>N x C x S to N x S x C (or back, with the roles of C and S swapped): element (n, c, s) moves to (n * S + s) * C + c.</summary>
    public static float[] Transpose(float[] values, int batch, int classes, int spatial)
    {
        var result = new float[values.Length];
        for (int n = 0; n < batch; n++)
            for (int c = 0; c < classes; c++)
                for (int s = 0; s < spatial; s++)
                    result[((long)n * spatial + s) * classes + c] = values[((long)n * classes + c) * spatial + s];
        return result;
    }

    /// <summary>The target of the channels-last twin: the masks transposed; labels and pixel weights as they are.</summary>
    public static TargetData Transpose(TargetData target, int batch, int classes, int spatial) =>
        target.Masks is { } masks ? target with { Masks = Transpose(masks, batch, classes, spatial) } : target;

    [Fact]
    public void Twins_are_the_matrix_in_order_and_differ_only_in_layout()
    {
        Assert.Equal(LossMatrix.All.Select(c => c.Name), ChannelsLastMatrix.Twins.Select(t => t.First.Name));
        foreach (var (first, last) in ChannelsLastMatrix.Twins)
        {
            Assert.Equal(Layout.ChannelsFirst, first.Spec.Layout);
            Assert.Equal(Layout.ChannelsLast, last.Spec.Layout);
            Assert.Equal(first.Name + "_Last", last.Name);
            foreach (var property in typeof(DiceLossSpec).GetProperties().Where(p => p.Name != nameof(DiceLossSpec.Layout)))
                Assert.True(Equals(property.GetValue(first.Spec), property.GetValue(last.Spec)), $"{last.Name}: {property.Name} differs from {first.Name}'s");
        }
    }

    [Theory]
    [MemberData(nameof(Twins), DisableDiscoveryEnumeration = true)]
    public void Channels_last_gives_the_bits_of_channels_first_transposed(int twin)
    {
        var (first, last) = ChannelsLastMatrix.Twins[twin];
        int classes = first.Spec.Classes;
        // Vector tails of every width, and a chunk edge with a tail past it.
        foreach (int spatial in new[] { 1, 17, 4097 + 13 })
        {
            const int batch = 2;
            var (input, target) = TestData.Make(first.Spec, batch, spatial, seed: 300 + spatial);
            float[] lastInput = Transpose(input, batch, classes, spatial);
            TargetData lastTarget = Transpose(target, batch, classes, spatial);
            string context = $"{last.Name} N={batch} S={spatial}";

            AssertSameBits(first.Forward(input, target, batch), last.Forward(lastInput, lastTarget, batch), context + " Forward");
            foreach (bool keep in new[] { false, true })
            {
                var gradient = new float[input.Length];
                var lastGradient = new float[input.Length];
                LossResult a, b;
                using (Schedules.Force(keepProbabilities: keep))
                {
                    a = first.ForwardBackward(input, target, gradient, batch);
                    b = last.ForwardBackward(lastInput, lastTarget, lastGradient, batch);
                }

                AssertSameBits(a, b, $"{context} ForwardBackward keep={keep}");
                Assert.True(Transpose(gradient, batch, classes, spatial).AsSpan().SequenceEqual(lastGradient), $"{context} keep={keep}: gradient bits differ");

                // In place: the gradient overwrites the input it is computed from.
                float[] inPlace = (float[])lastInput.Clone();
                using (Schedules.Force(keepProbabilities: keep)) last.ForwardBackward(inPlace, lastTarget, inPlace, batch);
                Assert.True(lastGradient.AsSpan().SequenceEqual(inPlace), $"{context} keep={keep}: in-place gradient bits differ");
            }

            SegmentationCounts counts = first.Evaluate(input, target, batch), lastCounts = last.Evaluate(lastInput, lastTarget, batch);
            Assert.Equal(counts.TruePositives, lastCounts.TruePositives);
            Assert.Equal(counts.FalsePositives, lastCounts.FalsePositives);
            Assert.Equal(counts.FalseNegatives, lastCounts.FalseNegatives);
            Assert.Equal(counts.TrueNegatives, lastCounts.TrueNegatives);
        }
    }

    [Fact]
    public void Data_parallel_statistics_and_backward_work_channels_last()
    {
        var (first, last) = ChannelsLastMatrix.Twins.First(t => t.First.Name == nameof(SoftmaxCeLabels24));
        const int batch = 3, spatial = 200;
        var (input, target) = TestData.Make(first.Spec, batch, spatial, seed: 5);
        float[] lastInput = Transpose(input, batch, 24, spatial);
        var gradient = new float[input.Length];
        var lastGradient = new float[input.Length];
        LossResult a = first.Backward(input, target, gradient, batch, first.Statistics(input, target, batch));
        LossResult b = last.Backward(lastInput, target, lastGradient, batch, last.Statistics(lastInput, target, batch));
        AssertSameBits(a, b, "Backward");
        Assert.True(Transpose(gradient, batch, 24, spatial).AsSpan().SequenceEqual(lastGradient));
    }

    [Fact]
    public void Bad_input_is_named_by_its_n_c_s_in_the_channels_last_layout()
    {
        const int batch = 2, spatial = 9, classes = 4;
        var (input, target) = TestData.Make(SoftmaxCeLabels4_Last.Spec, batch, spatial, seed: 1);
        int index = (1 * spatial + 5) * classes + 2;
        input[index] = float.NaN;
        var gradient = new float[input.Length];
        var error = Assert.Throws<ArgumentException>(() => SoftmaxCeLabels4_Last.ForwardBackward(input, target.Labels!, gradient, batch));
        Assert.Equal("input", error.ParamName);
        Assert.Contains($"input[{index}] at (n = 1, c = 2, s = 5)", error.Message);
        Assert.All(gradient, g => Assert.Equal(0f, g));

        var masks = TestData.Make(SoftmaxMasks3_Last.Spec, batch, spatial, seed: 2);
        masks.Target.Masks![(0 * spatial + 7) * 3 + 1] = 2f;
        var maskError = Assert.Throws<ArgumentException>(() => SoftmaxMasks3_Last.Forward(masks.Input, masks.Target.Masks, batch));
        Assert.Contains($"masks[{7 * 3 + 1}] at (n = 0, c = 1, s = 7)", maskError.Message);

        var shape = Assert.Throws<ArgumentException>(() => SoftmaxMasks3_Last.Forward(masks.Input, masks.Target.Masks.AsSpan(1), batch));
        Assert.Contains("batch x S x C", shape.Message);
    }

    internal static void AssertSameBits(LossResult expected, LossResult actual, string context)
    {
        Assert.True(BitConverter.SingleToInt32Bits(expected.Loss) == BitConverter.SingleToInt32Bits(actual.Loss), $"{context}: loss {expected.Loss} vs {actual.Loss}");
        Assert.True(BitConverter.SingleToInt32Bits(expected.DiceLoss) == BitConverter.SingleToInt32Bits(actual.DiceLoss), $"{context}: Dice term");
        Assert.True(BitConverter.SingleToInt32Bits(expected.CrossEntropy) == BitConverter.SingleToInt32Bits(actual.CrossEntropy), $"{context}: pixel term");
        Assert.Equal(expected.ClassDice.Select(BitConverter.SingleToInt32Bits), actual.ClassDice.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.SampleLoss.Select(BitConverter.SingleToInt32Bits), actual.SampleLoss.Select(BitConverter.SingleToInt32Bits));
    }
}

/// <summary>The channels-last device kernels, on ILGPU's CPU accelerator: the bits of the channels-first device kernels, transposed.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class ChannelsLastDeviceTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    public static TheoryData<int> Twins() => ChannelsLastTests.Twins();

    [Theory]
    [MemberData(nameof(Twins), DisableDiscoveryEnumeration = true)]
    public void Channels_last_gives_the_bits_of_channels_first_transposed(int twin)
    {
        var (first, last) = ChannelsLastMatrix.Twins[twin];
        int classes = first.Spec.Classes;
        const int batch = 2, spatial = 37;
        var (input, target) = TestData.Make(first.Spec, batch, spatial, seed: 11);
        float[] lastInput = ChannelsLastTests.Transpose(input, batch, classes, spatial);
        TargetData lastTarget = ChannelsLastTests.Transpose(target, batch, classes, spatial);
        var gradient = new float[input.Length];
        var lastGradient = new float[input.Length];
        LossResult a = first.ForwardBackward(input, target, gradient, batch, engine: _engine);
        LossResult b = last.ForwardBackward(lastInput, lastTarget, lastGradient, batch, engine: _engine);
        ChannelsLastTests.AssertSameBits(a, b, last.Name + " device");
        Assert.True(ChannelsLastTests.Transpose(gradient, batch, classes, spatial).AsSpan().SequenceEqual(lastGradient), last.Name + " device: gradient bits differ");

        SegmentationCounts counts = first.Evaluate(input, target, batch, engine: _engine);
        SegmentationCounts lastCounts = last.Evaluate(lastInput, lastTarget, batch, engine: _engine);
        Assert.Equal(counts.TruePositives, lastCounts.TruePositives);
        Assert.Equal(counts.FalsePositives, lastCounts.FalsePositives);
    }
}
