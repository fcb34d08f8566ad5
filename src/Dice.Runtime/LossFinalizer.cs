namespace Dice;

/// <summary>
/// Turns the sums of pass 1 into the loss terms, <see cref="LossResult.ClassDice"/> and the backward
/// coefficients of pass 2. Scalar double-precision code, O(N·C), shared by every scheduler.
/// </summary>
/// <remarks>
/// The gradient of the Dice term with respect to p is affine in t for each (n, c):
/// g_p = v·k·l'·(dd/dI·t + dd/dP·q·p^(q-1)) = v·(A·t + B·p^(q-1)). This computes A and B.
/// </remarks>
internal static class LossFinalizer
{
    /// <summary>The floor under d in the LogLoss term -ln(max(d, LogFloor)).</summary>
    internal const double LogFloor = 1e-7;

    /// <param name="spec">The resolved configuration.</param>
    /// <param name="batch">N.</param>
    /// <param name="spatial">S.</param>
    /// <param name="sums">Per sample <c>[I(C), P(C), T(C)]</c>, N·3C values.</param>
    /// <param name="crossEntropySum">The weighted sum of CE or BCE terms.</param>
    /// <param name="crossEntropyWeight">W, the CE normaliser (sum of v·w_y).</param>
    /// <param name="diceCoefficients">Receives per sample <c>[A(C), B(C)]</c>; empty for forward only.</param>
    /// <param name="crossEntropyScale">Receives the factor of the CE/BCE gradient (a/W or a/(N·C·S)).</param>
    public static LossResult Compute(
        DiceLossSpec spec, int batch, int spatial, ReadOnlySpan<double> sums,
        double crossEntropySum, double crossEntropyWeight, Span<float> diceCoefficients, out float crossEntropyScale)
    {
        int classes = spec.Classes;
        int first = spec.FirstDiceClass;
        bool combined = spec.Combine != Combine.None;
        double alpha = spec.Alpha;
        double diceScale = combined ? 1 - alpha : 1;
        double q = spec.Squared ? 2 : 1;

        double weightSum = 0;
        for (int c = first; c < classes; c++) weightSum += spec.ClassWeights[c];

        var classDice = new double[classes];
        double diceLoss = 0;
        int groups = spec.BatchDice ? 1 : batch;
        for (int g = 0; g < groups; g++)
        {
            for (int c = 0; c < classes; c++)
            {
                double i = 0, p = 0, t = 0;
                int from = spec.BatchDice ? 0 : g, to = spec.BatchDice ? batch : g + 1;
                for (int n = from; n < to; n++)
                {
                    int b = n * 3 * classes;
                    i += sums[b + c];
                    p += sums[b + classes + c];
                    t += sums[b + 2 * classes + c];
                }

                var (d, dDdI, dDdP) = Coefficient(i, p, t, spec.Smooth, spec.Jaccard);
                classDice[c] += d;
                if (c < first) continue;

                double w = spec.ClassWeights[c];
                double term = spec.LogLoss ? -Math.Log(Math.Max(d, LogFloor)) : 1 - d;
                double termSlope = spec.LogLoss ? (d <= LogFloor ? 0 : -1 / d) : -1;
                double k = diceScale * w / (weightSum * (spec.BatchDice ? 1 : batch));
                diceLoss += w * term / weightSum;

                if (diceCoefficients.IsEmpty) continue;
                float a = (float)(k * termSlope * dDdI);
                float bq = (float)(k * termSlope * dDdP * q);
                for (int n = from; n < to; n++)
                {
                    diceCoefficients[n * 2 * classes + c] = a;
                    diceCoefficients[n * 2 * classes + classes + c] = bq;
                }
            }
        }

        if (!spec.BatchDice) diceLoss /= batch;
        var classDiceOut = new float[classes];
        for (int c = 0; c < classes; c++) classDiceOut[c] = (float)(classDice[c] / groups);

        // Classes outside the Dice mean get no Dice gradient.
        if (!diceCoefficients.IsEmpty)
        {
            for (int n = 0; n < batch; n++)
                for (int c = 0; c < first; c++)
                {
                    diceCoefficients[n * 2 * classes + c] = 0;
                    diceCoefficients[n * 2 * classes + classes + c] = 0;
                }
        }

        double crossEntropy = 0;
        crossEntropyScale = 0;
        if (spec.Combine == Combine.CrossEntropy && crossEntropyWeight > 0)
        {
            crossEntropy = crossEntropySum / crossEntropyWeight;
            crossEntropyScale = (float)(alpha / crossEntropyWeight);
        }
        else if (spec.Combine == Combine.BinaryCrossEntropy)
        {
            double count = (double)batch * classes * spatial;
            crossEntropy = crossEntropySum / count;
            crossEntropyScale = (float)(alpha / count);
        }

        double loss = combined ? alpha * crossEntropy + (1 - alpha) * diceLoss : diceLoss;
        return new LossResult((float)loss, (float)diceLoss, (float)crossEntropy, classDiceOut);
    }

    /// <summary>The coefficient d and its partial derivatives with respect to I and P (d = 1, slopes 0 on an empty denominator).</summary>
    internal static (double D, double DdI, double DdP) Coefficient(double i, double p, double t, double smooth, bool jaccard)
    {
        if (jaccard)
        {
            double u = i + smooth, den = p + t - i + smooth;
            if (den == 0) return (1, 0, 0);
            return (u / den, 1 / den + u / (den * den), -u / (den * den));
        }

        double num = 2 * i + smooth, dice = p + t + smooth;
        if (dice == 0) return (1, 0, 0);
        return (num / dice, 2 / dice, -num / (dice * dice));
    }
}
