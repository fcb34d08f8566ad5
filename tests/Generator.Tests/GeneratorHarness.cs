extern alias runtime;

using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Dice.Generators.Tests;

/// <summary>Runs the generator on source text against .NET 10 reference assemblies (no network) and Dice.Runtime.</summary>
internal static class GeneratorHarness
{
    public static readonly ImmutableArray<MetadataReference> References =
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(runtime::Dice.LossResult).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(ILGPU.ArrayView<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(ILGPU.Algorithms.XMath).Assembly.Location),
        ];

    /// <summary>What the testing framework needs to resolve nothing from the network.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "Consumer.cs")),
            References,
            // Release, as the projects these tests stand for are timed and trained in; Debug adds DICE037 (DebugBuildTests).
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    optimizationLevel: OptimizationLevel.Release)
                // As MSBuild does: ILGPU is built against an older System.Runtime, which unifies silently.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    /// <summary>
    /// The testing framework's project as MSBuild builds it in Release: ILGPU's older System.Runtime unifies silently
    /// (CS1701, CS1702), and optimisation is on (a Debug build adds the Info DICE037 on every loss).
    /// </summary>
    public static Solution AsReleaseBuild(Solution solution, ProjectId project)
    {
        CompilationOptions options = solution.GetProject(project)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(project, options
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                .SetItem("CS1701", ReportDiagnostic.Suppress).SetItem("CS1702", ReportDiagnostic.Suppress)));
    }

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new DiceLossGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once: the generated sources by hint name, the generator's diagnostics, and the output compilation.</summary>
    public static (IReadOnlyDictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(params string[] sources)
    {
        CSharpCompilation input = Compile(sources);
        Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        var generated = output.SyntaxTrees.Skip(sources.Length)
            .ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        return (generated, diagnostics, output);
    }

    public static string SnapshotDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");
}
