using System.Reflection;

using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

#pragma warning disable CS0618 // the obsolete spelling, on purpose
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Jaccard = true)] public partial class LegacyJaccardSpelling { }
#pragma warning restore CS0618
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Overlap = Overlap.Jaccard)] public partial class OverlapJaccardSpelling { }

/// <summary>
/// The attribute, not only the generated <c>Spec</c>: the parity tests take their configuration from
/// <c>TLoss.Spec</c>, the same object the kernels are generated from, so a misread attribute argument would pass
/// them. Here every loss class of this project is checked against its own <c>[DiceLoss]</c> as the C# compiler
/// recorded it (read by reflection, independent of the generator's parser), with Auto resolved by the rules of
/// docs/semantics.md written again here; and a table pins those rules with literal rows.
/// </summary>
public class ConfigurationTests
{
    private static readonly Type[] AllLossTypes = typeof(ConfigurationTests).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DiceLossAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<Type> LossTypes() => [.. AllLossTypes];

    [Fact]
    public void Every_matrix_class_is_a_loss_class_of_this_project()
    {
        Assert.True(AllLossTypes.Length > LossMatrix.All.Length);
        Assert.All(LossMatrix.All, loss => Assert.Contains(AllLossTypes, t => t.Name == loss.Name));
    }

    [Theory]
    [MemberData(nameof(LossTypes))]
    public void Spec_is_the_attribute_with_Auto_resolved(Type lossType)
    {
        DiceLossAttribute attribute = lossType.GetCustomAttribute<DiceLossAttribute>()!;
        DiceLossSpec spec = SpecOf(lossType);

        Target target = attribute.Target != Target.Auto ? attribute.Target
            : attribute.Combine == Combine.CrossEntropy || (attribute.Classes >= 2 && attribute.Combine != Combine.BinaryCrossEntropy)
                ? Target.Labels
                : Target.Masks;
        Activation activation = attribute.Activation != Activation.Auto ? attribute.Activation : attribute.Combine switch
        {
            Combine.CrossEntropy => Activation.Softmax,
            Combine.BinaryCrossEntropy => Activation.Sigmoid,
            Combine.Focal => target == Target.Labels ? Activation.Softmax : Activation.Sigmoid,
            _ => Activation.None,
        };

        Assert.Equal(attribute.Classes, spec.Classes);
        Assert.Equal(attribute.Combine, spec.Combine);
        Assert.Equal(activation, spec.Activation);
        Assert.Equal(target, spec.Target);
        Assert.Equal(attribute.Smooth, spec.Smooth);
        Assert.Equal(attribute.Alpha, spec.Alpha);
        Assert.Equal(attribute.IncludeBackground, spec.IncludeBackground);
        Assert.Equal(attribute.BatchDice, spec.BatchDice);
        Assert.Equal(attribute.Squared, spec.Squared);
#pragma warning disable CS0618 // the obsolete spelling must keep meaning what it meant
        Assert.Equal(attribute.Jaccard ? Overlap.Jaccard : attribute.Overlap, spec.Overlap);
        Assert.Equal(spec.Overlap == Overlap.Jaccard, spec.Jaccard);
#pragma warning restore CS0618
        Assert.Equal(attribute.LogLoss, spec.LogLoss);
        if (target == Target.Labels) Assert.Equal(attribute.IgnoreIndex, spec.IgnoreIndex);
        Assert.Equal(attribute.ClassWeights ?? Enumerable.Repeat(1f, attribute.Classes).ToArray(), spec.ClassWeights);
        Assert.Equal(attribute.ClassWeights is not null, spec.HasClassWeights);
        Assert.Equal(attribute.FalsePositiveWeight, spec.FalsePositiveWeight);
        Assert.Equal(attribute.FalseNegativeWeight, spec.FalseNegativeWeight);
        Assert.Equal(attribute.OverlapExponent, spec.OverlapExponent);
        Assert.Equal(attribute.GeneralizedWeighting, spec.GeneralizedWeighting);
        Assert.Equal(attribute.FocalGamma, spec.FocalGamma);
        Assert.Equal(attribute.PositiveWeights ?? Enumerable.Repeat(1f, attribute.Classes).ToArray(), spec.PositiveWeights);
        Assert.Equal(attribute.LabelSmoothing, spec.LabelSmoothing);
        Assert.Equal(attribute.PixelWeights, spec.PixelWeights);
        // The run-time defaults are the attribute's values.
        Assert.Equal(spec.FalsePositiveWeight, spec.Parameters.FalsePositiveWeight);
        Assert.Equal(spec.FalseNegativeWeight, spec.Parameters.FalseNegativeWeight);
        Assert.Equal(spec.OverlapExponent, spec.Parameters.OverlapExponent);
        Assert.Equal(spec.FocalGamma, spec.Parameters.FocalGamma);
        Assert.Equal(spec.Smooth, spec.Parameters.Smooth);
        Assert.Equal(spec.Alpha, spec.Parameters.Alpha);
        Assert.Equal(spec.IgnoreIndex, spec.Parameters.IgnoreIndex);
        Assert.Equal(spec.ClassWeights, spec.Parameters.ClassWeights);
        Assert.Equal(spec.PositiveWeights, spec.Parameters.PositiveWeights);
        Assert.Equal(spec.LabelSmoothing, spec.Parameters.LabelSmoothing);
    }

