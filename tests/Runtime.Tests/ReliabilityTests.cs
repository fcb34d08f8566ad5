using CsCheck;

namespace Dice.Runtime.Tests;

[DiceLoss(Classes = 256, Combine = Combine.CrossEntropy)] public partial class Fuzz256Ce { }
[DiceLoss(Classes = 3, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks, Smooth = 1e-7f)] public partial class Fuzz3BceTinySmooth { }
[DiceLoss(Classes = 5, Activation = Activation.Softmax, Smooth = 100f, Overlap = Overlap.Jaccard)] public partial class Fuzz5SoftmaxLargeSmooth { }
[DiceLoss(Smooth = 1e-3f, Squared = true)] public partial class Fuzz1Probabilities { }
[DiceLoss(Classes = 7, Combine = Combine.CrossEntropy, LogLoss = true, BatchDice = true, IncludeBackground = false, IgnoreIndex = 255)] public partial class Fuzz7CeLogBatch { }
[DiceLoss(Classes = 4, Target = Target.Masks, Activation = Activation.None, ClassWeights = new[] { 1f, 0f, 2f, 1f })] public partial class Fuzz4ProbabilityMasks { }
// The loss family where it is fragile: Generalized Dice with every class absent (all weights 0), focal and the term
// exponent below 1 as p_t -> 1 (logits of 1e4), all pixels ignored.
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, IgnoreIndex = 255)] public partial class Fuzz4GeneralizedDice { }
[DiceLoss(Classes = 3, Combine = Combine.Focal, FocalGamma = 0.5f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f,
    OverlapExponent = 0.5f, IgnoreIndex = 255)] public partial class Fuzz3FocalTverskySmallExponents { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, FocalGamma = 0.25f, Overlap = Overlap.GeneralizedDice,
    GeneralizedWeighting = GeneralizedWeighting.InverseVolume, OverlapExponent = 0.75f, BatchDice = true)] public partial class Fuzz2SigmoidFocalGeneralized { }

/// <summary>Where a call goes: the generated static (SIMD CPU), or an engine.</summary>
public enum EntryPoint { Static, EngineCpu, EngineIlgpuCpu }

