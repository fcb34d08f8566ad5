using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

/// <summary>
/// The generated Evaluate (validation counts, docs/semantics.md "Segmentation metrics") against the copy floor of the
/// bytes it reads (input and labels: a copy of half of them on all cores, as many bytes read and written in all) and,
/// with <c>--torch FILE</c> from bench/torch/evaluate_metrics.py, against PyTorch's argmax + one_hot + sums on the same
/// shapes. Fused and floor are timed <see cref="Alternated"/>; the PyTorch times come from their own run.
/// </summary>
public static class EvaluateCost
{
    private sealed record Case(string Name, int Batch, int Classes, int Spatial, Func<float[], int[], int, SegmentationCounts> Evaluate);

    private static Case Of<TLoss>(string name, int batch, int spatial) where TLoss : IDiceLoss =>
        new(name, batch, TLoss.Spec.Classes, spatial, (input, labels, n) => DiceCpu.Evaluate<TLoss>(input, labels, n));

    /// <summary>
    /// The shapes of bench/torch/evaluate_metrics.py: the seed's 2D case and BTCV's volumes (both within the 32 MiB L3 of
    /// the machine measured), then each class count past it.
    /// </summary>
    private static readonly Case[] Cases =
    [
        Of<CostCe4>("C4 8x256x256", 8, 256 * 256),
        Of<PerElementCe14>("C14 2x64^3", 2, 64 * 64 * 64),
        Of<CostCe4>("C4 16x512x512", 16, 512 * 512),
        Of<PerElementCe14>("C14 4x64^3", 4, 64 * 64 * 64),
    ];

    public static string Measure(bool quick, IReadOnlyDictionary<(string Case, string Pass), double>? torch)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| case | bytes read | Evaluate | copy floor (c) | % of floor | PyTorch argmax + one_hot + sums | vs PyTorch | Evaluate alloc/op |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Case c in Cases)
        {
            var data = new CostData(c.Batch, c.Classes, c.Spatial);
            // As the PyTorch side: 1 pixel in 20 ignored.
            for (int i = 0; i < data.Labels.Length; i += 20) data.Labels[i] = -100;
            long bytes = 4L * (data.Input.Length + data.Labels.Length);
            var source = new byte[bytes / 2];
            var target = new byte[source.Length];
            void Fused() => c.Evaluate(data.Input, data.Labels, c.Batch);
            void Floor() => BenchCase.Copy(source, target, source.Length);
            var (fused, floor) = Alternated.Medians(Fused, Floor, quick ? 3 : 21);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Fused();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            string torchTime = "—", ratio = "—";
            if (torch is not null && torch.TryGetValue((c.Name, "Evaluate"), out double torchMs))
            {
                torchTime = string.Format(ci, "{0:F2} ms", torchMs);
                ratio = string.Format(ci, "{0:F1}x", torchMs / 1e3 / fused);
            }

            table.AppendLine(string.Format(ci, "| {0} | {1:F1} MB | {2:F3} ms | {3:F3} ms | {4:F0}% | {5} | {6} | {7} B |",
                c.Name, bytes / 1e6, fused * 1e3, floor * 1e3, 100 * floor / fused, torchTime, ratio, allocated));
        }

        return table.ToString();
    }
}
