using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScottPlot;

namespace Dice.Benchmarks;

[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy)] public partial class ScaleC2 { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)] public partial class ScaleC4 { }
[DiceLoss(Classes = 8, Combine = Combine.CrossEntropy)] public partial class ScaleC8 { }
[DiceLoss(Classes = 16, Combine = Combine.CrossEntropy)] public partial class ScaleC16 { }
[DiceLoss(Classes = 17, Combine = Combine.CrossEntropy)] public partial class ScaleC17 { }
[DiceLoss(Classes = 32, Combine = Combine.CrossEntropy)] public partial class ScaleC32 { }
[DiceLoss(Classes = 64, Combine = Combine.CrossEntropy)] public partial class ScaleC64 { }

/// <summary>
/// The scaling sweep: fused ForwardBackward time per element (N·C·S) for N·S from 2^16 to 2^25 and C from 2
/// to 64 (Dice + CE, labels), median of repeated runs with a Stopwatch (56 configurations would take BenchmarkDotNet
/// too long for this 2-core machine). Writes a markdown table and a PNG.
/// </summary>
public static class Scaling
{
    private delegate void Run(float[] input, int[] labels, float[] gradient, int batch);

    private static Run For<TLoss>() where TLoss : IDiceLoss => (x, y, g, n) => DiceCpu.ForwardBackward<TLoss>(x, y, g, n);

    private static readonly (int Classes, Run Run)[] Losses =
    {
        (2, For<ScaleC2>()), (4, For<ScaleC4>()), (8, For<ScaleC8>()), (16, For<ScaleC16>()),
        (17, For<ScaleC17>()), (32, For<ScaleC32>()), (64, For<ScaleC64>()),
    };

    public static string Measure(string pngPath, int maxLog2Pixels = 25)
    {
        var ci = CultureInfo.InvariantCulture;
        int[] log2Pixels = Enumerable.Range(16, maxLog2Pixels - 15).ToArray();
        var table = new StringBuilder();
        table.AppendLine("| N·S | " + string.Join(" | ", Losses.Select(l => $"C={l.Classes}")) + " |");
        table.AppendLine("|---:|" + string.Concat(Losses.Select(_ => "---:|")));
        var curves = Losses.ToDictionary(l => l.Classes, _ => new List<(double X, double Y)>());
        var random = new Random(1);
        foreach (int log2 in log2Pixels)
        {
            table.Append(ci, $"| 2^{log2} |");
            foreach (var (classes, run) in Losses)
            {
                long elements = (long)classes << log2;
                if (elements > 1L << 28)
                {
                    table.Append(" – |");
                    continue;
                }

                const int batch = 2;
                int pixels = 1 << log2;
                var input = new float[elements];
                for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 6 - 3);
                var labels = new int[pixels];
                for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(classes);
                var gradient = new float[elements];
                double seconds = Median(() => run(input, labels, gradient, batch), elements);
                double nsPerElement = seconds * 1e9 / elements;
                curves[classes].Add((log2, nsPerElement));
                table.Append(ci, $" {nsPerElement:F3} |");
            }

            table.AppendLine();
            Console.Error.WriteLine($"scaling: 2^{log2} done");
        }

        var plot = new Plot();
        foreach (var (classes, points) in curves)
        {
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = $"C = {classes}";
        }

        plot.XLabel("log2(N·S)");
        plot.YLabel("ns per element (N·C·S), ForwardBackward");
        plot.Title("Fused Dice + CE on the CPU: time per element");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, 900, 550);
        return table.ToString();
    }

    private static double Median(Action action, long elements)
    {
        int repeats = (int)Math.Clamp(200_000_000 / elements, 3, 50);
        // Warm up past tiered compilation (tier 0, then OSR, then tier 1 after 30 calls and a delay).
        var warmup = Stopwatch.StartNew();
        for (int i = 0; i < 40 || warmup.ElapsedMilliseconds < 300; i++) action();
        var samples = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(samples);
        return samples[repeats / 2];
    }
}
