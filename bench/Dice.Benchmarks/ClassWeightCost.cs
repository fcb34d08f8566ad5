using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class CostBce1 { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class CostCe4 { }

[DiceLoss(Classes = 17, Combine = Combine.CrossEntropy)]
public partial class CostCe17 { }

/// <summary>
/// The cost of weighted pixel-term kernels: ForwardBackward of each loss with its own (all-1) weights, which runs the
/// unweighted kernels, against the same call with weights not all 1 (one class at 0.5), which runs the weighted ones,
/// timed <see cref="Alternated"/> at this machine's vector width.
/// </summary>
public static class ClassWeightCost
{
    public static string Measure()
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| loss | N x C x S | unweighted kernels | weighted kernels | weighted / unweighted |");
        table.AppendLine("|---|---|---:|---:|---:|");
        Row(table, ci, "Dice + BCE, C = 1", 8, 1, 256 * 256, Masks<CostBce1>, CostBce1.Spec.Parameters);
        Row(table, ci, "Dice + CE, C = 4", 8, 4, 256 * 256, Labels<CostCe4>, CostCe4.Spec.Parameters);
        Row(table, ci, "Dice + CE, C = 17", 2, 17, 64 * 64 * 32, Labels<CostCe17>, CostCe17.Spec.Parameters);
        return table.ToString();
    }

    private delegate void Call(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters);

    private static void Labels<TLoss>(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters) where TLoss : IDiceLoss =>
        DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, batch, parameters);

    private static void Masks<TLoss>(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters) where TLoss : IDiceLoss =>
        DiceCpu.ForwardBackward<TLoss>(input, masks, gradient, batch, parameters);

    private static void Row(StringBuilder table, CultureInfo ci, string name, int batch, int classes, int spatial, Call call, LossParameters own)
    {
        // The loss's own weights are all 1; one weight of 0.5 makes the call run the weighted kernels.
        float[] weights = Enumerable.Repeat(1f, classes).ToArray();
        weights[^1] = 0.5f;
        LossParameters weighted = own with { ClassWeights = weights };
        var data = new CostData(batch, classes, spatial);
        int repeats = (int)Math.Clamp(400_000_000L / data.Input.Length, 51, 1001);
        var (a, b) = Alternated.Medians(
            () => call(data.Input, data.Labels, data.Masks, data.Gradient, batch, null),
            () => call(data.Input, data.Labels, data.Masks, data.Gradient, batch, weighted), repeats);
        table.AppendLine(string.Format(ci, "| {0} | {1} x {2} x {3} | {4:F1} us | {5:F1} us | {6:F3} |",
            name, batch, classes, spatial, a * 1e6, b * 1e6, b / a));
    }
}

