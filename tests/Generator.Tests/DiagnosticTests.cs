using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Dice.Generators.Tests;

/// <summary>Every DICE rule, with its location asserted through markup spans: <c>{|DICE004:Classes = 0|}</c>.</summary>
public class DiagnosticTests
{
    private static Task Verify(string markup) => Verify(markup, OptimizationLevel.Release);

    private static async Task Verify(string markup, OptimizationLevel optimization)
    {
        var test = new CSharpSourceGeneratorTest<DiceLossGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoDownload,
            TestState = { Sources = { "using Dice;\nnamespace Consumer;\n" + markup } },
            // Valid configurations (warnings) generate code; the snapshot tests check it, here only diagnostics matter.
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.SolutionTransforms.Add(GeneratorHarness.AsReleaseBuild);
        if (optimization == OptimizationLevel.Debug)
        {
            test.SolutionTransforms.Add((solution, project) => solution.WithProjectCompilationOptions(project,
                solution.GetProject(project)!.CompilationOptions!.WithOptimizationLevel(OptimizationLevel.Debug)));
        }

        await test.RunAsync();
    }

    [Fact] public Task DICE001_class_not_partial() => Verify("[DiceLoss] public class {|DICE001:Loss|} { }");
    [Fact] public Task DICE002_containing_type_not_partial() => Verify("public class {|DICE002:Outer|} { [DiceLoss] public partial class Loss { } }");
    [Fact] public Task DICE003_generic_class() => Verify("[DiceLoss] public partial class {|DICE003:Loss|}<T> { }");
    [Fact] public Task DICE003_generic_containing_type() => Verify("public partial class Outer<T> { [DiceLoss] public partial class {|DICE003:Loss|} { } }");
    [Fact] public Task DICE004_classes_below_one() => Verify("[DiceLoss({|DICE004:Classes = 0|})] public partial class Loss { }");
    [Fact] public Task DICE004_classes_beyond_limit() => Verify("[DiceLoss({|DICE004:Classes = 513|})] public partial class Loss { }");
    [Fact] public Task DICE005_smooth_negative() => Verify("[DiceLoss({|DICE005:Smooth = -1f|})] public partial class Loss { }");
    [Fact] public Task DICE005_smooth_not_finite() => Verify("[DiceLoss({|DICE005:Smooth = float.NaN|})] public partial class Loss { }");
    [Fact] public Task DICE006_alpha_outside_unit_interval() => Verify("[DiceLoss(Combine = Combine.BinaryCrossEntropy, {|DICE006:Alpha = 1.5f|})] public partial class Loss { }");
    [Fact] public Task DICE006_alpha_infinite() => Verify("[DiceLoss(Combine = Combine.BinaryCrossEntropy, {|DICE006:Alpha = float.PositiveInfinity|})] public partial class Loss { }");
    [Fact] public Task DICE007_weight_count() => Verify("[DiceLoss(Classes = 3, {|DICE007:ClassWeights = new[] { 1f, 2f }|})] public partial class Loss { }");
    [Fact] public Task DICE008_negative_weight() => Verify("[DiceLoss(Classes = 2, {|DICE008:ClassWeights = new[] { 1f, -2f }|})] public partial class Loss { }");
    [Fact] public Task DICE008_nan_weight() => Verify("[DiceLoss(Classes = 2, {|DICE008:ClassWeights = new[] { float.NaN, 1f }|})] public partial class Loss { }");
    [Fact] public Task DICE009_zero_weight_sum() => Verify("[DiceLoss(Classes = 2, IncludeBackground = false, {|DICE009:ClassWeights = new[] { 1f, 0f }|})] public partial class Loss { }");
    [Fact] public Task DICE010_ignore_index_is_a_class() => Verify("[DiceLoss(Classes = 4, {|DICE010:IgnoreIndex = 2|})] public partial class Loss { }");
    [Fact] public Task DICE011_no_foreground() => Verify("[DiceLoss({|DICE011:IncludeBackground = false|})] public partial class Loss { }");
    [Fact] public Task DICE012_softmax_single_class() => Verify("[DiceLoss({|DICE012:Activation = Activation.Softmax|})] public partial class Loss { }");
    [Fact] public Task DICE013_cross_entropy_single_class() => Verify("[DiceLoss({|DICE013:Combine = Combine.CrossEntropy|})] public partial class Loss { }");
    [Fact] public Task DICE014_cross_entropy_with_sigmoid() => Verify("[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy, {|DICE014:Activation = Activation.Sigmoid|})] public partial class Loss { }");
    [Fact] public Task DICE015_cross_entropy_with_masks() => Verify("[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy, {|DICE015:Target = Target.Masks|})] public partial class Loss { }");
    [Fact] public Task DICE016_bce_with_softmax() => Verify("[DiceLoss(Classes = 3, Combine = Combine.BinaryCrossEntropy, {|DICE016:Activation = Activation.Softmax|})] public partial class Loss { }");
    [Fact] public Task DICE017_undefined_enum() => Verify("[DiceLoss({|DICE017:Combine = (Combine)7|})] public partial class Loss { }");
    [Fact] public Task DICE017_undefined_layout() => Verify("[DiceLoss(Classes = 2, {|DICE017:Layout = (Layout)2|})] public partial class Loss { }");
    [Fact] public Task DICE018_static_class() => Verify("[DiceLoss] public static partial class {|DICE018:Loss|} { }");
    [Fact] public Task DICE019_smooth_zero_warns() => Verify("[DiceLoss(Classes = 2, {|DICE019:Smooth = 0f|})] public partial class Loss { }");
    [Fact] public Task DICE020_alpha_without_combine_warns() => Verify("[DiceLoss(Classes = 2, {|DICE020:Alpha = 0.2f|})] public partial class Loss { }");
    [Fact] public Task DICE021_ignore_index_with_masks_warns() => Verify("[DiceLoss(Classes = 2, Target = Target.Masks, {|DICE021:IgnoreIndex = 255|})] public partial class Loss { }");

