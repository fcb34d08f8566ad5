extern alias codefixes;

using codefixes::Dice.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Dice.Generators.Tests;

/// <summary>Each code fix on the diagnostic it fixes: the source with the diagnostic marked, and the fixed source.</summary>
public class CodeFixTests
{
    private sealed class Test : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, DiceLossCodeFixProvider, DefaultVerifier>
    {
        public Test(string source, string fixedSource)
        {
            ReferenceAssemblies = GeneratorHarness.NoDownload;
            TestCode = "using Dice;\nnamespace Consumer;\n" + source;
            FixedCode = "using Dice;\nnamespace Consumer;\n" + fixedSource;
            TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
            FixedState.AdditionalReferences.AddRange(GeneratorHarness.References);
            // The generator writes the loss (or its placeholder) before and after: the snapshot tests check that code.
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
            SolutionTransforms.Add(GeneratorHarness.AsReleaseBuild);
        }

        // The DICE diagnostics come from the generator, not from an analyzer.
        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(DiceLossGenerator)];
    }

    private static Task Verify(string source, string fixedSource) => new Test(source, fixedSource).RunAsync();

    [Fact]
    public Task DICE001_makes_the_class_partial() =>
        Verify("[DiceLoss] public class {|DICE001:Loss|} { }", "[DiceLoss] public partial class Loss { }");

    [Fact]
    public Task DICE001_makes_a_class_without_modifiers_partial() =>
        Verify("[DiceLoss] class {|DICE001:Loss|} { }", "[DiceLoss] partial class Loss { }");

    [Fact]
    public Task DICE002_makes_the_containing_type_partial() =>
        Verify("public class {|DICE002:Outer|} { [DiceLoss] public partial class Loss { } }",
            "public partial class Outer { [DiceLoss] public partial class Loss { } }");

    [Fact]
    public Task DICE020_removes_Alpha_without_Combine() =>
        Verify("[DiceLoss(Classes = 2, {|DICE020:Alpha = 0.2f|})] public partial class Loss { }",
            "[DiceLoss(Classes = 2)] public partial class Loss { }");

    [Fact]
    public Task DICE021_removes_IgnoreIndex_with_masks() =>
        Verify("[DiceLoss(Classes = 2, Target = Target.Masks, {|DICE021:IgnoreIndex = 255|})] public partial class Loss { }",
            "[DiceLoss(Classes = 2, Target = Target.Masks)] public partial class Loss { }");

    [Fact]
    public Task DICE033_removes_a_Tversky_weight_without_Tversky() =>
        Verify("[DiceLoss(Classes = 2, {|DICE033:FalsePositiveWeight = 0.3f|}, Smooth = 2f)] public partial class Loss { }",
            "[DiceLoss(Classes = 2, Smooth = 2f)] public partial class Loss { }");

    [Fact]
    public Task DICE034_removes_GeneralizedWeighting_without_Generalized_Dice() =>
        Verify("[DiceLoss(Classes = 2, {|DICE034:GeneralizedWeighting = GeneralizedWeighting.Uniform|})] public partial class Loss { }",
            "[DiceLoss(Classes = 2)] public partial class Loss { }");

    [Fact]
    public Task DICE035_removes_the_only_argument_and_its_parentheses() =>
        Verify("[DiceLoss({|DICE035:FocalGamma = 1f|})] public partial class Loss { }",
            "[DiceLoss] public partial class Loss { }");

    /// <summary>The compiler's warning for the obsolete <c>Jaccard</c>, at markup location 0.</summary>
    private static readonly DiagnosticResult ObsoleteJaccard = DiagnosticResult.CompilerWarning("CS0618").WithLocation(0);

    [Fact]
    public Task DICE036_default_smooth_gets_monai_smooth_after_the_overlap() =>
        Verify("[DiceLoss(Classes = 4, {|DICE036:Overlap = Overlap.GeneralizedDice|}, IgnoreIndex = 255)] public partial class Loss { }",
            "[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f, IgnoreIndex = 255)] public partial class Loss { }");

    [Fact]
    public Task DICE036_large_smooth_is_replaced() =>
        Verify("[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, {|DICE036:Smooth = 0.01f|})] public partial class Loss { }",
            "[DiceLoss(Classes = 4, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f)] public partial class Loss { }");

    [Fact]
    public Task The_obsolete_Jaccard_becomes_Overlap_Jaccard()
    {
        var test = new Test("[DiceLoss(Classes = 2, {|#0:Jaccard = true|})] public partial class Loss { }",
            "[DiceLoss(Classes = 2, Overlap = Overlap.Jaccard)] public partial class Loss { }");
        test.ExpectedDiagnostics.Add(ObsoleteJaccard);
        return test.RunAsync();
    }

    [Fact]
    public Task DICE023_removes_Jaccard_where_it_contradicts_Overlap()
    {
        var test = new Test("[DiceLoss(Classes = 2, Overlap = Overlap.Dice, {|#0:Jaccard = true|})] public partial class Loss { }",
            "[DiceLoss(Classes = 2, Overlap = Overlap.Dice)] public partial class Loss { }");
        test.ExpectedDiagnostics.Add(ObsoleteJaccard);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DICE023", DiagnosticSeverity.Error).WithLocation(0));
        return test.RunAsync();
    }
}
