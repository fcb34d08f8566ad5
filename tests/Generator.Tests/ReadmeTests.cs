using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Dice.Generators.Tests;

/// <summary>
/// The README's C# examples, as written: every <c>csharp</c> block is compiled with the generator into one program
/// (its <c>[DiceLoss]</c> classes as declarations, the rest as statements in a scope of their own, after a prelude
/// that declares the arrays the examples name) and the program is run. A block after
/// <c>&lt;!-- README test: signatures, not compiled --&gt;</c> is skipped; one after
/// <c>&lt;!-- README test: compiled, not run ... --&gt;</c> is compiled but never reached. Each declared loss is then
/// called once.
/// </summary>
public partial class ReadmeTests
{
    // The implicit usings of an SDK project (System, System.Linq, ...) that the examples rely on, then their data.
    private const string Prelude = """
        using System;
        using System.Linq;
        using Dice;

        const int N = 8, C = 4, S = 64;
        var random = new Random(1);
        float[] Logits() { var a = new float[N * C * S]; for (int i = 0; i < a.Length; i++) a[i] = (float)random.NextDouble() * 4 - 2; return a; }
        float[] logits = Logits(), auxLogits = Logits();
        int[] labels = new int[N * S];
        for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(C);
        float[] logitsGrad = new float[N * C * S], grad = new float[N * C * S], auxGrad = new float[N * C * S];
        int batch = N, myBatch = N;
        // A field of view: the outer ring of pixels of every image weighs 0.
        float[] fieldOfView = Enumerable.Range(0, N * S).Select(i => i % S < 4 || i % S >= S - 4 ? 0f : 1f).ToArray();

        """;

    [GeneratedRegex(@"(?:<!-- README test: (?<mode>[^>]*?) -->\s*\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void Every_csharp_block_of_the_README_compiles_and_runs()
    {
        string readme = File.ReadAllText(Path.Combine(GeneratorHarness.SnapshotDirectory(), "..", "..", "..", "README.md"));
        var statements = new List<string>();
        var declarations = new List<string>();
        int blocks = 0;
        foreach (Match block in CodeBlock().Matches(readme))
        {
            string mode = block.Groups["mode"].Value;
            if (mode.StartsWith("signatures", StringComparison.Ordinal)) continue;
            blocks++;
            var body = new List<string>();
            string[] lines = block.Groups["code"].Value.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("using Dice;", StringComparison.Ordinal)) continue;
                if (!lines[i].StartsWith("[DiceLoss", StringComparison.Ordinal))
                {
                    body.Add(lines[i]);
                    continue;
                }

                // An attribute and the class it sits on, up to the line that declares the class.
                int start = i;
                while (!lines[i].Contains("partial class", StringComparison.Ordinal)) i++;
                declarations.Add(string.Join('\n', lines[start..(i + 1)]));
            }

            string scope = "{\n" + string.Join('\n', body) + "\n}\n";
            statements.Add(mode.StartsWith("compiled, not run", StringComparison.Ordinal) ? $"if (args.Length > 99)\n{scope}" : scope);
        }

        Assert.True(blocks >= 4, $"found {blocks} README blocks to compile");
        // Each loss the README declares runs once on the prelude's logits and labels (an example that needs
        // probabilities would throw here): the README's losses are all of the labels form.
        foreach (string declaration in declarations)
        {
            string weights = declaration.Contains("PixelWeights = true", StringComparison.Ordinal) ? "fieldOfView, " : "";
            statements.Add($"{Regex.Match(declaration, @"partial class (\w+)").Groups[1].Value}.Forward(logits, labels, {weights}batch);");
        }
        string program = Prelude + string.Join('\n', statements) + "\n" + string.Join('\n', declarations) + "\n";

        var (_, diagnostics, output) = GeneratorHarness.Run(program);
        Compilation executable = output.WithOptions(output.Options.WithOutputKind(OutputKind.ConsoleApplication))
            .AddReferences(MetadataReference.CreateFromFile(typeof(Dice.Mpi.MpiReducer).Assembly.Location));
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = executable.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + program);

        // Run it, with its console output captured: the examples print the loss they compute.
        TextWriter console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Assembly.Load(image.ToArray()).EntryPoint!.Invoke(null, [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Contains(" = 0.5 * ", captured.ToString(), StringComparison.Ordinal);
    }
}
