using System.Collections.Generic;
using System.Linq;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// The parts every kernel of a pass shares, whatever runs it (CPU vector loop, CPU tail, ILGPU kernel):
/// the per-pixel bodies, the state they accumulate into and the validity check. The emitters only add
/// the loop and the reduction that differ between CPU and device.
/// </summary>
internal static class KernelBodies
{
    /// <summary>The per-class sums of pass 1 (their order in a partial is <see cref="StatisticsLayout"/>'s).</summary>
    public static readonly DiceSum[] DiceSums = { DiceSum.Intersection, DiceSum.Predicted, DiceSum.Truth };

    /// <summary>The name of a per-class sum's accumulator in the emitted code.</summary>
    public static string Name(DiceSum sum) => sum switch
    {
        DiceSum.Intersection => "intersection",
        DiceSum.Predicted => "predicted",
        _ => "truth",
    };

    /// <summary>Pass 1 for one pixel (or one vector of pixels).</summary>
    public static void Statistics(KernelContext k)
    {
        Formulas.LoadPixel(k);
        Formulas.AccumulateChecks(k);
        string p = Formulas.Probabilities(k);
        Formulas.AccumulateDiceSums(k, p);
        Formulas.AccumulateCrossEntropy(k);
        k.CloseClassLoop();
    }

    /// <summary>Declares, zeroed, everything <see cref="Statistics"/> accumulates into.</summary>
    public static void DeclareStatisticsState(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        foreach (DiceSum sum in DiceSums) DeclareClassAccumulator(k, Name(sum));
        if (o.Combine != Combine.None) k.Line($"{d.Float} crossEntropy = {d.Zero};");
        if (o.Combine == Combine.CrossEntropy) k.Line($"{d.Float} crossEntropyWeight = {d.Zero};");
        if (o.Activation != Activation.None) k.Line($"{d.Float} nonFinite = {d.Zero}; // stays 0 unless an x is NaN or infinite");
        if (o.Activation == Activation.None || !o.Labels) k.Line($"{d.MaskType} outOfRange = {d.NoMask};");
        if (o.Labels) k.Line($"{d.MaskType} badLabel = {d.NoMask};");
    }

    /// <summary>True when every pixel seen was valid.</summary>
    public static string AllValid(Dialect d, LossOptions o)
    {
        var checks = new List<string>();
        if (o.Activation != Activation.None) checks.Add(d.AllFinite("nonFinite"));
        if (o.Activation == Activation.None || !o.Labels) checks.Add(d.IsEmpty("outOfRange"));
        if (o.Labels) checks.Add(d.IsEmpty("badLabel"));
        return string.Join(" && ", checks);
    }

    /// <summary>Pass 2 for one pixel (or one vector of pixels).</summary>
    public static void Gradient(KernelContext k)
    {
        Formulas.LoadPixel(k);
        string p = Formulas.Probabilities(k);
        if (!k.Unrolled)
        {
            // Loop mode reads the slopes from dice[] inside the class loop.
            k.PerClass(c =>
            {
                k.Let("targetSlope", c, k.D.Broadcast($"dice[{KernelContext.Slot(k.Layout.TargetSlope(0), c)}]"));
                k.Let("probabilitySlope", c, k.D.Broadcast($"dice[{KernelContext.Slot(k.Layout.ProbabilitySlope(0), c)}]"));
            });
        }

        Formulas.Gradient(k, p);
        k.CloseClassLoop();
    }

    /// <summary>Unrolled mode: the sample's slopes A_c and B_c as locals, read once before the loop.</summary>
    public static void DeclareSlopes(SourceWriter w, KernelContext k)
    {
        if (!k.Unrolled) return;
        for (int c = 0; c < k.Classes; c++)
        {
            string index = SourceWriter.Int(c);
            w.Line($"{k.D.Float} targetSlope{index} = {k.D.Broadcast($"dice[{SourceWriter.Int(k.Layout.TargetSlope(c))}]")};");
            w.Line($"{k.D.Float} probabilitySlope{index} = {k.D.Broadcast($"dice[{SourceWriter.Int(k.Layout.ProbabilitySlope(c))}]")};");
        }
    }

    /// <summary>Reads the CE/BCE gradient scale of the sample's coefficients, when the loss has that term.</summary>
    public static void DeclareCrossEntropyScale(SourceWriter w, KernelContext k)
    {
        if (k.Options.Combine != Combine.None)
            w.Line($"float crossEntropyScale = dice[{SourceWriter.Int(k.Layout.CrossEntropyScale)}];");
    }

    /// <summary>Declares the per-class accumulator <paramref name="name"/>: a zeroed local per class, or a zeroed array.</summary>
    public static void DeclareClassAccumulator(KernelContext k, string name)
    {
        if (k.Unrolled)
        {
            for (int c = 0; c < k.Classes; c++) k.Line($"{k.D.Float} {name}{SourceWriter.Int(c)} = {k.D.Zero};");
            return;
        }

        foreach (string line in k.D.ClassArray(name, zeroed: true)) k.Line(line);
    }

    /// <summary>Declares the per-class arrays that the loop body of <paramref name="k"/> used (loop mode only).</summary>
    public static void DeclareClassArrays(SourceWriter w, KernelContext k)
    {
        foreach (string name in k.ClassArrays.OrderBy(n => n, System.StringComparer.Ordinal))
            foreach (string line in k.D.ClassArray(name, zeroed: false)) w.Line(line);
    }

    /// <summary>Writes <paramref name="body"/> into a fresh writer one level inside <paramref name="w"/>, for a loop.</summary>
    public static KernelContext Body(SourceWriter w, Dialect d, LossOptions o) => new(new SourceWriter(w.Depth + 1), d, o);
}
