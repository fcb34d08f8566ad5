using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Dice.Generators.Emit;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Tests;

/// <summary>
/// Focused tests of the emitters: one formula, one dialect, a few lines, so that a change to a formula is reviewed
/// here, where it happens, and not only in the thousands of lines of the snapshots. Each expected line is the
/// formula of docs/semantics.md as the kernels must spell it.
/// </summary>
public class EmitterTests
{
    private static LossOptions Options(int classes, Activation activation, Target target, Combine combine = Combine.None, float[]? weights = null, bool squared = false) => new()
    {
        Classes = classes,
        Combine = combine,
        Activation = activation,
        Target = target,
        Smooth = 1f,
        Alpha = 0.5f,
        IncludeBackground = true,
        Squared = squared,
        IgnoreIndex = -100,
        ClassWeights = (weights ?? []).ToEquatableArray(),
        // Given weights: the always-weighted pixel term (the device's; the CPU kernels take it as a type argument).
        PixelTermWeighting = weights is not null ? PixelTermWeighting.Weighted : PixelTermWeighting.Unweighted,
    };

    /// <summary>The lines one piece writes, trimmed (the kernels name their types plainly: KnownTypes).</summary>
    private static string[] Lines(LossOptions o, Dialect d, Action<KernelContext> piece)
    {
        var context = new KernelContext(new SourceWriter(), d, o);
        piece(context);
        context.CloseClassLoop();
        return context.Writer.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
    }

