using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dice.Generators.Model;

namespace Dice.Generators.Emit;

/// <summary>
/// Writes the generated file of one loss: the partial class (its documentation, <c>Spec</c>, the entry points and
/// the <c>IDiceLoss</c> members) in the user's namespace, its names qualified; then a file-local class with the kernels
/// in the library's namespace, with plain names (<see cref="KnownTypes"/> says why each resolves). The kernels' private
/// names live in the file-local class, where no user member can clash with them.
/// </summary>
internal static class LossClassEmitter
{
    /// <summary>The file-local class that holds the kernels; file-local, so the same name in every generated file is fine.</summary>
    internal const string KernelsClass = "DiceLossKernels";

    private static readonly string GeneratorVersion =
        typeof(LossClassEmitter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public static string HintName(TypeIdentity type) =>
        (type.Namespace.Length == 0 ? "" : type.Namespace + ".")
        + string.Concat(type.ContainingTypes.Select(d => d.Substring(d.LastIndexOf(' ') + 1) + "."))
        + type.Name + ".DiceLoss.g.cs";

    public static string Emit(LossModel model)
    {
        LossOptions o = model.Options;
        TypeIdentity type = model.Type;
        string kernels = $"global::{KnownTypes.KernelNamespace}.{KernelsClass}";
        var w = new SourceWriter();
        var scopes = OpenType(w, type);
        w.Lines(Documentation.ClassSummary(o));
        w.Line($"[{KnownTypes.GeneratedCode}(\"Dice.Generators\", \"{GeneratorVersion}\")]");
        using (w.Block($"partial class {type.Name} : {KnownTypes.IDiceLoss}"))
        {
            EmitSpec(w, o);
            EmitEntryPoints(w, o, type.Name);
            EmitInterfaceMembers(w, o, kernels);
        }

        for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();

        w.Line();
        string self = type.GlobalPrefix + string.Concat(type.ContainingTypes.Select(d => d.Substring(d.LastIndexOf(' ') + 1) + ".")) + type.Name;
        using (w.Block($"namespace {KnownTypes.KernelNamespace}"))
        {
            foreach (string import in KnownTypes.KernelUsings) w.Line($"using {import};");
            w.Line();
            w.Line($"/// <summary>The kernels of <see cref=\"{self}\"/>: pass 1 and pass 2 for each vector width, the scalar tail and the device.</summary>");
            w.Line($"[GeneratedCode(\"Dice.Generators\", \"{GeneratorVersion}\")]");
            using (w.Block($"file static class {KernelsClass}"))
            {
                w.Line("/// <summary>C, the channels of the input.</summary>");
                w.Line($"internal const int Classes = {SourceWriter.Int(o.Classes)};");
                w.Line();
                CpuKernelEmitter.Emit(w, o);
                GpuKernelEmitter.Emit(w, o);
            }
        }

        return w.ToString();
    }

    private static void EmitSpec(SourceWriter w, LossOptions o)
    {
        w.Line("/// <summary>The resolved configuration of this loss.</summary>");
        w.Line($"public static {KnownTypes.DiceLossSpec} {GeneratedMembers.Spec} {{ get; }} = new(");
        // One argument per option of the attribute, named as DiceLossSpec's parameters are; the weights resolved (all
        // 1 when none were given) and whether they were given.
        var arguments = new List<string>();
        foreach (PropertyInfo option in LossOptions.AttributeOptions)
        {
            arguments.Add($"{char.ToLowerInvariant(option.Name[0])}{option.Name.Substring(1)}: {Literal(option.GetValue(o)!, o)}");
            if (option.Name == nameof(LossOptions.ClassWeights))
                arguments.Add($"hasClassWeights: {SourceWriter.Bool(o.HasClassWeights)}");
        }

        for (int i = 0; i < arguments.Count; i++)
            w.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
        w.Line();
    }

    /// <summary>An option's value as a C# literal of the partial class (qualified enums).</summary>
    private static string Literal(object value, LossOptions o) => value switch
    {
        int i => SourceWriter.Int(i),
        float f => SourceWriter.Float(f),
        bool b => SourceWriter.Bool(b),
        System.Enum e => $"global::Dice.{e.GetType().Name}.{e}",
        EquatableArray<float> values => $"new float[] {{ {string.Join(", ", Enumerable.Range(0, o.Classes).Select(c => SourceWriter.Float(LossOptions.Resolved(values, c))))} }}",
        _ => throw new System.ArgumentException($"no literal for an option of type {value.GetType()}", nameof(value)),
    };

    /// <summary>One public entry point: its name, return type, documentation and parameter names (<see cref="Declaration"/>).</summary>
    private sealed record EntryPoint(string Name, string ReturnType, string Summary, string Returns, string[] Parameters);

    /// <summary>
    /// The five entry points, once each, with the optional settings as trailing arguments: Forward and ForwardBackward
    /// (one process, or with a reducer the union of every process's batch), for data-parallel training Statistics
    /// (pass 1, to sum over processes) and Backward (the summed statistics' loss and this process's gradient), and for
    /// validation Evaluate (the confusion counts).
    /// </summary>
    private static EntryPoint[] EntryPoints(bool labels, bool pixelWeights)
    {
        // The pixel weights follow the target in every entry point of a loss that takes them.
        string[] target = pixelWeights ? new[] { labels ? "labels" : "masks", "pixelWeights" } : new[] { labels ? "labels" : "masks" };
        const string result = "The loss, its terms, the per-class coefficient and the per-sample losses.";
        return new[]
        {
            new EntryPoint(GeneratedMembers.Forward, KnownTypes.LossResult,
                "Computes the loss on all CPU cores (fused SIMD kernel, one pass over the data).", result,
                Parameters("input", target, "batch", "parameters", "reducer")),
            new EntryPoint(GeneratedMembers.ForwardBackward, KnownTypes.LossResult,
                "Computes the loss and writes dL/d(input) into <paramref name=\"inputGrad\"/> on all CPU cores (two fused passes).", result,
                Parameters("input", target, "inputGrad", "batch", "parameters", "reducer")),
            new EntryPoint(GeneratedMembers.Statistics, KnownTypes.LossStatistics,
                "Pass 1 of this process's part of a data-parallel batch: statistics whose <c>Values</c> every process sums (an all-reduce) before <see cref=\"Backward\"/>.",
                "This process's statistics; their <c>Result</c> is the loss of the statistics as they are.",
                Parameters("input", target, "batch", "parameters")),
            new EntryPoint(GeneratedMembers.Backward, KnownTypes.LossResult,
                "The loss of <paramref name=\"global\"/> (this process's statistics, summed over every process) and its exact gradient with respect to this process's input.",
                "The loss of the union of every process's batch; SampleLoss has this process's samples.",
                Parameters("input", target, "inputGrad", "batch", "global")),
            new EntryPoint(GeneratedMembers.Evaluate, KnownTypes.SegmentationCounts,
                "The confusion counts of the batch for validation metrics, on all CPU cores (one fused, read-only pass): per (sample, class) the pixels predicted and true, from the prediction rule of the activation (docs/semantics.md, \"Segmentation metrics\"). Add them to a <see cref=\"global::Dice.SegmentationMetrics\"/>.",
                "TP, FP, FN and TN per (sample, class), exact.",
                Parameters("input", target, "batch", "parameters")),
        };
    }

    /// <summary>The parameter names in order, each a name or the target's names.</summary>
    private static string[] Parameters(params object[] names) =>
        names.SelectMany(n => n as string[] ?? new[] { (string)n }).ToArray();

    /// <summary>The declaration of an entry point's parameter.</summary>
    private static string Declaration(string parameter) => parameter switch
    {
        "input" => $"{KnownTypes.ReadOnlySpan}<float> input",
        "labels" => $"{KnownTypes.ReadOnlySpan}<int> labels",
        "masks" => $"{KnownTypes.ReadOnlySpan}<float> masks",
        "pixelWeights" => $"{KnownTypes.ReadOnlySpan}<float> pixelWeights",
        "inputGrad" => $"{KnownTypes.Span}<float> inputGrad",
        "batch" => "int batch",
        "parameters" => $"{KnownTypes.LossParameters}? parameters = null",
        "reducer" => $"{KnownTypes.IStatisticsReducer}? reducer = null",
        _ => $"{KnownTypes.LossStatistics} global",
    };

    private static string Signature(EntryPoint entry) =>
        $"public static {entry.ReturnType} {entry.Name}({string.Join(", ", entry.Parameters.Select(Declaration))})";

    private static void EmitEntryPoints(SourceWriter w, LossOptions o, string self)
    {
        var docs = new System.Collections.Generic.Dictionary<string, string>
        {
            ["input"] = $"{(o.Activation == Activation.None ? "Probabilities in [0, 1]" : "Logits")}, {LayoutText.Shape(o)} row-major (index {LayoutText.Index(o)}).",
            ["labels"] = $"One class index per pixel, N x S, in [0, {o.Classes}) or IgnoreIndex ({o.IgnoreIndex} unless the call's parameters say otherwise).",
            ["masks"] = $"Target in [0, 1], {LayoutText.Shape(o)}, the layout of the input.",
            ["pixelWeights"] = "The weight of each pixel, N x S (index n * S + s; finite, >= 0): every sum and mean weights pixel (n, s) by it, and a pixel of weight 0 counts nowhere.",
            ["inputGrad"] = "Receives dL/d(input) times Scale (or has it added, with AccumulateGradient), the shape of the input; may be the input's own memory unless accumulating.",
            ["batch"] = "N, this process's number of samples; S is derived from the input length.",
            ["parameters"] = "This call's hyperparameters and settings (Smooth, Alpha, ClassWeights, Scale, AccumulateGradient, ...): null for <c>Spec.Parameters</c>; otherwise start from it and change fields with <c>with</c>. The attribute's rules apply, with the same DICE ids.",
            ["reducer"] = "For data-parallel training: sums the statistics over every process (an all-reduce, e.g. <c>Dice.Mpi.MpiReducer</c>), so the loss is that of the union of their batches; null for this call's batch alone.",
            ["global"] = "The statistics of this process's Statistics call (same input, target and batch), after their Values were summed over every process; their parameters apply.",
        };
        foreach (EntryPoint entry in EntryPoints(o.Labels, o.PixelWeights))
        {
            w.Line($"/// <summary>{entry.Summary}</summary>");
            foreach (string parameter in entry.Parameters) w.Line($"/// <param name=\"{parameter}\">{docs[parameter]}</param>");
            w.Line($"/// <returns>{entry.Returns}</returns>");
            w.Line($"/// <exception cref=\"{KnownTypes.ArgumentException}\">A length disagrees with batch and C, a value is invalid (non-finite input, a value outside its range) or a parameter breaks a rule; the message names the argument and the first offending position, and nothing is written.</exception>");
            w.Line($"{Signature(entry)} =>");
            w.Line($"    {KnownTypes.DiceCpu}.{entry.Name}<{self}>({string.Join(", ", entry.Parameters)});");
            w.Line();
        }
    }

    /// <summary>The file-local class of a placeholder, which makes its exception.</summary>
    private const string PlaceholderClass = "DiceLossPlaceholder";

    /// <summary>
    /// The generated file of a class whose configuration is invalid: the public members and <c>IDiceLoss</c>, each
    /// throwing, so that code calling the loss compiles and the build's only errors are the DICE ones on the attribute.
    /// </summary>
    public static string EmitPlaceholder(InvalidLossModel model)
    {
        TypeIdentity type = model.Type;
        string ids = string.Join(", ", model.ErrorIds);
        var w = new SourceWriter();
        var scopes = OpenType(w, type);
        w.Line("/// <summary>");
        w.Line($"/// Not generated: the [DiceLoss] configuration of this class is invalid ({ids}, reported on its attribute). These");
        w.Line("/// members exist only so that code calling the loss compiles while the attribute is fixed; each throws");
        w.Line($"/// <see cref=\"{KnownTypes.InvalidOperationException}\"/>.");
        w.Line("/// </summary>");
        w.Line($"[{KnownTypes.GeneratedCode}(\"Dice.Generators\", \"{GeneratorVersion}\")]");
        using (w.Block($"partial class {type.Name} : {KnownTypes.IDiceLoss}"))
        {
            string fail = $"throw {PlaceholderClass}.Invalid();";
            w.Line("/// <summary>Throws: the configuration is invalid.</summary>");
            w.Line($"public static {KnownTypes.DiceLossSpec} {GeneratedMembers.Spec} => {fail}");
            w.Line();
            foreach (EntryPoint entry in EntryPoints(model.Labels, model.PixelWeights))
            {
                w.Line("/// <summary>Throws: the configuration is invalid.</summary>");
                w.Line($"{Signature(entry)} => {fail}");
                w.Line();
            }

            foreach (CpuEntryPoint entry in CpuKernelEmitter.EntryPoints.Where(e => !e.KeepsProbabilities))
            {
                w.Line("/// <inheritdoc />");
                w.Line($"static {entry.ReturnType} {KnownTypes.IDiceLoss}.{entry.Name}(in {KnownTypes.DiceChunk} chunk{entry.QualifiedParameters}) => {fail}");
                w.Line();
            }

            w.Line("/// <inheritdoc />");
            w.Line($"static {KnownTypes.DeviceKernels} {KnownTypes.IDiceLoss}.DeviceKernels => {fail}");
        }

        for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();
        w.Line();
        using (w.Block($"file static class {PlaceholderClass}"))
        {
            string name = type.Namespace.Length == 0 ? type.Name : type.Namespace + "." + type.Name;
            w.Line($"internal static {KnownTypes.InvalidOperationException} Invalid() =>");
            w.Line($"    new(\"{name} has no loss kernels: its [DiceLoss] configuration is invalid ({ids}). Fix the attribute; the build reports each error on the argument at fault.\");");
        }

        return w.ToString();
    }

    /// <summary>The file header, the namespace and the containing types' declarations, opened; the caller closes the scopes.</summary>
    private static System.Collections.Generic.List<System.IDisposable> OpenType(SourceWriter w, TypeIdentity type)
    {
        w.Line("// <auto-generated/>");
        w.Line("#nullable enable");
        w.Line();
        // Block-scoped: the file has a second namespace, the library's, for the kernels (KnownTypes).
        var scopes = new System.Collections.Generic.List<System.IDisposable>();
        if (type.Namespace.Length > 0) scopes.Add(w.Block($"namespace {type.Namespace}"));
        scopes.AddRange(type.ContainingTypes.Select(declaration => (System.IDisposable)w.Block(declaration)));
        return scopes;
    }

    /// <summary>The <c>IDiceLoss</c> members, implemented explicitly (so they take no name of the class) by the file-local kernels.</summary>
    private static void EmitInterfaceMembers(SourceWriter w, LossOptions o, string kernels)
    {
        foreach (CpuEntryPoint entry in CpuKernelEmitter.EntryPointsOf(o))
        {
            w.Line("/// <inheritdoc />");
            w.Line($"static {entry.ReturnType} {KnownTypes.IDiceLoss}.{entry.Name}(in {KnownTypes.DiceChunk} chunk{entry.QualifiedParameters}) =>");
            w.Line($"    {kernels}.{entry.Name}(chunk{entry.Arguments});");
            w.Line();
        }

        w.Line("/// <inheritdoc />");
        w.Line($"static {KnownTypes.DeviceKernels} {KnownTypes.IDiceLoss}.DeviceKernels =>");
        w.Line($"    new({kernels}.StatisticsDevice, {kernels}.GradientDevice, {kernels}.ConfusionDevice);");
    }
}
