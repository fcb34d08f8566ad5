using System.Linq;
using Dice.Generators.Model;

namespace Dice.Generators.Emit;

/// <summary>
/// Writes the CPU kernels of one loss: pass 1 (<c>AccumulateStatistics</c>) and pass 2
/// (<c>WriteGradient</c>), each as a dispatcher plus one loop per width (Vector512, Vector256,
/// Vector128, then a scalar loop for the tail), all assembled from <see cref="Formulas"/>.
/// </summary>
internal static class CpuKernelEmitter
{
    private static readonly Dialect[] Widths = { new VectorDialect(512), new VectorDialect(256), new VectorDialect(128) };

    public static void Emit(SourceWriter w, LossOptions options)
    {
        EmitStatisticsDispatcher(w);
        foreach (Dialect d in Widths) EmitStatistics(w, d, options);
        EmitStatistics(w, ScalarDialect.Instance, options);
        EmitGradientDispatcher(w);
        foreach (Dialect d in Widths) EmitGradient(w, d, options);
        EmitGradient(w, ScalarDialect.Instance, options);
    }

    private static void EmitStatisticsDispatcher(SourceWriter w)
    {
        w.Line("/// <inheritdoc />");
        using (w.Block("static bool IDiceLoss.AccumulateStatistics(in DiceChunk chunk, Span<double> partial)"))
        {
            w.Line("nint s = chunk.Start;");
            w.Line("bool valid = true;");
            w.Line("if (Vector512.IsHardwareAccelerated) valid &= Statistics512(chunk, ref s, partial);");
            w.Line("else if (Vector256.IsHardwareAccelerated) valid &= Statistics256(chunk, ref s, partial);");
            w.Line("else if (Vector128.IsHardwareAccelerated) valid &= Statistics128(chunk, ref s, partial);");
            w.Line("return StatisticsScalar(chunk, ref s, partial) & valid;");
        }

        w.Line();
    }

    private static void EmitGradientDispatcher(SourceWriter w)
    {
        w.Line("/// <inheritdoc />");
        using (w.Block("static void IDiceLoss.WriteGradient(in DiceChunk chunk, ReadOnlySpan<float> dice, float crossEntropyScale, Span<float> gradient)"))
        {
            w.Line("nint s = chunk.Start;");
            w.Line("if (Vector512.IsHardwareAccelerated) Gradient512(chunk, dice, crossEntropyScale, gradient, ref s);");
            w.Line("else if (Vector256.IsHardwareAccelerated) Gradient256(chunk, dice, crossEntropyScale, gradient, ref s);");
            w.Line("else if (Vector128.IsHardwareAccelerated) Gradient128(chunk, dice, crossEntropyScale, gradient, ref s);");
            w.Line("GradientScalar(chunk, dice, crossEntropyScale, gradient, ref s);");
        }

        w.Line();
    }

    private static void EmitStatistics(SourceWriter w, Dialect d, LossOptions o)
    {
        bool scalar = d is ScalarDialect;
        w.Line(scalar
            ? "/// <summary>Pass 1, one pixel at a time from <paramref name=\"s\"/> to the end of the chunk.</summary>"
            : $"/// <summary>Pass 1 with {d.Float}: whole vectors of pixels from <paramref name=\"s\"/>; leaves the tail.</summary>");
        using (w.Block($"private static bool Statistics{d.Suffix}(in DiceChunk chunk, ref nint s, Span<double> partial)"))
        {
            var body = new SourceWriter(w.Depth + 1);
            var k = new KernelContext(body, d, o);
            Formulas.LoadPixel(k);
            Formulas.AccumulateChecks(k);
            string p = Formulas.Probabilities(k);
            Formulas.AccumulateDiceSums(k, p);
            Formulas.AccumulateCrossEntropy(k);

            EmitReferences(w, o, gradient: false);
            w.Line($"nint last = chunk.End - {d.Count};");
            var outer = new KernelContext(w, d, o);
            foreach (string accumulator in new[] { "intersection", "predicted", "truth" })
                DeclareClassAccumulator(outer, accumulator);
            if (o.Combine != CombineKind.None) w.Line($"{d.Float} crossEntropy = {d.Zero};");
            if (o.Combine == CombineKind.CrossEntropy) w.Line($"{d.Float} crossEntropyWeight = {d.Zero};");
            if (o.Activation != ActivationKind.None) w.Line($"{d.Float} nonFinite = {d.Zero}; // stays 0 unless an x is NaN or infinite");
            if (o.Activation == ActivationKind.None || !o.Labels) w.Line($"{d.MaskType} outOfRange = {d.NoMask};");
            if (o.Labels) w.Line($"{d.MaskType} badLabel = {d.NoMask};");
            DeclareClassArrays(w, d, k);
            using (w.Block($"for (; s <= last; s += {d.Count})"))
                w.Append(body);

            // Lanes are summed in double, once per chunk.
            string[] names = { "intersection", "predicted", "truth" };
            for (int i = 0; i < names.Length; i++)
            {
                string offset = i == 0 ? "" : $"{i} * Classes + ";
                string name = names[i];
                outer.PerClass(c => w.Line($"partial[{offset}{c}] += {d.SumToDouble(c.Var(name))};"));
            }

            if (o.Combine != CombineKind.None) w.Line($"partial[3 * Classes] += {d.SumToDouble("crossEntropy")};");
            if (o.Combine == CombineKind.CrossEntropy) w.Line($"partial[3 * Classes + 1] += {d.SumToDouble("crossEntropyWeight")};");

            var checks = new System.Collections.Generic.List<string>();
            if (o.Activation != ActivationKind.None) checks.Add(d.AllFinite("nonFinite"));
            if (o.Activation == ActivationKind.None || !o.Labels) checks.Add(d.IsEmpty("outOfRange"));
            if (o.Labels) checks.Add(d.IsEmpty("badLabel"));
            w.Line($"return {string.Join(" && ", checks)};");
        }

        w.Line();
    }

