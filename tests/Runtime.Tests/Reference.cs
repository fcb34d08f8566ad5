namespace Dice.Runtime.Tests;

/// <summary>What the float64 reference computes for one call.</summary>
/// <param name="GradientScale">
/// Per element, the magnitude of the terms the gradient sums (their absolute values): a float computation resolves the
/// gradient only to a few ulps of this, so where the terms cancel exactly (a softmax with one-hot p) it is the yardstick.
/// </param>
public sealed record ReferenceResult(double Loss, double DiceLoss, double CrossEntropy, double[] ClassDice, double[] Gradient, double[] GradientScale);

/// <summary>
/// An independent float64 implementation of docs/semantics.md, written from the formulas, element by
/// element, with materialised p, t and v (the naive way). It shares no code with the library: it reads
/// only the configuration values of a <see cref="DiceLossSpec"/>.
/// </summary>
public static class Reference
{
    /// <param name="pixelWeights">ω per pixel (N x S) for a loss with PixelWeights: v becomes v ω everywhere, and the BCE mean is over C Ω.</param>
    public static ReferenceResult Compute(DiceLossSpec spec, double[] x, int[]? labels, double[]? masks, int batch, double[]? pixelWeights = null)
    {
        int C = spec.Classes, N = batch, S = x.Length / (N * C);
        double a = spec.Alpha, smooth = spec.Smooth;
        int q = spec.Squared ? 2 : 1;
        bool combined = spec.Combine != Combine.None;
        double[] w = spec.ClassWeights.Select(v => (double)v).ToArray();
        int first = spec.IncludeBackground ? 0 : 1;
        int Idx(int n, int c, int s) => (n * C + c) * S + s;

        // p = act(x); t one-hot or given; v valid mask.
        var p = new double[x.Length];
        var t = new double[x.Length];
        var v = new double[N * S];
        for (int n = 0; n < N; n++)
            for (int s = 0; s < S; s++)
            {
                v[n * S + s] = (labels is null || labels[n * S + s] != spec.IgnoreIndex ? 1 : 0) * (pixelWeights?[n * S + s] ?? 1);
                for (int c = 0; c < C; c++)
                    t[Idx(n, c, s)] = labels is null ? masks![Idx(n, c, s)] : labels[n * S + s] == c ? 1 : 0;
                switch (spec.Activation)
                {
                    case Activation.None:
                        for (int c = 0; c < C; c++) p[Idx(n, c, s)] = x[Idx(n, c, s)];
                        break;
                    case Activation.Sigmoid:
                        for (int c = 0; c < C; c++) p[Idx(n, c, s)] = 1 / (1 + Math.Exp(-x[Idx(n, c, s)]));
                        break;
                    case Activation.Softmax:
                        double m = double.NegativeInfinity, z = 0;
                        for (int c = 0; c < C; c++) m = Math.Max(m, x[Idx(n, c, s)]);
                        for (int c = 0; c < C; c++) z += Math.Exp(x[Idx(n, c, s)] - m);
                        for (int c = 0; c < C; c++) p[Idx(n, c, s)] = Math.Exp(x[Idx(n, c, s)] - m) / z;
                        break;
                }
            }

        // Sums per group (a sample, or the whole batch) and class.
        int G = spec.BatchDice ? 1 : N;
        var I = new double[G, C];
        var P = new double[G, C];
        var T = new double[G, C];
        for (int n = 0; n < N; n++)
            for (int c = 0; c < C; c++)
                for (int s = 0; s < S; s++)
                {
                    int g = spec.BatchDice ? 0 : n, i = Idx(n, c, s);
                    double vs = v[n * S + s];
                    I[g, c] += vs * p[i] * t[i];
                    P[g, c] += vs * Math.Pow(p[i], q);
                    T[g, c] += vs * Math.Pow(t[i], q);
                }

        double weightSum = 0;
        for (int c = first; c < C; c++) weightSum += w[c];

        var d = new double[G, C];
        var dLdI = new double[G, C];
        var dLdP = new double[G, C];
        double diceLoss = 0;
        var classDice = new double[C];
        double diceScale = combined ? 1 - a : 1;
        for (int g = 0; g < G; g++)
            for (int c = 0; c < C; c++)
            {
                double num, den, ddI, ddP;
                double fp = spec.FalsePositiveWeight, fn = spec.FalseNegativeWeight;
                if (spec.Overlap == Overlap.Tversky)
                {
                    // (I + s) / (I + alpha FP + beta FN + s), FP = P - I, FN = T - I: written from the false positives and negatives.
                    double falsePositives = P[g, c] - I[g, c], falseNegatives = T[g, c] - I[g, c];
                    num = I[g, c] + smooth;
                    den = I[g, c] + fp * falsePositives + fn * falseNegatives + smooth;
                    // d(den)/dI = 1 - alpha - beta, d(den)/dP = alpha.
                    ddI = 1 / den - num * (1 - fp - fn) / (den * den);
                    ddP = -num * fp / (den * den);
                }
                else if (spec.Overlap == Overlap.Jaccard)
                {
                    num = I[g, c] + smooth;
                    den = P[g, c] + T[g, c] - I[g, c] + smooth;
                    ddI = 1 / den + num / (den * den);
                    ddP = -num / (den * den);
                }
                else
                {
                    num = 2 * I[g, c] + smooth;
                    den = P[g, c] + T[g, c] + smooth;
                    ddI = 2 / den;
                    ddP = -num / (den * den);
                }

                if (den == 0) { d[g, c] = 1; ddI = 0; ddP = 0; }
                else d[g, c] = num / den;
                classDice[c] += d[g, c] / G;
                if (c < first) continue;

                if (spec.Overlap == Overlap.GeneralizedDice) continue;
                double l = Term(spec, d[g, c]), dl = TermSlope(spec, d[g, c]);
                diceLoss += w[c] * l / weightSum / G;
                double k = diceScale * w[c] / weightSum / G;
                dLdI[g, c] = k * dl * ddI;
                dLdP[g, c] = k * dl * ddP;
            }

        if (spec.Overlap == Overlap.GeneralizedDice)
        {
            // MONAI's GeneralizedDiceLoss: w_c from the group's target sums, infinite weights (absent classes) replaced
            // by the group's largest finite weight; one coefficient per group over the classes in K.
            for (int g = 0; g < G; g++)
            {
                var wg = new double[C];
                double largest = 0;
                for (int c = first; c < C; c++)
                {
                    wg[c] = spec.GeneralizedWeighting switch
                    {
                        GeneralizedWeighting.InverseSquaredVolume => 1 / (T[g, c] * T[g, c]),
                        GeneralizedWeighting.InverseVolume => 1 / T[g, c],
                        _ => T[g, c] > 0 ? 1 : double.PositiveInfinity,
                    };
                    if (!double.IsInfinity(wg[c])) largest = Math.Max(largest, wg[c]);
                }

                for (int c = first; c < C; c++)
                    if (double.IsInfinity(wg[c])) wg[c] = largest;

                double num = smooth, den = smooth;
                for (int c = first; c < C; c++)
                {
                    num += 2 * wg[c] * I[g, c];
                    den += wg[c] * (P[g, c] + T[g, c]);
                }

                double G1 = den == 0 ? 1 : num / den;
                diceLoss += Term(spec, G1) / G;
                if (den == 0) continue;
                double k = diceScale / G * TermSlope(spec, G1);
                for (int c = first; c < C; c++)
                {
                    dLdI[g, c] = k * wg[c] * 2 / den;
                    dLdP[g, c] = -k * wg[c] * num / (den * den);
                }
            }
        }

        // The pixel term. CE and BCE are the focal forms with gamma = 0 (u^0 = 1, h = 1), as docs/semantics.md defines them.
        double ce = 0, ceW = 0;
        var grad = new double[x.Length];
        var scale = new double[x.Length];
        bool softmaxTerm = spec.Combine == Combine.CrossEntropy || (spec.Combine == Combine.Focal && spec.Activation == Activation.Softmax);
        bool elementTerm = spec.Combine == Combine.BinaryCrossEntropy || (spec.Combine == Combine.Focal && spec.Activation == Activation.Sigmoid);
        double gamma = spec.Combine == Combine.Focal ? spec.FocalGamma : 0;
        if (softmaxTerm)
        {
            // PyTorch's weighted CE mean with label_smoothing eps: f = (1 - eps) w_y (-ln p_y) + (eps / C) sum_k w_k (-ln p_k)
            // over W = sum w_y; focal: the label part times u^gamma, u = sum_(k != y) e_k / sum e_k (eps is 0 there).
            double eps = spec.LabelSmoothing, weightTotal = w.Sum();
            var h = new double[N * S];
            for (int n = 0; n < N; n++)
                for (int s = 0; s < S; s++)
                {
                    if (v[n * S + s] == 0) continue;
                    int y = labels![n * S + s];
                    // -ln p_k = ln sum_j e^(x_j - m) + m - x_k: stable where p_k underflows.
                    double m = double.NegativeInfinity, z = 0, others = 0;
                    for (int c = 0; c < C; c++) m = Math.Max(m, x[Idx(n, c, s)]);
                    for (int c = 0; c < C; c++)
                    {
                        double e = Math.Exp(x[Idx(n, c, s)] - m);
                        z += e;
                        if (c != y) others += e;
                    }

                    double negLogP = Math.Log(z) + m - x[Idx(n, y, s)], u = others / z, py = Math.Exp(-negLogP);
                    double spread = 0;
                    for (int c = 0; c < C; c++) spread += w[c] * (Math.Log(z) + m - x[Idx(n, c, s)]);
                    double vs = v[n * S + s];
                    ce += vs * ((1 - eps) * w[y] * Math.Pow(u, gamma) * negLogP + eps / C * spread);
                    ceW += vs * w[y];
                    h[n * S + s] = gamma == 0 ? 1 : u == 0 ? 0 : Math.Pow(u, gamma) + gamma * Math.Pow(u, gamma - 1) * py * negLogP;
                }

            if (ceW > 0)
                for (int n = 0; n < N; n++)
                    for (int s = 0; s < S; s++)
                    {
                        if (v[n * S + s] == 0) continue;
                        int y = labels![n * S + s];
                        for (int c = 0; c < C; c++)
                        {
                            int i = Idx(n, c, s);
                            double vs = v[n * S + s], label = vs * (1 - eps) * w[y] * h[n * S + s], smoothing = vs * eps / C;
                            grad[i] += a * (label * (p[i] - t[i]) + smoothing * (p[i] * weightTotal - w[c])) / ceW;
                            scale[i] += Math.Abs(a) * (label * (p[i] + t[i]) + smoothing * (p[i] * weightTotal + w[c])) / ceW;
                        }
                    }

            ce = ceW > 0 ? ce / ceW : 0;
        }
        else if (elementTerm)
        {
            // PyTorch's BCEWithLogits mean with pos_weight: f = pw t softplus(-x) + (1 - t) softplus(x);
            // focal: SMP's focal_loss_with_logits, p_t = e^(-BCE), u = 1 - p_t (pw is 1 there).
            // N C S, or with pixel weights C Ω, Ω = sum of ω over every pixel (ignored ones too); the term is 0 when Ω = 0.
            double count = pixelWeights is null ? (double)N * C * S : C * pixelWeights.Sum();
            if (count == 0) count = double.PositiveInfinity;
            for (int n = 0; n < N; n++)
                for (int c = 0; c < C; c++)
                    for (int s = 0; s < S; s++)
                    {
                        int i = Idx(n, c, s);
                        double vs = v[n * S + s], pw = spec.PositiveWeights[c];
                        double bce = pw * t[i] * Softplus(-x[i]) + (1 - t[i]) * Softplus(x[i]);
                        double pt = Math.Exp(-bce), u = -ExpM1(-bce);
                        ce += vs * w[c] * Math.Pow(u, gamma) * bce / count;
                        double hi = gamma == 0 ? 1 : Math.Pow(u, gamma) + (u == 0 ? 0 : gamma * pt * bce * Math.Pow(u, gamma - 1));
                        double slope = p[i] * (pw * t[i] + 1 - t[i]) - pw * t[i];
                        grad[i] += vs * a * w[c] * hi * slope / count;
                        scale[i] += Math.Abs(vs * a * w[c] * hi) * (p[i] * (pw * t[i] + 1 - t[i]) + pw * t[i]) / count;
                    }
        }

        // Dice part: dL/dp, then through the activation.
        var gp = new double[x.Length];
        for (int n = 0; n < N; n++)
            for (int c = 0; c < C; c++)
                for (int s = 0; s < S; s++)
                {
                    int g = spec.BatchDice ? 0 : n, i = Idx(n, c, s);
                    gp[i] = v[n * S + s] * (dLdI[g, c] * t[i] + dLdP[g, c] * q * Math.Pow(p[i], q - 1));
                }

        for (int n = 0; n < N; n++)
            for (int s = 0; s < S; s++)
            {
                double dot = 0, absoluteDot = 0;
                for (int c = 0; c < C; c++)
                {
                    dot += p[Idx(n, c, s)] * gp[Idx(n, c, s)];
                    absoluteDot += p[Idx(n, c, s)] * Math.Abs(gp[Idx(n, c, s)]);
                }

                for (int c = 0; c < C; c++)
                {
                    int i = Idx(n, c, s);
                    grad[i] += spec.Activation switch
                    {
                        Activation.None => gp[i],
                        Activation.Sigmoid => gp[i] * p[i] * (1 - p[i]),
                        _ => p[i] * (gp[i] - dot),
                    };
                    scale[i] += spec.Activation switch
                    {
                        Activation.None => Math.Abs(gp[i]),
                        Activation.Sigmoid => Math.Abs(gp[i] * p[i] * (1 - p[i])),
                        _ => p[i] * (Math.Abs(gp[i]) + absoluteDot),
                    };
                }
            }

        double loss = combined ? a * ce + (1 - a) * diceLoss : diceLoss;
        return new ReferenceResult(loss, diceLoss, ce, classDice, grad, scale);
    }

    /// <summary>l(d): -ln(max(d, 1e-7)) with LogLoss, else max(1 - d, 0)^gamma.</summary>
    private static double Term(DiceLossSpec spec, double d) =>
        spec.LogLoss ? -Math.Log(Math.Max(d, 1e-7)) : Math.Pow(Math.Max(1 - d, 0), spec.OverlapExponent);

    /// <summary>dl/dd: -1/d (0 at the floor) with LogLoss, else -gamma max(1 - d, 1e-7)^(gamma - 1).</summary>
    private static double TermSlope(DiceLossSpec spec, double d)
    {
        if (spec.LogLoss) return d <= 1e-7 ? 0 : -1 / d;
        double gamma = spec.OverlapExponent;
        return -gamma * Math.Pow(Math.Max(1 - d, 1e-7), gamma - 1);
    }

    /// <summary>softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|), without overflow.</summary>
    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <summary>e^x - 1 in float64 without cancellation near 0 (the series where |x| is small).</summary>
    private static double ExpM1(double x)
    {
        if (Math.Abs(x) > 1e-3) return Math.Exp(x) - 1;
        return x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24;
    }
}
