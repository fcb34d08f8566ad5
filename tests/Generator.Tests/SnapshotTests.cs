using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Dice.Generators.Tests;

/// <summary>
/// The generated source of representative configurations against committed snapshots in
/// <c>Snapshots/</c>. The comparison and the check that the output compiles without diagnostics are
/// done by Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing. To accept a change to the
/// generated code, run with <c>DICE_UPDATE_SNAPSHOTS=1</c> and review the diff.
/// </summary>
public class SnapshotTests
{
    private static bool UpdateMode => Environment.GetEnvironmentVariable("DICE_UPDATE_SNAPSHOTS") == "1";

    public static TheoryData<string, string> Configurations() => new()
    {
        { "SeedDice", "[DiceLoss]" },
        { "SeedDiceMulticlass", "[DiceLoss(Classes = 4)]" },
        { "SeedDiceBce", "[DiceLoss(Combine = Combine.BinaryCrossEntropy)]" },
        { "SeedDiceCe", "[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]" },
        { "OptionHeavyLabels", "[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy, Alpha = 0.25f, Smooth = 0.5f, IncludeBackground = false, BatchDice = true, Squared = true, LogLoss = true, IgnoreIndex = 255, ClassWeights = new[] { 0.1f, 1f, 2f })]" },
        { "OptionHeavyMasksLooped", "[DiceLoss(Classes = 18, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks, Overlap = Overlap.Jaccard, Squared = true, ClassWeights = new[] { 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 0.5f })]" },
        { "FocalTversky", "[DiceLoss(Classes = 4, Combine = Combine.Focal, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f, IgnoreIndex = 255)]" },
        { "SigmoidFocalGeneralizedDiceLooped", "[DiceLoss(Classes = 17, Combine = Combine.Focal, Target = Target.Masks, Overlap = Overlap.GeneralizedDice, FocalGamma = 1.5f, Smooth = 1e-5f)]" },
        { "PixelWeightedBce", "[DiceLoss(Classes = 2, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks, PositiveWeights = new[] { 1f, 20f }, PixelWeights = true)]" },
        { "PixelWeightedCe", "[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, LabelSmoothing = 0.1f, IgnoreIndex = 255, PixelWeights = true)]" },
        { "ChannelsLastCe", "[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)]" },
        { "ChannelsLastMasksLooped", "[DiceLoss(Classes = 19, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks, Layout = Layout.ChannelsLast)]" },
    };

    private static string Source(string name, string attribute) =>
        $"using Dice;\n\nnamespace Snapshots;\n\n{attribute}\npublic partial class {name} {{ }}\n";

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Generated_source_matches_snapshot(string name, string attribute)
    {
        string source = Source(name, attribute);
        string hintName = $"Snapshots.{name}.DiceLoss.g.cs";
        string path = Path.Combine(GeneratorHarness.SnapshotDirectory(), name + ".g.cs");
        if (UpdateMode)
        {
            var (sources, _, _) = GeneratorHarness.Run(source);
            File.WriteAllText(path, sources[hintName]);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run the tests once with DICE_UPDATE_SNAPSHOTS=1.");
        var test = new CSharpSourceGeneratorTest<DiceLossGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoDownload,
            TestState =
            {
                Sources = { source },
                GeneratedSources = { (typeof(DiceLossGenerator), hintName, SourceText.From(File.ReadAllText(path), Encoding.UTF8)) },
            },
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.SolutionTransforms.Add(GeneratorHarness.AsReleaseBuild);
        await test.RunAsync();
    }

    [Fact]
    public void Snapshot_comparison_fails_when_the_generated_source_differs()
    {
        var (sources, _, _) = GeneratorHarness.Run(Source("SeedDice", "[DiceLoss]"));
        string generated = sources["Snapshots.SeedDice.DiceLoss.g.cs"];
        var test = new CSharpSourceGeneratorTest<DiceLossGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoDownload,
            TestState =
            {
                Sources = { Source("SeedDice", "[DiceLoss]") },
                GeneratedSources = { (typeof(DiceLossGenerator), "Snapshots.SeedDice.DiceLoss.g.cs", SourceText.From(generated.Replace("Smooth s = 1", "Smooth s = 2"), Encoding.UTF8)) },
            },
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.SolutionTransforms.Add(GeneratorHarness.AsReleaseBuild);
        Assert.ThrowsAny<Exception>(() => test.RunAsync().GetAwaiter().GetResult());
    }

    [Fact]
    public void Generated_files_have_the_documented_conventions()
    {
        var (sources, diagnostics, output) = GeneratorHarness.Run("using Dice;\nnamespace A.B;\npublic partial class Outer { [DiceLoss(Classes = 2)] public partial class Inner { } }\n");
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var (hint, text) = Assert.Single(sources);
        Assert.Equal("A.B.Outer.Inner.DiceLoss.g.cs", hint);
        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", text);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Dice.Generators\", ", text);
        Assert.DoesNotContain("\nusing ", text);
        Assert.Contains("partial class Outer", text);
        Assert.Contains("Activation: None (from Auto); target: Labels (from Auto)", text);
    }
}
