using System;
using System.Collections.Generic;
using System.Linq;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// Writes the CPU kernels of one loss: each <see cref="EntryPoints">entry point</see> of <c>IDiceLoss</c> as a
/// dispatcher plus one loop per width (Vector512, Vector256, Vector128, then a scalar loop for the tail), all from
/// <see cref="KernelBodies"/>.
/// </summary>
internal static class CpuKernelEmitter
{
    /// <summary>
    /// The loops skip tier 0: tiered, the first ~70 calls of a C = 4 CE loss ran 6x slower (5.2 ms instead of 0.8 ms at
    /// N = 8, 256x256) until the JIT recompiled them; fully optimised from the first call, the steady speed is the same.
    /// </summary>
    private const string FullyOptimized = "[MethodImpl(MethodImplOptions.AggressiveOptimization)]";

    private static readonly Dialect[] Widths = { new VectorDialect(512), new VectorDialect(256), new VectorDialect(128) };

    private static readonly ChunkParameter Partial = new("Span<double>", "partial");
    private static readonly ChunkParameter Coefficients = new("ReadOnlySpan<float>", Values.Coefficients);
    private static readonly ChunkParameter Gradient = new("Span<float>", Values.GradientBuffer);

    /// <summary>
    /// The per-chunk kernels the CPU scheduler calls through <c>IDiceLoss</c>, in the order they are written. Returning
    /// validity: false when the chunk holds an invalid element. The two schedules of docs/performance.md use them so:
    /// recomputing p (Forward, and ForwardBackward where that is faster): AccumulateStatistics, then WriteGradient;
    /// keeping p: IsValid, AccumulateStatisticsKeepingProbabilities, then WriteGradientFromProbabilities. Evaluate runs
    /// CountConfusion alone.
    /// </summary>
    public static readonly CpuEntryPoint[] EntryPoints =
    {
        new("AccumulateStatistics", "Statistics", "Pass 1 (the sums, with the validity checks)",
            new[] { Partial }, ReturnsValidity: true, KeepsProbabilities: false, ReadsPixelTerm: true, StagesTiles: true,
            (w, d, o) => EmitStatistics(w, d, o, keepProbabilities: false)),
        new("WriteGradient", "Gradient", "Pass 2 (the gradient, p computed from x)",
            new[] { Coefficients, Gradient }, ReturnsValidity: false, KeepsProbabilities: false, ReadsPixelTerm: true, StagesTiles: true,
            (w, d, o) => EmitGradient(w, d, o, fromProbabilities: false)),
        new("IsValid", "Validate", "The validity checks alone, reading the input and target once",
            System.Array.Empty<ChunkParameter>(), ReturnsValidity: true, KeepsProbabilities: true, ReadsPixelTerm: false, StagesTiles: true,
            EmitValidation),
        new("AccumulateStatisticsKeepingProbabilities", "StatisticsKeeping", "Pass 1 after validation (the sums, no checks), writing p into the gradient",
            new[] { Partial, Gradient }, ReturnsValidity: false, KeepsProbabilities: true, ReadsPixelTerm: true, StagesTiles: true,
            (w, d, o) => EmitStatistics(w, d, o, keepProbabilities: true)),
        new("WriteGradientFromProbabilities", "GradientFromProbabilities", "Pass 2 (the gradient, from the p that pass 1 kept)",
            new[] { Coefficients, new ChunkParameter("ReadOnlySpan<float>", "probabilities"), Gradient },
            ReturnsValidity: false, KeepsProbabilities: true, ReadsPixelTerm: true, StagesTiles: true,
            (w, d, o) => EmitGradient(w, d, o, fromProbabilities: true)),
        new("CountConfusion", "Confusion", "Evaluate (the confusion counts, with the validity checks)",
            new[] { new ChunkParameter("Span<long>", Values.CountsBuffer) }, ReturnsValidity: true, KeepsProbabilities: false, ReadsPixelTerm: false,
            StagesTiles: false, EmitConfusion),
    };

    /// <summary>The entry points a loss has: all of them, or for a loss that cannot keep p those of the other schedule.</summary>
    public static IEnumerable<CpuEntryPoint> EntryPointsOf(LossOptions options) =>
        EntryPoints.Where(e => !e.KeepsProbabilities || Kernels.KernelLimits.CanKeepProbabilities(options.Combine));

