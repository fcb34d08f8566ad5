namespace Dice.Benchmarks;

/// <summary>
/// Baseline (a): a straightforward scalar C# port of the seed, written the way its PyTorch reads:
/// materialise the activation and the one-hot target, reduce, then a hand-written backward that
/// materialises dL/dp before the activation's Jacobian. Allocates its intermediates per call, as the
/// tensor code does.
/// </summary>
public static class ScalarSeed
{
    public static float ForwardBackward(SeedConfig config, float[] x, int[]? labels, float[]? masks, float[]? grad, int batch)
    {
        int C = config.Classes, S = x.Length / (batch * C);
        var p = new float[x.Length];
        var t = new float[x.Length];

        // Activation.
        if (!config.Logits) Array.Copy(x, p, x.Length);
        else if (config.Combine == Combine.BinaryCrossEntropy) Sigmoid(x, p);
        else Softmax(x, p, batch, C);

        Target(labels, masks, t, batch, C);

        // Sums per (n, c): intersection and union.
        var intersection = new double[batch * C];
        var union = new double[batch * C];
        for (int nc = 0; nc < batch * C; nc++)
            for (int s = 0; s < S; s++)
            {
                intersection[nc] += p[nc * S + s] * t[nc * S + s];
                union[nc] += p[nc * S + s] + t[nc * S + s];
            }

        double dice = 0;
        for (int nc = 0; nc < batch * C; nc++) dice += (2 * intersection[nc] + SeedConfig.Smooth) / (union[nc] + SeedConfig.Smooth);
        double diceLoss = 1 - dice / (batch * C);

        double ce = 0;
        if (config.Combine == Combine.BinaryCrossEntropy)
        {
            for (int i = 0; i < x.Length; i++) ce += MathF.Max(x[i], 0) - x[i] * t[i] + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
            ce /= x.Length;
        }
        else if (config.Combine == Combine.CrossEntropy)
        {
            for (int n = 0; n < batch; n++)
                for (int s = 0; s < S; s++) ce -= MathF.Log(p[(n * C + labels![n * S + s]) * S + s]);
            ce /= batch * S;
        }

        bool combined = config.Combine != Combine.None;
        double loss = combined ? SeedConfig.Alpha * ce + (1 - SeedConfig.Alpha) * diceLoss : diceLoss;
        if (grad is null) return (float)loss;

        // Backward: dL/dp materialised, then the activation's Jacobian, then the CE/BCE term.
        double k = (combined ? 1 - SeedConfig.Alpha : 1) / (batch * C);
        var gp = new float[x.Length];
        for (int nc = 0; nc < batch * C; nc++)
        {
            double u = union[nc] + SeedConfig.Smooth;
            double a = -k * 2 / u, b = k * (2 * intersection[nc] + SeedConfig.Smooth) / (u * u);
            for (int s = 0; s < S; s++) gp[nc * S + s] = (float)(a * t[nc * S + s] + b);
        }

        if (!config.Logits) Array.Copy(gp, grad, grad.Length);
        else if (config.Combine == Combine.BinaryCrossEntropy)
        {
            float scale = (float)(SeedConfig.Alpha / x.Length);
            for (int i = 0; i < x.Length; i++) grad[i] = gp[i] * p[i] * (1 - p[i]) + scale * (p[i] - t[i]);
        }
        else SoftmaxBackward(p, t, gp, null, (float)(SeedConfig.Alpha / (batch * S)), grad, batch, C);

        return (float)loss;
    }

    /// <summary>
    /// The softmax Jacobian applied to dL/dp, plus a pixel term's scale times h (1 when <paramref name="h"/> is null)
    /// times (p - t): grad_c = p_c (gp_c - sum_k p_k gp_k) + scale h (p_c - t_c).
    /// </summary>
    public static void SoftmaxBackward(float[] p, float[] t, float[] gp, float[]? h, float scale, float[] grad, int batch, int C)
    {
        int S = p.Length / (batch * C);
        for (int n = 0; n < batch; n++)
            for (int s = 0; s < S; s++)
            {
                float dot = 0;
                for (int c = 0; c < C; c++) dot += p[(n * C + c) * S + s] * gp[(n * C + c) * S + s];
                for (int c = 0; c < C; c++)
                {
                    int i = (n * C + c) * S + s;
                    grad[i] = p[i] * (gp[i] - dot) + scale * (h is null ? 1 : h[i]) * (p[i] - t[i]);
                }
            }
    }

    /// <summary>p = 1 / (1 + e^-x), element by element.</summary>
    public static void Sigmoid(float[] x, float[] p)
    {
        for (int i = 0; i < x.Length; i++) p[i] = 1f / (1f + MathF.Exp(-x[i]));
    }

    /// <summary>p = softmax over the C channels of each pixel, the maximum subtracted.</summary>
    public static void Softmax(float[] x, float[] p, int batch, int C)
    {
        int S = x.Length / (batch * C);
        for (int n = 0; n < batch; n++)
            for (int s = 0; s < S; s++)
            {
                float max = float.NegativeInfinity, sum = 0;
                for (int c = 0; c < C; c++) max = MathF.Max(max, x[(n * C + c) * S + s]);
                for (int c = 0; c < C; c++) sum += p[(n * C + c) * S + s] = MathF.Exp(x[(n * C + c) * S + s] - max);
                for (int c = 0; c < C; c++) p[(n * C + c) * S + s] /= sum;
            }
    }

    /// <summary>t: one-hot from labels, or the masks copied.</summary>
    public static void Target(int[]? labels, float[]? masks, float[] t, int batch, int C)
    {
        int S = t.Length / (batch * C);
        if (labels is not null)
            for (int n = 0; n < batch; n++)
                for (int c = 0; c < C; c++)
                    for (int s = 0; s < S; s++)
                        t[(n * C + c) * S + s] = labels[n * S + s] == c ? 1f : 0f;
        else Array.Copy(masks!, t, t.Length);
    }
}
