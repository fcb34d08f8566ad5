using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy)] public partial class PerElementCe2 { }
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy)] public partial class PerElementCe14 { }
[DiceLoss(Classes = 19, Combine = Combine.CrossEntropy)] public partial class PerElementCe19 { }
[DiceLoss(Classes = 32, Combine = Combine.CrossEntropy)] public partial class PerElementCe32 { }
[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy)] public partial class PerElementCe104 { }
[DiceLoss(Classes = 150, Combine = Combine.CrossEntropy)] public partial class PerElementCe150 { }

/// <summary>
/// Time per element of ForwardBackward (Dice + CE, labels) by class count, the elements (N x C x S) about the same for
/// every C so that each input is past the caches alike: the cost model's many-classes row (docs/performance.md). The
/// losses are timed <see cref="Alternated"/>, one call of each in turn, at this machine's vector width.
/// </summary>
public static class ClassCountCost
{
    /// <summary>About this many elements per call (N x C x S): 64 MB of input, well past the L3.</summary>
    private const int Elements = 16 << 20;

    private sealed record Case(int Classes, Action<float[], int[], float[], int> Call);

    private static Case Of<TLoss>() where TLoss : IDiceLoss =>
        new(TLoss.Spec.Classes, (input, labels, gradient, batch) => DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, batch));

    public static string Measure(bool quick)
    {
        Case[] cases = [Of<PerElementCe2>(), Of<CostCe4>(), Of<PerElementCe14>(), Of<PerElementCe19>(), Of<PerElementCe32>(),
            Of<PerElementCe104>(), Of<PerElementCe150>()];
        const int batch = 2;
        var data = cases.Select(c => new CostData(batch, c.Classes, Elements / batch / c.Classes)).ToArray();
        Action[] calls = cases.Select((c, i) => (Action)(() => c.Call(data[i].Input, data[i].Labels, data[i].Gradient, batch))).ToArray();
        double[] seconds = Alternated.Medians(quick ? 3 : 21, calls);

        var ci = CultureInfo.InvariantCulture;
        int four = Array.FindIndex(cases, c => c.Classes == 4);
        double perElementAtFour = seconds[four] / data[four].Input.Length;
        var table = new StringBuilder();
        table.AppendLine($"Width: {CostData.Width}");
        table.AppendLine("| C | N x C x S | ForwardBackward | per element | per element / C = 4's |");
        table.AppendLine("|---:|---|---:|---:|---:|");
        for (int i = 0; i < cases.Length; i++)
        {
            double perElement = seconds[i] / data[i].Input.Length;
            table.AppendLine(string.Format(ci, "| {0} | {1} x {0} x {2} | {3:F2} ms | {4:F3} ns | {5:F2} |",
                cases[i].Classes, batch, data[i].Input.Length / batch / cases[i].Classes, seconds[i] * 1e3, perElement * 1e9, perElement / perElementAtFour));
        }

        return table.ToString();
    }
}