    public static void Emit(SourceWriter w, LossOptions options)
    {
        bool anyWeighted = false;
        foreach (CpuEntryPoint entry in EntryPointsOf(options))
        {
            // A pixel-term kernel takes the weighting as a type argument (LossOptions.PixelTermWeighting): one body, two loops.
            bool weighted = entry.ReadsPixelTerm && options.Combine != Combine.None;
            anyWeighted |= weighted;
            LossOptions variant = options with
            {
                PixelTermWeighting = weighted ? PixelTermWeighting.ByTypeArgument : PixelTermWeighting.Unweighted,
            };
            if (weighted) EmitWeightingChoice(w, entry);
            EmitDispatcher(w, entry, weighted, options);
            foreach (Dialect d in Widths) EmitKernel(w, d, variant, entry, weighted);
            EmitKernel(w, ScalarDialect.Cpu, variant, entry, weighted);
        }

        if (anyWeighted) EmitWeightings(w);
        if (Widths.Any(d => KernelContext.StagesBySets(d, options))) EmitPlanes(w);
    }

    /// <summary>The interface of the plane type argument (<see cref="KernelContext.StagesBySets"/>) and its two values.</summary>
    private static void EmitPlanes(SourceWriter w)
    {
        w.Line("/// <summary>Whether the plane's channels share the cache's sets (Streams.SharesCacheSets): a type argument, so that");
        w.Line("/// the JIT compiles each kernel that stages tiles only there twice, once with its tile loop and once without.</summary>");
        using (w.Block($"private interface {Values.PlaneInterface}"))
            w.Line("static abstract bool SharesCacheSets { get; }");
        w.Line();
        w.Line("/// <summary>A plane of a multiple of 1,024 pixels: every channel's line at a pixel falls into the same cache set.</summary>");
        w.Line($"private readonly struct {Values.SharedSetsPlane} : {Values.PlaneInterface} {{ public static bool SharesCacheSets => true; }}");
        w.Line();
        w.Line("/// <summary>Any other plane.</summary>");
        w.Line($"private readonly struct {Values.DistinctSetsPlane} : {Values.PlaneInterface} {{ public static bool SharesCacheSets => false; }}");
        w.Line();
    }

    /// <summary>The interface of the weighting type argument and its two values.</summary>
    private static void EmitWeightings(SourceWriter w)
    {
        w.Line("/// <summary>Whether a kernel multiplies the pixel term by the call's class weights: a type argument, so that");
        w.Line("/// the JIT compiles each kernel body twice, with the branches on it removed.</summary>");
        using (w.Block("private interface IWeighting"))
            w.Line("static abstract bool Enabled { get; }");
        w.Line();
        w.Line("/// <summary>The call's class weights are not all 1.</summary>");
        w.Line("private readonly struct Weighted : IWeighting { public static bool Enabled => true; }");
        w.Line();
        w.Line("/// <summary>The call's class weights are all 1: the pixel term without them.</summary>");
        w.Line("private readonly struct Unweighted : IWeighting { public static bool Enabled => false; }");
        w.Line();
    }

    /// <summary>The entry point of a pixel-term kernel: the weighted or the unweighted dispatcher, per call.</summary>
    private static void EmitWeightingChoice(SourceWriter w, CpuEntryPoint entry)
    {
        w.Line($"/// <summary>{entry.Summary} over one chunk (IDiceLoss.{entry.Name}), weighted if the call's class weights are not all 1.</summary>");
        string weighted = $"{entry.Name}<Weighted>(chunk{entry.Arguments})";
        string unweighted = $"{entry.Name}<Unweighted>(chunk{entry.Arguments})";
        string header = $"internal static {entry.ReturnType} {entry.Name}(in DiceChunk chunk{entry.Parameters})";
        string result = entry.ReturnsValidity ? "return " : "";
        using (w.Block(header))
        {
            w.Line($"if (chunk.WeightedPixelTerm) {result}{weighted};");
            w.Line(entry.ReturnsValidity ? $"return {unweighted};" : $"else {unweighted};");
        }

        w.Line();
    }

