using System;
using System.Collections.Generic;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// The pixel-wise term that <c>Combine</c> adds to the Dice term, as the kernels compute it: its pass-1
/// accumulators and their partial slots, its per-pixel sum, its share of the pass-2 gradient and its line in the
/// generated documentation. The one home of each such term in the generator; its finalize side (mean and gradient
/// scale from the summed statistics) is <c>Dice.PixelTermFinalizer</c> in the runtime.
/// </summary>
internal abstract class PixelTerm
{
    /// <summary>The term's per-pixel sum, accumulated in pass 1.</summary>
    protected static readonly PixelValue TermSum = new("crossEntropy");
    /// <summary>The sum of the CE pixel weights W, accumulated in pass 1.</summary>
    protected static readonly PixelValue WeightSum = new("crossEntropyWeight");
    /// <summary>The gradient scale of the term (a / W or a / (N C S)), read from the coefficients in pass 2.</summary>
    protected static readonly PixelValue Scale = new("crossEntropyScale");

    public static PixelTerm For(LossOptions o) => o.Combine switch
    {
        Combine.CrossEntropy => new CrossEntropyTerm(),
        Combine.BinaryCrossEntropy => new BinaryCrossEntropyTerm(),
        _ => new NoTerm(),
    };

    /// <summary>Whether there is a term (Combine is not None).</summary>
    public virtual bool Exists => true;

    /// <summary>The accumulators of pass 1 and the partial slot each is stored in.</summary>
    public abstract IReadOnlyList<(PixelValue Accumulator, Func<StatisticsLayout, int> Slot)> Accumulators { get; }

    /// <summary>Words for the class summary: " combined with cross-entropy".</summary>
    public abstract string Title { get; }

    /// <summary>The term's symbol in the documentation's formulas: <c>L_ce</c>.</summary>
    public abstract string Symbol { get; }

    /// <summary>The term's formula, for the documentation's code block; empty without a term.</summary>
    public abstract string Formula { get; }

    /// <summary>The term's gradient in words, appended to the documentation's gradient sentence.</summary>
    public abstract string GradientText { get; }

    /// <summary>Declares the accumulators, zeroed.</summary>
    public void DeclareAccumulators(KernelContext k)
    {
        foreach (var (accumulator, _) in Accumulators) k.Line($"{k.D.Float} {accumulator} = {k.D.Zero};");
    }

    /// <summary>Pass 1: adds the pixel's term to the accumulators.</summary>
    public abstract void Accumulate(KernelContext k);

    /// <summary>Pass 2, before the per-class gradient: reads the scale (and any per-pixel factor) the gradient needs.</summary>
    public virtual void DeclareGradientScale(SourceWriter w, KernelContext k)
    {
        if (Exists) w.Line($"float {Scale} = {Values.Coefficients}[{SourceWriter.Int(k.Layout.CrossEntropyScale)}];");
    }

    /// <summary>Pass 2, per pixel before the per-class gradient (after the probabilities).</summary>
    public virtual void PreparePixelGradient(KernelContext k)
    {
    }

    /// <summary>Pass 2: the term's gradient with respect to x_c, as " + ..." to append, or empty.</summary>
    public abstract string Gradient(KernelContext k, ClassIndex c, ClassValue p);

    /// <summary>w_y at valid pixels, 0 at ignored ones: the CE weight of a pixel, declared once per pixel when weighted.</summary>
    protected static string LabelWeight(KernelContext k)
    {
        if (!k.Options.HasClassWeights) return Values.Valid.Name;
        var labelWeight = new PixelValue("labelWeight");
        k.Sum(labelWeight, c => $"{Values.Target[c]} * {k.Weight(c)}");
        return labelWeight.Name;
    }

