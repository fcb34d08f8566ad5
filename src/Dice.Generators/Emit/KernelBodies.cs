using System;
using System.Collections.Generic;
using System.Linq;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// The parts every kernel of a pass shares, whatever runs it (CPU vector loop, CPU tail, ILGPU kernel): the
/// per-pixel bodies, the state they accumulate into, and the skeleton of pass 1 (declare, loop, store the partial).
/// The CPU and GPU emitters only add the loop header and how a partial value is stored.
/// </summary>
internal static class KernelBodies
{
    /// <summary>The per-class sums of pass 1 (their order in a partial is <see cref="StatisticsLayout"/>'s).</summary>
    public static readonly DiceSum[] DiceSums = { DiceSum.Intersection, DiceSum.Predicted, DiceSum.Truth };

    /// <summary>
    /// Pass 1 for one pixel (or one vector of pixels). <paramref name="keepProbabilities"/>: the variant that runs after
    /// <see cref="Validation"/> (no checks) and writes p into the gradient buffer for <see cref="Gradient"/> to read back.
    /// </summary>
    public static void Statistics(KernelContext k, PixelTerm pixelTerm, bool keepProbabilities = false)
    {
        Formulas.LoadPixel(k);
        if (!keepProbabilities) Formulas.AccumulateChecks(k);
        ClassValue p = Formulas.Probabilities(k);
        if (keepProbabilities) Formulas.KeepProbabilities(k, p);
        Formulas.AccumulateDiceSums(k, p);
        pixelTerm.Accumulate(k);
        k.CloseClassLoop();
    }

    /// <summary>The validity checks alone for one pixel (or one vector of pixels): no activation, nothing written.</summary>
    public static void Validation(KernelContext k)
    {
        Formulas.LoadInput(k);
        Formulas.LoadTarget(k, oneHot: false);
        Formulas.AccumulateChecks(k);
        k.CloseClassLoop();
    }

    /// <summary>
    /// Pass 1 of one kernel, for the CPU and the device alike: the pixel body is written first (it tells which
    /// per-class arrays loop mode needs), then <paramref name="prelude"/> (references or views), the zeroed
    /// accumulators, the loop over <paramref name="loopHeader"/> with the body, and each accumulated value stored
    /// into its partial slot through <paramref name="store"/> (value, slot expression).
    /// </summary>
    /// <param name="zeroAbsentSlots">Whether pixel-term slots the loss does not use are stored as 0 (device partials are not cleared).</param>
    /// <param name="parameters">Where the kernel reads the call's hyperparameters.</param>
    /// <param name="keepProbabilities">The variant of <see cref="Statistics"/> that writes p and checks nothing.</param>
    public static void EmitStatistics(
        SourceWriter w, Dialect d, LossOptions o, Action prelude, string loopHeader, Func<string, string, string> store, bool zeroAbsentSlots,
        ParameterSource parameters, bool keepProbabilities = false)
    {
        var pixelTerm = PixelTerm.For(o);
        KernelContext body = Body(w, d, o);
        Statistics(body, pixelTerm, keepProbabilities);
        KernelContext? staged = StagedBody(w, d, o, k => Statistics(k, pixelTerm, keepProbabilities));

        prelude();
        DeclareParameters(w, body, parameters);
        var outer = new KernelContext(w, d, o);
        foreach (DiceSum sum in DiceSums) DeclareClassAccumulator(outer, outer.Accumulator(sum));
        pixelTerm.DeclareAccumulators(outer);
        if (!keepProbabilities) Formulas.DeclareChecks(outer);
        EmitPixelLoop(w, body, staged, loopHeader);

        StatisticsLayout layout = outer.Layout;
        w.Line($"// The partial: {(zeroAbsentSlots ? LayoutText.DevicePartial(layout) : LayoutText.Partial(layout))}.");
        // One class loop per sum, so that values are stored in slot order (the device adds them in sequence).
        foreach (DiceSum sum in DiceSums)
        {
            outer.PerClass(c => w.Line(store(outer.Accumulator(sum)[c], KernelContext.Slot(layout.SumOffset(sum), c))));
            outer.CloseClassLoop();
        }

        foreach (int slot in new[] { layout.CrossEntropy, layout.CrossEntropyWeight })
        {
            var (accumulator, _) = pixelTerm.Accumulators.FirstOrDefault(a => a.Slot(layout) == slot);
            if (accumulator.Name is not null) w.Line(store(accumulator.Name, SourceWriter.Int(slot)));
            else if (zeroAbsentSlots) w.Line(store(d.Zero, SourceWriter.Int(slot)));
        }
    }