    private static void EmitDispatcher(SourceWriter w, CpuEntryPoint entry, bool weighted, LossOptions o)
    {
        w.Line($"/// <summary>{entry.Summary} over one chunk: the widest vector loop the machine runs, then the scalar tail.</summary>");
        string header = weighted
            ? $"private static {entry.ReturnType} {entry.Name}<{Values.WeightingParameter}>(in DiceChunk chunk{entry.Parameters})"
            : $"internal static {entry.ReturnType} {entry.Name}(in DiceChunk chunk{entry.Parameters})";
        using (Method(w, header, weighted))
        {
            w.Line("nint s = chunk.Start;");
            if (entry.ReturnsValidity)
            {
                w.Line("bool valid = true;");
                EmitWidthChoice(w, entry, o, (d, plane) => $"valid &= {entry.Call(d, weighted, plane)};");
                w.Line($"return {entry.Call(ScalarDialect.Cpu, weighted)} & valid;");
            }
            else
            {
                EmitWidthChoice(w, entry, o, (d, plane) => $"{entry.Call(d, weighted, plane)};");
                w.Line($"{entry.Call(ScalarDialect.Cpu, weighted)};");
            }
        }

        w.Line();
    }

    /// <summary>
    /// Opens a method: its header, then the constraint on each type parameter it takes: the weighting where
    /// <paramref name="weighted"/>, the plane where <paramref name="bySets"/>.
    /// </summary>
    private static SourceWriter.Scope Method(SourceWriter w, string header, bool weighted, bool bySets = false)
    {
        var constraints = new List<string>();
        if (weighted) constraints.Add($"    where {Values.WeightingParameter} : struct, IWeighting");
        if (bySets) constraints.Add($"    where {Values.PlaneParameter} : struct, {Values.PlaneInterface}");
        if (constraints.Count == 0) return w.Block(header);
        w.Line(header);
        foreach (string constraint in constraints.Take(constraints.Count - 1)) w.Line(constraint);
        return w.Block(constraints[constraints.Count - 1]);
    }

    /// <summary>
    /// One call for the widest accelerated width (each test is a JIT-time constant: one branch remains); where that
    /// width's kernel stages tiles by the plane (<see cref="KernelContext.StagesBySets"/>), the call for this plane.
    /// </summary>
    private static void EmitWidthChoice(SourceWriter w, CpuEntryPoint entry, LossOptions o, Func<Dialect, string?, string> call)
    {
        for (int i = 0; i < Widths.Length; i++)
        {
            Dialect d = Widths[i];
            string test = $"{(i == 0 ? "if" : "else if")} (Vector{d.Suffix}.IsHardwareAccelerated)";
            if (!entry.StagesBySets(d, o))
            {
                w.Line($"{test} {call(d, null)}");
                continue;
            }

            using (w.Block(test))
            {
                w.Line($"if (Streams.SharesCacheSets(chunk.Spatial)) {call(d, Values.SharedSetsPlane)}");
                w.Line($"else {call(d, Values.DistinctSetsPlane)}");
            }
        }
    }

    private static void EmitKernel(SourceWriter w, Dialect d, LossOptions o, CpuEntryPoint entry, bool weighted)
    {
        w.Line(d is ScalarDialect
            ? $"/// <summary>{entry.Summary}, one pixel at a time from <paramref name=\"next\"/> to the end of the chunk.</summary>"
            : $"/// <summary>{entry.Summary} with Vector{d.Suffix}&lt;float&gt;: whole vectors of pixels from <paramref name=\"next\"/>, which it moves past them; leaves the tail.</summary>");
        w.Line(FullyOptimized);
        bool bySets = entry.StagesBySets(d, o);
        string header = $"private static {entry.ReturnType} {entry.KernelName(d, weighted, bySets ? Values.PlaneParameter : null)}(in DiceChunk chunk, ref nint next{entry.KernelParameters})";
        using (Method(w, header, weighted, bySets))
        {
            // The pixel index is a local: through the ref, a loop that stores (the gradient, kept p) would load and store it
            // on every step, since the JIT cannot tell that the stores do not reach it.
            w.Line("nint s = next;");
            entry.Body(w, d, o);
            w.Line("next = s;");
            if (entry.ReturnsValidity) w.Line($"return {Formulas.AllValid(d, o)};");
        }

        w.Line();
    }

    private static void EmitStatistics(SourceWriter w, Dialect d, LossOptions o, bool keepProbabilities)
    {
        KernelBodies.EmitStatistics(w, d, o,
            prelude: () =>
            {
                EmitReferences(w, o, input: true, gradient: keepProbabilities);
                w.Line($"nint last = chunk.End - {d.Count};");
            },
            loopHeader: $"for (; s <= last; s += {d.Count})",
            // Lanes are summed in double, once per chunk; the scheduler clears the partial before the chunk.
            store: (value, slot) => $"partial[{slot}] += {d.SumToDouble(value)};",
            zeroAbsentSlots: false,
            ParameterSource.Chunk,
            keepProbabilities: keepProbabilities);
    }

