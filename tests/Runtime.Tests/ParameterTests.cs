using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests.Parameters;

// Each pair: a loss, and the same structure compiled with the values a call then passes as LossParameters.
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)] public partial class Ce4 { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.2f, Smooth = 0.5f, IgnoreIndex = 255)] public partial class Ce4Compiled { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, ClassWeights = new[] { 1f, 1f, 1f, 1f })] public partial class Ce4Weighted { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, ClassWeights = new[] { 0.5f, 1f, 2f, 0.25f }, Alpha = 0.7f, IgnoreIndex = -1)] public partial class Ce4WeightedCompiled { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, ClassWeights = new[] { 1f, 1f, 1f })] public partial class Bce3Weighted { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, ClassWeights = new[] { 2f, 0.5f, 0f }, Smooth = 2f, Alpha = 0.9f)] public partial class Bce3WeightedCompiled { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, ClassWeights = new[] { 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f })] public partial class Ce20Weighted { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, ClassWeights = new[] { 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 0f }, IgnoreIndex = 99)] public partial class Ce20WeightedCompiled { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, ClassWeights = new[] { 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f })] public partial class Bce17Weighted { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, ClassWeights = new[] { 3f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 0.5f }, Alpha = 0.1f)] public partial class Bce17WeightedCompiled { }
// Pixel-term losses compiled without weights, given weights at run time (the weighted kernels, chosen per call).
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy)] public partial class Bce3 { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy)] public partial class Ce20 { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy)] public partial class Bce17 { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, ClassWeights = new[] { 2f, 1f, 0.5f, 1f }, FocalGamma = 1.5f)] public partial class Focal4WeightedCompiled { }
[DiceLoss(Classes = 5, Activation = Activation.Sigmoid, IncludeBackground = false)] public partial class Sigmoid5 { }
[DiceLoss(Classes = 5, Activation = Activation.Sigmoid, IncludeBackground = false, ClassWeights = new[] { 0f, 1f, 0.5f, 2f, 1f }, Smooth = 0.01f, IgnoreIndex = 7)] public partial class Sigmoid5Compiled { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Overlap = Overlap.Tversky)] public partial class Tversky4 { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.2f, FalseNegativeWeight = 0.9f, OverlapExponent = 0.75f, Alpha = 0.4f)] public partial class Tversky4Compiled { }
[DiceLoss(Classes = 4, Combine = Combine.Focal)] public partial class Focal4 { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, FocalGamma = 0.5f, Alpha = 0.3f, IgnoreIndex = 255)] public partial class Focal4Compiled { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal)] public partial class SigmoidFocal2 { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, FocalGamma = 1.25f, Smooth = 0.5f)] public partial class SigmoidFocal2Compiled { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, LabelSmoothing = 0.1f, ClassWeights = new[] { 0.5f, 1f, 2f, 0.25f }, IgnoreIndex = 9)] public partial class Ce4SmoothedCompiled { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, LabelSmoothing = 0.3f)] public partial class Ce20SmoothedCompiled { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, PositiveWeights = new[] { 8f, 1f, 0.5f })] public partial class Bce3PositiveCompiled { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, PositiveWeights = new[] { 3f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 20f }, ClassWeights = new[] { 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 0.5f })] public partial class Bce17PositiveCompiled { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice)] public partial class Generalized4 { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, OverlapExponent = 1.5f, Smooth = 0.1f)] public partial class Generalized4Compiled { }

/// <summary>
/// Hyperparameters at run time: calling with <c>Spec.Parameters</c> is the parameterless call, bit for bit; calling
/// with other values is the loss compiled with those values, bit for bit (the same arithmetic), and matches the
/// float64 reference; every rule of the attribute holds at run time with its DICE id, and nothing is written.
/// </summary>
public class ParameterTests
{
    public static TheoryData<ILossCase> Matrix() => new(LossMatrix.All);

    private static void BitwiseEqual(LossResult expected, float[] expectedGradient, LossResult actual, float[] actualGradient, string context)
    {
        Assert.True(BitConverter.SingleToInt32Bits(expected.Loss) == BitConverter.SingleToInt32Bits(actual.Loss), $"{context}: loss {expected.Loss} vs {actual.Loss}");
        Assert.Equal(BitConverter.SingleToInt32Bits(expected.DiceLoss), BitConverter.SingleToInt32Bits(actual.DiceLoss));
        Assert.Equal(BitConverter.SingleToInt32Bits(expected.CrossEntropy), BitConverter.SingleToInt32Bits(actual.CrossEntropy));
        Assert.Equal(expected.ClassDice.Select(BitConverter.SingleToInt32Bits), actual.ClassDice.Select(BitConverter.SingleToInt32Bits));
        Assert.True(expectedGradient.AsSpan().SequenceEqual(actualGradient), context + ": gradients differ");
    }

