using Dice.Generators.Model;

namespace Dice.Generators.Emit;

/// <summary>
/// The one place where each per-pixel formula of docs/semantics.md is written: loading a pixel, the activation,
/// the Dice sums, the validity checks and the Dice gradient (the pixel-wise CE/BCE term is <see cref="PixelTerm"/>).
/// Every kernel (vector or scalar, CPU or GPU) is assembled from these pieces through a <see cref="KernelContext"/>,
/// so the formulas cannot drift apart between code paths. Names shared between pieces are <see cref="Values"/>.
/// </summary>
internal static class Formulas
{
    /// <summary>
    /// Loads the pixel: x_c for every class, and the label or the masks t_c. In loop mode the target comes first, so
    /// that the loads of x join the class loop of t (or follow the label's lines), and the reductions over x that loop;
    /// unrolled, the order is the one the kernels were measured in (x first).
    /// </summary>
    public static void LoadPixel(KernelContext k)
    {
        if (k.Unrolled) LoadInput(k);
        LoadTarget(k, oneHot: true);
        if (!k.Unrolled) LoadInput(k);
    }

    /// <summary>Loads x_c for every class.</summary>
    public static void LoadInput(KernelContext k) =>
        k.PerClass(c => k.LetChannel(Values.Input, c, Values.InputBuffer));

