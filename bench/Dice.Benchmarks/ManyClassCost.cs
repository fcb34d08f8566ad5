using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

/// <summary>
/// The fused ForwardBackward (Dice + CE, labels, channels-first) against the vectorised PyTorch formulation of
/// bench/torch/many_classes.py (one_hot + softmax + sums over the spatial dims) on three datasets' shapes: BTCV (C = 14,
/// 2 x 64^3), Cityscapes-like (C = 19, 2 x 512 x 512) and TotalSegmentator-like (C = 104, 1 x 48^3); then, without
/// PyTorch, the same shapes channels-last and channels-first on planes 16 pixels longer. Time: the fused
/// losses <see cref="Alternated"/>, medians, against the script's medians. Memory: the managed bytes one fused call
/// allocates (its result), against the peak the script measured PyTorch's call to add. Floors, alternated with the
/// fused calls: the copy floor (a copy on all cores of half the least bytes a ForwardBackward moves, the input and
/// labels read and the gradient written, so that as many bytes are read and written in all) and the exp floor (one
/// <c>TensorPrimitives.Exp</c> over the input on all cores); PyTorch / copy floor is the ratio a kernel at the copy
/// floor would reach.
/// </summary>
public static class ManyClassCost
{
    private sealed record Case(string Name, int Batch, int Classes, int Spatial, Func<float[], int[], float[], int, LossResult> Call);

    private static Case Of<TLoss>(string name, int batch, int spatial) where TLoss : IDiceLoss =>
        new(name, batch, TLoss.Spec.Classes, spatial, (input, labels, gradient, n) => DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, n));

    /// <summary>The table, with the PyTorch columns where <paramref name="torch"/> (case -> milliseconds, peak MiB) has the case.</summary>
    public static string Measure(bool quick, IReadOnlyDictionary<string, (double Milliseconds, double PeakMib)>? torch)
    {
        Case[] cases =
        [
            Of<PerElementCe14>("btcv-c14", 2, 64 * 64 * 64),
            Of<PerElementCe19>("cityscapes-c19", 2, 512 * 512),
            Of<PerElementCe104>("totalseg-c104", 1, 48 * 48 * 48),
            // The same shapes channels-last (N x S x C).
            Of<PerElementCe14Last>("btcv-c14-last", 2, 64 * 64 * 64),
            Of<PerElementCe19Last>("cityscapes-c19-last", 2, 512 * 512),
            Of<PerElementCe104Last>("totalseg-c104-last", 1, 48 * 48 * 48),
            // Channels-first planes one cache line longer: the channels of a plane of a multiple of 1,024 pixels start in
            // the same cache sets, and these rows show what that costs against planes whose channels do not.
            Of<PerElementCe14>("btcv-c14-plane+16", 2, 64 * 64 * 64 + 16),
            Of<PerElementCe19>("cityscapes-c19-plane+16", 2, 512 * 512 + 16),
            Of<PerElementCe104>("totalseg-c104-plane+16", 1, 48 * 48 * 48 + 16),
        ];
        var data = cases.Select(c => new CostData(c.Batch, c.Classes, c.Spatial)).ToArray();
        // Per case: the schedule DiceCpu chooses, then each schedule forced (recompute p, keep p).
        BackwardSchedule?[] schedules = [null, BackwardSchedule.RecomputeProbabilities, BackwardSchedule.KeepProbabilities];
        Action[] calls = cases.SelectMany((c, i) => schedules.Select(schedule => (Action)(() =>
            Schedules.Forced(schedule, () => c.Call(data[i].Input, data[i].Labels, data[i].Gradient, c.Batch))))).ToArray();
        // Per case, after the fused calls: the copy floor, then the exp floor.
        long[] leastBytes = data.Select(d => BenchCase.BytesTouched(d.Input.Length, d.Labels.Length, backward: true)).ToArray();
        byte[] copySource = new byte[leastBytes.Max() / 2], copyTarget = new byte[copySource.Length];
        Action[] floors = cases.SelectMany((c, i) => new Action[]
        {
            () => BenchCase.Copy(copySource, copyTarget, (int)(leastBytes[i] / 2)),
            () => BenchCase.Exp(data[i].Input, data[i].Gradient),
        }).ToArray();
        double[] all = Alternated.Medians(quick ? 3 : 21, [.. calls, .. floors]);
        double[] seconds = cases.Select((_, i) => all[i * schedules.Length]).ToArray();
        int floorsAt = cases.Length * schedules.Length;

        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| case | N x C x S | fused | PyTorch | PyTorch / fused | fused allocates per call | PyTorch's peak per call | recompute p | keep p | copy floor | fused / copy floor | exp floor | fused / exp floor | PyTorch / copy floor |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < cases.Length; i++)
        {
            Case c = cases[i];
            long allocated = AllocatedBy(() => c.Call(data[i].Input, data[i].Labels, data[i].Gradient, c.Batch));
            double copyFloor = all[floorsAt + 2 * i], expFloor = all[floorsAt + 2 * i + 1];
            string torchTime = "-", ratio = "-", torchPeak = "-", floorRatio = "-";
            if (torch is not null && torch.TryGetValue(c.Name, out var t))
            {
                torchTime = string.Format(ci, "{0:F1} ms", t.Milliseconds);
                ratio = string.Format(ci, "{0:F1}x", t.Milliseconds / (seconds[i] * 1e3));
                torchPeak = string.Format(ci, "{0:F0} MiB", t.PeakMib);
                floorRatio = string.Format(ci, "{0:F1}x", t.Milliseconds / (copyFloor * 1e3));
            }

            table.AppendLine(string.Format(ci, "| {0} | {1} x {2} x {3} | {4:F2} ms | {5} | {6} | {7:F1} KiB | {8} | {9:F2} ms | {10:F2} ms | {11:F2} ms | {12:F2} | {13:F2} ms | {14:F2} | {15} |",
                c.Name, c.Batch, c.Classes, c.Spatial, seconds[i] * 1e3, torchTime, ratio, allocated / 1024.0, torchPeak,
                all[i * schedules.Length + 1] * 1e3, all[i * schedules.Length + 2] * 1e3,
                copyFloor * 1e3, seconds[i] / copyFloor, expFloor * 1e3, seconds[i] / expFloor, floorRatio));
        }

        table.AppendLine();
        table.AppendLine(string.Format(ci, "Input per case: {0}.",
            string.Join(", ", cases.Select(c => string.Format(ci, "{0} {1:F0} MiB", c.Name, (double)c.Batch * c.Classes * c.Spatial * 4 / (1 << 20))))));
        return table.ToString();
    }

    /// <summary>The managed bytes <paramref name="call"/> allocates on every thread (after one call to warm it up).</summary>
    private static long AllocatedBy(Action call)
    {
        call();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        call();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>Reads bench/torch/many_classes.py's CSV: case, milliseconds, peak MiB.</summary>
    public static IReadOnlyDictionary<string, (double, double)> ReadTorch(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
}