    private static void EmitConfusion(SourceWriter w, Dialect d, LossOptions o)
    {
        if (d is VectorDialect vector)
        {
            EmitVectorConfusion(w, vector, o);
            return;
        }

        KernelBodies.EmitConfusion(w, d, o,
            prelude: () =>
            {
                EmitReferences(w, o, input: true, gradient: false);
                w.Line($"nint last = chunk.End - {d.Count};");
            },
            loopHeader: $"for (; s <= last; s += {d.Count})",
            // Lanes are summed once per chunk; the scheduler clears the partial before the chunk.
            store: (total, slot) => $"{Values.CountsBuffer}[{slot}] += {total};",
            ParameterSource.Chunk,
            device: false);
    }

    /// <summary>
    /// Evaluate with vectors, in two loops over the chunk's whole vectors of pixels. The first reads every class of a
    /// pixel: the checks, the pixels counted and, for an argmax, the predicted class, kept in a stack buffer. The second
    /// goes class by class over the same pixels (in the caches by then) with three counters, so that the counts of many
    /// classes never compete for registers: counting all C classes per pixel kept 3C counters live, which spilled from
    /// AVX2's sixteen registers from C = 4 on.
    /// </summary>
    private static void EmitVectorConfusion(SourceWriter w, VectorDialect d, LossOptions o)
    {
        bool argmax = Formulas.PredictsByArgmax(o);
        KernelContext body = KernelBodies.Body(w, d, o);
        Formulas.LoadInput(body);
        Formulas.LoadTarget(body, oneHot: false);
        Formulas.AccumulateChecks(body);
        Formulas.DeclareCountsPixel(body);
        if (argmax)
        {
            Formulas.PredictClass(body);
            body.Line(d.Store(Values.PredictedClass.Name, Values.PredictionsBuffer, Offset.FromFirst("s")));
        }

        Formulas.CountPixel(body);
        body.CloseClassLoop();

        EmitReferences(w, o, input: true, gradient: false);
        w.Line($"nint last = chunk.End - {d.Count};");
        w.Line("nint first = s;");
        if (argmax)
        {
            w.Line("Span<int> predictions = stackalloc int[(int)(chunk.End - s)];");
            w.Line($"ref int {Values.PredictionsBuffer} = ref MemoryMarshal.GetReference(predictions);");
        }

        KernelBodies.DeclareParameters(w, body, ParameterSource.Chunk);
        w.Line($"{d.LabelLocal} {Values.Counted} = {d.CountZero};");
        Formulas.DeclareChecks(new KernelContext(w, d, o));
        KernelBodies.DeclareClassArrays(w, body);
        w.Line(argmax
            ? "// Every class of each pixel: the checks, the pixels counted and the argmax, kept for the class loop."
            : "// Every class of each pixel: the checks and the pixels counted.");
        using (w.Block($"for (; s <= last; s += {d.Count})"))
            w.Append(body.Writer);

        // Per class: TP, and the pixels predicted (high half) and true (low half) in one counter.
        const string input = "inputValue", mask = "maskValue", truePositives = "truePositives", pair = "predictedAndTruth", pixel = "pixel";
        var layout = new ConfusionLayout(o.Classes);
        var k = new KernelContext(w, d, o);
        w.Line("nint end = s;");
        // One comment line: the writer wraps it at the indentation it lands at.
        w.Line("// Then class by class over the same pixels, now in the caches: TP, and the pixels predicted c (high half) and of truth c (low half) in one int lane, which counts at most a quarter of a chunk.");
        using (w.Block("for (int c = 0; c < Classes; c++)"))
        {
            w.Line($"{d.LabelLocal} {truePositives} = {d.CountZero};");
            w.Line($"{d.LabelLocal} {pair} = {d.CountZero};");
            // Its own pixel index: s stays past the last whole vector, where the scalar tail starts.
            using (w.Block($"for (nint {pixel} = first; {pixel} < end; {pixel} += {d.Count})"))
            {
                if (o.Labels)
                {
                    w.Line($"{d.LabelLocal} {Values.Label} = {d.LoadLabel(Values.LabelsBuffer, Offset.PixelAt(pixel))};");
                    if (!argmax || o.PixelWeights) w.Line($"{d.MaskLocal} {Values.ValidMask} = {d.LabelDiffers(Values.Label.Name, Values.IgnoreIndex.Name)};");
                }

                if (o.PixelWeights)
                {
                    w.Line($"{d.Local} {Values.PixelWeight} = {d.LoadFloat(Values.PixelWeightsBuffer, Offset.PixelAt(pixel))};");
                    Formulas.DeclareCountsPixel(k);
                }

                if (argmax) w.Line($"{d.LabelLocal} {Values.PredictedClass} = {d.LoadLabel(Values.PredictionsBuffer, Offset.FromFirst(pixel))};");
                else w.Line($"{d.Local} {input} = {d.LoadFloat(Values.InputBuffer, k.ChannelAt(ClassIndex.Loop, pixel))};");
                if (!o.Labels) w.Line($"{d.Local} {mask} = {d.LoadFloat(Values.MasksBuffer, k.ChannelAt(ClassIndex.Loop, pixel))};");
                w.Line($"{d.MaskLocal} {Values.IsPredicted.Name} = {Formulas.Prediction(k, input, "c")};");
                w.Line($"{d.MaskLocal} {Values.IsTruth.Name} = {Formulas.Truth(k, mask, "c")};");
                w.Line(d.CountIf(truePositives, d.And(Values.IsPredicted.Name, Values.IsTruth.Name)));
                w.Line(d.CountPair(pair, high: Values.IsPredicted.Name, low: Values.IsTruth.Name));
            }

            w.Line($"// The partial: {LayoutText.Confusion(layout, device: false)}.");
            w.Line($"{Values.CountsBuffer}[{KernelContext.Slot(layout.Offset(ConfusionCount.TruePositives), ClassIndex.Loop)}] += {d.CountTotal(truePositives)};");
            w.Line($"{Values.CountsBuffer}[{KernelContext.Slot(layout.Offset(ConfusionCount.Predicted), ClassIndex.Loop)}] += {d.CountTotal(pair)} >> 16;");
            w.Line($"{Values.CountsBuffer}[{KernelContext.Slot(layout.Offset(ConfusionCount.Truth), ClassIndex.Loop)}] += {d.CountTotal(pair)} & 0xFFFF;");
        }

        w.Line($"{Values.CountsBuffer}[{SourceWriter.Int(layout.Counted)}] += {d.CountTotal(Values.Counted.Name)};");
    }

