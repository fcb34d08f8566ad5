using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dice.Benchmarks;

/// <summary>
/// The cost of passing hyperparameters at run time: each case's fused call with the attribute's values against the same
/// call with those values in a <see cref="LossParameters"/> of their own (validated on every call), alternated call by
/// call so that machine noise hits both alike (BenchmarkDotNet measures them minutes apart), medians, and the bytes the
/// parameter call allocates.
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
                var watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 300)
                {
                    benchCase.Fused(backward);
                    benchCase.FusedWithParameters(backward);
                }

                int repeats = (int)Math.Clamp(2_000_000 / Math.Max(1, watch.Elapsed.TotalMicroseconds / 1000), 51, 2001);
                var compiled = new double[repeats];
                var parameters = new double[repeats];
                for (int i = 0; i < repeats; i++)
                {
                    watch.Restart();
                    benchCase.Fused(backward);
                    compiled[i] = watch.Elapsed.TotalMicroseconds;
                    watch.Restart();
                    benchCase.FusedWithParameters(backward);
                    parameters[i] = watch.Elapsed.TotalMicroseconds;
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                benchCase.FusedWithParameters(backward);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Array.Sort(compiled);
                Array.Sort(parameters);
                double a = compiled[repeats / 2], b = parameters[repeats / 2];
                table.AppendLine(string.Format(ci, "| {0} | {1} | {2:F1} us | {3:F1} us | {4:F3} | {5} B |",
                    benchCase, backward ? "ForwardBackward" : "Forward", a, b, b / a, allocated));
            }
        }

        return table.ToString();
    }
}
