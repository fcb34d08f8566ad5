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
/// vector width; each layout's ratios are to its own C = 4.
/// </summary>
public static class ClassCountCost
{
    /// <summary>About this many elements per call (N x C x S): 64 MB of input, well past the L3.</summary>
    private const int Elements = 16 << 20;

    /// <summary>With --resident: 1 MB of input, which stays in the L2 of the two cores with its gradient: the arithmetic alone.</summary>
    private const int ResidentElements = 1 << 18;

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
        Action[] calls = cases.Select(c => (Action)(() => c.Call(data[c.Classes].Input, data[c.Classes].Labels, data[c.Classes].Gradient, batch))).ToArray();
        double[] seconds = Alternated.Medians((quick ? 3 : 21) * (resident ? 20 : 1), calls);

        double PerElement(Layout layout, int classes) =>
            seconds[Array.FindIndex(cases, c => c.Layout == layout && c.Classes == classes)] / data[classes].Input.Length;

        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}{(resident ? ", cache-resident" : "")}");
        table.AppendLine("| C | N x C x S | channels-first per element | / C = 4's | channels-last per element | / C = 4's | last / first |");
        table.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (int classes in data.Keys)
        {
            double first = PerElement(Layout.ChannelsFirst, classes), last = PerElement(Layout.ChannelsLast, classes);
            table.AppendLine(string.Format(ci, "| {0} | {1} x {0} x {2} | {3:F3} ns | {4:F2} | {5:F3} ns | {6:F2} | {7:F2} |",
                classes, batch, data[classes].Input.Length / batch / classes, first * 1e9, first / PerElement(Layout.ChannelsFirst, 4),
                last * 1e9, last / PerElement(Layout.ChannelsLast, 4), last / first));
        }

        return table.ToString();
    }
}
