using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

/// <summary>
/// The cost of the call settings: ForwardBackward with the loss's own parameters, with Scale = 2 (folded into the
/// backward coefficients) and with AccumulateGradient (one load per element in pass 2's store; the schedule that keeps p
/// keeps it in a pooled scratch buffer), against what accumulating replaces (the call into a second buffer, then
/// <c>TensorPrimitives.Add</c> into the first), timed <see cref="Alternated"/> in one run.
/// </summary>
public static class CallSettingsCost
{
    public static string Measure()
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| loss | N x C x S | plain | Scale = 2 | accumulate | second buffer + add | Scale / plain | accumulate / plain | accumulate / (second buffer + add) |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, batch, classes, spatial, labels) in new[]
        {
            ("Dice + BCE, C = 1", 8, 1, 256 * 256, false),
            ("Dice + CE, C = 4", 8, 4, 256 * 256, true),
            ("Dice + CE, C = 4 (past the L3)", 16, 4, 512 * 512, true),
        })
        {
            var data = new CostData(batch, classes, spatial);
            float[] input = data.Input, masks = data.Masks, gradient = data.Gradient;
            int[] target = data.Labels;
            var second = new float[input.Length];
            LossParameters own = labels ? CostCe4.Spec.Parameters : CostBce1.Spec.Parameters;
            LossParameters scaled = own with { Scale = 2f }, accumulate = own with { AccumulateGradient = true };
            Action Call(LossParameters? parameters) => labels
                ? () => CostCe4.ForwardBackward(input, target, gradient, batch, parameters)
                : () => CostBce1.ForwardBackward(input, masks, gradient, batch, parameters);
            int repeats = (int)Math.Clamp(400_000_000L / input.Length, 31, 1001);
            void SecondBufferAndAdd()
            {
                if (labels) CostCe4.ForwardBackward(input, target, second, batch);
                else CostBce1.ForwardBackward(input, masks, second, batch);
                System.Numerics.Tensors.TensorPrimitives.Add(gradient, second, gradient);
            }

            double[] m = Alternated.Medians(repeats, Call(null), Call(scaled), Call(accumulate), SecondBufferAndAdd);
            table.AppendLine(string.Format(ci, "| {0} | {1} x {2} x {3} | {4:F1} us | {5:F1} us | {6:F1} us | {7:F1} us | {8:F3} | {9:F3} | {10:F3} |",
                name, batch, classes, spatial, m[0] * 1e6, m[1] * 1e6, m[2] * 1e6, m[3] * 1e6, m[1] / m[0], m[2] / m[0], m[2] / m[3]));
        }

        return table.ToString();
    }
}
