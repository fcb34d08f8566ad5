using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

/// <summary>
/// The cost of passing hyperparameters at run time: each case's fused call with the attribute's values against the same
/// call with those values in a <see cref="LossParameters"/> of their own (validated on every call), timed
/// <see cref="Alternated"/>, and the bytes the parameter call allocates.
/// </summary>
public static class ParameterOverhead
{
    public static string Measure()
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| case | pass | compiled values | run-time parameters | parameters / compiled | parameters alloc/call |");
        table.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (BenchCase benchCase in BenchCase.All())
        {
            foreach (bool backward in new[] { false, true })
            {
                // Fewer pairs for larger inputs: 1907 at 0.5 M elements (N·C·S), 141 at 7 M.
                int repeats = (int)Math.Clamp(1_000_000_000L / benchCase.Elements, 51, 2001);
                var (compiled, parameters) = Alternated.Medians(
                    () => benchCase.Fused(backward), () => benchCase.FusedWithParameters(backward), repeats);
                long before = GC.GetAllocatedBytesForCurrentThread();
                benchCase.FusedWithParameters(backward);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                double a = compiled * 1e6, b = parameters * 1e6;
                table.AppendLine(string.Format(ci, "| {0} | {1} | {2:F1} us | {3:F1} us | {4:F3} | {5} B |",
                    benchCase, backward ? "ForwardBackward" : "Forward", a, b, b / a, allocated));
            }
        }

        return table.ToString();
    }
}