    /// <summary>The lines <paramref name="w"/> holds, trimmed, as one text: a statement the writer wrapped reads whole.</summary>
    private static string OneText(SourceWriter w) =>
        string.Join(" ", w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static readonly VectorDialect Vector256 = new(256);
    private static readonly VectorDialect Vector512 = new(512);

    /// <summary>
    /// The gradient pass of <paramref name="o"/> at <paramref name="d"/> where it stages: its staged body, and the pixel
    /// loop around it read as one text.
    /// </summary>
    private static (KernelContext Staged, string Loop) StagedGradient(VectorDialect d, LossOptions o)
    {
        var w = new SourceWriter();
        KernelContext staged = KernelBodies.StagedBody(w, d, o, k => KernelBodies.Gradient(k, PixelTerm.For(o)))!;
        KernelBodies.EmitPixelLoop(w, KernelBodies.Body(w, d, o), staged, $"for (; s <= last; s += {d.Count})");
        return (staged, OneText(w));
    }

    [Fact]
    public void Sigmoid_uses_one_exponential_of_minus_abs_x_and_never_overflows()
    {
        string[] lines = Lines(Options(1, Activation.Sigmoid, Target.Masks), ScalarDialect.Cpu, k => Formulas.Probabilities(k));
        Assert.Equal(
        [
            "float e0 = MathF.Exp(-MathF.Abs(x0));",
            "float r0 = 1f / (1f + e0);",
            "float p0 = (x0 >= 0f ? r0 : e0 * r0);",
        ], lines);
    }

    [Fact]
    public void Softmax_subtracts_the_maximum_and_divides_once()
    {
        string[] lines = Lines(Options(2, Activation.Softmax, Target.Labels), ScalarDialect.Cpu, k => Formulas.Probabilities(k));
        Assert.Equal(
        [
            "float max = MathF.Max(x0, x1);",
            "float e0 = MathF.Exp(x0 - max);",
            "float e1 = MathF.Exp(x1 - max);",
            "float sum = e0 + e1;",
            "float inverseSum = 1f / sum;",
            "float p0 = e0 * inverseSum;",
            "float p1 = e1 * inverseSum;",
        ], lines);
    }

    [Fact]
    public void Softmax_beyond_the_unroll_limit_sums_in_double_on_the_cpu_and_with_compensation_on_the_device()
    {
        var o = Options(KernelContext.UnrollLimit + 1, Activation.Softmax, Target.Labels);
        string[] cpu = Lines(o, ScalarDialect.Cpu, k => Formulas.Probabilities(k));
        // Loop mode keeps e_c in p's span (scaled in place once the sum is known).
        Assert.Contains("sumWide += p[c];", cpu);
        Assert.Contains("float sum = (float)sumWide;", cpu);
        string[] vector = Lines(o, Vector256, k => Formulas.Probabilities(k));
        Assert.Contains("var (low, high) = Vector256.Widen(p[c]);", vector);
        Assert.Contains("var sum = Vector256.Narrow(sumLow, sumHigh);", vector);
        string[] device = Lines(o, ScalarDialect.Device, k => Formulas.Probabilities(k));
        Assert.Contains("float sumTerm = p[c] - sumCompensation;", device);
        Assert.Contains("sumCompensation = (sumNext - sum) - sumTerm;", device);
    }

    [Fact]
    public void Class_loops_take_in_the_reductions_and_prefetch_the_channel_streams()
    {
        var o = Options(KernelContext.UnrollLimit + 1, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        string[] lines = Lines(o, Vector256, k =>
        {
            Formulas.LoadPixel(k);
            Formulas.AccumulateChecks(k);
            Formulas.Probabilities(k);
        });
        Assert.Equal(
        [
            "var label = Vector256.LoadUnsafe(ref labels, (nuint)s);",
            "var validMask = ~Vector256.Equals(label, ignoreIndex).AsSingle();",
            "var valid = (validMask & Vector256<float>.One);",
            "var pixelNonFinite = Vector256<float>.Zero;",
            "badLabel |= (Vector256.GreaterThanOrEqual(label.AsUInt32(), Vector256.Create(17u)).AsSingle() & validMask);",
            "var max = Vector256.Create(float.NegativeInfinity);",
            // The loads, the finiteness check and the maximum in one pass over the classes; t_c is read as its expression.
            "for (int c = 0; c < Classes; c++)",
            "{",
            "Streams.Prefetch(ref input, (nuint)(c * spatial + s));",
            "x[c] = Vector256.LoadUnsafe(ref input, (nuint)(c * spatial + s));",
            "pixelNonFinite |= x[c] * Vector256<float>.Zero;",
            "max = Vector256.MaxNative(max, x[c]);",
            "}",
            "nonFinite += pixelNonFinite;",
            "var sumLow = Vector256<double>.Zero;",
            "var sumHigh = Vector256<double>.Zero;",
            // The exponentials and their sum in a second, since they read the maximum.
            "for (int c = 0; c < Classes; c++)",
            "{",
            "p[c] = KernelMath.Exp(x[c] - max);",
            "var (low, high) = Vector256.Widen(p[c]);",
            "sumLow += low;",
            "sumHigh += high;",
            "}",
            "var sum = Vector256.Narrow(sumLow, sumHigh);",
            "var inverseSum = Vector256<float>.One / sum;",
            "for (int c = 0; c < Classes; c++)",
            "{",
            "p[c] = p[c] * inverseSum;",
            "}",
        ], lines);
    }

    [Fact]
    public void Kernels_stage_tiles_from_64_classes_in_channels_first_vector_loops()
    {
        var many = Options(64, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        var vector128 = new VectorDialect(128);
        Assert.True(KernelContext.Stages(Vector256, many));
        Assert.True(KernelContext.Stages(Vector512, many));
        Assert.True(KernelContext.Stages(vector128, many));
        // At Vector512 and Vector256 only on planes whose channels share the cache's sets, at Vector128 on every plane.
        Assert.True(KernelContext.StagesBySets(Vector512, many));
        Assert.True(KernelContext.StagesBySets(Vector256, many));
        Assert.True(KernelContext.StagesBySets(Vector256, many with { Classes = 150 }));
        Assert.False(KernelContext.StagesBySets(vector128, many));
        Assert.False(KernelContext.StagesBySets(vector128, many with { Classes = 150 }));
        // Below 64 classes only on planes whose channels share the cache's sets (the next test), and never at Vector512.
        Assert.True(KernelContext.StagesBySets(Vector256, Options(63, Activation.Softmax, Target.Labels)));
        Assert.False(KernelContext.Stages(Vector512, Options(63, Activation.Softmax, Target.Labels)));
        Assert.False(KernelContext.Stages(ScalarDialect.Cpu, many));
        Assert.False(KernelContext.Stages(ScalarDialect.Device, many));

        // A staged body reads and writes its channels through the tiles, and neither prefetches nor touches the buffers.
        var (staged, loop) = StagedGradient(Vector256, many);
        string body = staged.Writer.ToString();
        // x is the tile's slots themselves (read there, not copied); grad, a local of the loop body, is stored into its tile.
        Assert.DoesNotContain("x[c] = ", body);
        Assert.Contains("max = Vector256.MaxNative(max, x[c]);", body);
        Assert.Contains("gradientTile[v * Classes + c] = grad;", body);
        Assert.DoesNotContain("Prefetch", body);
        Assert.DoesNotContain("LoadUnsafe(ref input", body);
        Assert.Equal(["input"], staged.StagedReads);
        Assert.Equal(["gradient"], staged.StagedWrites);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "input" }, staged.TileSpans);

        // Tiles of 4 pixel vectors at Vector256 and Vector512; 1 KB runs of each channel at Vector128, shorter where
        // C x 1 KB would pass the tile's stack budget.
        Assert.Equal(KernelLimits.StagedWideTileVectors, KernelLimits.StagedTileVectors(150, 64));
        Assert.Equal(KernelLimits.StagedWideTileVectors, KernelLimits.StagedTileVectors(64, 32));
        Assert.Equal(1024 / 16, KernelLimits.StagedTileVectors(104, 16));
        Assert.Equal(KernelLimits.StagedTileBytes / 150 / 16, KernelLimits.StagedTileVectors(150, 16));
        // The loop: whole tiles (4 Vector256s of each channel), each channel's run staged, then the vectors left; the
        // tiles only where the plane type argument says the channels share the sets, and allocated only there.
        Assert.Contains("nint lastTile = chunk.End - 4 * Vector256<float>.Count;", loop);
        // The tile starts on a vector boundary (stackalloc aligns to 16 bytes only): one vector more, its aligned vectors taken.
        Assert.Contains("Span<Vector256<float>> inputTile = TPlane.SharesCacheSets ? StackVectors.Aligned<Vector256<float>>(stackalloc byte[(4 * Classes + 1) * 32]) : default;", loop);
        Assert.Contains("while (TPlane.SharesCacheSets && s <= lastTile) { nint tile = s; for (int c = 0; c < Classes; c++) { for (int v = 0; v < 4; v++) { inputTile[v * Classes + c] = Vector256.LoadUnsafe(ref input, (nuint)(c * spatial + tile + v * Vector256<float>.Count)); } }", loop);
        Assert.Contains("for (int v = 0; v < 4; v++, s += Vector256<float>.Count) { x = inputTile.Slice(v * Classes, Classes);", loop);
        Assert.Contains("gradientTile[v * Classes + c].StoreUnsafe(ref gradient, (nuint)(c * spatial + tile + v * Vector256<float>.Count));", loop);
        Assert.True(loop.IndexOf("while (TPlane.SharesCacheSets", StringComparison.Ordinal) < loop.IndexOf("for (; s <= last; s += Vector256<float>.Count)", StringComparison.Ordinal),
            "the vectors left after the tiles run last");
        // The 4-vector tiles do not prefetch: that measured no gain.
        Assert.DoesNotContain("Prefetch", loop);
        // Vector512 the same, in tiles of 4; Vector128 stages on every plane, its tiles allocated always.
        var (_, loop512) = StagedGradient(Vector512, many);
        Assert.Contains("nint lastTile = chunk.End - 4 * Vector512<float>.Count;", loop512);
        Assert.Contains("while (TPlane.SharesCacheSets && s <= lastTile) { nint tile = s;", loop512);
        var (_, loop128) = StagedGradient(vector128, many);
        Assert.Contains("Span<Vector128<float>> inputTile = StackVectors.Aligned<Vector128<float>>(stackalloc byte[(64 * Classes + 1) * 16]);", loop128);
        Assert.Contains("while (s <= lastTile) { nint tile = s;", loop128);
        Assert.DoesNotContain("TPlane", loop128);
    }

    [Fact]
    public void Channels_first_kernels_of_8_to_63_classes_stage_tiles_only_on_planes_whose_channels_share_the_cache_sets()
    {
        var btcv = Options(14, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        var vector128 = new VectorDialect(128);
        // Vector256 and Vector128, from 8 classes, unrolled kernels and class loops, up to the count from which every
        // plane stages; not at Vector512, where the tiles gained nothing.
        Assert.True(KernelContext.StagesBySets(Vector256, btcv));
        Assert.True(KernelContext.StagesBySets(vector128, btcv));
        Assert.True(KernelContext.StagesBySets(Vector256, btcv with { Classes = KernelLimits.StagedOnSharedSetsFromClasses }));
        Assert.True(KernelContext.StagesBySets(Vector256, btcv with { Classes = KernelLimits.UnrolledClasses }));
        Assert.True(KernelContext.StagesBySets(Vector256, btcv with { Classes = KernelLimits.UnrolledClasses + 1 }));
        Assert.True(KernelContext.StagesBySets(vector128, btcv with { Classes = KernelLimits.StagedFromClasses - 1 }));
        Assert.False(KernelContext.StagesBySets(Vector256, btcv with { Classes = KernelLimits.StagedOnSharedSetsFromClasses - 1 }));
        Assert.False(KernelContext.StagesBySets(Vector512, btcv));
        Assert.False(KernelContext.StagesBySets(Vector512, btcv with { Classes = 19 }));
        Assert.False(KernelContext.StagesBySets(ScalarDialect.Cpu, btcv));
        // Channels-last kernels stage on every plane; class loops of 64 classes and more too at Vector128 (the test
        // before).
        Assert.False(KernelContext.StagesBySets(Vector256, btcv with { Layout = Layout.ChannelsLast }));
        Assert.False(KernelContext.StagesBySets(vector128, btcv with { Classes = KernelLimits.StagedFromClasses }));
        Assert.True(KernelContext.Stages(Vector256, btcv));
        Assert.True(KernelContext.Stages(Vector256, btcv with { Classes = KernelLimits.UnrolledClasses + 1 }));
        Assert.False(KernelContext.Stages(Vector512, btcv));
        Assert.False(KernelContext.Stages(Vector512, btcv with { Classes = 19 }));
        // Their Vector256 tiles hold 8 pixel vectors of each channel (four cache lines), those from 64 classes 4; Vector128
        // runs stay 1 KiB.
        Assert.Equal(KernelLimits.StagedOnSharedSetsTileVectors, KernelLimits.StagedTileVectors(14, 32));
        Assert.Equal(KernelLimits.StagedOnSharedSetsTileVectors, KernelLimits.StagedTileVectors(KernelLimits.StagedFromClasses - 1, 32));
        Assert.Equal(KernelLimits.StagedWideTileVectors, KernelLimits.StagedTileVectors(KernelLimits.StagedFromClasses, 32));
        Assert.Equal(1024 / 16, KernelLimits.StagedTileVectors(14, 16));

        // The body keeps one local per class, read from its slot of the pixel vector's tile.
        var (staged, loop) = StagedGradient(Vector256, btcv);
        Assert.Contains("var x13 = inputTile[v * Classes + 13];", staged.Writer.ToString());
        Assert.Empty(staged.TileSpans);
        // The tile loop runs only where the plane type argument says the channels share the sets; the plain loop after it.
        Assert.Contains("nint lastTile = chunk.End - 8 * Vector256<float>.Count;", loop);
        // Its tiles are allocated (and so zeroed) only in the instantiation that runs them.
        Assert.Contains("Span<Vector256<float>> inputTile = TPlane.SharesCacheSets ? StackVectors.Aligned<Vector256<float>>(stackalloc byte[(8 * Classes + 1) * 32]) : default;", loop);
        Assert.Contains("while (TPlane.SharesCacheSets && s <= lastTile) { nint tile = s;", loop);
        Assert.True(loop.IndexOf("while (TPlane.SharesCacheSets", StringComparison.Ordinal) < loop.IndexOf("for (; s <= last; s += Vector256<float>.Count)", StringComparison.Ordinal),
            "the plain loop runs after the tiles");
        // A class loop runs the same tiles, x the slots of its pixel vector; a kernel that stages on every plane (104 classes at
        // Vector128) has no condition.
        var (loopedStaged, looped) = StagedGradient(Vector256, btcv with { Classes = 19 });
        Assert.Contains("while (TPlane.SharesCacheSets && s <= lastTile) { nint tile = s;", looped);
        Assert.Contains("for (int v = 0; v < 8; v++, s += Vector256<float>.Count) { x = inputTile.Slice(v * Classes, Classes);", looped);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "input" }, loopedStaged.TileSpans);
        Assert.Contains("while (s <= lastTile)", StagedGradient(vector128, btcv with { Classes = 104 }).Loop);

        // The class: the dispatcher picks the plane's instantiation per chunk at the widths that stage by it.
        var (sources, diagnostics, output) = GeneratorHarness.Run("using Dice;\nnamespace Btcv;\n[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy)] public partial class BtcvLoss { }\n");
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string source = string.Join(" ", sources.Values.Single().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        Assert.Contains("else if (Vector256.IsHardwareAccelerated) { if (Streams.SharesCacheSets(chunk.Spatial)) valid &= Statistics256<TWeighting, SharedSets>(chunk, ref s, partial); else valid &= Statistics256<TWeighting, DistinctSets>(chunk, ref s, partial); }", source);
        Assert.Contains("if (Streams.SharesCacheSets(chunk.Spatial)) valid &= Validate128<SharedSets>(chunk, ref s); else valid &= Validate128<DistinctSets>(chunk, ref s);", source);
        Assert.Contains("private static void Gradient256<TWeighting, TPlane>(in DiceChunk chunk, ref nint next,", source);
        Assert.Contains("where TWeighting : struct, IWeighting where TPlane : struct, IPlane {", source);
        Assert.Contains("if (Vector512.IsHardwareAccelerated) valid &= Statistics512<TWeighting>(chunk, ref s, partial);", source);
        Assert.Contains("private readonly struct SharedSets : IPlane { public static bool SharesCacheSets => true; }", source);
        // Evaluate's kernels never stage.
        Assert.DoesNotContain("Confusion256<SharedSets>", source);
    }

    [Fact]
    public void Staged_runs_of_Vector128_ask_for_the_run_of_the_channel_four_on_before_each_read_run()
    {
        var many = Options(104, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        Assert.True(KernelLimits.PrefetchesStagedRuns(16));
        Assert.False(KernelLimits.PrefetchesStagedRuns(32));
        Assert.False(KernelLimits.PrefetchesStagedRuns(64));

        var (_, loop) = StagedGradient(new VectorDialect(128), many);
        // The read runs (input) prefetch, once per channel before its run's copies; the written runs (gradient) do not.
        Assert.Contains("for (int c = 0; c < Classes; c++) { Streams.PrefetchRun(ref input, (nuint)((c + Streams.ChannelsAhead) * spatial + tile), 64 * Vector128<float>.Count); for (int v = 0; v < 64; v++) { inputTile[v * Classes + c] = Vector128.LoadUnsafe(ref input,", loop);
        Assert.Single(Regex.Matches(loop, Regex.Escape("Streams.PrefetchRun(")));
        Assert.DoesNotContain("PrefetchRun(ref gradient", loop);
    }

    [Fact]
    public void Channels_last_class_loops_transpose_each_pixel_vector_through_its_tiles()
    {
        var looped = Options(17, Activation.Softmax, Target.Labels, Combine.CrossEntropy) with { Layout = Layout.ChannelsLast };
        Assert.True(KernelContext.Stages(Vector256, looped));
        Assert.True(KernelContext.Stages(new VectorDialect(128), looped with { Classes = 104 }));
        Assert.True(KernelContext.Stages(Vector512, looped with { Classes = KernelLimits.TransposedFromClasses }));
        Assert.False(KernelContext.Stages(Vector512, looped with { Classes = KernelLimits.TransposedFromClasses - 1 }));
        Assert.False(KernelContext.Stages(ScalarDialect.Cpu, looped));
        Assert.False(KernelContext.Stages(ScalarDialect.Device, looped));

        // The body reads and writes the one pixel vector's tile slots, and no channel a scalar per lane.
        var (staged, loop) = StagedGradient(Vector256, looped);
        string body = staged.Writer.ToString();
        Assert.Contains("max = Vector256.MaxNative(max, x[c]);", body);
        Assert.Contains("gradientTile[c] = grad;", body);
        Assert.DoesNotContain("Interleaved.Load256(ref input", body);
        Assert.DoesNotContain("Interleaved.Store", body);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "input" }, staged.TileSpans);

        // The loop: one pixel vector at a time, its block transposed into the tile, the body, the gradient's tile back.
        Assert.Contains("Span<Vector256<float>> inputTile = StackVectors.Aligned<Vector256<float>>(stackalloc byte[(Classes + 1) * 32]);", loop);
        Assert.Contains("Span<Vector256<float>> x = inputTile;", loop);
        Assert.Contains("for (; s <= last; s += Vector256<float>.Count) { Interleaved.Gather(ref input, (nuint)(s * Classes), inputTile);", loop);
        Assert.Contains("Interleaved.Scatter(gradientTile, ref gradient, (nuint)(s * Classes)); }", loop);
        Assert.DoesNotContain("lastTile", loop);
        Assert.Single(Regex.Matches(loop, "for \\(; s <= last;"));
    }