    private static void EmitValidation(SourceWriter w, Dialect d, LossOptions o)
    {
        KernelContext body = KernelBodies.Body(w, d, o);
        KernelBodies.Validation(body);
        KernelContext? staged = KernelBodies.StagedBody(w, d, o, KernelBodies.Validation);

        EmitReferences(w, o, input: true, gradient: false);
        w.Line($"nint last = chunk.End - {d.Count};");
        KernelBodies.DeclareParameters(w, body, ParameterSource.Chunk);
        Formulas.DeclareChecks(new KernelContext(w, d, o));
        KernelBodies.EmitPixelLoop(w, body, staged, $"for (; s <= last; s += {d.Count})");
    }

    private static void EmitGradient(SourceWriter w, Dialect d, LossOptions o, bool fromProbabilities)
    {
        var pixelTerm = PixelTerm.For(o);
        KernelContext body = KernelBodies.Body(w, d, o);
        KernelBodies.Gradient(body, pixelTerm, fromProbabilities);
        KernelContext? staged = KernelBodies.StagedBody(w, d, o, k => KernelBodies.Gradient(k, pixelTerm, fromProbabilities));

        EmitReferences(w, o, input: !fromProbabilities, gradient: true);
        if (fromProbabilities)
            w.Line($"ref float {Values.KeptBuffer} = ref MemoryMarshal.GetReference(probabilities);");
        w.Line($"nint last = chunk.End - {d.Count};");
        KernelBodies.DeclareParameters(w, body, ParameterSource.Chunk);
        KernelBodies.DeclareAccumulation(w, ParameterSource.Chunk);
        KernelBodies.DeclareCoefficients(w, body, pixelTerm);
        KernelBodies.EmitPixelLoop(w, body, staged, $"for (; s <= last; s += {d.Count})");
    }