    [Theory]
    [MemberData(nameof(Matrix), DisableDiscoveryEnumeration = true)]
    public void The_loss_own_parameters_give_the_parameterless_bits(ILossCase loss)
    {
        var (input, target) = TestData.Make(loss.Spec, 2, 4097 + 9, seed: 61);
        var expectedGradient = new float[input.Length];
        var actualGradient = new float[input.Length];
        LossResult expected = loss.ForwardBackward(input, target, expectedGradient, 2);
        // An equal copy, not the same object: the values are what count.
        LossParameters copy = loss.Spec.Parameters with { ClassWeights = loss.Spec.Parameters.ClassWeights.ToArray() };
        Assert.Equal(loss.Spec.Parameters, copy);
        BitwiseEqual(expected, expectedGradient, loss.ForwardBackward(input, target, actualGradient, 2, copy), actualGradient, loss.Name);
        Assert.Equal(BitConverter.SingleToInt32Bits(loss.Forward(input, target, 2).Loss), BitConverter.SingleToInt32Bits(loss.Forward(input, target, 2, copy).Loss));
    }

    /// <summary>(the loss called with parameters, the loss compiled with their values)</summary>
    public static TheoryData<ILossCase, ILossCase> Pairs() => new()
    {
        { new LossCase<Ce4>(), new LossCase<Ce4Compiled>() },
        { new LossCase<Ce4Weighted>(), new LossCase<Ce4WeightedCompiled>() },
        { new LossCase<Bce3Weighted>(), new LossCase<Bce3WeightedCompiled>() },
        { new LossCase<Ce20Weighted>(), new LossCase<Ce20WeightedCompiled>() },
        { new LossCase<Bce17Weighted>(), new LossCase<Bce17WeightedCompiled>() },
        { new LossCase<Sigmoid5>(), new LossCase<Sigmoid5Compiled>() },
        { new LossCase<Tversky4>(), new LossCase<Tversky4Compiled>() },
        { new LossCase<Focal4>(), new LossCase<Focal4Compiled>() },
        { new LossCase<SigmoidFocal2>(), new LossCase<SigmoidFocal2Compiled>() },
        { new LossCase<Generalized4>(), new LossCase<Generalized4Compiled>() },
        // ClassWeights are data on every loss: unweighted CE, BCE and focal losses given weights at run time.
        { new LossCase<Ce4>(), new LossCase<Ce4WeightedCompiled>() },
        { new LossCase<Bce3>(), new LossCase<Bce3WeightedCompiled>() },
        { new LossCase<Ce20>(), new LossCase<Ce20WeightedCompiled>() },
        { new LossCase<Bce17>(), new LossCase<Bce17WeightedCompiled>() },
        { new LossCase<Focal4>(), new LossCase<Focal4WeightedCompiled>() },
        // LabelSmoothing and PositiveWeights are data too: the weighted kernels, chosen per call.
        { new LossCase<Ce4>(), new LossCase<Ce4SmoothedCompiled>() },
        { new LossCase<Ce20>(), new LossCase<Ce20SmoothedCompiled>() },
        { new LossCase<Bce3>(), new LossCase<Bce3PositiveCompiled>() },
        { new LossCase<Bce17>(), new LossCase<Bce17PositiveCompiled>() },
    };

