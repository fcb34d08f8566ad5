using Dice.Generators.Model;

namespace Dice.Generators.Emit;

/// <summary>
/// The one place where each formula of docs/semantics.md is written. Every kernel (vector or
/// scalar, CPU or GPU) is assembled from these pieces through a <see cref="KernelContext"/>, so
/// the formulas cannot drift apart between code paths.
/// </summary>
/// <remarks>
/// Per-pixel names in the emitted code: x (input), label/t (target), valid (1 unless the label is
/// IgnoreIndex), p (probability), e (an exponential), gradP (dL/dp), grad (dL/dx).
/// </remarks>
internal static class Formulas
{
    /// <summary>Loads the pixel: x_c for every class, and the label or the masks t_c.</summary>
    public static void LoadPixel(KernelContext k)
    {
        Dialect d = k.D;
        k.PerClass(c => k.Let("x", c, d.LoadFloat("input", k.Offset(c))));
        if (k.Options.Labels)
        {
            k.Line($"{d.Label} label = {d.LoadLabel("labels", "s")};");
            k.Line($"{d.MaskType} validMask = {d.LabelNotEquals("label", SourceWriter.Int(k.Options.IgnoreIndex))};");
            k.Line($"{d.Float} valid = {d.AsFloat("validMask")};");
            k.PerClass(c => k.Let("t", c, d.AsFloat(d.LabelEquals("label", c.ToString()))));
        }
        else
        {
            k.PerClass(c => k.Let("t", c, d.LoadFloat("masks", k.Offset(c))));
        }
    }

    /// <summary>
    /// Defines p_c = act(x_c) and returns the name of the per-class probability value.
    /// Sigmoid: e = exp(-|x|), p = 1/(1+e) for x >= 0 and e/(1+e) otherwise (one exp, no overflow; e is reused by BCE).
    /// Softmax: p_c = exp(x_c - m) / sum_k exp(x_k - m) with m = max_k x_k (also defines max and sum for CE).
    /// </summary>
    public static string Probabilities(KernelContext k)
    {
        Dialect d = k.D;
        switch (k.Options.Activation)
        {
            case Activation.Sigmoid:
                k.PerClass(c =>
                {
                    string x = c.Var("x");
                    k.Let("e", c, d.Exp("-" + d.Abs(x)));
                    k.Let("r", c, $"{d.One} / ({d.One} + {c.Var("e")})");
                    k.Let("p", c, d.Select(d.GreaterOrEqual(x, d.Zero), c.Var("r"), $"{c.Var("e")} * {c.Var("r")}"));
                });
                return "p";
            case Activation.Softmax:
                k.Max("max", "x");
                k.PerClass(c => k.Let("e", c, d.Exp($"{c.Var("x")} - max")));
                k.Sum("sum", c => c.Var("e"), compensated: true);
                k.Line($"{d.Float} inverseSum = {d.One} / sum;");
                k.PerClass(c => k.Let("p", c, $"{c.Var("e")} * inverseSum"));
                return "p";
            default:
                return "x";
        }
    }

