using Dice.Generators.Emit;
using Dice.Generators.Model;
using Dice.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dice.Generators;

/// <summary>
/// The incremental pipeline: every class carrying <c>[Dice.DiceLoss]</c> is parsed into a
/// value-equatable model, and each valid model is emitted as <c>{Namespace}.{Type}.DiceLoss.g.cs</c>; an invalid one
/// gets members that throw under the same hint name, so that its DICE errors are the only errors of the build.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DiceLossGenerator : IIncrementalGenerator
{
    internal const string AttributeName = "Dice.DiceLossAttribute";

    /// <summary>Tracking names of the pipeline steps, for the caching tests.</summary>
    internal static class TrackingNames
    {
        public const string Parse = nameof(Parse);
        public const string Models = nameof(Models);
        public const string Invalid = nameof(Invalid);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<LossGenerationResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: LossParser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        // Diagnostics travel as plain values; a location rebuilt on its syntax tree (not a bare file path)
        // is what lets '#pragma warning disable' suppress the warnings. Only this reporting step
        // depends on the compilation: the models below stay cached across edits.
        context.RegisterSourceOutput(
            results.SelectMany(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider),
            static (spc, pair) => spc.ReportDiagnostic(pair.Left.ToDiagnostic(pair.Right)));

        IncrementalValuesProvider<LossModel> models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (spc, model) =>
            spc.AddSource(LossClassEmitter.HintName(model.Type), LossClassEmitter.Emit(model)));

        IncrementalValuesProvider<InvalidLossModel> invalid = results
            .Where(static r => r.Invalid is not null)
            .Select(static (r, _) => r.Invalid!)
            .WithTrackingName(TrackingNames.Invalid);

        context.RegisterSourceOutput(invalid, static (spc, model) =>
            spc.AddSource(LossClassEmitter.HintName(model.Type), LossClassEmitter.EmitPlaceholder(model)));
    }
}