    /// <summary>
    /// Loads the pixel's target: the label and its validity (with <paramref name="oneHot"/>, also the factor v ω and the
    /// one-hot t_c the formulas use; the checks need only the label), or the masks t_c; and with PixelWeights the pixel's
    /// weight ω (with <paramref name="oneHot"/> and masks, the factor is ω itself).
    /// </summary>
    public static void LoadTarget(KernelContext k, bool oneHot)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        if (o.PixelWeights) k.Line($"{d.Local} {Values.PixelWeight} = {d.LoadFloat(Values.PixelWeightsBuffer, Offset.Pixel)};");
        if (o.Labels)
        {
            k.Line($"{d.LabelLocal} {Values.Label} = {d.LoadLabel(Values.LabelsBuffer, Offset.Pixel)};");
            k.Line($"{d.MaskLocal} {Values.ValidMask} = {d.LabelDiffers(Values.Label.Name, k.ReadIgnoreIndex())};");
            if (!oneHot) return;
            string valid = d.AsFloat(Values.ValidMask.Name);
            k.Line($"{d.Local} {Values.Valid} = {(o.PixelWeights ? $"{valid} * {Values.PixelWeight}" : valid)};");
            // Loop mode reads t_c as its expression (KernelContext.Target).
            if (k.Unrolled) k.PerClass(c => k.Let(Values.Target, c, d.AsFloat(d.LabelEquals(Values.Label.Name, c.ToString()))));
        }
        else
        {
            if (oneHot && o.PixelWeights) k.Line($"{d.Local} {Values.Valid} = {Values.PixelWeight};");
            k.PerClass(c => k.LetChannel(Values.Target, c, Values.MasksBuffer));
        }
    }

    /// <summary>
    /// Loads p_c that pass 1 kept (<see cref="KeepProbabilities"/>; in the gradient buffer, or in a scratch buffer when the
    /// call accumulates into the gradient): pass 2 then computes no activation. Returns <see cref="Values.Probability"/>.
    /// </summary>
    public static ClassValue LoadProbabilities(KernelContext k)
    {
        k.PerClass(c => k.LetChannel(Values.Probability, c, Values.KeptBuffer));
        return Values.Probability;
    }

    /// <summary>
    /// Writes p_c into the buffer pass 2 reads it back from instead of computing the activation again (the gradient
    /// buffer, or the scratch of an accumulating call). Every x_c of the pixel is loaded before, so the buffer may be the
    /// input itself.
    /// </summary>
    public static void KeepProbabilities(KernelContext k, ClassValue p) =>
        k.PerClass(c => k.StoreChannel(p, Values.GradientBuffer, c));

    /// <summary>
    /// Defines p_c = act(x_c) and returns the per-class probability: <see cref="Values.Probability"/>, or the input
    /// itself without an activation.
    /// Sigmoid: e = exp(-|x|), p = 1/(1+e) for x >= 0 and e/(1+e) otherwise (one exp, no overflow; e is reused by BCE).
    /// Softmax: p_c = exp(x_c - m) / sum_k exp(x_k - m) with m = max_k x_k (also defines max and sum for CE).
    /// </summary>
    public static ClassValue Probabilities(KernelContext k)
    {
        Dialect d = k.D;
        ClassValue x = Values.Input, e = Values.Exponential, p = Values.Probability;
        switch (k.Options.Activation)
        {
            case Activation.Sigmoid:
                k.PerClass(c =>
                {
                    ClassValue r = Values.Reciprocal;
                    k.Let(e, c, d.Exp("-" + d.Abs(x[c])));
                    k.Let(r, c, $"{d.One} / ({d.One} + {e[c]})");
                    k.Let(p, c, d.Select(d.GreaterOrEqual(x[c], d.Zero), r[c], $"{e[c]} * {r[c]}"));
                });
                return p;
            case Activation.Softmax:
                // Loop mode writes e_c into p's span and scales it in place: one span fewer per pixel vector. Not for the
                // focal term, which reads the other classes' e_k after p.
                if (!k.Unrolled && k.Options.Combine != Combine.Focal) e = p;
                k.Max(Values.Max, x);
                k.PerClass(c => k.Let(e, c, d.Exp($"{x[c]} - {Values.Max}")));
                k.Sum(Values.ExponentialSum, c => e[c], compensated: true);
                k.Line($"{d.Local} {Values.InverseSum} = {d.One} / {Values.ExponentialSum};");
                k.PerClass(c => k.Let(p, c, $"{e[c]} * {Values.InverseSum}"));
                return p;
            default:
                return x;
        }
    }

    /// <summary>
    /// Pass 1 sums: I_c += v ω p t, P_c += v ω p^q, T_c += v ω t^q. With labels t is one-hot and already 0 at
    /// ignored pixels, so I and T need no v, and t^q = t; without PixelWeights ω is 1.
    /// </summary>
    public static void AccumulateDiceSums(KernelContext k, ClassValue p)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        string valid = Values.Valid.Name;
        // With labels on vectors, I and T take only the label's class of each lane, moved lane by lane after the loop
        // (the other classes' t is 0: their sums keep their bits); P still takes every class.
        ClassValue intersectionSum = k.Accumulator(Kernels.DiceSum.Intersection), truthSum = k.Accumulator(Kernels.DiceSum.Truth);
        bool atLabels = k.AddsAtLabels;
        k.PerClass(c =>
        {
            string pc = p[c], tc = k.Target(c);
            string intersection = intersectionSum[c];
            string predicted = k.Accumulator(Kernels.DiceSum.Predicted)[c];
            string truth = truthSum[c];
            // t v ω: t alone unless pixels weigh (v is in t already).
            string weightedTarget = o.PixelWeights ? $"({tc} * {valid})" : tc;
            if (!atLabels) k.Line(d.AccumulateProduct(intersection, pc, weightedTarget));
            string probability = o.Squared ? $"({pc} * {pc})" : pc;
            // With masks, p (p ω) and ω p: at ω = 1 the same roundings as p p and p, so weights of 1 give the unweighted bits.
            k.Line(o.Labels ? d.AccumulateProduct(predicted, valid, probability)
                : o.Squared ? d.AccumulateProduct(predicted, pc, o.PixelWeights ? $"({pc} * {valid})" : pc)
                : o.PixelWeights ? d.AccumulateProduct(predicted, valid, pc) : $"{predicted} += {pc};");
            if (!atLabels)
                k.Line(o.Squared && !o.Labels ? d.AccumulateProduct(truth, tc, weightedTarget)
                    : o.PixelWeights ? d.AccumulateProduct(truth, tc, valid) : $"{truth} += {tc};");
        });
        if (atLabels && d is VectorDialect vector)
            k.AfterClassLoop(vector.AddAtLabels(Values.LabelsBuffer, KernelContext.Pixel, k.SpanOf(p), intersectionSum.Name, truthSum.Name));
    }

    /// <summary>Declares, zeroed, the accumulators of <see cref="AccumulateChecks"/>.</summary>
    public static void DeclareChecks(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        if (o.Activation != Activation.None) k.Line($"{d.Local} {Values.NonFinite} = {d.Zero}; // stays 0 unless an x is NaN or infinite");
        if (o.Activation == Activation.None || !o.Labels) k.Line($"{d.MaskLocal} {Values.OutOfRange} = {d.NoMask};");
        if (o.Labels) k.Line($"{d.MaskLocal} {Values.BadLabel} = {d.NoMask};");
        if (o.PixelWeights) k.Line($"{d.MaskLocal} {Values.BadPixelWeight} = {d.NoMask};");
    }

    /// <summary>
    /// Folds the pixel into the validity checks of docs/semantics.md (bad input): finite input (x·0 stays 0 unless x
    /// is NaN or infinite), probabilities and masks in [0, 1], labels in [0, C) or IgnoreIndex. The pixel's x·0 are
    /// folded into a local first (<see cref="Dialect.AccumulateNonFinite"/>: OR-ed for vectors, added for scalars) and
    /// added to the running check once: the loop then carries one add per pixel instead of a chain of C multiply-adds
    /// of 4 cycles each, which out-of-order execution cannot overlap across pixels.
    /// </summary>
    public static void AccumulateChecks(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        if (o.Activation != Activation.None) k.Declare($"{d.Local} {Values.PixelNonFinite} = {d.Zero};");
        k.PerClass(c =>
        {
            string x = Values.Input[c];
            if (o.Activation == Activation.None)
                k.Line($"{Values.OutOfRange} |= {d.Not(d.And(d.GreaterOrEqual(x, d.Zero), d.LessOrEqual(x, d.One)))};");
            else
                k.Line(d.AccumulateNonFinite(Values.PixelNonFinite.Name, x));
            if (!o.Labels)
            {
                string t = k.Target(c);
                k.Line($"{Values.OutOfRange} |= {d.Not(d.And(d.GreaterOrEqual(t, d.Zero), d.LessOrEqual(t, d.One)))};");
            }
        });
        if (o.Activation != Activation.None) k.AfterClassLoop($"{Values.NonFinite} += {Values.PixelNonFinite};");
        if (o.Labels)
            k.Declare($"{Values.BadLabel} |= {d.And(d.LabelOutOfRange(Values.Label.Name, o.Classes), Values.ValidMask.Name)};");
        // ω in [0, float.MaxValue]: NaN fails both comparisons, infinity the second.
        if (o.PixelWeights)
        {
            string w = Values.PixelWeight.Name;
            k.Declare($"{Values.BadPixelWeight} |= {d.Not(d.And(d.GreaterOrEqual(w, d.Zero), d.LessOrEqual(w, d.Broadcast("float.MaxValue"))))};");
        }
    }

    /// <summary>
    /// Evaluate's prediction and truth for one pixel (docs/semantics.md, "Segmentation metrics") and the counts they add
    /// to, every class in the pixel body: the scalar tail and the device (the vector kernels count class by class,
    /// <see cref="CpuKernelEmitter"/>). Ignored pixels predict nothing and are not counted.
    /// </summary>
    public static void AccumulateConfusion(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        DeclareCountsPixel(k);
        if (PredictsByArgmax(o)) PredictClass(k);
        k.PerClass(c =>
        {
            string z = k.LetMask(Values.IsPredicted, c, Prediction(k, Values.Input[c], c.ToString()));
            string t = k.LetMask(Values.IsTruth, c, Truth(k, k.Target(c), c.ToString()));
            k.Line(d.CountIf(Values.Count(Kernels.ConfusionCount.TruePositives)[c], d.And(z, t)));
            k.Line(d.CountIf(Values.Count(Kernels.ConfusionCount.Predicted)[c], z));
            k.Line(d.CountIf(Values.Count(Kernels.ConfusionCount.Truth)[c], t));
        });
        CountPixel(k);
    }

    /// <summary>
    /// The mask of the pixels Evaluate counts, or null where it counts every pixel (masks without PixelWeights): the
    /// labels' validity, and with PixelWeights also ω &gt; 0 (<see cref="DeclareCountsPixel"/>).
    /// </summary>
    public static string? CountsMask(LossOptions o) =>
        o.PixelWeights ? Values.CountsPixel.Name : o.Labels ? Values.ValidMask.Name : null;

    /// <summary>With PixelWeights, declares <see cref="Values.CountsPixel"/>: not ignored, and of weight above 0.</summary>
    public static void DeclareCountsPixel(KernelContext k)
    {
        Dialect d = k.D;
        if (!k.Options.PixelWeights) return;
        string positive = d.GreaterThan(Values.PixelWeight.Name, d.Zero);
        k.Line($"{d.MaskLocal} {Values.CountsPixel} = {(k.Options.Labels ? d.And(Values.ValidMask.Name, positive) : positive)};");
    }

    /// <summary>Whether the prediction is the argmax over classes: with Softmax, and with None on labels (one class per pixel).</summary>
    public static bool PredictsByArgmax(LossOptions o) => o.Activation == Activation.Softmax || (o.Activation == Activation.None && o.Labels);

    /// <summary>
    /// Defines <see cref="Values.PredictedClass"/>: argmax_c x (the first class on ties), and -1 at a pixel that does not
    /// count (ignored, or of weight 0), so that no class compares equal to it there.
    /// </summary>
    public static void PredictClass(KernelContext k)
    {
        Dialect d = k.D;
        k.Argmax(Values.Input);
        if (CountsMask(k.Options) is { } counts)
            k.Line($"{Values.PredictedClass} = {d.SelectLabel(counts, Values.PredictedClass.Name, d.LabelFrom("-1"))};");
    }

    /// <summary>
    /// z for class <paramref name="classIndex"/>: the argmax is that class (<see cref="PredictClass"/>); or, per class,
    /// [x >= 0] with Sigmoid (p >= 0.5 exactly, with no rounding of p) and [x >= 0.5] with None on masks, at a pixel
    /// that is not ignored.
    /// </summary>
    public static string Prediction(KernelContext k, string x, string classIndex)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        if (PredictsByArgmax(o)) return d.LabelEquals(Values.PredictedClass.Name, classIndex);
        string z = d.GreaterOrEqual(x, o.Activation == Activation.Sigmoid ? d.Zero : d.Broadcast("0.5f"));
        return CountsMask(o) is { } counts ? d.And(z, counts) : z;
    }

    /// <summary>
    /// t for class <paramref name="classIndex"/>: the one-hot label (0 at ignored pixels, as IgnoreIndex lies outside
    /// [0, C)), or the mask binarised, [mask >= 0.5]; with PixelWeights 0 at pixels of weight 0 too.
    /// </summary>
    public static string Truth(KernelContext k, string mask, string classIndex)
    {
        Dialect d = k.D;
        string t = k.Options.Labels ? d.LabelEquals(Values.Label.Name, classIndex) : d.GreaterOrEqual(mask, d.Broadcast("0.5f"));
        return k.Options.PixelWeights ? d.And(t, Values.CountsPixel.Name) : t;
    }

    /// <summary>Counts the pixel (or the vector of pixels) unless it does not count (ignored, or of weight 0).</summary>
    public static void CountPixel(KernelContext k) =>
        k.Line(CountsMask(k.Options) is { } counts ? k.D.CountIf(Values.Counted.Name, counts) : k.D.CountEvery(Values.Counted.Name));

    /// <summary>True when every pixel seen was valid (an expression over the check accumulators).</summary>
    public static string AllValid(Dialect d, LossOptions o)
    {
        var checks = new System.Collections.Generic.List<string>();
        if (o.Activation != Activation.None) checks.Add(d.AllFinite(Values.NonFinite.Name));
        if (o.Activation == Activation.None || !o.Labels) checks.Add(d.IsEmpty(Values.OutOfRange.Name));
        if (o.Labels) checks.Add(d.IsEmpty(Values.BadLabel.Name));
        if (o.PixelWeights) checks.Add(d.IsEmpty(Values.BadPixelWeight.Name));
        return string.Join(d.AllOf, checks);
    }

    /// <summary>
    /// Pass 2: the gradient with respect to x.
    /// Dice part with respect to p: gradP_c = v (A_c t_c + B_c p_c^(q-1)).
    /// None: grad = gradP. Sigmoid: grad = gradP p (1 - p). Softmax: grad_c = p_c (gradP_c - sum_k p_k gradP_k).
    /// Plus the pixel term's gradient (<see cref="PixelTerm.Gradient"/>). With <paramref name="accumulating"/>, the store
    /// adds the buffer's value when the call accumulates (a loop-invariant branch): Scale is already in the coefficients,
    /// so accumulating costs one load per element and no pass.
    /// </summary>
    public static void Gradient(KernelContext k, ClassValue p, PixelTerm pixelTerm, bool accumulating)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        ClassValue gradP = Values.GradientP;
        k.PerClass(c =>
        {
            string slopeP = o.Squared ? $"{Values.ProbabilitySlope[c]} * {p[c]}" : Values.ProbabilitySlope[c];
            string diceGradient = d.MultiplyAdd(Values.TargetSlope[c], k.Target(c), slopeP);
            k.Let(gradP, c, o.HasPixelFactor ? $"{Values.Valid} * ({diceGradient})" : diceGradient);
        });

        switch (o.Activation)
        {
            case Activation.Sigmoid:
                pixelTerm.PreparePixelGradient(k);
                k.PerClass(c =>
                {
                    k.Let(Values.Gradient, c, $"{gradP[c]} * {p[c]} * ({d.One} - {p[c]})" + pixelTerm.Gradient(k, c, p));
                    pixelTerm.AdjustGradient(k, c, p);
                });
                break;
            case Activation.Softmax:
                k.Sum(Values.Dot, c => $"{p[c]} * {gradP[c]}");
                pixelTerm.PreparePixelGradient(k);
                k.PerClass(c =>
                {
                    k.Let(Values.Gradient, c, $"{p[c]} * ({gradP[c]} - {Values.Dot})" + pixelTerm.Gradient(k, c, p));
                    pixelTerm.AdjustGradient(k, c, p);
                });
                break;
            default:
                k.PerClass(c =>
                {
                    k.Let(Values.Gradient, c, gradP[c] + pixelTerm.Gradient(k, c, p));
                    pixelTerm.AdjustGradient(k, c, p);
                });
                break;
        }

        k.PerClass(c =>
        {
            if (accumulating)
                k.Line($"if ({Values.AccumulateGradient}) {Values.Gradient[c]} += {d.LoadFloat(Values.GradientBuffer, k.Channel(c))};");
            k.StoreChannel(Values.Gradient, Values.GradientBuffer, c);
        });
    }
}