    private static void EmitReferences(SourceWriter w, LossOptions o, bool input, bool gradient)
    {
        if (input) w.Line($"ref float {Values.InputBuffer} = ref MemoryMarshal.GetReference(chunk.Input);");
        w.Line(o.Labels
            ? $"ref int {Values.LabelsBuffer} = ref MemoryMarshal.GetReference(chunk.Labels);"
            : $"ref float {Values.MasksBuffer} = ref MemoryMarshal.GetReference(chunk.Masks);");
        if (o.PixelWeights) w.Line($"ref float {Values.PixelWeightsBuffer} = ref MemoryMarshal.GetReference(chunk.PixelWeights);");
        if (gradient) w.Line($"ref float {Values.GradientBuffer} = ref MemoryMarshal.GetReference(output);");
        // The plane size strides the channels of channels-first data; channels-last strides them by Classes.
        if (!o.ChannelsLast) w.Line("nint spatial = chunk.Spatial;");
    }
}

/// <summary>A parameter of a CPU entry point after the chunk: its type and name.</summary>
internal sealed record ChunkParameter(string Type, string Name)
{
    /// <summary>
    /// Its name inside a per-width kernel: the gradient span is <c>output</c> there, since the kernel's ref into it is
    /// <c>gradient</c> (<see cref="Values.GradientBuffer"/>).
    /// </summary>
    public string KernelName => Name == Values.GradientBuffer ? "output" : Name;
}

/// <summary>
/// One CPU entry point of <c>IDiceLoss</c>: its name, the prefix of its per-width kernels, what it does, its parameters
/// after the chunk, whether it returns the chunk's validity, whether it belongs to the
/// schedule that keeps p (<c>KernelLimits.CanKeepProbabilities</c>), whether its kernels compute the CE/BCE/focal term
/// (and so take the weighting as a type argument), whether its vector kernels can stage tiles (<see cref="KernelBodies.EmitPixelLoop"/>),
/// and the writer of a kernel's body for one width.
/// </summary>
internal sealed record CpuEntryPoint(
    string Name, string Kernel, string Summary, ChunkParameter[] ParameterList, bool ReturnsValidity, bool KeepsProbabilities,
    bool ReadsPixelTerm, bool StagesTiles, Action<SourceWriter, Dialect, LossOptions> Body)
{
    public string ReturnType => ReturnsValidity ? "bool" : "void";

    /// <summary>The declarations after the chunk, each with a leading comma: <c>, Span&lt;double&gt; partial</c>.</summary>
    public string Parameters => string.Concat(ParameterList.Select(p => $", {p.Type} {p.Name}"));

    /// <summary>The same declarations as the partial class (in the user's namespace) writes them, qualified.</summary>
    public string QualifiedParameters => string.Concat(ParameterList.Select(p => $", {KnownTypes.QualifiedSystemType(p.Type)} {p.Name}"));

    /// <summary>The arguments that pass them on, each with a leading comma.</summary>
    public string Arguments => string.Concat(ParameterList.Select(p => $", {p.Name}"));

    /// <summary>The parameters of a per-width kernel (<see cref="ChunkParameter.KernelName"/>).</summary>
    public string KernelParameters => string.Concat(ParameterList.Select(p => $", {p.Type} {p.KernelName}"));

    /// <summary>Whether its kernel of width <paramref name="d"/> takes the plane as a type argument (<see cref="KernelContext.StagesBySets"/>).</summary>
    public bool StagesBySets(Dialect d, LossOptions o) => StagesTiles && KernelContext.StagesBySets(d, o);

    /// <summary>
    /// The kernel of width <paramref name="d"/>: <c>Statistics512</c>, with its type arguments where it takes them: the
    /// weighting (<c>Statistics512&lt;TWeighting&gt;</c>), then <paramref name="plane"/>.
    /// </summary>
    public string KernelName(Dialect d, bool weighted, string? plane = null)
    {
        var arguments = new List<string>();
        if (weighted) arguments.Add(Values.WeightingParameter);
        if (plane is not null) arguments.Add(plane);
        return $"{Kernel}{d.Suffix}{(arguments.Count > 0 ? $"<{string.Join(", ", arguments)}>" : "")}";
    }

    /// <summary>The call of the kernel of width <paramref name="d"/> from the dispatcher, for <paramref name="plane"/> where it takes one.</summary>
    public string Call(Dialect d, bool weighted, string? plane = null) => $"{KernelName(d, weighted, plane)}(chunk, ref s{Arguments})";
}
