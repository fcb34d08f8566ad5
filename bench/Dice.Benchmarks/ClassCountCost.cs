using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy)] public partial class PerElementCe2 { }
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy)] public partial class PerElementCe14 { }
[DiceLoss(Classes = 19, Combine = Combine.CrossEntropy)] public partial class PerElementCe19 { }
[DiceLoss(Classes = 32, Combine = Combine.CrossEntropy)] public partial class PerElementCe32 { }
[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy)] public partial class PerElementCe104 { }
[DiceLoss(Classes = 150, Combine = Combine.CrossEntropy)] public partial class PerElementCe150 { }
[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe2Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe4Last { }
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe14Last { }
[DiceLoss(Classes = 19, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe19Last { }
[DiceLoss(Classes = 32, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe32Last { }
[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe104Last { }
[DiceLoss(Classes = 150, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class PerElementCe150Last { }

/// <summary>
/// Time per element of ForwardBackward (Dice + CE, labels) by class count, in both layouts, the elements (N x C x S)
/// about the same for every C so that each input is past the caches alike: the cost model's many-classes rows
/// (docs/performance.md). The losses are timed <see cref="Alternated"/>, one call of each in turn, at this machine's
/// vector width; each layout's ratios are to its own C = 4. The <see cref="ChannelStreamFloor"/> of each class count is
/// timed in the same rounds: the memory traffic of the channels-first order alone.
/// </summary>
public static class ClassCountCost
{
    /// <summary>About this many elements per call (N x C x S): 64 MB of input, well past the L3.</summary>
    private const int Elements = 16 << 20;

    /// <summary>With --resident: 1 MB of input, which stays in the L2 of the two cores with its gradient: the arithmetic alone.</summary>
    private const int ResidentElements = 1 << 18;

    /// <summary>The lines per channel and step of the second stream floor: 256 B, the run a staged tile of 4 Vector512s reads.</summary>
    private const int StagedRunLines = 4;

    private sealed record Case(int Classes, Layout Layout, Action<float[], int[], float[], int> Call);

    private static Case Of<TLoss>() where TLoss : IDiceLoss =>
        new(TLoss.Spec.Classes, TLoss.Spec.Layout, (input, labels, gradient, batch) => DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, batch));

    public static string Measure(bool quick, bool resident)
    {
        int elements = resident ? ResidentElements : Elements;
        Case[] cases =
        [
            Of<PerElementCe2>(), Of<CostCe4>(), Of<PerElementCe14>(), Of<PerElementCe19>(), Of<PerElementCe32>(), Of<PerElementCe104>(), Of<PerElementCe150>(),
            Of<PerElementCe2Last>(), Of<PerElementCe4Last>(), Of<PerElementCe14Last>(), Of<PerElementCe19Last>(), Of<PerElementCe32Last>(),
            Of<PerElementCe104Last>(), Of<PerElementCe150Last>(),
        ];
        const int batch = 2;
        // One data set per class count: the layouts read the same values, each in its own order.
        var data = cases.Select(c => c.Classes).Distinct().ToDictionary(c => c, c => new CostData(batch, c, elements / batch / c));
        // The fused calls, then the channel-stream floors of each class count (one line, then runs of a staged tile's 4
        // Vector512s, per channel and step), timed in the same rounds.
        int[] runs = [1, StagedRunLines];
        int[] classCounts = data.Keys.ToArray();
        Action[] calls = cases.Select(c => (Action)(() => c.Call(data[c.Classes].Input, data[c.Classes].Labels, data[c.Classes].Gradient, batch)))
            .Concat(runs.SelectMany(run => classCounts.Select(classes =>
                (Action)(() => ChannelStreamFloor.ForwardBackward(data[classes].Input, data[classes].Gradient, batch, classes, run)))))
            .ToArray();
        double[] seconds = Alternated.Medians((quick ? 3 : 21) * (resident ? 20 : 1), calls);

        double PerElement(Layout layout, int classes) =>
            seconds[Array.FindIndex(cases, c => c.Layout == layout && c.Classes == classes)] / data[classes].Input.Length;
        double FloorPerElement(int run, int classes) =>
            seconds[cases.Length + Array.IndexOf(runs, run) * classCounts.Length + Array.IndexOf(classCounts, classes)] / data[classes].Input.Length;

        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}{(resident ? ", cache-resident" : "")}");
        table.AppendLine("| C | N x C x S | channels-first per element | / C = 4's | channels-last per element | / C = 4's | last / first | stream floor, 1 line | / C = 4's | stream floor, runs of 4 lines | / C = 4's |");
        table.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int classes in classCounts)
        {
            double first = PerElement(Layout.ChannelsFirst, classes), last = PerElement(Layout.ChannelsLast, classes);
            double line = FloorPerElement(1, classes), run = FloorPerElement(StagedRunLines, classes);
            table.AppendLine(string.Format(ci, "| {0} | {1} x {0} x {2} | {3:F3} ns | {4:F2} | {5:F3} ns | {6:F2} | {7:F2} | {8:F3} ns | {9:F2} | {10:F3} ns | {11:F2} |",
                classes, batch, data[classes].Input.Length / batch / classes, first * 1e9, first / PerElement(Layout.ChannelsFirst, 4),
                last * 1e9, last / PerElement(Layout.ChannelsLast, 4), last / first, line * 1e9, line / FloorPerElement(1, 4),
                run * 1e9, run / FloorPerElement(StagedRunLines, 4)));
        }

        return table.ToString();
    }
}
