using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class CostBce1 { }

[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy)]
public partial class CostBce3 { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class CostCe4 { }

[DiceLoss(Classes = 17, Combine = Combine.CrossEntropy)]
public partial class CostCe17 { }

/// <summary>
/// The cost of the pixel term's per-call options, which run the weighted kernels: ForwardBackward of each loss with its
/// own values (all-1 weights, no smoothing: the unweighted kernels), with one class weighted 0.5, and with the option of
/// its term (BCE: one class's positives weighted 10, PyTorch's pos_weight; CE: label smoothing 0.1), timed
/// <see cref="Alternated"/> at this machine's vector width.
/// </summary>
public static class PixelTermOptionCost
{
    public static string Measure()
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| loss | N x C x S | unweighted kernels | class weights | / unweighted | option | option's time | / unweighted |");
        table.AppendLine("|---|---|---:|---:|---:|---|---:|---:|");
        Row(table, ci, "Dice + BCE, C = 1", 8, 1, 256 * 256, Masks<CostBce1>, CostBce1.Spec.Parameters, "PositiveWeights", p => p with { PositiveWeights = Tenfold(1) });
        Row(table, ci, "Dice + BCE, C = 3", 4, 3, 256 * 256, Masks<CostBce3>, CostBce3.Spec.Parameters, "PositiveWeights", p => p with { PositiveWeights = Tenfold(3) });
        Row(table, ci, "Dice + CE, C = 4", 8, 4, 256 * 256, Labels<CostCe4>, CostCe4.Spec.Parameters, "LabelSmoothing 0.1", p => p with { LabelSmoothing = 0.1f });
        Row(table, ci, "Dice + CE, C = 17", 2, 17, 64 * 64 * 32, Labels<CostCe17>, CostCe17.Spec.Parameters, "LabelSmoothing 0.1", p => p with { LabelSmoothing = 0.1f });
        return table.ToString();
    }

    /// <summary>All 1 but the last class's positives, weighted 10.</summary>
    private static float[] Tenfold(int classes)
    {
        float[] weights = Enumerable.Repeat(1f, classes).ToArray();
        weights[^1] = 10f;
        return weights;
    }

    private delegate void Call(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters);

    private static void Labels<TLoss>(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters) where TLoss : IDiceLoss =>
        DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, batch, parameters);

    private static void Masks<TLoss>(float[] input, int[] labels, float[] masks, float[] gradient, int batch, LossParameters? parameters) where TLoss : IDiceLoss =>
        DiceCpu.ForwardBackward<TLoss>(input, masks, gradient, batch, parameters);

    private static void Row(
        StringBuilder table, CultureInfo ci, string name, int batch, int classes, int spatial, Call call, LossParameters own,
        string optionName, Func<LossParameters, LossParameters> option)
    {
        // The loss's own weights are all 1; one weight of 0.5 makes the call run the weighted kernels.
        float[] weights = Enumerable.Repeat(1f, classes).ToArray();
        weights[^1] = 0.5f;
        LossParameters weighted = own with { ClassWeights = weights };
        LossParameters optioned = option(own);
        var data = new CostData(batch, classes, spatial);
        int repeats = (int)Math.Clamp(400_000_000L / data.Input.Length, 51, 1001);
        double[] medians = Alternated.Medians(
            repeats,
            () => call(data.Input, data.Labels, data.Masks, data.Gradient, batch, null),
            () => call(data.Input, data.Labels, data.Masks, data.Gradient, batch, weighted),
            () => call(data.Input, data.Labels, data.Masks, data.Gradient, batch, optioned));
        double plain = medians[0];
        table.AppendLine(string.Format(ci, "| {0} | {1} x {2} x {3} | {4:F1} us | {5:F1} us | {6:F3} | {7} | {8:F1} us | {9:F3} |",
            name, batch, classes, spatial, plain * 1e6, medians[1] * 1e6, medians[1] / plain, optionName, medians[2] * 1e6, medians[2] / plain));
    }
}