    [Fact]
    public void Unrolled_channels_last_kernels_read_and_write_their_locals_in_the_transposed_tiles()
    {
        var unrolled = Options(14, Activation.Softmax, Target.Labels, Combine.CrossEntropy) with { Layout = Layout.ChannelsLast };
        var (staged, loop) = StagedGradient(Vector512, unrolled);
        string body = staged.Writer.ToString();
        // One local per class, read from and written to its literal slot; no channel is moved a scalar per lane.
        Assert.Contains("var x0 = inputTile[0];", body);
        Assert.Contains("var x13 = inputTile[13];", body);
        Assert.Contains("gradientTile[13] = grad13;", body);
        Assert.DoesNotContain("inputTile[c]", body);
        Assert.DoesNotContain("Interleaved.Load512(ref input", body);
        Assert.DoesNotContain("Interleaved.Store", body);
        Assert.Empty(staged.TileSpans);

        Assert.Contains("for (; s <= last; s += Vector512<float>.Count) { Interleaved.Gather(ref input, (nuint)(s * Classes), inputTile);", loop);
        Assert.Contains("Interleaved.Scatter(gradientTile, ref gradient, (nuint)(s * Classes)); }", loop);
    }

    [Fact]
    public void Staged_kernels_read_and_write_the_spans_they_stage_in_their_tiles()
    {
        var many = Options(104, Activation.Softmax, Target.Labels, Combine.CrossEntropy);

        // Pass 1 keeping p: x is the input tile's slots and p the gradient tile's, which its definitions fill; no copies.
        var w = new SourceWriter();
        KernelContext keeping = KernelBodies.StagedBody(w, Vector512, many, k => KernelBodies.Statistics(k, PixelTerm.For(many), keepProbabilities: true))!;
        string body = keeping.Writer.ToString();
        Assert.Equal(new Dictionary<string, string> { ["p"] = "gradient", ["x"] = "input" }, keeping.TileSpans);
        Assert.DoesNotContain("Tile[", body);
        Assert.Contains("p[c] = KernelMath.Exp(x[c] - max);", body);
        Assert.Contains("p[c] = p[c] * inverseSum;", body);
        KernelBodies.EmitPixelLoop(w, KernelBodies.Body(w, Vector512, many), keeping, "for (; s <= last; s += Vector512<float>.Count)");
        string loop = OneText(w);
        Assert.Contains("{ p = gradientTile.Slice(v * Classes, Classes); x = inputTile.Slice(v * Classes, Classes); var label =", loop);
        Assert.Contains("gradientTile[v * Classes + c].StoreUnsafe(ref gradient,", loop);

        // Pass 2 from the kept p: p is the kept tile's slots.
        KernelContext fromKept = KernelBodies.StagedBody(new SourceWriter(), Vector512, many, k => KernelBodies.Gradient(k, PixelTerm.For(many), fromProbabilities: true))!;
        Assert.Equal(new Dictionary<string, string> { ["p"] = "kept" }, fromKept.TileSpans);
        Assert.DoesNotContain("p[c] = ", fromKept.Writer.ToString());

        // Plain class loops keep their spans on the stack.
        KernelContext plain = KernelBodies.Body(new SourceWriter(), Vector512, many);
        KernelBodies.Statistics(plain, PixelTerm.For(many), keepProbabilities: true);
        Assert.Empty(plain.TileSpans);
        Assert.Contains("x[c] = Vector512.LoadUnsafe(ref input, (nuint)(c * spatial + s));", plain.Writer.ToString());
    }