    [Theory]
    [MemberData(nameof(Pairs), DisableDiscoveryEnumeration = true)]
    public void Other_values_equal_the_loss_compiled_with_them_and_the_reference(ILossCase loss, ILossCase compiled)
    {
        LossParameters parameters = compiled.Spec.Parameters;
        Assert.NotEqual(loss.Spec.Parameters, parameters);
        foreach (int spatial in new[] { 1, 17, 4097 + 13 })
        {
            foreach (bool keep in new[] { false, true })
            {
                using var forced = Schedules.Force(keep);
                var (input, target) = TestData.Make(compiled.Spec, 2, spatial, seed: spatial);
                string context = $"{loss.Name} as {compiled.Name} S={spatial} keep={keep}";
                var expectedGradient = new float[input.Length];
                var actualGradient = new float[input.Length];
                LossResult expected = compiled.ForwardBackward(input, target, expectedGradient, 2);
                LossResult actual = loss.ForwardBackward(input, target, actualGradient, 2, parameters);
                BitwiseEqual(expected, expectedGradient, actual, actualGradient, context);

                ReferenceResult reference = TestData.Reference(compiled.Spec, input, target, 2);
                Assertions.Matches(reference, actual, context);
                Assertions.GradientMatches(reference, actualGradient, context);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pairs), DisableDiscoveryEnumeration = true)]
    public void Other_values_on_ILGPU_match_the_CPU(ILossCase loss, ILossCase compiled)
    {
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        LossParameters parameters = compiled.Spec.Parameters;
        var (input, target) = TestData.Make(compiled.Spec, 2, 300, seed: 62);
        var cpuGradient = new float[input.Length];
        var deviceGradient = new float[input.Length];
        LossResult cpu = compiled.ForwardBackward(input, target, cpuGradient, 2);
        LossResult device = loss.ForwardBackward(input, target, deviceGradient, 2, parameters, engine: engine);
        string context = $"{loss.Name} as {compiled.Name} on ILGPU";
        ReferenceResult reference = TestData.Reference(compiled.Spec, input, target, 2);
        Assertions.Matches(reference, device, context);
        Assertions.GradientMatches(reference, deviceGradient, context);
        Assertions.Close(cpu.Loss, device.Loss, 1e-5, context + " loss vs CPU");

        // And the loss's own values again afterwards: the engine's uploaded weights are the loss's again.
        var again = new float[input.Length];
        var own = new float[input.Length];
        var (ownInput, ownTarget) = TestData.Make(loss.Spec, 2, 300, seed: 63);
        LossResult first = loss.ForwardBackward(ownInput, ownTarget, own, 2, engine: engine);
        loss.ForwardBackward(input, target, deviceGradient, 2, parameters, engine: engine);
        LossResult second = loss.ForwardBackward(ownInput, ownTarget, again, 2, engine: engine);
        BitwiseEqual(first, own, second, again, context + " own values after other values");
    }

    /// <summary>A bad value, the DICE id and words the message must carry.</summary>
    public sealed record BadValue(string Name, Func<LossParameters, LossParameters> Spoil, string[] Fragments)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadValue> BadValues() => new()
    {
        new BadValue("Smooth NaN", p => p with { Smooth = float.NaN }, ["DICE005", "parameters.Smooth", "Smooth is NaN; it must be finite and >= 0"]),
        new BadValue("Smooth negative", p => p with { Smooth = -1f }, ["DICE005", "Smooth is -1"]),
        new BadValue("Alpha above 1", p => p with { Alpha = 1.5f }, ["DICE006", "Alpha is 1.5; it must be finite and lie in [0, 1]"]),
        new BadValue("Alpha infinite", p => p with { Alpha = float.PositiveInfinity }, ["DICE006"]),
        new BadValue("three weights for four classes", p => p with { ClassWeights = [1f, 1f, 1f] }, ["DICE007", "ClassWeights has 3 values but Classes is 4"]),
        new BadValue("negative weight", p => p with { ClassWeights = [1f, -2f, 1f, 1f] }, ["DICE008", "ClassWeights[1] is -2"]),
        new BadValue("NaN weight", p => p with { ClassWeights = [1f, 1f, 1f, float.NaN] }, ["DICE008", "ClassWeights[3] is NaN"]),
        new BadValue("weights summing to 0", p => p with { ClassWeights = [0f, 0f, 0f, 0f] }, ["DICE009"]),
        new BadValue("IgnoreIndex a class", p => p with { IgnoreIndex = 2 }, ["DICE010", "IgnoreIndex is 2, a valid class in [0, 4)"]),
        new BadValue("negative FalsePositiveWeight", p => p with { FalsePositiveWeight = -0.5f }, ["DICE024", "parameters.FalsePositiveWeight", "FalsePositiveWeight is -0.5; it must be finite and >= 0"]),
        new BadValue("NaN FalseNegativeWeight", p => p with { FalseNegativeWeight = float.NaN }, ["DICE024", "FalseNegativeWeight is NaN"]),
        new BadValue("Tversky weights both 0", p => p with { FalsePositiveWeight = 0f, FalseNegativeWeight = 0f }, ["DICE025", "both 0"]),
        new BadValue("OverlapExponent 0", p => p with { OverlapExponent = 0f }, ["DICE026", "OverlapExponent is 0; it must be finite and lie in (0, 4]"]),
        new BadValue("OverlapExponent 5", p => p with { OverlapExponent = 5f }, ["DICE026"]),
        new BadValue("FocalGamma negative", p => p with { FocalGamma = -1f }, ["DICE028", "FocalGamma is -1; it must be finite and lie in [0, 5]"]),
        new BadValue("FocalGamma infinite", p => p with { FocalGamma = float.PositiveInfinity }, ["DICE028"]),
        new BadValue("three positive weights for four classes", p => p with { PositiveWeights = [1f, 1f, 1f] }, ["DICE038", "parameters.PositiveWeights", "PositiveWeights has 3 values but Classes is 4"]),
        new BadValue("zero positive weight", p => p with { PositiveWeights = [1f, 1f, 0f, 1f] }, ["DICE039", "PositiveWeights[2] is 0; every weight must be finite and > 0"]),
        new BadValue("NaN positive weight", p => p with { PositiveWeights = [float.NaN, 1f, 1f, 1f] }, ["DICE039", "PositiveWeights[0] is NaN"]),
        new BadValue("LabelSmoothing above 1", p => p with { LabelSmoothing = 1.5f }, ["DICE040", "parameters.LabelSmoothing", "LabelSmoothing is 1.5; it must be finite and lie in [0, 1]"]),
        new BadValue("LabelSmoothing negative", p => p with { LabelSmoothing = -0.1f }, ["DICE040", "LabelSmoothing is -0.1"]),
        new BadValue("LabelSmoothing NaN", p => p with { LabelSmoothing = float.NaN }, ["DICE040"]),
    };

