using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, PixelWeights = true)]
public partial class CostCe4Weighted { }

[DiceLoss(Combine = Combine.BinaryCrossEntropy, PixelWeights = true)]
public partial class CostBce1Weighted { }

[DiceLoss(Classes = 17, Combine = Combine.CrossEntropy, PixelWeights = true)]
public partial class CostCe17Weighted { }

/// <summary>
/// The cost of PixelWeights: ForwardBackward of a loss and of the same configuration compiled with PixelWeights, called
/// with a field-of-view mask (a quarter of the pixels 0, the rest 1), timed <see cref="Alternated"/> at this machine's
/// vector width; against the bytes each moves (input and target read by both passes, the gradient written, and the
/// weights read by both passes: one more stream of N x S floats).
/// </summary>
public static class PixelWeightCost
{
    public static string Measure()
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| loss | N x C x S | without | with pixel weights | time ratio | bytes ratio |");
        table.AppendLine("|---|---|---:|---:|---:|---:|");
        Row<CostBce1, CostBce1Weighted>(table, ci, "Dice + BCE, C = 1", 8, 1, 256 * 256, masks: true);
        Row<CostCe4, CostCe4Weighted>(table, ci, "Dice + CE, C = 4", 8, 4, 256 * 256, masks: false);
        Row<CostCe17, CostCe17Weighted>(table, ci, "Dice + CE, C = 17", 2, 17, 64 * 64 * 32, masks: false);
        return table.ToString();
    }

    private static void Row<TPlain, TWeighted>(StringBuilder table, CultureInfo ci, string name, int batch, int classes, int spatial, bool masks)
        where TPlain : IDiceLoss where TWeighted : IDiceLoss
    {
        var data = new CostData(batch, classes, spatial);
        var random = new Random(2);
        float[] weights = Enumerable.Range(0, batch * spatial).Select(_ => random.Next(4) == 0 ? 0f : 1f).ToArray();
        int repeats = (int)Math.Clamp(400_000_000L / data.Input.Length, 51, 1001);
        var (plain, weighted) = Alternated.Medians(
            () =>
            {
                if (masks) DiceCpu.ForwardBackward<TPlain>(data.Input, data.Masks, data.Gradient, batch);
                else DiceCpu.ForwardBackward<TPlain>(data.Input, data.Labels, data.Gradient, batch);
            },
            () =>
            {
                if (masks) DiceCpu.ForwardBackward<TWeighted>(data.Input, data.Masks, weights, data.Gradient, batch);
                else DiceCpu.ForwardBackward<TWeighted>(data.Input, data.Labels, weights, data.Gradient, batch);
            },
            repeats);
        // Two passes read input and target, pass 2 writes the gradient; the weights add one N x S read to each pass.
        double elements = (double)batch * classes * spatial, pixels = (double)batch * spatial;
        double target = masks ? elements : pixels;
        double bytes = 4 * (2 * (elements + target) + elements);
        table.AppendLine(string.Format(ci, "| {0} | {1} x {2} x {3} | {4:F1} us | {5:F1} us | {6:F3} | {7:F3} |",
            name, batch, classes, spatial, plain * 1e6, weighted * 1e6, weighted / plain, (bytes + 4 * 2 * pixels) / bytes));
    }
}