/// <summary>Property-based fuzzing, hostile inputs and concurrency over every public entry point.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class ReliabilityTests(IlgpuCpuEngineFixture fixture) : IDisposable
{
    private readonly DiceEngine _cpuEngine = DiceEngine.Create(DiceDevice.Cpu);

    public void Dispose() => _cpuEngine.Dispose();

    private static readonly ILossCase[] FuzzLosses =
    {
        new LossCase<Fuzz256Ce>(), new LossCase<Fuzz3BceTinySmooth>(), new LossCase<Fuzz5SoftmaxLargeSmooth>(),
        new LossCase<Fuzz1Probabilities>(), new LossCase<Fuzz7CeLogBatch>(), new LossCase<Fuzz4ProbabilityMasks>(),
        new LossCase<Fuzz4GeneralizedDice>(), new LossCase<Fuzz3FocalTverskySmallExponents>(), new LossCase<Fuzz2SigmoidFocalGeneralized>(),
    };

    private LossResult Call(EntryPoint entry, ILossCase loss, float[] input, TargetData target, Span<float> gradient, int batch) => entry switch
    {
        EntryPoint.Static => loss.ForwardBackward(input, target, gradient, batch),
        EntryPoint.EngineCpu => loss.ForwardBackward(input, target, gradient, batch, engine: _cpuEngine),
        _ => loss.ForwardBackward(input, target, gradient, batch, engine: fixture.Engine),
    };

    /// <summary>The hard cases of a fuzz draw.</summary>
    public enum Scenario { Ordinary, ExtremeLogits, Subnormal, AllIgnored, EmptyClasses, AllOneMasks, AllZeroMasks }

    private static (float[] Input, TargetData Target) Make(DiceLossSpec spec, int batch, int spatial, Scenario scenario, int seed)
    {
        var (input, target) = TestData.Make(spec, batch, spatial, seed);
        var random = new Random(seed);
        bool probabilities = spec.Activation == Activation.None;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = scenario switch
            {
                Scenario.ExtremeLogits when probabilities => random.Next(2),
                Scenario.ExtremeLogits => random.Next(3) switch { 0 => 1e4f, 1 => -1e4f, _ => input[i] },
                Scenario.Subnormal => random.Next(2) == 0 ? 1e-40f : input[i],
                _ => input[i],
            };
        }

        if (target.Labels is { } labels)
        {
            for (int i = 0; i < labels.Length; i++)
            {
                if (scenario == Scenario.AllIgnored) labels[i] = spec.IgnoreIndex;
                else if (scenario == Scenario.EmptyClasses && labels[i] != spec.IgnoreIndex) labels[i] = random.Next(Math.Min(2, spec.Classes));
            }
        }
        else if (scenario is Scenario.AllOneMasks or Scenario.AllZeroMasks or Scenario.EmptyClasses)
        {
            float[] masks = target.Masks!;
            for (int i = 0; i < masks.Length; i++)
                masks[i] = scenario == Scenario.AllOneMasks ? 1f : scenario == Scenario.AllZeroMasks ? 0f : i / spatial % spec.Classes == 0 ? masks[i] : 0f;
        }

        return (input, target);
    }

    public static TheoryData<EntryPoint> EntryPoints() => new(Enum.GetValues<EntryPoint>());

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Fuzzed_inputs_give_finite_results_that_match_the_reference(EntryPoint entry)
    {
        int maxSpatial = entry == EntryPoint.EngineIlgpuCpu ? 200 : 3000;
        Gen.Select(Gen.Int[0, FuzzLosses.Length - 1], Gen.Int[1, 3], Gen.Frequency((1, Gen.Const(1)), (4, Gen.Int[1, maxSpatial])), Gen.Enum<Scenario>(), Gen.Int)
            .Sample((lossIndex, batch, spatial, scenario, seed) =>
            {
                ILossCase loss = FuzzLosses[lossIndex];
                var (input, target) = Make(loss.Spec, batch, spatial, scenario, seed);
                var gradient = new float[input.Length];
                LossResult result = Call(entry, loss, input, target, gradient, batch);
                string context = $"{loss.Name} {entry} {scenario} N={batch} S={spatial} seed={seed}";
                Assert.True(float.IsFinite(result.Loss) && float.IsFinite(result.DiceLoss) && float.IsFinite(result.CrossEntropy), context + " loss not finite");
                Assert.All(result.ClassDice, d => Assert.True(float.IsFinite(d), context + " ClassDice not finite"));
                Assert.True(gradient.All(float.IsFinite), context + " gradient not finite");

                ReferenceResult expected = TestData.Reference(loss.Spec, input, target, batch);
                Assertions.Matches(expected, result, context);
                Assertions.GradientMatches(expected, gradient, context);
            }, iter: entry == EntryPoint.EngineIlgpuCpu ? 36 : 90, threads: 1);
    }

    public static TheoryData<int, Scenario> FamilyEdgeCases()
    {
        var data = new TheoryData<int, Scenario>();
        for (int loss = FuzzLosses.Length - 3; loss < FuzzLosses.Length; loss++)
            foreach (Scenario scenario in Enum.GetValues<Scenario>()) data.Add(loss, scenario);
        return data;
    }

    /// <summary>
    /// Every hard case on each loss-family fuzz loss, not left to the draw: Generalized Dice with no class present
    /// (all weights 0: loss and gradient 0), every pixel ignored, p_t -> 1 under logits of 1e4 with FocalGamma and
    /// OverlapExponent below 1.
    /// </summary>
    [Theory]
    [MemberData(nameof(FamilyEdgeCases))]
    public void Loss_family_edge_cases_stay_finite_and_match_the_reference(int lossIndex, Scenario scenario)
    {
        ILossCase loss = FuzzLosses[lossIndex];
        var (input, target) = Make(loss.Spec, 2, 257, scenario, seed: 100 + (int)scenario);
        var gradient = new float[input.Length];
        LossResult result = Call(EntryPoint.Static, loss, input, target, gradient, 2);
        string context = $"{loss.Name} {scenario}";
        Assert.True(float.IsFinite(result.Loss) && gradient.All(float.IsFinite), context + " not finite");
        ReferenceResult expected = TestData.Reference(loss.Spec, input, target, 2);
        Assertions.Matches(expected, result, context);
        Assertions.GradientMatches(expected, gradient, context);
    }

    /// <summary>One hostile input: how to spoil the data, the argument the exception must name, and text it must contain.</summary>
    public sealed record Hostile(string Name, Func<float[], TargetData, (float[], TargetData, int)> Spoil, string Parameter, string[] Fragments)
    {
        public override string ToString() => Name;
    }

    private const int Batch = 2, Spatial = 300, Classes = 4;

    public static TheoryData<EntryPoint, Hostile> HostileInputs()
    {
        var cases = new Hostile[]
        {
            new("NaN logit", (x, t) => { x[(1 * Classes + 2) * Spatial + 7] = float.NaN; return (x, t, Batch); }, "input", ["(n = 1, c = 2, s = 7)", "NaN"]),
            new("+Inf logit", (x, t) => { x[5] = float.PositiveInfinity; return (x, t, Batch); }, "input", ["input[5]", "(n = 0, c = 0, s = 5)"]),
            new("-Inf logit", (x, t) => { x[Spatial + 1] = float.NegativeInfinity; return (x, t, Batch); }, "input", [$"input[{Spatial + 1}]", "(n = 0, c = 1, s = 1)"]),
            new("label too large", (x, t) => { t.Labels![Spatial + 3] = Classes; return (x, t, Batch); }, "labels", [$"labels[{Spatial + 3}]", "(n = 1, s = 3)"]),
            new("negative label", (x, t) => { t.Labels![9] = -1; return (x, t, Batch); }, "labels", ["labels[9]", "is -1"]),
            new("int.MinValue label", (x, t) => { t.Labels![0] = int.MinValue; return (x, t, Batch); }, "labels", ["-2147483648"]),
            new("batch 0", (x, t) => (x, t, 0), "batch", []),
            new("batch -3", (x, t) => (x, t, -3), "batch", []),
            new("N·C overflowing int", (x, t) => (x, t, int.MaxValue), "input", ["batch = 2147483647"]),
            new("input too short", (x, t) => (x[..^1], t, Batch), "input", []),
            new("labels too short", (x, t) => (x, t with { Labels = t.Labels![..^3] }, Batch), "labels", ["expected 600"]),
        };
        var data = new TheoryData<EntryPoint, Hostile>();
        foreach (EntryPoint entry in Enum.GetValues<EntryPoint>())
            foreach (Hostile hostile in cases) data.Add(entry, hostile);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs), DisableDiscoveryEnumeration = true)]
    public void Hostile_input_throws_names_the_position_and_writes_nothing(EntryPoint entry, Hostile hostile)
    {
        var loss = new LossCase<Matrix.SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 41);
        var (badInput, badTarget, batch) = hostile.Spoil(input, target);
        var gradient = new float[badInput.Length];
        new Random(42).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(gradient.AsSpan()));
        byte[] before = System.Runtime.InteropServices.MemoryMarshal.AsBytes(gradient.AsSpan()).ToArray();

        var error = Assert.ThrowsAny<ArgumentException>(() => Call(entry, loss, badInput, badTarget, gradient, batch));
        Assert.Equal(hostile.Parameter, error.ParamName);
        foreach (string fragment in hostile.Fragments) Assert.Contains(fragment, error.Message);
        Assert.True(before.AsSpan().SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(gradient.AsSpan())), "the gradient buffer changed");

        // The entry point keeps working afterwards.
        var (good, goodTarget) = TestData.Make(loss.Spec, Batch, Spatial, seed: 43);
        Assert.True(float.IsFinite(Call(entry, loss, good, goodTarget, new float[good.Length], Batch).Loss));
    }

    [Theory]
    [InlineData(EntryPoint.Static)]
    [InlineData(EntryPoint.EngineCpu)]
    [InlineData(EntryPoint.EngineIlgpuCpu)]
    public void Probabilities_and_masks_outside_0_1_are_rejected(EntryPoint entry)
    {
        var probabilities = new LossCase<Fuzz4ProbabilityMasks>();
        var (input, target) = TestData.Make(probabilities.Spec, 1, 50, seed: 44);
        input[2 * 50 + 9] = -0.25f;
        var error = Assert.ThrowsAny<ArgumentException>(() => Call(entry, probabilities, input, target, new float[input.Length], 1));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("(n = 0, c = 2, s = 9)", error.Message);

        input[2 * 50 + 9] = 0.5f;
        target.Masks![3 * 50 + 49] = 1.01f;
        error = Assert.ThrowsAny<ArgumentException>(() => Call(entry, probabilities, input, target, new float[input.Length], 1));
        Assert.Equal("masks", error.ParamName);
        Assert.Contains("(n = 0, c = 3, s = 49)", error.Message);
    }

    [Fact]
    public void Eight_threads_on_the_static_entry_and_a_shared_engine_equal_sequential_calls()
    {
        var loss = new LossCase<Matrix.SoftmaxCeLabels4>();
        var data = Enumerable.Range(0, 8).Select(i => TestData.Make(loss.Spec, 2, 5000 + 37 * i, seed: 50 + i)).ToArray();
        float[][] expected = data.Select(d => { var g = new float[d.Input.Length]; loss.ForwardBackward(d.Input, d.Target, g, 2); return g; }).ToArray();
        float[] expectedLoss = data.Select(d => loss.Forward(d.Input, d.Target, 2).Loss).ToArray();

        using var shared = DiceEngine.Create(DiceDevice.Cpu);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (int iteration = 0; iteration < 10; iteration++)
            {
                int k = (t + iteration) % data.Length;
                var gradient = new float[data[k].Input.Length];
                float staticLoss = loss.ForwardBackward(data[k].Input, data[k].Target, gradient, 2).Loss;
                if (staticLoss != expectedLoss[k] || !gradient.AsSpan().SequenceEqual(expected[k])) failures.Add($"static t{t} i{iteration}");
                float engineLoss = loss.ForwardBackward(data[k].Input, data[k].Target, gradient, 2, engine: shared).Loss;
                if (engineLoss != expectedLoss[k] || !gradient.AsSpan().SequenceEqual(expected[k])) failures.Add($"engine t{t} i{iteration}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
    }
}
