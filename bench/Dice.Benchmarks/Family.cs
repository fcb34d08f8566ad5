using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)]
public partial class FusedTverskyCe { }

[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f)]
public partial class FusedGeneralizedDice { }

[DiceLoss(Classes = 4, Combine = Combine.Focal)]
public partial class FusedDiceFocalSoftmax { }

[DiceLoss(Combine = Combine.Focal)]
public partial class FusedDiceFocalSigmoid { }

/// <summary>
/// The loss family against a scalar port of each formula and against the Dice + CE row, alternated call by call in one
/// run (<see cref="Alternated"/>): <c>dotnet run -c Release --project bench/Dice.Benchmarks -- --family [--quick]</c>.
/// </summary>
public static class Family
{
    private sealed record Row(string Name, FamilyScalar.Config Config, Func<float[], int[]?, float[]?, float[]?, int, float> Fused);

    private static Func<float[], int[]?, float[]?, float[]?, int, float> Labels<TLoss>() where TLoss : IDiceLoss =>
        (x, labels, _, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, labels, n).Loss : DiceCpu.ForwardBackward<TLoss>(x, labels, grad, n).Loss;

    private static Func<float[], int[]?, float[]?, float[]?, int, float> Masks<TLoss>() where TLoss : IDiceLoss =>
        (x, _, masks, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, masks, n).Loss : DiceCpu.ForwardBackward<TLoss>(x, masks, grad, n).Loss;

    private static readonly Row[] Rows =
    {
        new("Tversky(0.3, 0.7) + CE, C = 4", new(4, Overlap.Tversky, Combine.CrossEntropy, Softmax: true), Labels<FusedTverskyCe>()),
        new("Generalized Dice, C = 4", new(4, Overlap.GeneralizedDice, Combine.None, Softmax: true), Labels<FusedGeneralizedDice>()),
        new("Dice + focal softmax, C = 4", new(4, Overlap.Dice, Combine.Focal, Softmax: true), Labels<FusedDiceFocalSoftmax>()),
        new("Dice + focal sigmoid, C = 1", new(1, Overlap.Dice, Combine.Focal, Softmax: false), Masks<FusedDiceFocalSigmoid>()),
    };