    [Theory]
    [MemberData(nameof(BadValues), DisableDiscoveryEnumeration = true)]
    public void A_value_the_attribute_rejects_throws_its_DICE_id_and_writes_nothing(BadValue bad)
    {
        var loss = new LossCase<Ce4Weighted>();
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(loss.Spec, 2, 100, seed: 64);
        LossParameters parameters = bad.Spoil(loss.Spec.Parameters);
        foreach (bool onEngine in new[] { false, true })
        {
            var gradient = Enumerable.Repeat(42f, input.Length).ToArray();
            var error = Assert.ThrowsAny<ArgumentException>(() => onEngine
                ? loss.ForwardBackward(input, target, gradient, 2, parameters, engine: engine)
                : loss.ForwardBackward(input, target, gradient, 2, parameters));
            Assert.Equal("parameters", error.ParamName);
            foreach (string fragment in bad.Fragments) Assert.Contains(fragment, error.Message);
            Assert.All(gradient, g => Assert.Equal(42f, g));
            Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input, target, 2, parameters));

            // The entry point keeps working afterwards.
            Assert.True(float.IsFinite(loss.ForwardBackward(input, target, new float[input.Length], 2, loss.Spec.Parameters).Loss));
        }
    }

    [Fact]
    public void An_exponent_for_a_LogLoss_loss_is_refused_with_DICE027()
    {
        var loss = new LossCase<SoftmaxCeLabels4_LogLoss>();
        var (input, target) = TestData.Make(loss.Spec, 1, 50, seed: 68);
        var gradient = Enumerable.Repeat(5f, input.Length).ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            loss.ForwardBackward(input, target, gradient, 1, loss.Spec.Parameters with { OverlapExponent = 0.75f }));
        Assert.Equal("parameters", error.ParamName);
        Assert.Contains("DICE027", error.Message);
        Assert.All(gradient, g => Assert.Equal(5f, g));
    }

    /// <summary>A value the loss's configuration ignores, changed from the loss's own: the id of the compile-time warning.</summary>
    public sealed record IgnoredValue(string Name, ILossCase Loss, Func<LossParameters, LossParameters> Change, string Id, string Fragment)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<IgnoredValue> IgnoredValues() => new()
    {
        new IgnoredValue("Alpha without Combine", new LossCase<Sigmoid5>(), p => p with { Alpha = 0.3f }, "DICE020", "parameters.Alpha"),
        new IgnoredValue("IgnoreIndex with masks", new LossCase<Bce3>(), p => p with { IgnoreIndex = 255 }, "DICE021", "parameters.IgnoreIndex"),
        new IgnoredValue("ClassWeights with Generalized Dice", new LossCase<Generalized4>(), p => p with { ClassWeights = [1f, 2f, 1f, 1f] }, "DICE030", "parameters.ClassWeights"),
        new IgnoredValue("FalsePositiveWeight without Tversky", new LossCase<Ce4>(), p => p with { FalsePositiveWeight = 0.3f }, "DICE033", "FalsePositiveWeight is set but Overlap is Dice"),
        new IgnoredValue("FalseNegativeWeight without Tversky", new LossCase<Sigmoid5>(), p => p with { FalseNegativeWeight = 0.7f }, "DICE033", "parameters.FalseNegativeWeight"),
        new IgnoredValue("FocalGamma without Focal", new LossCase<Ce4>(), p => p with { FocalGamma = 1f }, "DICE035", "FocalGamma is set but Combine is CrossEntropy"),
        new IgnoredValue("PositiveWeights with CrossEntropy", new LossCase<Ce4>(), p => p with { PositiveWeights = [1f, 5f, 1f, 1f] }, "DICE041", "PositiveWeights is set but Combine is CrossEntropy"),
        new IgnoredValue("PositiveWeights with the sigmoid focal term", new LossCase<SigmoidFocal2>(), p => p with { PositiveWeights = [3f, 1f] }, "DICE041", "parameters.PositiveWeights"),
        new IgnoredValue("LabelSmoothing with BinaryCrossEntropy", new LossCase<Bce3>(), p => p with { LabelSmoothing = 0.1f }, "DICE042", "LabelSmoothing is set but Combine is BinaryCrossEntropy"),
        new IgnoredValue("LabelSmoothing with the softmax focal term", new LossCase<Focal4>(), p => p with { LabelSmoothing = 0.1f }, "DICE042", "parameters.LabelSmoothing"),
    };

    [Theory]
    [MemberData(nameof(IgnoredValues), DisableDiscoveryEnumeration = true)]
    public void A_value_the_configuration_ignores_is_refused_with_the_warning_id_and_writes_nothing(IgnoredValue ignored)
    {
        ILossCase loss = ignored.Loss;
        using DiceEngine engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(loss.Spec, 1, 50, seed: 65);
        LossParameters parameters = ignored.Change(loss.Spec.Parameters);
        foreach (DiceEngine? onEngine in new[] { null, engine })
        {
            float[] gradient = Enumerable.Repeat(7f, input.Length).ToArray();
            var error = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, gradient, 1, parameters, engine: onEngine));
            Assert.Equal("parameters", error.ParamName);
            Assert.Contains(ignored.Id, error.Message);
            Assert.Contains(ignored.Fragment, error.Message);
            Assert.All(gradient, g => Assert.Equal(7f, g));
            Assert.ThrowsAny<ArgumentException>(() => loss.Statistics(input, target, 1, parameters, engine: onEngine));
        }
    }

    [Fact]
    public void Null_parameters_are_the_loss_own_values()
    {
        var loss = new LossCase<Ce4>();
        var (input, target) = TestData.Make(loss.Spec, 1, 10, seed: 67);
        Assert.Equal(BitConverter.SingleToInt32Bits(loss.Forward(input, target, 1).Loss), BitConverter.SingleToInt32Bits(loss.Forward(input, target, 1, null).Loss));
    }

    [Fact]
    public void Parameters_are_values_that_keep_a_copy_of_the_weights()
    {
        float[] weights = [1f, 2f, 3f, 4f];
        LossParameters a = Ce4Weighted.Spec.Parameters with { ClassWeights = weights };
        weights[0] = 100f;
        Assert.Equal(1f, a.ClassWeights[0]);
        Assert.Equal(a, Ce4Weighted.Spec.Parameters with { ClassWeights = [1f, 2f, 3f, 4f] });
        Assert.Equal(a.GetHashCode(), (Ce4Weighted.Spec.Parameters with { ClassWeights = [1f, 2f, 3f, 4f] }).GetHashCode());
        Assert.NotEqual(a, a with { Alpha = 0.25f });
        Assert.Equal(0.5f, Ce4.Spec.Parameters.Alpha);
        Assert.Equal(-100, Ce4.Spec.Parameters.IgnoreIndex);
    }
}