    [Fact] public Task DICE022_property_named_Spec() => Verify("[DiceLoss] public partial class Loss { public static string {|DICE022:Spec|} => \"mine\"; }");
    [Fact] public Task DICE022_method_named_Forward() => Verify("[DiceLoss] public partial class Loss { public void {|DICE022:Forward|}(int x) { } }");
    [Fact] public Task DICE022_nested_type_named_ForwardBackward() => Verify("[DiceLoss] public partial class Loss { private class {|DICE022:ForwardBackward|} { } }");
    [Fact] public Task DICE022_method_named_Statistics() => Verify("[DiceLoss] public partial class Loss { public static int {|DICE022:Statistics|}() => 0; }");
    [Fact] public Task DICE022_property_named_Backward() => Verify("[DiceLoss] public partial class Loss { public int {|DICE022:Backward|} { get; set; } }");
    [Fact] public Task DICE022_member_in_another_part() => Verify("public partial class Loss { internal int {|DICE022:Spec|}; }\n[DiceLoss] public partial class Loss { }");

    // (The compiler's CS0618 on Jaccard, the obsolete spelling, is a warning, which these checks leave out.)
    [Fact] public Task DICE023_jaccard_with_another_overlap() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Dice, {|DICE023:Jaccard = true|})] public partial class Loss { }");
    [Fact] public Task Jaccard_alone_is_the_older_spelling_of_Overlap_Jaccard() => Verify("[DiceLoss(Classes = 2, Jaccard = true)] public partial class Loss { }");
    [Fact] public Task Jaccard_with_Overlap_Jaccard_agrees() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Jaccard, Jaccard = true)] public partial class Loss { }");

    // The loss family (Tversky, the term exponent, Generalized Dice, focal).
    [Fact] public Task DICE024_negative_tversky_weight() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Tversky, {|DICE024:FalsePositiveWeight = -0.1f|})] public partial class Loss { }");
    [Fact] public Task DICE024_nan_tversky_weight() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Tversky, {|DICE024:FalseNegativeWeight = float.NaN|})] public partial class Loss { }");
    [Fact] public Task DICE025_tversky_weights_both_zero() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Tversky, FalsePositiveWeight = 0f, {|DICE025:FalseNegativeWeight = 0f|})] public partial class Loss { }");
    [Fact] public Task DICE026_exponent_zero() => Verify("[DiceLoss(Classes = 2, {|DICE026:OverlapExponent = 0f|})] public partial class Loss { }");
    [Fact] public Task DICE026_exponent_above_four() => Verify("[DiceLoss(Classes = 2, {|DICE026:OverlapExponent = 4.5f|})] public partial class Loss { }");
    [Fact] public Task DICE027_log_loss_with_exponent() => Verify("[DiceLoss(Classes = 2, LogLoss = true, {|DICE027:OverlapExponent = 0.75f|})] public partial class Loss { }");
    [Fact] public Task DICE028_focal_gamma_negative() => Verify("[DiceLoss(Classes = 2, Combine = Combine.Focal, {|DICE028:FocalGamma = -1f|})] public partial class Loss { }");
    [Fact] public Task DICE028_focal_gamma_above_five() => Verify("[DiceLoss(Classes = 2, Combine = Combine.Focal, {|DICE028:FocalGamma = 6f|})] public partial class Loss { }");
    [Fact] public Task DICE029_squared_tversky() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Tversky, {|DICE029:Squared = true|})] public partial class Loss { }");
    [Fact] public Task DICE029_squared_generalized_dice() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f, {|DICE029:Squared = true|})] public partial class Loss { }");
    [Fact] public Task DICE030_class_weights_generalized_dice() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f, {|DICE030:ClassWeights = new[] { 1f, 2f }|})] public partial class Loss { }");
    [Fact] public Task DICE031_focal_without_activation() => Verify("[DiceLoss(Classes = 2, Combine = Combine.Focal, {|DICE031:Activation = Activation.None|})] public partial class Loss { }");
    [Fact] public Task DICE032_softmax_focal_with_masks() => Verify("[DiceLoss(Classes = 2, Combine = Combine.Focal, Activation = Activation.Softmax, {|DICE032:Target = Target.Masks|})] public partial class Loss { }");
    [Fact] public Task DICE033_tversky_weight_without_tversky_warns() => Verify("[DiceLoss(Classes = 2, {|DICE033:FalseNegativeWeight = 0.7f|})] public partial class Loss { }");
    [Fact] public Task DICE034_weighting_without_generalized_dice_warns() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.Tversky, {|DICE034:GeneralizedWeighting = GeneralizedWeighting.Uniform|})] public partial class Loss { }");
    [Fact] public Task DICE035_focal_gamma_without_focal_warns() => Verify("[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy, {|DICE035:FocalGamma = 1f|})] public partial class Loss { }");
    [Fact] public Task DICE017_undefined_weighting() => Verify("[DiceLoss(Classes = 2, Overlap = Overlap.GeneralizedDice, {|DICE017:GeneralizedWeighting = (GeneralizedWeighting)9|})] public partial class Loss { }");
    // A Debug build: an Info on each valid loss's attribute name; an invalid one has its errors and nothing more.
    [Fact] public Task DICE037_debug_build() => Verify("[{|DICE037:DiceLoss|}(Classes = 4)] public partial class Loss { }", OptimizationLevel.Debug);
    [Fact] public Task DICE037_not_on_an_invalid_loss() => Verify("[DiceLoss({|DICE004:Classes = 0|})] public partial class Loss { }", OptimizationLevel.Debug);
    [Fact] public Task DICE036_generalized_dice_default_smooth() => Verify("[DiceLoss(Classes = 4, {|DICE036:Overlap = Overlap.GeneralizedDice|})] public partial class Loss { }");
    [Fact] public Task DICE036_generalized_dice_large_smooth() => Verify("[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, {|DICE036:Smooth = 0.01f|})] public partial class Loss { }");
    // The limit is 1e-3, and only the 1/T^2 weighting has sums that small: 1/T weights sum to about 2 per class.
    [Fact] public Task DICE036_not_at_the_limit_or_other_weightings() => Verify(
        "[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, Smooth = 1e-3f)] public partial class A { }\n"
        + "[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, GeneralizedWeighting = GeneralizedWeighting.InverseVolume)] public partial class B { }");
    // The options users port from PyTorch: pos_weight on the BCE, label_smoothing on the CE.
    [Fact] public Task DICE038_positive_weight_count() => Verify("[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, {|DICE038:PositiveWeights = new[] { 2f, 2f }|})] public partial class Loss { }");
    [Fact] public Task DICE039_positive_weight_zero() => Verify("[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, {|DICE039:PositiveWeights = new[] { 3f, 0f }|})] public partial class Loss { }");
    [Fact] public Task DICE039_positive_weight_infinite() => Verify("[DiceLoss(Combine = Combine.BinaryCrossEntropy, {|DICE039:PositiveWeights = new[] { float.PositiveInfinity }|})] public partial class Loss { }");
    [Fact] public Task DICE040_label_smoothing_above_one() => Verify("[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, {|DICE040:LabelSmoothing = 1.5f|})] public partial class Loss { }");
    [Fact] public Task DICE040_label_smoothing_negative() => Verify("[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, {|DICE040:LabelSmoothing = -0.1f|})] public partial class Loss { }");
    [Fact] public Task DICE041_positive_weights_with_cross_entropy() => Verify("[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy, {|DICE041:PositiveWeights = new[] { 1f, 3f }|})] public partial class Loss { }");
    [Fact] public Task DICE041_positive_weights_with_sigmoid_focal() => Verify("[DiceLoss(Combine = Combine.Focal, {|DICE041:PositiveWeights = new[] { 3f }|})] public partial class Loss { }");
    [Fact] public Task DICE042_label_smoothing_with_focal() => Verify("[DiceLoss(Classes = 4, Combine = Combine.Focal, {|DICE042:LabelSmoothing = 0.1f|})] public partial class Loss { }");
    [Fact] public Task DICE042_label_smoothing_without_combine() => Verify("[DiceLoss(Classes = 4, Activation = Activation.Softmax, {|DICE042:LabelSmoothing = 0.1f|})] public partial class Loss { }");
    [Fact] public Task Positive_weights_and_label_smoothing_where_they_apply_are_valid() => Verify(
        "[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, PositiveWeights = new[] { 1f, 25f })] public partial class A { }\n"
        + "[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, LabelSmoothing = 0.1f)] public partial class B { }\n"
        + "[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, LabelSmoothing = 1f)] public partial class C { }");
    [Fact] public Task Focal_resolves_sigmoid_on_masks() => Verify("[DiceLoss(Combine = Combine.Focal, Activation = Activation.Sigmoid, Target = Target.Masks, FocalGamma = 1f)] public partial class Loss { }");
    [Fact] public Task Focal_tversky_is_valid() => Verify("[DiceLoss(Classes = 4, Combine = Combine.Focal, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f)] public partial class Loss { }");

    [Fact]
    public Task Several_errors_are_all_reported() =>
        Verify("[DiceLoss({|DICE004:Classes = 0|}, {|DICE005:Smooth = -1f|})] public class {|DICE001:Loss|} { }");

    [Fact]
    public void An_invalid_configuration_that_code_calls_reports_its_DICE_errors_and_nothing_else()
    {
        var (sources, diagnostics, output) = GeneratorHarness.Run("""
            using Dice;
            namespace Consumer;
            [DiceLoss(Classes = 0)] public partial class ZeroClasses { }
            [DiceLoss(Classes = 3, Combine = Combine.CrossEntropy, Target = Target.Masks)] public partial class CrossEntropyOnMasks { }
            public static class Caller
            {
                public static float Use(DiceEngine engine, float[] x, float[] masks, float[] gradient)
                {
                    LossStatistics statistics = ZeroClasses.Statistics(x, masks, 1);
                    return ZeroClasses.ForwardBackward(x, masks, gradient, 1).Loss + CrossEntropyOnMasks.Forward(x, masks, 1, reducer: null).Loss
                        + ZeroClasses.Backward(x, masks, gradient, 1, statistics).Loss + engine.Forward<CrossEntropyOnMasks>(x, masks, 1).Loss
                        + DiceCpu.Forward<ZeroClasses>(x, masks, 1).Loss + ZeroClasses.Spec.Classes;
                }
            }
            """);
        Assert.Equal(["DICE004", "DICE015"], diagnostics.Select(d => d.Id).Order());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        // The placeholder says what it is, and throws with the ids.
        string placeholder = sources["Consumer.ZeroClasses.DiceLoss.g.cs"];
        Assert.Contains("Not generated: the [DiceLoss] configuration of this class is invalid (DICE004", placeholder);
        Assert.Contains("has no loss kernels: its [DiceLoss] configuration is invalid (DICE004)", placeholder);
    }

    [Fact]
    public void A_class_that_cannot_take_members_gets_no_placeholder()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run("using Dice;\n[DiceLoss(Classes = 0)] public class NotPartial { }\n");
        Assert.Empty(sources);
        Assert.Equal(["DICE001", "DICE004"], diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Warnings_can_be_suppressed_with_pragma()
    {
        const string code = "using Dice;\n[DiceLoss(Classes = 2, Smooth = 0f)] public partial class Loss { }\n";
        var (_, plain, _) = GeneratorHarness.Run(code);
        Assert.Contains(plain, d => d.Id == "DICE019" && !d.IsSuppressed);
        var (_, suppressed, _) = GeneratorHarness.Run("#pragma warning disable DICE019\n" + code);
        Assert.DoesNotContain(suppressed, d => d.Id == "DICE019" && !d.IsSuppressed);
    }

    [Fact]
    public void Every_descriptor_is_documented_and_tracked_with_a_unique_id()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        string root = Path.GetFullPath(Path.Combine(GeneratorHarness.SnapshotDirectory(), "..", "..", ".."));
        string docs = File.ReadAllText(Path.Combine(root, "docs", "diagnostics.md"));
        string releases = File.ReadAllText(Path.Combine(root, "src", "Dice.Generators", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            // No link to a place that does not exist yet: the description names the shipped page instead.
            Assert.True(string.IsNullOrEmpty(descriptor.HelpLinkUri), $"{descriptor.Id} links to {descriptor.HelpLinkUri}");
            Assert.Contains("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.Description.ToString(CultureInfo.InvariantCulture));
            Assert.Contains($"## {descriptor.Id}", docs);
            Assert.Contains($"{descriptor.Id} | Dice.Gen | {descriptor.DefaultSeverity}", releases);
        }
    }
}