    /// <summary>The counts of Evaluate, in their order in a partial (<see cref="ConfusionLayout"/>'s).</summary>
    public static readonly ConfusionCount[] ConfusionCounts = { ConfusionCount.TruePositives, ConfusionCount.Predicted, ConfusionCount.Truth };

    /// <summary>Evaluate for one pixel (or one vector of pixels): the validity checks and the counts, no activation.</summary>
    public static void Confusion(KernelContext k)
    {
        Formulas.LoadInput(k);
        Formulas.LoadTarget(k, oneHot: false);
        Formulas.AccumulateChecks(k);
        Formulas.AccumulateConfusion(k);
        k.CloseClassLoop();
    }

    /// <summary>
    /// The Evaluate kernel of a scalar dialect (the CPU tail and the device; the vector kernels count class by class,
    /// <see cref="CpuKernelEmitter"/>), shaped as <see cref="EmitStatistics"/>: the body, then
    /// <paramref name="prelude"/>, the zeroed counters and checks, the loop and each count's total stored into its partial
    /// slot through <paramref name="store"/> (total expression, slot expression), in slot order.
    /// </summary>
    /// <param name="device">Whether the partial is a device group's (one more slot, the invalid count, which the caller stores).</param>
    public static void EmitConfusion(
        SourceWriter w, Dialect d, LossOptions o, Action prelude, string loopHeader, Func<string, string, string> store, ParameterSource parameters,
        bool device)
    {
        KernelContext body = Body(w, d, o);
        Confusion(body);

        prelude();
        DeclareParameters(w, body, parameters);
        var outer = new KernelContext(w, d, o);
        foreach (ClassValue counter in ConfusionCounts.Select(Values.Count))
        {
            if (outer.Unrolled)
            {
                for (int c = 0; c < o.Classes; c++) w.Line($"{d.LabelLocal} {counter[ClassIndex.Literal(c)]} = {d.CountZero};");
            }
            else
            {
                foreach (string line in d.CountArray(counter.Name)) w.Line(line);
            }
        }

        w.Line($"{d.LabelLocal} {Values.Counted} = {d.CountZero};");
        Formulas.DeclareChecks(outer);
        DeclareClassArrays(w, body);
        using (w.Block(loopHeader))
            w.Append(body.Writer);

        var layout = new ConfusionLayout(o.Classes);
        w.Line($"// The partial: {LayoutText.Confusion(layout, device)}.");
        foreach (ConfusionCount count in ConfusionCounts)
        {
            outer.PerClass(c => w.Line(store(d.CountTotal(Values.Count(count)[c]), KernelContext.Slot(layout.Offset(count), c))));
            outer.CloseClassLoop();
        }

        w.Line(store(d.CountTotal(Values.Counted.Name), SourceWriter.Int(layout.Counted)));
    }

