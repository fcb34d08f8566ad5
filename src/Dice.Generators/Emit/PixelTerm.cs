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
        Combine.BinaryCrossEntropy => new BinaryCrossEntropyTerm(o.PixelWeights),
        Combine.Focal when o.Activation == Activation.Softmax => new SoftmaxFocalTerm(),
        Combine.Focal => new SigmoidFocalTerm(o.PixelWeights),
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
        foreach (var (accumulator, _) in Accumulators) k.Line($"{k.D.Local} {accumulator} = {k.D.Zero};");
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

    /// <summary>Pass 2, per class after <see cref="Values.Gradient"/> is defined: statements that add to it, if any.</summary>
    public virtual void AdjustGradient(KernelContext k, ClassIndex c, ClassValue p)
    {
    }

    /// <summary>
    /// <paramref name="condition"/> in a kernel that weights the term, conjoined with the type argument's choice where the
    /// CPU instantiates both; null in a kernel that never weights.
    /// </summary>
    protected static string? WeightedAnd(KernelContext k, string condition) => k.Options.PixelTermWeighting switch
    {
        PixelTermWeighting.Weighted => condition,
        PixelTermWeighting.ByTypeArgument => $"{Values.WeightingEnabled} && {condition}",
        _ => null,
    };

    /// <summary>The smallest normal float: u is clamped to it before its logarithm (KernelMath.Log takes normal numbers).</summary>
    private const string SmallestNormal = "1.17549435E-38f";

    /// <summary>
    /// u^FocalGamma: u * u when FocalGamma is 2 (the usual value: exact, and two transcendentals fewer per value; the
    /// branch is on a loop-invariant bool), otherwise exp(FocalGamma ln u), 0 where u = 0 (1 there when FocalGamma is 0,
    /// so that the term is then exactly CE/BCE).
    /// </summary>
    protected static string FocalPower(KernelContext k, string u)
    {
        Dialect d = k.D;
        string general = d.Select(d.GreaterThan(u, d.Zero), d.Exp($"{k.ReadFocalGamma()} * {d.Log(d.Max(u, d.Broadcast(SmallestNormal)))}"), k.ReadFocalPowerAtZero());
        return $"({k.ReadFocalSquare()} ? {u} * {u} : {general})";
    }

    /// <summary>u^(FocalGamma - 1) as u^FocalGamma / u, 0 where u = 0 (the gradient's second term vanishes there).</summary>
    protected static string FocalRatio(KernelContext k, string u, string power)
    {
        Dialect d = k.D;
        return d.Select(d.GreaterThan(u, d.Zero), $"{power} / {d.Max(u, d.Broadcast(SmallestNormal))}", d.Zero);
    }

    /// <summary>An element-wise term's value at one element, before the sum over the pixel's classes.</summary>
    private static readonly ClassValue ElementTerm = new("elementTerm");

    /// <summary>The element-wise term summed over the pixel's classes, before it joins the accumulator.</summary>
    private static readonly PixelValue PixelTermSum = new("pixelTerm");

    /// <summary>
    /// Pass 1 of an element-wise term (BCE, sigmoid focal): <paramref name="declare"/> defines the element's values, then
    /// v w_c times <paramref name="term"/> (plus <paramref name="weightedPart"/> in a weighted kernel) is summed over the
    /// pixel's classes (compensated in loop mode) and the pixel's sum is added to the accumulator: one add per pixel, so
    /// the float accumulator of a chunk sees C times fewer adds.
    /// </summary>
    protected static void AccumulateElements(KernelContext k, Action<ClassIndex> declare, Func<ClassIndex, string> term, Func<ClassIndex, string>? weightedPart = null)
    {
        k.PerClass(c =>
        {
            declare(c);
            string factor = ElementFactor(k, c);
            string value = weightedPart is not null && k.Options.PixelTermWeighting == PixelTermWeighting.Weighted ? $"{term(c)} + {weightedPart(c)}" : term(c);
            k.Let(ElementTerm, c, factor.Length == 0 ? value : $"{factor} * ({value})");
            if (k.Options.PixelTermWeighting != PixelTermWeighting.ByTypeArgument) return;
            if (weightedPart is null)
            {
                k.Line($"if ({Values.WeightingEnabled}) {ElementTerm[c]} *= {k.Weight(c)};");
                return;
            }

            string part = k.Options.HasPixelFactor ? $"{Values.Valid} * ({weightedPart(c)})" : weightedPart(c);
            k.Line($"if ({Values.WeightingEnabled}) {ElementTerm[c]} = ({ElementTerm[c]} + {part}) * {k.Weight(c)};");
        });
        k.Sum(PixelTermSum, c => ElementTerm[c], compensated: true);
        k.Line($"{TermSum} += {PixelTermSum};");
        // With pixel weights the mean is over C Ω: Ω sums every pixel's ω, ignored pixels included (as N S counts them).
        if (k.Options.PixelWeights) k.Line($"{WeightSum} += {Values.PixelWeight};");
    }

    /// <summary>The accumulators of an element-wise term: its sum, and with pixel weights Ω, the count of its mean over C Ω.</summary>
    protected static (PixelValue, Func<StatisticsLayout, int>)[] ElementAccumulators(bool pixelWeights) => pixelWeights
        ? new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy), (WeightSum, l => l.CrossEntropyWeight) }
        : new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy) };

    /// <summary>Writes <paramref name="statement"/> where the kernel weights the term: always on the device, under the type argument on the CPU.</summary>
    protected static void IfWeighted(KernelContext k, string statement)
    {
        if (k.Options.PixelTermWeighting == PixelTermWeighting.Weighted) k.Line(statement);
        else if (k.Options.PixelTermWeighting == PixelTermWeighting.ByTypeArgument) k.Line($"if ({Values.WeightingEnabled}) {statement}");
    }

    /// <summary>
    /// v w_c: v with labels, w_c when weighted; empty when both are 1 (the element-wise terms' factor). Weighted by the
    /// type argument, the w_c is a statement after the term (<see cref="AccumulateElements"/>).
    /// </summary>
    protected static string ElementFactor(KernelContext k, ClassIndex c)
    {
        var factors = new List<string>();
        if (k.Options.HasPixelFactor) factors.Add(Values.Valid.Name);
        if (k.Options.PixelTermWeighting == PixelTermWeighting.Weighted) factors.Add(k.Weight(c));
        return string.Join(" * ", factors);
    }

    /// <summary>v s w_c, in this order: an element-wise term's gradient scale.</summary>
    protected static string ElementScale(KernelContext k, ClassIndex c) => k.Options.PixelTermWeighting switch
    {
        PixelTermWeighting.Weighted => WeightedElementScale(k, c),
        PixelTermWeighting.ByTypeArgument => $"({Values.WeightingEnabled} ? {WeightedElementScale(k, c)} : {UnweightedElementScale(k)})",
        _ => UnweightedElementScale(k),
    };

    /// <summary>v s w_c: the gradient scale of a kernel that weights the term.</summary>
    protected static string WeightedElementScale(KernelContext k, ClassIndex c) => $"{UnweightedElementScale(k)} * {k.Weight(c)}";

    private static string UnweightedElementScale(KernelContext k) => (k.Options.HasPixelFactor ? $"{Values.Valid} * " : "") + Scale;

    /// <summary>
    /// w_y ω at valid pixels, 0 at ignored ones: the CE weight of a pixel, declared once per pixel when weighted (ω is 1
    /// without PixelWeights).
    /// </summary>
    protected static string LabelWeight(KernelContext k)
    {
        var labelWeight = new PixelValue("labelWeight");
        switch (k.Options.PixelTermWeighting)
        {
            case PixelTermWeighting.Weighted:
                k.Sum(labelWeight, c => $"{k.Target(c)} * {k.Weight(c)}");
                if (k.Options.PixelWeights) k.Line($"{labelWeight} *= {Values.PixelWeight};");
                return labelWeight.Name;
            case PixelTermWeighting.ByTypeArgument:
                // t_c is 0 at ignored pixels, so sum t_c w_c is w_y there and 0 at ignored ones, as v is unweighted.
                k.Line($"{k.D.Local} {labelWeight} = {Values.Valid};");
                k.SumInto(labelWeight, c => $"{k.Target(c)} * {k.Weight(c)}", condition: Values.WeightingEnabled);
                if (k.Options.PixelWeights) k.Line($"if ({Values.WeightingEnabled}) {labelWeight} *= {Values.PixelWeight};");
                return labelWeight.Name;
            default:
                return Values.Valid.Name;
        }
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
    /// Softmax cross-entropy with labels, PyTorch's weighted mean with its label smoothing eps: sums
    /// f = (1 - eps) w_y (-ln p_y) + (eps / C) sum_k w_k (-ln p_k), -ln p_k = max - x_k + ln sum_k e^(x_k - max), and
    /// W = sum w_y over valid pixels; gradient a v [(1 - eps) w_y (p_c - t_c) + (eps / C) (p_c sum_k w_k - w_c)] / W. The
    /// smoothing is a branch on a loop-invariant bool of the weighted kernels: eps = 0 costs nothing.
    /// </summary>
    private sealed class CrossEntropyTerm : PixelTerm
    {
        private static readonly PixelValue LabelLogit = new("labelLogit");
        private static readonly PixelValue LogSum = new("logSum");
        private static readonly PixelValue LabelLoss = new("labelLoss");
        private static readonly PixelValue ClassLosses = new("classLosses");
        private static readonly PixelValue LabelScale = new("labelScale");
        private static readonly PixelValue ClassScale = new("classScale");

        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } =
            new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy), (WeightSum, l => l.CrossEntropyWeight) };

        public override string Title => " combined with cross-entropy";
        public override string Symbol => "L_ce";
        public override string Formula => $"{Symbol} = sum v f / sum v w_y,  f = (1 - eps) w_y (-ln p_y) + (eps / C) sum_k w_k (-ln p_k)";
        public override string GradientText => ", plus a v [(1 - eps) w_y (p - t) + (eps / C) (p sum_k w_k - w)] / W from the cross-entropy";

        /// <summary>The condition under which the kernel smooths the labels, or null where it never does.</summary>
        private static string? Smoothing(KernelContext k) =>
            k.Options.PixelTermWeighting == PixelTermWeighting.Unweighted ? null : WeightedAnd(k, k.ReadLabelSmoothing(Values.SmoothsLabels));

        public override void Accumulate(KernelContext k)
        {
            Dialect d = k.D;
            k.AtLabel(LabelLogit, Values.Input);
            string labelWeight = LabelWeight(k);
            k.Line($"{d.Local} {LogSum} = {d.Log(Values.ExponentialSum.Name)};");
            // max - x_y first: both can be large (logits of 1e4), and adding ln(sum) to either before the
            // subtraction would round it away.
            k.Line($"{d.Local} {LabelLoss} = {Values.Max} - {LabelLogit} + {LogSum};");
            string plain = d.AccumulateProduct(TermSum.Name, labelWeight, LabelLoss.Name);
            if (Smoothing(k) is not { } smoothing)
            {
                k.Line(plain);
            }
            else
            {
                k.CloseClassLoop();
                using (k.Writer.Block($"if ({smoothing})"))
                {
                    // sum_k w_k (-ln p_k) as sum_k w_k (max - x_k) + (sum_k w_k) ln(sum): every max - x_k >= 0, so nothing cancels.
                    k.Sum(ClassLosses, c => $"({Values.Max} - {Values.Input[c]}) * {k.Weight(c)}");
                    k.Line($"{TermSum} += {labelWeight} * {k.ReadLabelSmoothing(Values.LabelShare)} * {LabelLoss} + "
                        + $"{Values.Valid} * {k.ReadLabelSmoothing(Values.ClassShare)} * ({ClassLosses} + {LogSum} * {k.ReadLabelSmoothing(Values.WeightTotal)});");
                }

                using (k.Writer.Block("else"))
                    k.Line(plain);
            }

            k.Line($"{WeightSum} += {labelWeight};");
        }

        public override void PreparePixelGradient(KernelContext k)
        {
            k.Line($"{k.D.Local} {LabelScale} = {LabelWeight(k)} * {Scale};");
            if (Smoothing(k) is not { } smoothing) return;
            k.Line($"{k.D.Local} {ClassScale} = {Values.Valid} * ({Scale} * {k.ReadLabelSmoothing(Values.ClassShare)});");
            k.Line($"if ({smoothing}) {LabelScale} *= {k.ReadLabelSmoothing(Values.LabelShare)};");
        }

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p) =>
            $" + {LabelScale} * ({p[c]} - {k.Target(c)})";

        public override void AdjustGradient(KernelContext k, ClassIndex c, ClassValue p)
        {
            if (Smoothing(k) is not { } smoothing) return;
            string spread = $"{p[c]} * {k.ReadLabelSmoothing(Values.WeightTotal)} - {k.D.Broadcast(k.Weight(c))}";
            k.Line($"if ({smoothing}) {Values.Gradient[c]} += {ClassScale} * ({spread});");
        }
    }

    /// <summary>
    /// Binary cross-entropy on logits, PyTorch's BCEWithLogits with <c>weight</c> and <c>pos_weight</c>: sums
    /// v w_c [pw_c t softplus(-x) + (1 - t) softplus(x)], written as max(x, 0) - x t + l + (pw_c - 1) t (max(-x, 0) + l)
    /// with l = ln(1 + e^-|x|) (e from the sigmoid), the last part in the weighted kernels only; gradient
    /// a v w_c [p - t + (pw_c - 1) t (p - 1)] / (N C S).
    /// </summary>
    private sealed class BinaryCrossEntropyTerm(bool pixelWeights) : PixelTerm
    {
        private static readonly ClassValue SoftplusTail = new("softplusTail");

        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } = ElementAccumulators(pixelWeights);

        public override string Title => " combined with binary cross-entropy";
        public override string Symbol => "L_bce";
        public override string Formula => $"{Symbol} = mean over n, c, s of w_c [pw_c t softplus(-x) + (1 - t) softplus(x)],  softplus(z) = max(z, 0) + ln(1 + e^-|z|)";
        public override string GradientText => ", plus a w_c [p (pw_c t + 1 - t) - pw_c t] / (N C S) from the binary cross-entropy";

        public override void Accumulate(KernelContext k)
        {
            Dialect d = k.D;
            AccumulateElements(
                k,
                c => k.Let(SoftplusTail, c, d.Log($"{d.One} + {Values.Exponential[c]}")),
                c => $"{d.Max(Values.Input[c], d.Zero)} - {Values.Input[c]} * {k.Target(c)} + {SoftplusTail[c]}",
                c => $"{k.Target(c)} * {k.PositiveExcess(c)} * ({d.Max("-" + Values.Input[c], d.Zero)} + {SoftplusTail[c]})");
        }

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p) =>
            $" + {ElementScale(k, c)} * ({p[c]} - {k.Target(c)})";

        public override void AdjustGradient(KernelContext k, ClassIndex c, ClassValue p) =>
            IfWeighted(k, $"{Values.Gradient[c]} += {WeightedElementScale(k, c)} * {k.Target(c)} * {k.PositiveExcess(c)} * ({p[c]} - {k.D.One});");
    }

    /// <summary>
    /// Softmax focal loss with labels: per valid pixel f = w_y u^gamma (-ln p_y), u = 1 - p_y computed as
    /// sum_(k != y) e_k / sum_k e_k (no cancellation near p_y = 1), mean over W = sum v w_y as for CE. Gradient
    /// a v w_y h (p_c - t_c) / W with h = u^gamma + gamma u^(gamma - 1) p_y (-ln p_y). Needs x in pass 2 (u from the
    /// exponentials), so such a loss never keeps p between the passes.
    /// </summary>
    private sealed class SoftmaxFocalTerm : PixelTerm
    {
        private static readonly PixelValue LabelLogit = new("labelLogit");
        private static readonly PixelValue Others = new("others");
        private static readonly PixelValue LabelLoss = new("labelLoss");
        private static readonly PixelValue Complement = new("u");
        private static readonly PixelValue Power = new("focalPower");
        private static readonly PixelValue Ratio = new("focalRatio");
        private static readonly PixelValue LabelProbability = new("labelProbability");
        private static readonly PixelValue LabelScale = new("labelScale");

        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } =
            new (PixelValue, Func<StatisticsLayout, int>)[] { (TermSum, l => l.CrossEntropy), (WeightSum, l => l.CrossEntropyWeight) };

        public override string Title => " combined with the softmax focal loss";
        public override string Symbol => "L_focal";
        public override string Formula => $"{Symbol} = sum v w_y u^gamma (-ln p_y) / sum v w_y,  u = 1 - p_y = sum_(k != y) e_k / sum_k e_k";
        public override string GradientText => ", plus a v w_y h (p - t) / W from the focal term, h = u^gamma + gamma u^(gamma - 1) p_y (-ln p_y)";

        /// <summary>-ln p_y = max - x_y + ln sum (as for CE), and u^gamma with u from the other classes' exponentials.</summary>
        private static void DeclareLabelTerms(KernelContext k, bool ratio)
        {
            Dialect d = k.D;
            k.AtLabel(LabelLogit, Values.Input);
            k.Sum(Others, c => $"({d.One} - {k.Target(c)}) * {Values.Exponential[c]}");
            k.Line($"{d.Local} {LabelLoss} = {Values.Max} - {LabelLogit} + {d.Log(Values.ExponentialSum.Name)};");
            k.Line($"{d.Local} {Complement} = {Others} * {Values.InverseSum};");
            k.Line($"{d.Local} {Power} = {FocalPower(k, Complement.Name)};");
            if (ratio) k.Line($"{d.Local} {Ratio} = {FocalRatio(k, Complement.Name, Power.Name)};");
        }

        public override void Accumulate(KernelContext k)
        {
            DeclareLabelTerms(k, ratio: false);
            string labelWeight = LabelWeight(k);
            k.Line(k.D.AccumulateProduct(TermSum.Name, $"{labelWeight} * {Power}", LabelLoss.Name));
            k.Line($"{WeightSum} += {labelWeight};");
        }

        public override void PreparePixelGradient(KernelContext k)
        {
            DeclareLabelTerms(k, ratio: true);
            k.AtLabel(LabelProbability, Values.Probability);
            string h = $"({Power} + {k.ReadFocalGamma()} * {LabelProbability} * {LabelLoss} * {Ratio})";
            k.Line($"{k.D.Local} {LabelScale} = {LabelWeight(k)} * {Scale} * {h};");
        }

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p) =>
            $" + {LabelScale} * ({p[c]} - {k.Target(c)})";
    }

    /// <summary>
    /// Sigmoid focal loss (SMP's focal_loss_with_logits, soft masks too): per element l = max(x, 0) - x t + ln(1 + e^-|x|)
    /// (the BCE), u = 1 - e^-l computed as -expm1(-l), f = v w_c u^gamma l, mean over N C S. Gradient
    /// a v w_c h (p - t) / (N C S), h = u^gamma + gamma (1 - u) l u^(gamma - 1). Needs x in pass 2.
    /// </summary>
    private sealed class SigmoidFocalTerm(bool pixelWeights) : PixelTerm
    {
        private static readonly ClassValue Bce = new("bce");
        private static readonly ClassValue Complement = new("u");
        private static readonly ClassValue Power = new("focalPower");
        private static readonly ClassValue Ratio = new("focalRatio");

        public override IReadOnlyList<(PixelValue, Func<StatisticsLayout, int>)> Accumulators { get; } = ElementAccumulators(pixelWeights);

        public override string Title => " combined with the sigmoid focal loss";
        public override string Symbol => "L_focal";
        public override string Formula => $"{Symbol} = mean over n, c, s of v w_c u^gamma l,  l = max(x, 0) - x t + ln(1 + e^-|x|),  u = -expm1(-l)";
        public override string GradientText => ", plus a v w_c h (p - t) / (N C S) from the focal term, h = u^gamma + gamma (1 - u) l u^(gamma - 1)";

        /// <summary>Per class: the BCE l, u = 1 - e^-l and u^gamma (and u^(gamma - 1) with <paramref name="ratio"/>).</summary>
        private static void DeclareElementTerms(KernelContext k, ClassIndex c, bool ratio)
        {
            Dialect d = k.D;
            string x = Values.Input[c];
            k.Let(Bce, c, $"{d.Max(x, d.Zero)} - {x} * {k.Target(c)} + {d.Log($"{d.One} + {Values.Exponential[c]}")}");
            k.Let(Complement, c, $"-{d.ExpM1($"-{Bce[c]}")}");
            k.Let(Power, c, FocalPower(k, Complement[c]));
            if (ratio) k.Let(Ratio, c, FocalRatio(k, Complement[c], Power[c]));
        }

        public override void Accumulate(KernelContext k) =>
            AccumulateElements(k, c => DeclareElementTerms(k, c, ratio: false), c => $"{Power[c]} * {Bce[c]}");

        public override void PreparePixelGradient(KernelContext k) => k.PerClass(c => DeclareElementTerms(k, c, ratio: true));

        public override string Gradient(KernelContext k, ClassIndex c, ClassValue p)
        {
            string h = $"({Power[c]} + {k.ReadFocalGamma()} * ({k.D.One} - {Complement[c]}) * {Bce[c]} * {Ratio[c]})";
            return $" + {ElementScale(k, c)} * {h} * ({p[c]} - {k.Target(c)})";
        }
    }
}
