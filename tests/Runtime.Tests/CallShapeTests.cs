using ILGPU;
using ILGPU.Runtime;
using Dice.Runtime.Tests.Matrix;
using Dice.Runtime.Tests.Parameters;

namespace Dice.Runtime.Tests;

/// <summary>
/// The settings every call carries (LossParameters.Scale and AccumulateGradient, LossResult.SampleLoss) on the whole
/// matrix: Scale 2 is exactly twice the loss and gradient (a power of two rounds nowhere), accumulating equals adding the
/// separate gradient, each sample's loss equals a call of its own, and each rejection writes nothing.
/// </summary>
public class CallShapeTests
{
    public static TheoryData<ILossCase> Matrix() => new(LossMatrix.All);

    private const int Batch = 3;

    /// <summary>Three samples of two chunks each (one pixel past a chunk boundary), so per-sample sums span chunks.</summary>
    private const int Spatial = DiceCpu.ChunkPixels + 5;

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);

    [Theory]
    [MemberData(nameof(Matrix), DisableDiscoveryEnumeration = true)]
    public void Scale_two_doubles_the_loss_the_sample_losses_and_the_gradient_exactly(ILossCase loss)
    {
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 301);
        var plainGradient = new float[input.Length];
        var scaledGradient = new float[input.Length];
        LossResult plain = loss.ForwardBackward(input, target, plainGradient, Batch);
        LossResult scaled = loss.ForwardBackward(input, target, scaledGradient, Batch, loss.Spec.Parameters with { Scale = 2f });

        Assert.Equal(Bits(2 * plain.Loss), Bits(scaled.Loss));
        Assert.Equal(plain.SampleLoss.Select(l => Bits(2 * l)), scaled.SampleLoss.Select(Bits));
        // The terms stay unscaled.
        Assert.Equal(Bits(plain.DiceLoss), Bits(scaled.DiceLoss));
        Assert.Equal(Bits(plain.CrossEntropy), Bits(scaled.CrossEntropy));
        for (int i = 0; i < input.Length; i++)
            Assert.True(Bits(2 * plainGradient[i]) == Bits(scaledGradient[i]), $"{loss.Name} gradient[{i}]: {plainGradient[i]:R} x 2 vs {scaledGradient[i]:R}");
        Assert.Equal(Bits(2 * loss.Forward(input, target, Batch).Loss), Bits(loss.Forward(input, target, Batch, loss.Spec.Parameters with { Scale = 2f }).Loss));
    }

    [Theory]
    [MemberData(nameof(Matrix), DisableDiscoveryEnumeration = true)]
    public void Accumulating_adds_the_scaled_gradient_to_the_buffer(ILossCase loss)
    {
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 302);
        var random = new Random(303);
        float[] before = Enumerable.Range(0, input.Length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        LossParameters scaled = loss.Spec.Parameters with { Scale = 0.25f };
        var separate = new float[input.Length];
        LossResult expected = loss.ForwardBackward(input, target, separate, Batch, scaled);

        // Both CPU schedules: p recomputed in pass 2, or kept in a scratch buffer (the gradient holds the values to add to).
        foreach (bool keep in new[] { false, true })
        {
            using var forced = Schedules.Force(keep);
            float[] accumulated = before.ToArray();
            LossResult actual = loss.ForwardBackward(input, target, accumulated, Batch, scaled with { AccumulateGradient = true });
            Assert.Equal(Bits(expected.Loss), Bits(actual.Loss));
            for (int i = 0; i < input.Length; i++)
            {
                Assert.True(Bits(before[i] + separate[i]) == Bits(accumulated[i]),
                    $"{loss.Name} keep={keep} gradient[{i}]: {before[i]:R} + {separate[i]:R} vs {accumulated[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Matrix), DisableDiscoveryEnumeration = true)]
    public void Each_sample_loss_is_the_loss_of_a_call_on_that_sample_alone(ILossCase loss)
    {
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 304);
        LossParameters parameters = loss.Spec.Parameters with { Scale = 3f };
        LossResult all = loss.Forward(input, target, Batch, parameters);
        Assert.Equal(Batch, all.SampleLoss.Count);
        int sampleLength = loss.Spec.Classes * Spatial;
        for (int n = 0; n < Batch; n++)
        {
            float[] x = input.AsSpan(n * sampleLength, sampleLength).ToArray();
            TargetData one = target.Samples(n, 1, loss.Spec.Classes, Spatial);
            LossResult alone = loss.Forward(x, one, 1, parameters);
            Assertions.Close(alone.Loss, all.SampleLoss[n], 1e-6, $"{loss.Name} SampleLoss[{n}]");
            Assert.Equal(Bits(alone.Loss), Bits(alone.SampleLoss[0]));
        }

        // Without BatchDice and with equal samples for the pixel term's mean, the batch loss is the mean of the samples'.
        if (!loss.Spec.BatchDice && loss.Spec.Combine is Combine.None)
            Assertions.Close(all.Loss, all.SampleLoss.Average(l => (double)l), 1e-5, $"{loss.Name} mean of SampleLoss");
    }

    /// <summary>A quarter of the matrix, every configuration kind among them: ILGPU's CPU accelerator is slow.</summary>
    public static TheoryData<ILossCase> DeviceCases() => new(LossMatrix.All.Where((_, i) => i % 4 == 0));

    [Theory]
    [MemberData(nameof(DeviceCases), DisableDiscoveryEnumeration = true)]
    public void Scale_accumulate_and_sample_losses_on_ILGPU_match_the_CPU(ILossCase loss)
    {
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(loss.Spec, 2, 97, seed: 305);
        LossParameters parameters = loss.Spec.Parameters with { Scale = 2f, AccumulateGradient = true };
        float[] cpu = Enumerable.Repeat(0.5f, input.Length).ToArray();
        float[] device = cpu.ToArray();
        LossResult expected = loss.ForwardBackward(input, target, cpu, 2, parameters);
        LossResult actual = loss.ForwardBackward(input, target, device, 2, parameters, engine: engine);
        Assertions.Close(expected.Loss, actual.Loss, 1e-5, loss.Name + " loss");
        for (int n = 0; n < 2; n++) Assertions.Close(expected.SampleLoss[n], actual.SampleLoss[n], 1e-5, $"{loss.Name} SampleLoss[{n}]");
        Assertions.GradientMatches(cpu.Select(v => (double)v).ToArray(), device, loss.Name + " accumulated gradient");
    }

    [Fact]
    public void The_distributed_path_scales_accumulates_and_reports_this_process_samples()
    {
        var loss = new LossCase<SoftmaxCeLabels4_BatchDice_ClassWeights>();
        const int batch = 4, spatial = 300;
        var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: 306);
        LossParameters parameters = loss.Spec.Parameters with { Scale = 2f, AccumulateGradient = true };
        float[] whole = Enumerable.Repeat(1f, input.Length).ToArray();
        LossResult expected = loss.ForwardBackward(input, target, whole, batch, parameters);

        // Two processes of two samples each, summed in process.
        int half = input.Length / 2;
        var parts = new[] { 0, 1 }.Select(p => (
            Input: input.AsSpan(p * half, half).ToArray(),
            Target: new TargetData(target.Labels!.AsSpan(p * 2 * spatial, 2 * spatial).ToArray(), null))).ToArray();
        LossStatistics[] statistics = parts.Select(p => loss.Statistics(p.Input, p.Target, 2, parameters)).ToArray();
        var sum = new double[statistics[0].Values.Length];
        foreach (LossStatistics s in statistics)
            for (int i = 0; i < sum.Length; i++) sum[i] += s.Values[i];
        for (int p = 0; p < 2; p++)
        {
            sum.CopyTo(statistics[p].Values);
            float[] gradient = Enumerable.Repeat(1f, half).ToArray();
            LossResult result = loss.Backward(parts[p].Input, parts[p].Target, gradient, 2, statistics[p]);
            Assertions.Close(expected.Loss, result.Loss, 1e-6, $"process {p} loss");
            Assert.Equal(2, result.SampleLoss.Count);
            for (int n = 0; n < 2; n++) Assertions.Close(expected.SampleLoss[2 * p + n], result.SampleLoss[n], 1e-6, $"process {p} SampleLoss[{n}]");
            Assertions.GradientMatches(whole.AsSpan(p * half, half).ToArray().Select(v => (double)v).ToArray(), gradient, $"process {p} gradient");
        }
    }

    [Fact]
    public void Accumulating_in_place_is_refused_and_writes_nothing()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(loss.Spec, 2, 100, seed: 307);
        float[] original = input.ToArray();
        LossParameters accumulate = loss.Spec.Parameters with { AccumulateGradient = true };
        foreach (DiceEngine? onEngine in new[] { null, engine })
        {
            var error = Assert.Throws<ArgumentException>(() => loss.ForwardBackward(input, target, input, 2, accumulate, engine: onEngine));
            Assert.Equal("inputGrad", error.ParamName);
            Assert.Contains("AccumulateGradient", error.Message);
            Assert.Equal(original, input);

            // Overlapping, not equal: a gradient span that starts one element in.
            Assert.Throws<ArgumentException>(() => loss.ForwardBackward(input, target, input.AsSpan(1).ToArray().AsSpan(), 2, accumulate, engine: onEngine));
        }

        // Views of one device buffer that overlap are refused the same way.
        using var buffer = engine.Accelerator!.Allocate1D<float>(input.Length);
        buffer.View.CopyFromCPU(input);
        using var labels = engine.Accelerator.Allocate1D<int>(target.Labels!.Length);
        labels.View.CopyFromCPU(target.Labels);
        var viewError = Assert.Throws<ArgumentException>(() =>
        {
            engine.ForwardBackward<SoftmaxCeLabels4>(buffer.View, labels.View, buffer.View, 2, accumulate);
        });
        Assert.Equal("inputGrad", viewError.ParamName);
        Assert.Equal(original, buffer.GetAsArray1D());
    }

    public static TheoryData<float> BadScales() => new() { 0f, -1f, float.NaN, float.PositiveInfinity };

    [Theory]
    [MemberData(nameof(BadScales))]
    public void A_scale_that_is_not_finite_and_positive_is_refused_and_writes_nothing(float scale)
    {
        var loss = new LossCase<SigmoidBceMask1>();
        var (input, target) = TestData.Make(loss.Spec, 1, 40, seed: 308);
        float[] gradient = Enumerable.Repeat(9f, input.Length).ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, gradient, 1, loss.Spec.Parameters with { Scale = scale }));
        Assert.Equal("parameters", error.ParamName);
        Assert.Contains("parameters.Scale is", error.Message);
        Assert.All(gradient, g => Assert.Equal(9f, g));
    }

    [Fact]
    public void The_engine_names_the_loss_and_the_target_it_takes_when_given_the_other()
    {
        using DiceEngine cpu = DiceEngine.Create(DiceDevice.Cpu);
        using DiceEngine ilgpu = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var input = new float[2 * 4 * 10];
        foreach (DiceEngine engine in new[] { cpu, ilgpu })
        {
            var labelsLoss = Assert.Throws<ArgumentException>(() => engine.Forward<SoftmaxCeLabels4>(input, new float[input.Length], 2));
            Assert.Equal("masks", labelsLoss.ParamName);
            Assert.Contains("SoftmaxCeLabels4 takes integer class labels", labelsLoss.Message);

            var masksLoss = Assert.Throws<ArgumentException>(() => engine.Forward<SoftmaxMasks3>(new float[2 * 3 * 10], new int[20], 2));
            Assert.Equal("labels", masksLoss.ParamName);
            Assert.Contains("SoftmaxMasks3 takes float masks", masksLoss.Message);
        }
    }

    [Fact]
    public void No_parameters_are_the_loss_own_and_the_reducer_can_be_named_alone()
    {
        var (input, target) = TestData.Make(Ce4.Spec, 2, 64, seed: 309);
        var a = new float[input.Length];
        var b = new float[input.Length];
        LossResult plain = Ce4.ForwardBackward(input, target.Labels, a, 2);
        LossResult explicitNull = Ce4.ForwardBackward(input, target.Labels, b, 2, parameters: null, reducer: null);
        Assert.Equal(Bits(plain.Loss), Bits(explicitNull.Loss));
        Assert.Equal(a, b);

        var reducer = new CountingReducer();
        LossResult reduced = Ce4.ForwardBackward(input, target.Labels, b, 2, reducer: reducer);
        Assert.Equal(1, reducer.Calls);
        Assertions.Close(plain.Loss, reduced.Loss, 1e-6, "one process through a reducer");
    }

    private sealed class CountingReducer : IStatisticsReducer
    {
        public int Calls { get; private set; }

        public void Sum(Span<double> values) => Calls++;
    }
}