    private sealed class NoTerm : PixelTerm
    {
        public override bool Exists => false;
        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } = Array.Empty<(PixelValue, Func<StatisticsLayout, int>)>();
        public override string Title => "";
        public override string Symbol => "";
        public override string Formula => "";
        public override string GradientText => "";
        public override void Accumulate(KernelContext k) { }
        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p) => "";
    }

    /// <summary>
    /// Softmax cross-entropy with labels, PyTorch's weighted mean: sums w_y (m - x_y + ln Σ_k e^(x_k - m)) and
    /// W = Σ w_y over valid pixels; gradient a v w_y (p_c - t_c) / W.
    /// </summary>
    private sealed class CrossEntropyTerm : PixelTerm
    {
        private static readonly PixelValue LabelLogit = new("labelLogit");
        private static readonly PixelValue LabelScale = new("labelScale");

        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } =
            new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy), (WeightSum, l => l.CrossEntropyWeight) };

        public override string Title => " combined with cross-entropy";
        public override string Symbol => "L_ce";
        public override string Formula => $"{Symbol} = sum v w_y (-ln p_y) / sum v w_y";
        public override string GradientText => ", plus a v w_y (p - t) / W from the cross-entropy";

        public override void Accumulate(KernelContext k)
        {
            Dialect d = k.D;
            k.Sum(LabelLogit, c => $"{Values.Target[c]} * {Values.Input[c]}");
            string labelWeight = LabelWeight(k);
            // max - x_y first: both can be large (logits of 1e4), and adding ln(sum) to either before the
            // subtraction would round it away.
            k.Line(d.AccumulateProduct(TermSum.Name, labelWeight, $"({Values.Max} - {LabelLogit} + {d.Log(Values.ExponentialSum.Name)})"));
            k.Line($"{WeightSum} += {labelWeight};");
        }

        public override void PreparePixelGradient(KernelContext k) =>
            k.Line($"{k.D.Float} {LabelScale} = {LabelWeight(k)} * {Scale};");

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p) =>
            $" + {LabelScale} * ({p[c]} - {Values.Target[c]})";
    }

    /// <summary>
    /// Binary cross-entropy on logits, PyTorch's BCEWithLogits with <c>weight</c>: sums
    /// v w_c (max(x, 0) - x t + ln(1 + e^-|x|)) (e = e^-|x| from the sigmoid); gradient a v w_c (p - t) / (N C S).
    /// </summary>
    private sealed class BinaryCrossEntropyTerm : PixelTerm
    {
        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } =
            new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy) };

        public override string Title => " combined with binary cross-entropy";
        public override string Symbol => "L_bce";
        public override string Formula => $"{Symbol} = mean over n, c, s of w_c (max(x, 0) - x t + ln(1 + e^-|x|))";
        public override string GradientText => ", plus a w_c (p - t) / (N C S) from the binary cross-entropy";

        public override void Accumulate(KernelContext k)
        {
            Dialect d = k.D;
            LossOptions o = k.Options;
            k.PerClass(c =>
            {
                string x = Values.Input[c];
                string term = $"{d.Max(x, d.Zero)} - {x} * {Values.Target[c]} + {d.Log($"{d.One} + {Values.Exponential[c]}")}";
                string factor = Factor(k, c);
                k.Line($"{TermSum} += {(factor.Length == 0 ? term : $"{factor} * ({term})")};");
            });
        }

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p)
        {
            // v s w_c, in this order (the float products round as they always have).
            string scale = (k.Options.Labels ? $"{Values.Valid} * " : "") + Scale + (k.Options.HasClassWeights ? " * " + k.Weight(c) : "");
            return $" + {scale} * ({p[c]} - {Values.Target[c]})";
        }

        /// <summary>v w_c: v with labels, w_c when weighted; empty when both are 1.</summary>
        private static string Factor(KernelContext k, ClassIndex c)
        {
            var factors = new List<string>();
            if (k.Options.Labels) factors.Add(Values.Valid.Name);
            if (k.Options.HasClassWeights) factors.Add(k.Weight(c));
            return string.Join(" * ", factors);
        }
    }
}