    /// <summary>
    /// Pass 2 for one pixel (or one vector of pixels): p from the activation of x, or, with
    /// <paramref name="fromProbabilities"/>, read back from the gradient buffer where pass 1 kept it.
    /// </summary>
    public static void Gradient(KernelContext k, PixelTerm pixelTerm, bool fromProbabilities = false)
    {
        ClassValue p;
        if (fromProbabilities)
        {
            Formulas.LoadTarget(k, oneHot: true);
            p = Formulas.LoadProbabilities(k);
        }
        else
        {
            Formulas.LoadPixel(k);
            p = Formulas.Probabilities(k);
        }

        if (!k.Unrolled)
        {
            // Loop mode reads the slopes from the coefficients inside the class loop.
            k.PerClass(c =>
            {
                k.Let(Values.TargetSlope, c, k.D.Broadcast($"{Values.Coefficients}[{KernelContext.Slot(k.Layout.TargetSlope(0), c)}]"));
                k.Let(Values.ProbabilitySlope, c, k.D.Broadcast($"{Values.Coefficients}[{KernelContext.Slot(k.Layout.ProbabilitySlope(0), c)}]"));
            });
        }

        Formulas.Gradient(k, p, pixelTerm, accumulating: true);
        k.CloseClassLoop();
    }

    /// <summary>
    /// Pass 2, before the pixel loop: the sample's coefficients that stay fixed over it, the pixel term's scale and,
    /// unrolled, the slopes A_c and B_c as locals.
    /// </summary>
    public static void DeclareCoefficients(SourceWriter w, KernelContext k, PixelTerm pixelTerm)
    {
        w.Line($"// The sample's coefficients: {LayoutText.Coefficients(k.Layout)}.");
        pixelTerm.DeclareGradientScale(w, k);
        if (!k.Unrolled) return;
        for (int c = 0; c < k.Classes; c++)
        {
            var index = ClassIndex.Literal(c);
            w.Line($"{k.D.Local} {Values.TargetSlope[index]} = {k.D.Broadcast($"{Values.Coefficients}[{SourceWriter.Int(k.Layout.TargetSlope(c))}]")};");
            w.Line($"{k.D.Local} {Values.ProbabilitySlope[index]} = {k.D.Broadcast($"{Values.Coefficients}[{SourceWriter.Int(k.Layout.ProbabilitySlope(c))}]")};");
        }
    }

    /// <summary>
    /// Before the pixel loop: the call's hyperparameters that the body <paramref name="k"/> read (IgnoreIndex as a
    /// label value, the class weights as one local per class or, in loop mode, a span or view), so that the loop sees
    /// loop-invariant locals and stays as specialised as with constants.
    /// </summary>
    public static void DeclareParameters(SourceWriter w, KernelContext k, ParameterSource source)
    {
        if (k.UsesIgnoreIndex) w.Line($"{k.D.LabelLocal} {Values.IgnoreIndex} = {k.D.LabelFrom(source.IgnoreIndex)};");
        if (k.UsesFocalGamma)
        {
            w.Line($"{k.D.Local} {Values.FocalGamma} = {k.D.Broadcast(source.FocalGamma)};");
            w.Line($"{k.D.Local} {Values.FocalPowerAtZero} = {k.D.Broadcast($"{source.FocalGamma} == 0f ? 1f : 0f")};");
            w.Line($"bool {Values.FocalSquare} = {source.FocalGamma} == 2f;");
        }

        if (k.UsesClassWeights && k.Unrolled)
        {
            for (int c = 0; c < k.Classes; c++)
                w.Line($"float {Values.Weight[ClassIndex.Literal(c)]} = {source.ClassWeights}[{SourceWriter.Int(c)}];");
        }
        else if (k.UsesClassWeights && source.LoopWeights is { } declaration)
        {
            w.Line(declaration);
        }

        if (k.UsesPositiveWeights)
        {
            w.Line(source.PositiveWeights(k.Classes));
            if (k.Unrolled)
                for (int c = 0; c < k.Classes; c++)
                    w.Line($"float {Values.PositiveExcess[ClassIndex.Literal(c)]} = {Values.PositiveWeights}[{SourceWriter.Int(c)}] - 1f;");
        }

        if (k.UsesLabelSmoothing)
        {
            // The smoothing is a branch on this loop-invariant bool: eps = 0 costs what a loss without smoothing costs.
            w.Line($"bool {Values.SmoothsLabels} = {source.LabelSmoothing} != 0f;");
            w.Line($"float {Values.LabelShare} = 1f - {source.LabelSmoothing};");
            w.Line($"float {Values.ClassShare} = {source.LabelSmoothing} / {SourceWriter.Int(k.Classes)};");
            string total = k.Unrolled
                ? string.Join(" + ", Enumerable.Range(0, k.Classes).Select(c => Values.Weight[ClassIndex.Literal(c)]))
                : "0f";
            w.Line($"float {Values.WeightTotal} = {total};");
            if (!k.Unrolled)
            {
                using (w.Block($"for (int c = 0; c < {SourceWriter.Int(k.Classes)}; c++)"))
                    w.Line($"{Values.WeightTotal} += {Values.ClassWeights}[c];");
            }
        }
    }

