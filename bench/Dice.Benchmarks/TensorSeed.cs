using System.Numerics.Tensors;

namespace Dice.Benchmarks;

/// <summary>
/// Baseline (b): the same algorithm composed from <see cref="TensorPrimitives"/> calls, row by row
/// (one row = one (n, c) channel of S pixels) — what a performance-minded C# user writes. SIMD in every
/// call, but every call is its own pass over memory and intermediates are materialised.
/// </summary>
public static class TensorSeed
{
    public static float ForwardBackward(SeedConfig config, float[] x, int[]? labels, float[]? masks, float[]? grad, int batch)
    {
        int C = config.Classes, S = x.Length / (batch * C);
        var p = new float[x.Length];
        var t = new float[x.Length];
        var scratch = new float[S];
        Span<float> Row(float[] a, int n, int c) => a.AsSpan((n * C + c) * S, S);

        if (!config.Logits) x.CopyTo(p, 0);
        else if (config.Combine == Combine.BinaryCrossEntropy) TensorPrimitives.Sigmoid(x, p);
        else
            for (int n = 0; n < batch; n++)
            {
                Row(x, n, 0).CopyTo(scratch);
                for (int c = 1; c < C; c++) TensorPrimitives.Max(scratch, Row(x, n, c), scratch);          // m
                for (int c = 0; c < C; c++)
                {
                    TensorPrimitives.Subtract(Row(x, n, c), scratch, Row(p, n, c));
                    TensorPrimitives.Exp(Row(p, n, c), Row(p, n, c));                                     // e_c
                }

                Row(p, n, 0).CopyTo(scratch);
                for (int c = 1; c < C; c++) TensorPrimitives.Add(scratch, Row(p, n, c), scratch);          // sum
                for (int c = 0; c < C; c++) TensorPrimitives.Divide(Row(p, n, c), scratch, Row(p, n, c));
            }

        if (labels is not null)
            for (int n = 0; n < batch; n++)
                for (int s = 0; s < S; s++)
                    for (int c = 0; c < C; c++)
                        t[(n * C + c) * S + s] = labels[n * S + s] == c ? 1f : 0f;
        else masks!.CopyTo(t, 0);

        var intersection = new double[batch * C];
        var union = new double[batch * C];
        double dice = 0;
        for (int nc = 0; nc < batch * C; nc++)
        {
            var pRow = p.AsSpan(nc * S, S);
            var tRow = t.AsSpan(nc * S, S);
            intersection[nc] = TensorPrimitives.Dot(pRow, tRow);
            union[nc] = TensorPrimitives.Sum(pRow) + TensorPrimitives.Sum(tRow);
            dice += (2 * intersection[nc] + SeedConfig.Smooth) / (union[nc] + SeedConfig.Smooth);
        }

        double diceLoss = 1 - dice / (batch * C);
        double ce = 0;
        var all = new float[x.Length];
        if (config.Combine == Combine.BinaryCrossEntropy)
        {
            // max(x, 0) - x t + ln(1 + e^-|x|)
            var tmp = new float[x.Length];
            TensorPrimitives.Abs(x, tmp);
            TensorPrimitives.Negate(tmp, tmp);
            TensorPrimitives.Exp(tmp, tmp);
            TensorPrimitives.Add(tmp, 1f, tmp);
            TensorPrimitives.Log(tmp, tmp);
            TensorPrimitives.Max(x, 0f, all);
            TensorPrimitives.Add(all, tmp, all);
            TensorPrimitives.Multiply(x, t, tmp);
            TensorPrimitives.Subtract(all, tmp, all);
            ce = TensorPrimitives.Sum(all) / x.Length;
        }
        else if (config.Combine == Combine.CrossEntropy)
        {
            TensorPrimitives.Log(p, all);
            ce = -TensorPrimitives.Dot(all, t) / (batch * S);
        }

        bool combined = config.Combine != Combine.None;
        double loss = combined ? SeedConfig.Alpha * ce + (1 - SeedConfig.Alpha) * diceLoss : diceLoss;
        if (grad is null) return (float)loss;

        double k = (combined ? 1 - SeedConfig.Alpha : 1) / (batch * C);
        var gp = new float[x.Length];
        for (int nc = 0; nc < batch * C; nc++)
        {
            double u = union[nc] + SeedConfig.Smooth;
            float a = (float)(-k * 2 / u), b = (float)(k * (2 * intersection[nc] + SeedConfig.Smooth) / (u * u));
            TensorPrimitives.Multiply(t.AsSpan(nc * S, S), a, gp.AsSpan(nc * S, S));
            TensorPrimitives.Add(gp.AsSpan(nc * S, S), b, gp.AsSpan(nc * S, S));
        }

        if (!config.Logits) gp.CopyTo(grad, 0);
        else if (config.Combine == Combine.BinaryCrossEntropy)
        {
            // gp p (1 - p) + scale (p - t)
            var tmp = new float[x.Length];
            TensorPrimitives.Subtract(1f, p, tmp);
            TensorPrimitives.Multiply(tmp, p, tmp);
            TensorPrimitives.Multiply(tmp, gp, grad);
            TensorPrimitives.Subtract(p, t, tmp);
            TensorPrimitives.MultiplyAdd(tmp, (float)(SeedConfig.Alpha / x.Length), grad, grad);
        }
        else
        {
            float scale = (float)(SeedConfig.Alpha / (batch * S));
            for (int n = 0; n < batch; n++)
            {
                // dot = sum_c p_c gp_c, then grad_c = p_c (gp_c - dot) + scale (p_c - t_c)
                scratch.AsSpan().Clear();
                for (int c = 0; c < C; c++) TensorPrimitives.MultiplyAdd(Row(p, n, c), Row(gp, n, c), scratch, scratch);
                for (int c = 0; c < C; c++)
                {
                    var g = Row(grad, n, c);
                    TensorPrimitives.Subtract(Row(gp, n, c), scratch, g);
                    TensorPrimitives.Multiply(g, Row(p, n, c), g);
                    TensorPrimitives.Subtract(Row(p, n, c), Row(t, n, c), Row(all, n, c));
                    TensorPrimitives.MultiplyAdd(Row(all, n, c), scale, g, g);
                }
            }
        }

        return (float)loss;
    }
}