    /// <summary>Auto resolution, literally: (class, activation, target).</summary>
    public static TheoryData<Type, Activation, Target> Resolutions() => new()
    {
        { typeof(SeedDice), Activation.None, Target.Masks },
        { typeof(SeedDiceMulticlass), Activation.None, Target.Labels },
        { typeof(SeedDiceBce), Activation.Sigmoid, Target.Masks },
        { typeof(SeedDiceBceMulticlass), Activation.Softmax, Target.Labels },
        { typeof(Fuzz5SoftmaxLargeSmooth), Activation.Softmax, Target.Labels },
        { typeof(Fuzz3BceTinySmooth), Activation.Sigmoid, Target.Masks },
        { typeof(SoftmaxFocalLabels4), Activation.Softmax, Target.Labels },
        { typeof(SigmoidFocalMask1), Activation.Sigmoid, Target.Masks },
    };

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void Auto_resolves_as_documented(Type lossType, Activation activation, Target target)
    {
        DiceLossSpec spec = SpecOf(lossType);
        Assert.Equal(activation, spec.Activation);
        Assert.Equal(target, spec.Target);
    }

    [Fact]
    public void Specs_are_equal_by_value_weights_included()
    {
        static DiceLossSpec Make(float smooth, params float[] weights) =>
            new(2, Combine.CrossEntropy, Activation.Softmax, Target.Labels, smooth, 0.5f, true, false, false, Overlap.Dice, false, -100, weights);

        Assert.Equal(Make(1f, 1f, 2f), Make(1f, 1f, 2f));
        Assert.Equal(Make(1f, 1f, 2f).GetHashCode(), Make(1f, 1f, 2f).GetHashCode());
        Assert.NotEqual(Make(1f, 1f, 2f), Make(1f, 2f, 1f));
        Assert.NotEqual(Make(1f, 1f, 2f), Make(0.5f, 1f, 2f));
        Assert.NotEqual(SeedDiceMulticlass.Spec, SeedDiceBceMulticlass.Spec);
    }

    private static DiceLossSpec SpecOf(Type lossType) =>
        (DiceLossSpec)lossType.GetProperty(nameof(IDiceLoss.Spec), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Jaccard_true_is_the_same_loss_as_Overlap_Jaccard()
    {
        // The older spelling still compiles, with a warning that names the new one.
        var obsolete = typeof(DiceLossAttribute).GetProperty("Jaccard")!.GetCustomAttribute<ObsoleteAttribute>();
        Assert.Contains("Overlap = Overlap.Jaccard", obsolete!.Message);

        Assert.Equal(Overlap.Jaccard, LegacyJaccardSpelling.Spec.Overlap);
        Assert.Equal(OverlapJaccardSpelling.Spec, LegacyJaccardSpelling.Spec);
        var (input, target) = TestData.Make(OverlapJaccardSpelling.Spec, 2, 300, seed: 70);
        var a = new float[input.Length];
        var b = new float[input.Length];
        LossResult legacy = LegacyJaccardSpelling.ForwardBackward(input, target.Labels, a, 2);
        LossResult current = OverlapJaccardSpelling.ForwardBackward(input, target.Labels, b, 2);
        Assert.Equal(BitConverter.SingleToInt32Bits(current.Loss), BitConverter.SingleToInt32Bits(legacy.Loss));
        Assert.True(a.AsSpan().SequenceEqual(b));
    }
}