    [Fact]
    public void A_span_stored_to_its_tile_takes_no_definition_after_the_store()
    {
        var many = Options(104, Activation.Softmax, Target.Labels);
        var k = new KernelContext(new SourceWriter(), Vector512, many, staged: true);
        var p = new ClassValue("p");
        k.PerClass(c => k.Let(p, c, "x[c]"));
        k.PerClass(c => k.StoreChannel(p, "gradient", c));
        Assert.Throws<InvalidOperationException>(() => k.PerClass(c => k.Let(p, c, "p[c] * 2")));
    }

    [Fact]
    public void Unrolled_and_channels_last_kernels_do_not_prefetch()
    {
        string[] unrolled = Lines(Options(KernelContext.UnrollLimit, Activation.Softmax, Target.Labels), Vector256, Formulas.LoadInput);
        Assert.DoesNotContain(unrolled, l => l.Contains("Prefetch"));
        var last = Options(KernelContext.UnrollLimit + 1, Activation.Softmax, Target.Labels) with { Layout = Layout.ChannelsLast };
        string[] channelsLast = Lines(last, Vector256, Formulas.LoadInput);
        Assert.DoesNotContain(channelsLast, l => l.Contains("Prefetch"));
        string[] scalar = Lines(Options(KernelContext.UnrollLimit + 1, Activation.Softmax, Target.Labels), ScalarDialect.Cpu, Formulas.LoadInput);
        Assert.DoesNotContain(scalar, l => l.Contains("Prefetch"));
    }

