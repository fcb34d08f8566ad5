using System.Collections;
using System.Reflection;
using Dice.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dice.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit reuses every step; the model holds only plain values.</summary>
public class IncrementalTests
{
    private const string Source = """
        using Dice;
        namespace Consumer;
        [DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, ClassWeights = new[] { 1f, 2f, 3f, 4f })]
        public partial class SegLoss { }
        [DiceLoss]
        public partial class Binary { }
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Source);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { public int X; }", new CSharpParseOptions(LanguageVersion.Latest)));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        foreach (string step in new[] { DiceLossGenerator.TrackingNames.Parse, DiceLossGenerator.TrackingNames.Models })
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            foreach (IncrementalGeneratorRunStep run in second.TrackedSteps[step])
                foreach (var (_, reason) in run.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
        }

        foreach (var (name, runs) in second.TrackedOutputSteps)
            foreach (IncrementalGeneratorRunStep run in runs)
                foreach (var (_, reason) in run.Outputs)
                    Assert.True(reason == IncrementalStepRunReason.Cached, $"output {name}: {reason}");
    }

    [Fact]
    public void Unrelated_edit_leaves_an_invalid_loss_placeholder_cached()
    {
        // (Its diagnostics are reported again on every edit: that output alone reads the compilation, for the locations.)
        CSharpCompilation compilation = GeneratorHarness.Compile(Source, "using Dice; [DiceLoss(Classes = 0)] public partial class Bad { }");
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);
        Assert.Equal(3, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { }", new CSharpParseOptions(LanguageVersion.Latest))));
        GeneratorRunResult second = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { DiceLossGenerator.TrackingNames.Parse, DiceLossGenerator.TrackingNames.Invalid })
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            foreach (IncrementalGeneratorRunStep run in second.TrackedSteps[step])
                foreach (var (_, reason) in run.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
        }
    }

    [Fact]
    public void Editing_the_attribute_regenerates_the_source()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Source);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree,
            tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace("[DiceLoss]", "[DiceLoss(Smooth = 2f)]"))));
        driver = driver.RunGenerators(edited);
        var reasons = driver.GetRunResult().Results.Single().TrackedSteps[DiceLossGenerator.TrackingNames.Models]
            .SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree), typeof(Location) };
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(GeneratorHarness.Compile(Source, "using Dice; [DiceLoss(Classes = 0)] public partial class Bad { }"));
        var values = driver.GetRunResult().Results.Single().TrackedSteps[DiceLossGenerator.TrackingNames.Parse]
            .SelectMany(r => r.Outputs).Select(o => o.Value).ToList();
        Assert.Contains(values, v => v is LossGenerationResult { Model: not null });
        Assert.Contains(values, v => v is LossGenerationResult { Model: null, Invalid: not null, Diagnostics.Count: > 0 });
        foreach (object value in values) Walk(value, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance), "result");
    }

    private static void Walk(object? value, Type[] forbidden, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        Assert.False(forbidden.Any(t => t.IsInstanceOfType(value)), $"{path} holds a {value.GetType().Name}");
        if (value is DiagnosticDescriptor || !value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence) Walk(item, forbidden, seen, $"{path}[{i++}]");
            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType?.Namespace?.StartsWith("Dice", StringComparison.Ordinal) == true)
                Walk(property.GetValue(value), forbidden, seen, path + "." + property.Name);
    }
}