    public static string Measure(bool quick)
    {
        const int batch = 8, spatial = 256 * 256;
        int repeats = quick ? 5 : 51;
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, N = {batch}, 256x256; medians of {repeats} alternated pairs");
        text.AppendLine();
        text.AppendLine("| loss | pass | fused | scalar port of the formula | fused speed-up | Dice + CE (C = 4) fused, same run | fused / Dice + CE |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        Func<float[], int[]?, float[]?, float[]?, int, float> diceCe = Labels<FusedDiceBceLossMulticlass>();
        foreach (Row row in Rows)
        {
            var random = new Random(1);
            int classes = row.Config.Classes, elements = batch * classes * spatial;
            float[] input = Enumerable.Range(0, elements).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            int[]? labels = row.Config.Softmax ? Enumerable.Range(0, batch * spatial).Select(_ => random.Next(classes)).ToArray() : null;
            float[]? masks = row.Config.Softmax ? null : Enumerable.Range(0, elements).Select(_ => random.Next(4) == 0 ? 1f : 0f).ToArray();
            float[] gradient = new float[elements];
            // Dice + CE on data of its own shape (C = 4, labels).
            float[] ceInput = Enumerable.Range(0, batch * 4 * spatial).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            int[] ceLabels = Enumerable.Range(0, batch * spatial).Select(_ => random.Next(4)).ToArray();
            float[] ceGradient = new float[ceInput.Length];

            foreach (bool backward in new[] { false, true })
            {
                float[]? grad = backward ? gradient : null;
                // The three in turn, call after call, so that the machine's noise hits them alike.
                double[] medians = Alternated.Medians(repeats,
                    () => row.Fused(input, labels, masks, grad, batch),
                    () => FamilyScalar.ForwardBackward(row.Config, input, labels, masks, grad, batch),
                    () => diceCe(ceInput, ceLabels, null, backward ? ceGradient : null, batch));
                double fused = medians[0], scalar = medians[1], reference = medians[2];
                text.AppendLine(string.Format(ci, "| {0} | {1} | {2:F3} ms | {3:F1} ms | {4:F1}x | {5:F3} ms | {6:F2} |",
                    row.Name, backward ? "ForwardBackward" : "Forward", fused * 1e3, scalar * 1e3, scalar / fused, reference * 1e3, fused / reference));
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Baseline: a straightforward scalar C# port of each family formula, written the way the Python code reads
/// (materialised p and t, sums, dL/dp, then the activation's Jacobian), as <see cref="ScalarSeed"/> is for the seed.
/// Smooth 1, Alpha 0.5, Tversky (0.3, 0.7), focal gamma 2, Generalized Dice with 1/T^2.
/// </summary>
public static class FamilyScalar
{
    public sealed record Config(int Classes, Overlap Overlap, Combine Combine, bool Softmax);

    private const double Smooth = 1, Alpha = 0.5, FalsePositive = 0.3, FalseNegative = 0.7, Gamma = 2;

    public static float ForwardBackward(Config config, float[] x, int[]? labels, float[]? masks, float[]? grad, int batch)
    {
        int C = config.Classes, S = x.Length / (batch * C);
        var p = new float[x.Length];
        var t = new float[x.Length];
        if (config.Softmax) ScalarSeed.Softmax(x, p, batch, C);
        else ScalarSeed.Sigmoid(x, p);
        ScalarSeed.Target(labels, masks, t, batch, C);

        var I = new double[batch * C];
        var P = new double[batch * C];
        var T = new double[batch * C];
        for (int nc = 0; nc < batch * C; nc++)
            for (int s = 0; s < S; s++)
            {
                I[nc] += p[nc * S + s] * t[nc * S + s];
                P[nc] += p[nc * S + s];
                T[nc] += t[nc * S + s];
            }

        // Coefficients and dL/dI, dL/dP per (n, c).
        bool combined = config.Combine != Combine.None;
        double scale = combined ? 1 - Alpha : 1;
        var dI = new double[batch * C];
        var dP = new double[batch * C];
        double diceLoss = 0;
        if (config.Overlap == Overlap.GeneralizedDice)
        {
            for (int n = 0; n < batch; n++)
            {
                var w = new double[C];
                double largest = 0, num = Smooth, den = Smooth;
                for (int c = 0; c < C; c++)
                {
                    w[c] = T[n * C + c] > 0 ? 1 / (T[n * C + c] * T[n * C + c]) : 0;
                    largest = Math.Max(largest, w[c]);
                }

                for (int c = 0; c < C; c++)
                {
                    if (T[n * C + c] == 0) w[c] = largest;
                    num += 2 * w[c] * I[n * C + c];
                    den += w[c] * (P[n * C + c] + T[n * C + c]);
                }

                diceLoss += (1 - num / den) / batch;
                for (int c = 0; c < C; c++)
                {
                    dI[n * C + c] = -scale / batch * w[c] * 2 / den;
                    dP[n * C + c] = scale / batch * w[c] * num / (den * den);
                }
            }
        }
        else
        {
            for (int nc = 0; nc < batch * C; nc++)
            {
                double num, den, ddI, ddP;
                if (config.Overlap == Overlap.Tversky)
                {
                    num = I[nc] + Smooth;
                    den = I[nc] + FalsePositive * (P[nc] - I[nc]) + FalseNegative * (T[nc] - I[nc]) + Smooth;
                    ddI = 1 / den - num * (1 - FalsePositive - FalseNegative) / (den * den);
                    ddP = -num * FalsePositive / (den * den);
                }
                else
                {
                    num = 2 * I[nc] + Smooth;
                    den = P[nc] + T[nc] + Smooth;
                    ddI = 2 / den;
                    ddP = -num / (den * den);
                }

                diceLoss += (1 - num / den) / (batch * C);
                dI[nc] = -scale / (batch * C) * ddI;
                dP[nc] = -scale / (batch * C) * ddP;
            }
        }

        // The pixel term and its per-element factor h (1 for CE).
        double term = 0;
        var h = new float[x.Length];
        if (config.Combine == Combine.CrossEntropy || (config.Combine == Combine.Focal && config.Softmax))
        {
            bool focal = config.Combine == Combine.Focal;
            for (int n = 0; n < batch; n++)
                for (int s = 0; s < S; s++)
                {
                    int y = labels![n * S + s];
                    float py = p[(n * C + y) * S + s], u = 1 - py, logP = MathF.Log(py);
                    term -= (focal ? u * u : 1) * logP;
                    float hy = focal ? u * u - (float)Gamma * u * py * logP : 1;
                    for (int c = 0; c < C; c++) h[(n * C + c) * S + s] = hy;
                }

            term /= batch * S;
        }
        else if (config.Combine == Combine.Focal)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float bce = MathF.Max(x[i], 0) - x[i] * t[i] + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
                float pt = MathF.Exp(-bce), u = 1 - pt;
                term += u * u * bce;
                h[i] = u * u + (float)Gamma * pt * bce * u;
            }

            term /= x.Length;
        }

        double loss = combined ? Alpha * term + (1 - Alpha) * diceLoss : diceLoss;
        if (grad is null) return (float)loss;

        var gp = new float[x.Length];
        for (int nc = 0; nc < batch * C; nc++)
            for (int s = 0; s < S; s++)
                gp[nc * S + s] = (float)(dI[nc] * t[nc * S + s] + dP[nc]);

        float termScale = (float)(Alpha / (config.Softmax ? batch * S : x.Length));
        if (config.Softmax) ScalarSeed.SoftmaxBackward(p, t, gp, h, combined ? termScale : 0, grad, batch, C);
        else
            for (int i = 0; i < x.Length; i++) grad[i] = gp[i] * p[i] * (1 - p[i]) + termScale * h[i] * (p[i] - t[i]);

        return (float)loss;
    }
}