    [Fact]
    public void Labels_from_10_classes_move_I_T_and_the_label_logit_lane_by_lane()
    {
        var many = Options(KernelContext.UnrollLimit + 1, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        string statistics = string.Join("\n", Lines(many, Vector256, k => KernelBodies.Statistics(k, PixelTerm.For(many))));
        // P per class; I and T at each lane's label after the pass that finished p, and x_y read from x's span.
        Assert.Contains("predicted[c] = Vector256.MultiplyAddEstimate(valid, p[c], predicted[c]);", statistics);
        Assert.DoesNotContain("intersection[c]", statistics);
        Assert.DoesNotContain("truth[c]", statistics);
        Assert.DoesNotContain("ConditionalSelect", statistics);
        Assert.Contains("LabelLanes.AddAtLabels(ref labels, s, p, intersection, truth);", statistics);
        Assert.Contains("var labelLogit = LabelLanes.AtLabels(ref labels, s, x);", statistics);
        Assert.True(statistics.IndexOf("p[c] = p[c] * inverseSum;", StringComparison.Ordinal) < statistics.IndexOf("LabelLanes.AddAtLabels", StringComparison.Ordinal),
            "I and T take p once it is scaled");
        Assert.True(statistics.IndexOf("var labelLogit", StringComparison.Ordinal) < statistics.IndexOf("var labelLoss", StringComparison.Ordinal),
            "x_y is read before the loss reads it");

        // Unrolled from 10 classes: the locals of x and p copied into spans right after their definitions (so that they
        // need not live until the reader), the same helpers on the spans, no per-class I or T.
        var unrolled = Options(Dice.Kernels.KernelLimits.LabelLanesFromClasses, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        string[] lines = Lines(unrolled, Vector256, k => KernelBodies.Statistics(k, PixelTerm.For(unrolled)));
        int At(string line) => Array.FindIndex(lines, l => l.StartsWith(line, StringComparison.Ordinal));
        Assert.Equal(At("var x9 = ") + 2, At("xLanes[0] = x0;"));
        Assert.True(At("xLanes[9] = x9;") < At("var max = "), "x is copied before the maximum");
        Assert.Equal(At("var p9 = ") + 2, At("pLanes[0] = p0;"));
        Assert.Contains("LabelLanes.AddAtLabels(ref labels, s, pLanes, intersection, truth);", lines);
        Assert.Contains("var labelLogit = LabelLanes.AtLabels(ref labels, s, xLanes);", lines);
        Assert.DoesNotContain(lines, l => l.Contains("intersection0") || l.Contains("truth0") || l.Contains("ConditionalSelect"));
        Assert.Contains("predicted9 = Vector256.MultiplyAddEstimate(valid, p9, predicted9);", lines);

        // Below 10 classes, on the device, in the scalar tail and with PixelWeights (I and T weighted by ω): class by class.
        var few = Options(Dice.Kernels.KernelLimits.LabelLanesFromClasses - 1, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        var weighted = many with { PixelWeights = true };
        foreach (var (o, d) in new (LossOptions, Dialect)[] { (few, Vector256), (many, ScalarDialect.Device), (many, ScalarDialect.Cpu), (weighted, Vector256) })
        {
            string[] classByClass = Lines(o, d, k => KernelBodies.Statistics(k, PixelTerm.For(o)));
            Assert.DoesNotContain(classByClass, l => l.Contains("LabelLanes.AddAtLabels") || l.Contains("Lanes["));
            Assert.Contains(classByClass, l => l.Contains("intersection"));
        }
    }

    [Fact]
    public void Dice_sums_with_labels_weight_P_by_validity_and_fuse_the_products()
    {
        string[] lines = Lines(Options(1, Activation.Sigmoid, Target.Labels), Vector256, k => Formulas.AccumulateDiceSums(k, Values.Probability));
        Assert.Equal(
        [
            "intersection0 = Vector256.MultiplyAddEstimate(p0, t0, intersection0);",
            "predicted0 = Vector256.MultiplyAddEstimate(valid, p0, predicted0);",
            "truth0 += t0;",
        ], lines);
    }

    [Fact]
    public void Squared_masks_sum_p_squared_and_t_squared()
    {
        string[] lines = Lines(Options(1, Activation.None, Target.Masks, squared: true), ScalarDialect.Cpu, k => Formulas.AccumulateDiceSums(k, Values.Input));
        Assert.Equal(["intersection0 += x0 * t0;", "predicted0 += x0 * x0;", "truth0 += t0 * t0;"], lines);
    }

    [Fact]
    public void Cross_entropy_subtracts_the_label_logit_from_the_maximum_before_adding_the_log_sum()
    {
        var o = Options(2, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        string[] lines = Lines(o, ScalarDialect.Cpu, k => PixelTerm.For(o).Accumulate(k));
        Assert.Equal(
        [
            "float labelLogit = 0f;",
            "labelLogit = (label == 0 ? x0 : labelLogit);",
            "labelLogit = (label == 1 ? x1 : labelLogit);",
            "float logSum = MathF.Log(sum);",
            "float labelLoss = max - labelLogit + logSum;",
            "crossEntropy += valid * labelLoss;",
            "crossEntropyWeight += valid;",
        ], lines);
    }

    [Fact]
    public void Weighted_binary_cross_entropy_gradient_is_v_scale_w_times_p_minus_t_plus_the_positive_weights_share()
    {
        var o = Options(1, Activation.Sigmoid, Target.Labels, Combine.BinaryCrossEntropy, weights: [0.25f]);
        string[] lines = Lines(o, ScalarDialect.Cpu, k => Formulas.Gradient(k, Values.Probability, PixelTerm.For(o), accumulating: false));
        Assert.Equal(
        [
            "float gradP0 = valid * (targetSlope0 * t0 + probabilitySlope0);",
            "float grad0 = gradP0 * p0 * (1f - p0) + valid * crossEntropyScale * weight0 * (p0 - t0);",
            "grad0 += valid * crossEntropyScale * weight0 * t0 * positiveExcess0 * (p0 - 1f);",
            "Unsafe.Add(ref gradient, s) = grad0;",
        ], lines);
    }

    [Fact]
    public void An_accumulating_gradient_adds_the_buffer_value_before_the_store_when_the_call_asks()
    {
        var o = Options(1, Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy);
        string[] lines = Lines(o, ScalarDialect.Cpu, k => Formulas.Gradient(k, Values.Probability, PixelTerm.For(o), accumulating: true));
        Assert.Equal(
        [
            "if (accumulate) grad0 += Unsafe.Add(ref gradient, s);",
            "Unsafe.Add(ref gradient, s) = grad0;",
        ], lines[^2..]);
    }

    [Fact]
    public void Softmax_gradient_goes_through_the_Jacobian_and_adds_the_cross_entropy_share()
    {
        var o = Options(2, Activation.Softmax, Target.Labels, Combine.CrossEntropy);
        string[] lines = Lines(o, ScalarDialect.Cpu, k => Formulas.Gradient(k, Values.Probability, PixelTerm.For(o), accumulating: false));
        Assert.Contains("float dot = p0 * gradP0 + p1 * gradP1;", lines);
        Assert.Contains("float labelScale = valid * crossEntropyScale;", lines);
        Assert.Contains("float grad1 = p1 * (gradP1 - dot) + labelScale * (p1 - t1);", lines);
    }

    [Fact]
    public void Vector_loads_of_a_channel_cast_the_whole_offset()
    {
        string[] lines = Lines(Options(3, Activation.None, Target.Masks), Vector256, Formulas.LoadPixel);
        Assert.Contains("var x0 = Vector256.LoadUnsafe(ref input, (nuint)s);", lines);
        Assert.Contains("var x2 = Vector256.LoadUnsafe(ref input, (nuint)(2 * spatial + s));", lines);
    }

    /// <summary>The whole CPU kernels of one loss, as the emitter writes them, shortened like <see cref="Lines"/>.</summary>
    private static string[] CpuLines(LossOptions o)
    {
        var w = new SourceWriter();
        CpuKernelEmitter.Emit(w, o);
        return w.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
    }

    /// <summary>The lines of one generated method, from its signature to the closing brace at its indentation.</summary>
    private static string[] Method(string[] lines, string signatureStart)
    {
        int start = Array.FindIndex(lines, l => l.StartsWith(signatureStart, StringComparison.Ordinal));
        Assert.True(start >= 0, signatureStart + " not emitted");
        int end = Array.FindIndex(lines, start + 2, l => l.StartsWith("private static", StringComparison.Ordinal) || l.StartsWith("internal static", StringComparison.Ordinal));
        return lines[start..(end < 0 ? lines.Length : end)];
    }

    [Fact]
    public void The_kernels_read_IgnoreIndex_and_the_class_weights_from_the_call_once_before_the_loop()
    {
        string[] lines = CpuLines(Options(3, Activation.Softmax, Target.Labels, Combine.CrossEntropy, weights: [0.5f, 1f, 2f]));
        string[] statistics = Method(lines, "private static bool Statistics256<TWeighting>(");
        Assert.Equal("where TWeighting : struct, IWeighting", statistics[1]);
        Assert.Contains("var ignoreIndex = Vector256.Create(chunk.IgnoreIndex);", statistics);
        Assert.Contains("float weight2 = chunk.ClassWeights[2];", statistics);
        Assert.Contains("var validMask = ~Vector256.Equals(label, ignoreIndex).AsSingle();", statistics);
        // One body for both weightings: the weighted label weight replaces v where the type argument says so.
        Assert.Contains("var labelWeight = valid;", statistics);
        Assert.Contains("if (TWeighting.Enabled) labelWeight = t0 * weight0 + t1 * weight1 + t2 * weight2;", statistics);
        Assert.True(Array.FindIndex(statistics, l => l.StartsWith("float weight0", StringComparison.Ordinal)) < Array.FindIndex(statistics, l => l.StartsWith("for (", StringComparison.Ordinal)));

        // The tail reads them as scalars, and a kernel that needs no weights declares none.
        Assert.Contains("int ignoreIndex = chunk.IgnoreIndex;", Method(lines, "private static bool StatisticsScalar<TWeighting>("));
        Assert.DoesNotContain(Method(lines, "private static bool Validate256("), l => l.Contains("ClassWeights", StringComparison.Ordinal));

        // The entry point picks the weighting by the call's weights; the generic dispatcher picks the width.
        string[] entry = Method(lines, "internal static bool AccumulateStatistics(");
        Assert.Contains("if (chunk.WeightedPixelTerm) return AccumulateStatistics<Weighted>(chunk, partial);", entry);
        Assert.Contains("return AccumulateStatistics<Unweighted>(chunk, partial);", entry);
        string[] dispatcher = Method(lines, "private static bool AccumulateStatistics<TWeighting>(");
        Assert.Contains("if (Vector512.IsHardwareAccelerated) valid &= Statistics512<TWeighting>(chunk, ref s, partial);", dispatcher);
        Assert.Contains("else if (Vector128.IsHardwareAccelerated) valid &= Statistics128<TWeighting>(chunk, ref s, partial);", dispatcher);
        Assert.Contains("private readonly struct Weighted : IWeighting { public static bool Enabled => true; }", lines);
    }

    [Fact]
    public void Kept_probabilities_are_stored_in_pass_1_and_read_back_in_pass_2_without_an_activation()
    {
        string[] lines = CpuLines(Options(2, Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy));
        string[] keeping = Method(lines, "private static void StatisticsKeeping256<TWeighting>(");
        Assert.Contains("p1.StoreUnsafe(ref gradient, (nuint)(spatial + s));", keeping);
        Assert.DoesNotContain(keeping, l => l.Contains("nonFinite", StringComparison.Ordinal));

        string[] fromProbabilities = Method(lines, "private static void GradientFromProbabilities256<TWeighting>(");
        // p comes back from the buffer that kept it (the gradient, or an accumulating call's scratch), the gradient goes out.
        Assert.Contains(fromProbabilities, l => l.StartsWith("ref float kept = ref ", StringComparison.Ordinal) && l.EndsWith("MemoryMarshal.GetReference(probabilities);", StringComparison.Ordinal));
        Assert.Contains("var p1 = Vector256.LoadUnsafe(ref kept, (nuint)(spatial + s));", fromProbabilities);
        Assert.Contains("if (accumulate) grad1 += Vector256.LoadUnsafe(ref gradient, (nuint)(spatial + s));", fromProbabilities);
        Assert.DoesNotContain(fromProbabilities, l => l.Contains("Exp(", StringComparison.Ordinal) || l.Contains("ref input", StringComparison.Ordinal));

        // BCE's element terms take the weight and the positive weight as a statement the type argument keeps or removes.
        string[] statistics = Method(lines, "private static bool Statistics256<TWeighting>(");
        Assert.Contains(statistics, l => l.StartsWith("if (TWeighting.Enabled) elementTerm1 = (elementTerm1 + t1 * positiveExcess1 * (", StringComparison.Ordinal));

        string[] validate = Method(lines, "private static bool Validate256(");
        Assert.DoesNotContain(validate, l => l.Contains("Exp(", StringComparison.Ordinal) || l.Contains("StoreUnsafe", StringComparison.Ordinal));
        // The pixel's x·0 OR-ed into a local, added to the running check once per pixel.
        Assert.Contains(validate, l => l.StartsWith("pixelNonFinite |= x0 * Vector256<float>.Zero;", StringComparison.Ordinal));
        Assert.Contains("nonFinite += pixelNonFinite;", validate);
    }

    [Fact]
    public void Device_partials_store_zero_in_the_slots_of_a_term_the_loss_lacks()
    {
        var o = Options(1, Activation.None, Target.Masks);
        var w = new SourceWriter();
        KernelBodies.EmitStatistics(w, ScalarDialect.Device, o, prelude: () => { }, loopHeader: "for (;;)",
            store: (value, slot) => $"store({value}, {slot});", zeroAbsentSlots: true, ParameterSource.Device);
        string[] stores = w.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("store(", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["store(intersection0, 0);", "store(predicted0, 1);", "store(truth0, 2);", "store(0f, 3);", "store(0f, 4);"], stores);
    }

    [Fact]
    public void Device_partials_are_added_in_slot_order_in_loop_mode_too()
    {
        var o = Options(KernelContext.UnrollLimit + 1, Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy);
        var w = new SourceWriter();
        GpuKernelEmitter.Emit(w, o);
        string[] lines = w.ToString().Split('\n').Select(l => l.Trim()).ToArray();
        int intersection = Array.IndexOf(lines, "sums.Add(intersection[c]);");
        int predicted = Array.IndexOf(lines, "sums.Add(predicted[c]);");
        int truth = Array.IndexOf(lines, "sums.Add(truth[c]);");
        Assert.True(intersection >= 0 && intersection < predicted && predicted < truth);
        // Each sum has its own class loop: all I_c, then all P_c, then all T_c (GroupSums stores them in sequence).
        Assert.Contains("for (int c = 0; c < Classes; c++)", lines[intersection..predicted]);
        Assert.Contains("for (int c = 0; c < Classes; c++)", lines[predicted..truth]);
        Assert.Equal(["sums.Add(crossEntropy);", "sums.Add(0f);"], lines[(truth + 2)..(truth + 4)]);
    }
}