    private static void EmitGradient(SourceWriter w, Dialect d, LossOptions o)
    {
        bool scalar = d is ScalarDialect;
        w.Line(scalar
            ? "/// <summary>Pass 2, one pixel at a time from <paramref name=\"s\"/> to the end of the chunk.</summary>"
            : $"/// <summary>Pass 2 with {d.Float}: whole vectors of pixels from <paramref name=\"s\"/>; leaves the tail.</summary>");
        using (w.Block($"private static void Gradient{d.Suffix}(in DiceChunk chunk, ReadOnlySpan<float> dice, float crossEntropyScale, Span<float> output, ref nint s)"))
        {
            var body = new SourceWriter(w.Depth + 1);
            var k = new KernelContext(body, d, o);
            Formulas.LoadPixel(k);
            string p = Formulas.Probabilities(k);
            if (!k.Unrolled)
            {
                // Loop mode reads the slopes from dice[] inside the class loop.
                k.PerClass(c =>
                {
                    k.Let("targetSlope", c, d.Broadcast("dice[c]"));
                    k.Let("probabilitySlope", c, d.Broadcast("dice[Classes + c]"));
                });
            }

            Formulas.Gradient(k, p);

            EmitReferences(w, o, gradient: true);
            w.Line($"nint last = chunk.End - {d.Count};");
            if (k.Unrolled)
            {
                for (int c = 0; c < o.Classes; c++)
                {
                    string index = SourceWriter.Int(c);
                    w.Line($"{d.Float} targetSlope{index} = {d.Broadcast($"dice[{index}]")};");
                    w.Line($"{d.Float} probabilitySlope{index} = {d.Broadcast($"dice[Classes + {index}]")};");
                }
            }

            DeclareClassArrays(w, d, k);
            using (w.Block($"for (; s <= last; s += {d.Count})"))
                w.Append(body);
        }

        w.Line();
    }

    private static void EmitReferences(SourceWriter w, LossOptions o, bool gradient)
    {
        w.Line("ref float input = ref MemoryMarshal.GetReference(chunk.Input);");
        w.Line(o.Labels
            ? "ref int labels = ref MemoryMarshal.GetReference(chunk.Labels);"
            : "ref float masks = ref MemoryMarshal.GetReference(chunk.Masks);");
        if (gradient) w.Line("ref float gradient = ref MemoryMarshal.GetReference(output);");
        w.Line("nint spatial = chunk.Spatial;");
    }

    private static void DeclareClassAccumulator(KernelContext k, string name)
    {
        if (k.Unrolled)
        {
            for (int c = 0; c < k.Classes; c++) k.Line($"{k.D.Float} {name}{SourceWriter.Int(c)} = {k.D.Zero};");
            return;
        }

        k.Line($"Span<{k.D.Float}> {name} = stackalloc {k.D.Float}[Classes];");
        k.Line($"{name}.Clear();");
    }

    private static void DeclareClassArrays(SourceWriter w, Dialect d, KernelContext k)
    {
        foreach (string name in k.ClassArrays.OrderBy(n => n, System.StringComparer.Ordinal))
            w.Line($"Span<{d.Float}> {name} = stackalloc {d.Float}[Classes];");
    }
}