    /// <summary>Before the pass-2 pixel loop: whether the call adds its gradient into the buffer (<see cref="Values.AccumulateGradient"/>).</summary>
    public static void DeclareAccumulation(SourceWriter w, ParameterSource source) =>
        w.Line($"bool {Values.AccumulateGradient} = {source.AccumulateGradient};");

    /// <summary>Declares the per-class accumulator <paramref name="value"/>: a zeroed local per class, or a zeroed array.</summary>
    public static void DeclareClassAccumulator(KernelContext k, ClassValue value)
    {
        if (k.Unrolled && !value.Spanned)
        {
            for (int c = 0; c < k.Classes; c++) k.Line($"{k.D.Local} {value[ClassIndex.Literal(c)]} = {k.D.Zero};");
            return;
        }

        foreach (string line in k.D.ClassArray(value.Name, zeroed: true)) k.Line(line);
    }

    /// <summary>
    /// Declares the per-class arrays that the loop body of <paramref name="k"/> used (loop mode only), but for the spans
    /// that are its tile's slots (<see cref="KernelContext.TileSpans"/>), which the pixel loop points at the tile.
    /// </summary>
    public static void DeclareClassArrays(SourceWriter w, KernelContext k)
    {
        foreach (string name in k.ClassArrays.Except(k.TileSpans.Keys, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
            foreach (string line in k.D.ClassArray(name, zeroed: false)) w.Line(line);
    }

    /// <summary>A context whose writer is one level inside <paramref name="w"/>, for a loop body written before its loop.</summary>
    public static KernelContext Body(SourceWriter w, Dialect d, LossOptions o) => new(new SourceWriter(w.Depth + 1), d, o);

    /// <summary>
    /// The <see cref="KernelContext.Staged"/> body that <paramref name="piece"/> writes, two levels inside
    /// <paramref name="w"/> (the tile loop and its loop over pixel vectors; one over channels-last data, the pixel
    /// loop), where the kernel stages tiles
    /// (<see cref="KernelContext.Stages"/>); else null.
    /// </summary>
    public static KernelContext? StagedBody(SourceWriter w, Dialect d, LossOptions o, Action<KernelContext> piece)
    {
        if (!KernelContext.Stages(d, o)) return null;
        // Channels-last bodies run in the pixel loop itself, one level in; the others in the tile loop's loop.
        var staged = new KernelContext(new SourceWriter(w.Depth + (o.ChannelsLast ? 1 : 2)), d, o, staged: true);
        piece(staged);
        return staged;
    }

    /// <summary>
    /// The per-class arrays of the body that runs (<see cref="DeclareClassArrays"/>), then the loop over the chunk's
    /// pixel vectors from s: over channels-last data with a <paramref name="staged"/> body, each pixel vector transposed
    /// through its tiles (<see cref="EmitTransposedLoop"/>); over channels-first data, first whole tiles of
    /// pixel vectors (each buffer the body reads staged into its tile channel by channel, a run of adjacent vectors of
    /// one channel at a time, the body run on every pixel vector of the tile, and each buffer it wrote emptied the same
    /// way), then the vectors left with <paramref name="body"/> under <paramref name="loopHeader"/>.
    /// </summary>
    public static void EmitPixelLoop(SourceWriter w, KernelContext body, KernelContext? staged, string loopHeader)
    {
        if (staged is { D: VectorDialect channelsLast, Options.ChannelsLast: true })
        {
            EmitTransposedLoop(w, channelsLast, staged, loopHeader);
            return;
        }

        DeclareClassArrays(w, body);

        if (staged is { D: VectorDialect d })
        {
            string vectors = SourceWriter.Int(KernelLimits.StagedTileVectors(staged.Classes, d.Bytes));
            var run = Offset.Compound($"c * spatial + tile + v * {d.Count}");
            bool bySets = KernelContext.StagesBySets(d, staged.Options);
            w.Line($"nint lastTile = chunk.End - {vectors} * {d.Count};");
            string tileLength = $"{vectors} * Classes";
            foreach (string buffer in staged.StagedReads.Union(staged.StagedWrites, StringComparer.Ordinal))
            {
                string tile = KernelContext.TileOf(buffer);
                w.Line(bySets ? d.StackSpanWhen(Values.PlaneSharesSets, d.Float, tile, tileLength) : d.StackSpan(d.Float, tile, tileLength));
            }
            w.Line($"// Tiles of {vectors} pixel vectors: each channel's run of them is read (and written) as one stream, and the body finds a pixel vector's C channels adjacent on the stack.");
            if (staged.TileSpans.Count > 0)
                w.Line($"// {string.Join(" and ", staged.TileSpans.Keys)} {(staged.TileSpans.Count == 1 ? "is" : "are")} the slots of pixel vector v in {(staged.TileSpans.Count == 1 ? "its tile" : "their tiles")}: read and written there, not copied.");
            if (bySets)
                w.Line($"// Only where the plane's channels share the cache's sets ({Values.PlaneParameter}): elsewhere the plain loop below is faster.");
            using (w.Block(bySets ? $"while ({Values.PlaneSharesSets} && s <= lastTile)" : "while (s <= lastTile)"))
            {
                w.Line("nint tile = s;");
                // Each read run asks for the run Streams.ChannelsAhead channels on, where the runs are long enough to gain from it.
                Func<string, string>? prefetch = KernelLimits.PrefetchesStagedRuns(d.Bytes)
                    ? buffer => d.PrefetchRun(buffer, Offset.Compound("(c + Streams.ChannelsAhead) * spatial + tile"), $"{vectors} * {d.Count}")
                    : null;
                EmitTileRuns(w, vectors, staged.StagedReads, buffer => $"{KernelContext.TileOf(buffer)}[{staged.TileSlot(ClassIndex.Loop)}] = {d.LoadFloat(buffer, run)};", prefetch);
                using (w.Block($"for (int v = 0; v < {vectors}; v++, s += {d.Count})"))
                {
                    foreach (var span in staged.TileSpans)
                        w.Line($"{span.Key} = {KernelContext.TileOf(span.Value)}.Slice({KernelContext.TileVector}, Classes);");
                    w.Append(staged.Writer);
                }
                EmitTileRuns(w, vectors, staged.StagedWrites, buffer => d.Store($"{KernelContext.TileOf(buffer)}[{staged.TileSlot(ClassIndex.Loop)}]", buffer, run));
            }
        }

        using (w.Block(loopHeader))
            w.Append(body.Writer);
    }

    /// <summary>
    /// The loop over the chunk's pixel vectors from s, over channels-last data with a <paramref name="staged"/> body: each
    /// buffer the body reads transposed from the pixel vector's block into its tile (a vector per channel), the body,
    /// and each buffer it wrote transposed back (the runtime's <c>Interleaved.Gather</c> and <c>Scatter</c>).
    /// </summary>
    private static void EmitTransposedLoop(SourceWriter w, VectorDialect d, KernelContext staged, string loopHeader)
    {
        foreach (string buffer in staged.StagedReads.Union(staged.StagedWrites, StringComparer.Ordinal))
            w.Line(d.StackSpan(d.Float, KernelContext.TileOf(buffer), "Classes"));
        DeclareClassArrays(w, staged);
        foreach (var span in staged.TileSpans)
            w.Line($"Span<{d.Float}> {span.Key} = {KernelContext.TileOf(span.Value)};");
        w.Line("// A pixel vector's channels are one block, C floats per pixel: transposed into a tile with a vector per channel, and back.");
        var block = Offset.Compound($"{KernelContext.Pixel} * Classes");
        using (w.Block(loopHeader))
        {
            foreach (string buffer in staged.StagedReads) w.Line(d.Gather(buffer, block, KernelContext.TileOf(buffer)));
            w.Append(staged.Writer);
            foreach (string buffer in staged.StagedWrites) w.Line(d.Scatter(KernelContext.TileOf(buffer), buffer, block));
        }
    }

    /// <summary>
    /// The copies between the buffers and their tiles, channel by channel, each channel's run of <paramref name="vectors"/>
    /// pixel vectors at a time; before each run, <paramref name="prefetch"/>'s statement per buffer where there is one.
    /// </summary>
    private static void EmitTileRuns(SourceWriter w, string vectors, IReadOnlyCollection<string> buffers, Func<string, string> move, Func<string, string>? prefetch = null)
    {
        if (buffers.Count == 0) return;
        using (w.Block("for (int c = 0; c < Classes; c++)"))
        {
            if (prefetch is not null)
                foreach (string buffer in buffers) w.Line(prefetch(buffer));
            using (w.Block($"for (int v = 0; v < {vectors}; v++)"))
                foreach (string buffer in buffers) w.Line(move(buffer));
        }
    }
}

/// <summary>
/// Where a kernel reads the call's hyperparameters: expressions for IgnoreIndex, the class weights, FocalGamma and the
/// label smoothing, in loop mode the declaration of <see cref="Values.ClassWeights"/> (none where it is already a
/// parameter), and the declaration of <see cref="Values.PositiveWeights"/>.
/// </summary>
internal sealed class ParameterSource
{
    private readonly Func<int, string> _positiveWeights;

    public ParameterSource(
        string ignoreIndex, string classWeights, string? loopWeights, Func<int, string> positiveWeights, string focalGamma, string labelSmoothing,
        string accumulateGradient)
    {
        AccumulateGradient = accumulateGradient;
        IgnoreIndex = ignoreIndex;
        FocalGamma = focalGamma;
        LabelSmoothing = labelSmoothing;
        ClassWeights = classWeights;
        LoopWeights = loopWeights;
        _positiveWeights = positiveWeights;
    }

    /// <summary>The chunk's: what the CPU kernels read.</summary>
    public static ParameterSource Chunk { get; } = new(
        "chunk.IgnoreIndex", "chunk.ClassWeights", $"ReadOnlySpan<float> {Values.ClassWeights} = chunk.ClassWeights;",
        _ => $"ReadOnlySpan<float> {Values.PositiveWeights} = chunk.PositiveWeights;", "chunk.FocalGamma", "chunk.LabelSmoothing",
        "chunk.AccumulateGradient");

    /// <summary>
    /// The launch's: what the device kernels read (the class values are a kernel parameter named
    /// <see cref="Values.ClassWeights"/>, laid out as <see cref="ClassValues"/> says).
    /// </summary>
    public static ParameterSource Device { get; } = new(
        "shape.IgnoreIndex", Values.ClassWeights, null,
        classes => $"var {Values.PositiveWeights} = {Values.ClassWeights}.SubView({SourceWriter.Int(ClassValues.PositiveWeightsOffset(classes))}, {SourceWriter.Int(classes)});",
        "shape.FocalGamma", "shape.LabelSmoothing", "shape.AccumulateGradient != 0");

    public string IgnoreIndex { get; }
    public string FocalGamma { get; }
    public string LabelSmoothing { get; }
    public string ClassWeights { get; }
    public string? LoopWeights { get; }
    public string AccumulateGradient { get; }

    /// <summary>The declaration of <see cref="Values.PositiveWeights"/> in a kernel of <paramref name="classes"/> classes.</summary>
    public string PositiveWeights(int classes) => _positiveWeights(classes);
}
