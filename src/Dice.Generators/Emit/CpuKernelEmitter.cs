using System;
using Dice.Generators.Model;

namespace Dice.Generators.Emit;

/// <summary>
/// Writes the CPU kernels of one loss: pass 1 (<c>AccumulateStatistics</c>) and pass 2
/// (<c>WriteGradient</c>), each as a dispatcher plus one loop per width (Vector512, Vector256,
/// Vector128, then a scalar loop for the tail), all from <see cref="KernelBodies"/>.
/// </summary>
internal static class CpuKernelEmitter
{
    /// <summary>
    /// The loops skip tier 0: tiered, the first ~70 calls of a C = 4 CE loss ran 6x slower (5.2 ms instead of 0.8 ms at
    /// N = 8, 256x256) until the JIT recompiled them; fully optimised from the first call, the steady speed is the same.
    /// </summary>
    private const string FullyOptimized = $"[{KnownTypes.MethodImpl}({KnownTypes.MethodImplOptions}.AggressiveOptimization)]";

    private static readonly Dialect[] Widths = { new VectorDialect(512), new VectorDialect(256), new VectorDialect(128) };

    public static void Emit(SourceWriter w, LossOptions options)
    {
        EmitStatisticsDispatcher(w);
        foreach (Dialect d in Widths) EmitStatistics(w, d, options);
        EmitStatistics(w, ScalarDialect.Cpu, options);
        EmitGradientDispatcher(w);
        foreach (Dialect d in Widths) EmitGradient(w, d, options);
        EmitGradient(w, ScalarDialect.Cpu, options);
    }

    private static void EmitStatisticsDispatcher(SourceWriter w)
    {
        w.Line("/// <summary>Pass 1 over one chunk (IDiceLoss.AccumulateStatistics): the widest vector loop the machine runs, then the scalar tail.</summary>");
        using (w.Block($"internal static bool AccumulateStatistics(in {KnownTypes.DiceChunk} chunk, {KnownTypes.Span}<double> partial)"))
        {
            w.Line("nint s = chunk.Start;");
            w.Line("bool valid = true;");
            EmitWidthChoice(w, d => $"valid &= Statistics{d.Suffix}(chunk, ref s, partial);");
            w.Line("return StatisticsScalar(chunk, ref s, partial) & valid;");
        }

        w.Line();
    }

    private static void EmitGradientDispatcher(SourceWriter w)
    {
        w.Line("/// <summary>Pass 2 over one chunk (IDiceLoss.WriteGradient): the widest vector loop the machine runs, then the scalar tail.</summary>");
        using (w.Block($"internal static void WriteGradient(in {KnownTypes.DiceChunk} chunk, {KnownTypes.ReadOnlySpan}<float> dice, {KnownTypes.Span}<float> gradient)"))
        {
            w.Line("nint s = chunk.Start;");
            EmitWidthChoice(w, d => $"Gradient{d.Suffix}(chunk, dice, gradient, ref s);");
            w.Line("GradientScalar(chunk, dice, gradient, ref s);");
        }

        w.Line();
    }

    /// <summary>One call for the widest accelerated width (each test is a JIT-time constant: one branch remains).</summary>
    private static void EmitWidthChoice(SourceWriter w, Func<Dialect, string> call)
    {
        for (int i = 0; i < Widths.Length; i++)
            w.Line($"{(i == 0 ? "if" : "else if")} ({KnownTypes.IntrinsicsNamespace}.Vector{Widths[i].Suffix}.IsHardwareAccelerated) {call(Widths[i])}");
    }

    private static string Summary(Dialect d, string pass) => d is ScalarDialect
        ? $"/// <summary>{pass}, one pixel at a time from <paramref name=\"s\"/> to the end of the chunk.</summary>"
        : $"/// <summary>{pass} with Vector{d.Suffix}&lt;float&gt;: whole vectors of pixels from <paramref name=\"s\"/>; leaves the tail.</summary>";

    private static void EmitStatistics(SourceWriter w, Dialect d, LossOptions o)
    {
        w.Line(Summary(d, "Pass 1"));
        w.Line(FullyOptimized);
        using (w.Block($"private static bool Statistics{d.Suffix}(in {KnownTypes.DiceChunk} chunk, ref nint s, {KnownTypes.Span}<double> partial)"))
        {
            KernelBodies.EmitStatistics(w, d, o,
                prelude: () =>
                {
                    EmitReferences(w, o, gradient: false);
                    w.Line($"nint last = chunk.End - {d.Count};");
                },
                loopHeader: $"for (; s <= last; s += {d.Count})",
                // Lanes are summed in double, once per chunk; the scheduler clears the partial before the chunk.
                store: (value, slot) => $"partial[{slot}] += {d.SumToDouble(value)};",
                zeroAbsentSlots: false);
            w.Line($"return {Formulas.AllValid(d, o)};");
        }

        w.Line();
    }

    private static void EmitGradient(SourceWriter w, Dialect d, LossOptions o)
    {
        w.Line(Summary(d, "Pass 2"));
        w.Line(FullyOptimized);
        using (w.Block($"private static void Gradient{d.Suffix}(in {KnownTypes.DiceChunk} chunk, {KnownTypes.ReadOnlySpan}<float> {Values.Coefficients}, {KnownTypes.Span}<float> output, ref nint s)"))
        {
            var pixelTerm = PixelTerm.For(o);
            KernelContext body = KernelBodies.Body(w, d, o);
            KernelBodies.Gradient(body, pixelTerm);

            EmitReferences(w, o, gradient: true);
            w.Line($"nint last = chunk.End - {d.Count};");
            KernelBodies.DeclareCoefficients(w, body, pixelTerm);
            KernelBodies.DeclareClassArrays(w, body);
            using (w.Block($"for (; s <= last; s += {d.Count})"))
                w.Append(body.Writer);
        }

        w.Line();
    }

    private static void EmitReferences(SourceWriter w, LossOptions o, bool gradient)
    {
        w.Line($"ref float {Values.InputBuffer} = ref {KnownTypes.MemoryMarshal}.GetReference(chunk.Input);");
        w.Line(o.Labels
            ? $"ref int {Values.LabelsBuffer} = ref {KnownTypes.MemoryMarshal}.GetReference(chunk.Labels);"
            : $"ref float {Values.MasksBuffer} = ref {KnownTypes.MemoryMarshal}.GetReference(chunk.Masks);");
        if (gradient) w.Line($"ref float {Values.GradientBuffer} = ref {KnownTypes.MemoryMarshal}.GetReference(output);");
        w.Line("nint spatial = chunk.Spatial;");
    }
}