    /// <summary>
    /// Pass 1 sums: I_c += v p t, P_c += v p^q, T_c += v t^q. With labels t is one-hot and already 0 at
    /// ignored pixels, so I and T need no v, and t^q = t.
    /// </summary>
    public static void AccumulateDiceSums(KernelContext k, string p)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        k.PerClass(c =>
        {
            string pc = c.Var(p), tc = c.Var("t");
            string intersection = c.Var("intersection"), predicted = c.Var("predicted"), truth = c.Var("truth");
            k.Line(d.AccumulateProduct(intersection, pc, tc));
            string probability = o.Squared ? $"({pc} * {pc})" : pc;
            k.Line(o.Labels ? d.AccumulateProduct(predicted, "valid", probability)
                : o.Squared ? d.AccumulateProduct(predicted, pc, pc) : $"{predicted} += {pc};");
            k.Line(o.Squared && !o.Labels ? d.AccumulateProduct(truth, tc, tc) : $"{truth} += {tc};");
        });
    }

    /// <summary>
    /// The CE/BCE sum of pass 1.
    /// CE: w_y (m - x_y + ln sum_k e^(x_k - m)) at valid pixels, and W += w_y.
    /// BCE: w_c (max(x, 0) - x t + ln(1 + e^-|x|)), times v with labels.
    /// </summary>
    public static void AccumulateCrossEntropy(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        if (o.Combine == Combine.CrossEntropy)
        {
            k.Sum("labelLogit", c => $"{c.Var("t")} * {c.Var("x")}");
            string labelWeight = LabelWeight(k);
            // max - x_y first: both can be large (logits of 1e4), and adding ln(sum) to either before the
            // subtraction would round it away.
            k.Line(d.AccumulateProduct("crossEntropy", labelWeight, $"(max - labelLogit + {d.Log("sum")})"));
            k.Line($"crossEntropyWeight += {labelWeight};");
        }
        else if (o.Combine == Combine.BinaryCrossEntropy)
        {
            k.PerClass(c =>
            {
                string x = c.Var("x");
                string term = $"{d.Max(x, d.Zero)} - {x} * {c.Var("t")} + {d.Log($"{d.One} + {c.Var("e")}")}";
                string factor = (o.Labels ? "valid * " : "") + (o.HasClassWeights ? k.Weight(c) + " * " : "");
                k.Line($"crossEntropy += {(factor.Length == 0 ? term : $"{factor}({term})")};");
            });
        }
    }

    /// <summary>w_y at valid pixels, 0 at ignored ones: the CE weight of a pixel.</summary>
    private static string LabelWeight(KernelContext k)
    {
        if (!k.Options.HasClassWeights) return "valid";
        k.Sum("labelWeight", c => $"{c.Var("t")} * {k.Weight(c)}");
        return "labelWeight";
    }

    /// <summary>
    /// Folds the pixel into the validity checks of docs/semantics.md (bad input): finite input (x·0 stays 0 unless x
    /// is NaN or infinite), probabilities and masks in [0, 1], labels in [0, C) or IgnoreIndex.
    /// </summary>
    public static void AccumulateChecks(KernelContext k)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        k.PerClass(c =>
        {
            string x = c.Var("x");
            if (o.Activation == Activation.None)
                k.Line($"outOfRange |= {d.Not(d.And(d.GreaterOrEqual(x, d.Zero), d.LessOrEqual(x, d.One)))};");
            else
                k.Line(d.AccumulateProduct("nonFinite", x, d.Zero));
            if (!o.Labels)
            {
                string t = c.Var("t");
                k.Line($"outOfRange |= {d.Not(d.And(d.GreaterOrEqual(t, d.Zero), d.LessOrEqual(t, d.One)))};");
            }
        });
        if (o.Labels)
            k.Line($"badLabel |= {d.And(d.LabelOutOfRange("label", o.Classes), "validMask")};");
    }

    /// <summary>
    /// Pass 2: the gradient with respect to x.
    /// Dice part with respect to p: gradP_c = v (A_c t_c + B_c p_c^(q-1)).
    /// None: grad = gradP. Sigmoid: grad = gradP p (1 - p) + s_bce w_c v (p - t).
    /// Softmax: grad_c = p_c (gradP_c - sum_k p_k gradP_k) + s_ce w_y v (p_c - t_c).
    /// </summary>
    public static void Gradient(KernelContext k, string p)
    {
        Dialect d = k.D;
        LossOptions o = k.Options;
        k.PerClass(c =>
        {
            string slopeP = o.Squared ? $"{c.Var("probabilitySlope")} * {c.Var(p)}" : c.Var("probabilitySlope");
            string gradP = d.MultiplyAdd(c.Var("targetSlope"), c.Var("t"), slopeP);
            k.Let("gradP", c, o.Labels ? $"valid * ({gradP})" : gradP);
        });

        switch (o.Activation)
        {
            case Activation.Sigmoid:
                k.PerClass(c =>
                {
                    string pc = c.Var(p);
                    string grad = $"{c.Var("gradP")} * {pc} * ({d.One} - {pc})";
                    if (o.Combine == Combine.BinaryCrossEntropy)
                    {
                        string scale = (o.Labels ? "valid * " : "") + "crossEntropyScale" + (o.HasClassWeights ? " * " + k.Weight(c) : "");
                        grad += $" + {scale} * ({pc} - {c.Var("t")})";
                    }

                    k.Let("grad", c, grad);
                });
                break;
            case Activation.Softmax:
                k.Sum("dot", c => $"{c.Var(p)} * {c.Var("gradP")}");
                if (o.Combine == Combine.CrossEntropy)
                    k.Line($"{d.Float} labelScale = {LabelWeight(k)} * crossEntropyScale;");
                k.PerClass(c =>
                {
                    string pc = c.Var(p);
                    string grad = $"{pc} * ({c.Var("gradP")} - dot)";
                    if (o.Combine == Combine.CrossEntropy) grad += $" + labelScale * ({pc} - {c.Var("t")})";
                    k.Let("grad", c, grad);
                });
                break;
            default:
                k.PerClass(c => k.Let("grad", c, c.Var("gradP")));
                break;
        }

        k.PerClass(c => k.Line(d.Store(c.Var("grad"), "gradient", k.Offset(c))));
    }
}
