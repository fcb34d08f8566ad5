using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dice.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// dotnet run -c Release --project bench/Dice.Generators.Benchmarks: generator time for 1, 10 and 100 annotated classes.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8);
BenchmarkRunner.Run<GeneratorBenchmarks>(DefaultConfig.Instance.AddJob(job), args);

/// <summary>
/// A first run of the generator over a compilation with N [DiceLoss] classes (what a build does), and a
/// second run after an unrelated edit (what the IDE does on every keystroke: every step cached).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(1, 10, 100)]
    public int Classes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] configurations =
        {
            "Classes = 4, Combine = Combine.CrossEntropy",
            "Combine = Combine.BinaryCrossEntropy",
            "Classes = 3, Overlap = Overlap.Jaccard, Squared = true",
            "Classes = 24, Combine = Combine.CrossEntropy, BatchDice = true",
        };
        string source = "using Dice;\nnamespace Bench;\n" + string.Concat(Enumerable.Range(0, Classes).Select(i =>
            $"[DiceLoss({configurations[i % configurations.Length]})] public partial class Loss{i} {{ }}\n"));
        MetadataReference[] references =
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(Dice.LossResult).Assembly.Location), // Dice.Runtime (the attribute type exists in the generator too)
        ];
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(source, Parse)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", Parse));
        _warmDriver = NewDriver().RunGenerators(_compilation);
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new DiceLossGenerator().AsSourceGenerator()], parseOptions: Parse);

    [Benchmark(Description = "first run")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "rerun after an unrelated edit")]
    public GeneratorDriver IncrementalRun() => _warmDriver.RunGenerators(_edited);
}
