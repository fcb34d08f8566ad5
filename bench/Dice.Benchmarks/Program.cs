using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dice.Benchmarks;

// dotnet run -c Release --project bench/Dice.Benchmarks [-- --quick] [--out FILE]
bool quick = args.Contains("--quick");
// --torch FILE: a CSV of bench/torch/ (seed_losses.py for the default table, evaluate_metrics.py for --evaluate).
int torchIndex = Array.IndexOf(args, "--torch");
IReadOnlyDictionary<(string Case, string Pass), double>? torch = torchIndex >= 0 && torchIndex + 1 < args.Length
    ? PerformanceTable.ReadTorch(args[torchIndex + 1])
    : null;
int outIndex = Array.IndexOf(args, "--out");
string? outFile = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
if (args.Contains("--scaling"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --scaling [--out FILE]: the N·S x C sweep and its PNG.
    Report(Scaling.Measure(Path.Combine("docs", "images", "scaling.png")));
    return;
}

if (args.Contains("--parameters"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --parameters [--out FILE]: run-time hyperparameters against compiled ones.
    Report(ParameterOverhead.Measure());
    return;
}

if (args.Contains("--family"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --family [--quick] [--out FILE]: the loss family against scalar ports and Dice + CE.
    Report(Family.Measure(quick));
    return;
}

if (args.Contains("--pixel-weights"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --pixel-weights: a loss with PixelWeights against the same one without.
    Report(PixelWeightCost.Measure());
    return;
}

if (args.Contains("--pixel-term-options"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --pixel-term-options: class weights, positive weights and
    // label smoothing (the weighted pixel-term kernels) against the unweighted kernels.
    Report(PixelTermOptionCost.Measure());
    return;
}

if (args.Contains("--classes"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --classes [--quick] [--resident]: time per element by class
    // count, on 64 MB of input or (--resident) on 1 MB, which the caches hold.
    Report(ClassCountCost.Measure(quick, args.Contains("--resident")));
    return;
}

if (args.Contains("--many-classes"))
{
    // /usr/bin/python3 bench/torch/many_classes.py --out out/torch-many-classes.csv, then
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --many-classes [--quick] [--torch out/torch-many-classes.csv]:
    // the fused loss against the vectorised PyTorch loss on the BTCV, Cityscapes and TotalSegmentator shapes.
    Report(ManyClassCost.Measure(quick, torchIndex >= 0 && torchIndex + 1 < args.Length ? ManyClassCost.ReadTorch(args[torchIndex + 1]) : null));
    return;
}

if (args.Contains("--evaluate"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --evaluate [--quick] [--torch FILE]: validation counts
    // against the copy floor and, with bench/torch/evaluate_metrics.py's CSV, PyTorch.
    Report(EvaluateCost.Measure(quick, torch));
    return;
}

if (args.Contains("--call-settings"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --call-settings: Scale and AccumulateGradient against a plain call.
    Report(CallSettingsCost.Measure());
    return;
}

if (args.Contains("--schedules"))
{
    // dotnet run -c Release --project bench/Dice.Benchmarks -- --schedules [--out FILE]: the two ForwardBackward schedules by size.
    Report(Schedules.Measure());
    return;
}

// In-process: no separate build per benchmark, so it runs the same offline and in CI.
Job job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
job = quick
    ? job.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(9).WithInvocationCount(1).WithUnrollFactor(1)
    : job.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
IConfig config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
string[] benchmarkArgs = args.Where((a, i) => a is not ("--quick" or "--out" or "--torch") && (i == 0 || args[i - 1] is not ("--out" or "--torch"))).ToArray();
Summary summary = BenchmarkRunner.Run<LossBenchmarks>(config, benchmarkArgs);

Report(PerformanceTable.Render(summary, quick, torch));

// A table to the console, and to --out FILE when given.
void Report(string table)
{
    Console.WriteLine(table);
    if (outFile is not null) File.WriteAllText(outFile, table);
}

/// <summary>The derived table: ratios measured in the same run, effective bandwidth against the copy floor, allocations.</summary>
internal static class PerformanceTable
{
    public static string Render(Summary summary, bool quick, IReadOnlyDictionary<(string Case, string Pass), double>? torch)
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; mode: {(quick ? "quick" : "full")}");
        text.AppendLine();
        text.AppendLine("| case | pass | fused | vs scalar seed (a) | vs TensorPrimitives (b) | bandwidth | copy floor (c) | % of floor | fused / exp floor (d) | run-time parameters / compiled | fused alloc/op | (a) alloc/op |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in summary.Reports.GroupBy(r => (Case: r.BenchmarkCase.Parameters["Case"]!.ToString()!, Backward: (bool)r.BenchmarkCase.Parameters["Backward"]!)))
        {
            // A method left out by --filter shows as NaN.
            BenchmarkReport? Get(string method) => group.SingleOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
            double Mean(string method) => Get(method)?.ResultStatistics?.Mean ?? double.NaN; // ns
            long Allocated(string method) => Get(method) is { } report ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1 : -1;
            var benchCase = (BenchCase)Get("Fused")!.BenchmarkCase.Parameters["Case"]!;
            double bytes = benchCase.BytesTouched(group.Key.Backward);
            double fused = Mean("Fused"), floor = Mean("CopyFloor");
            text.AppendLine(string.Format(ci,
                "| {0} | {1} | {2:F2} ms | {3:F1}x | {4:F1}x | {5:F1} GB/s | {6:F1} GB/s | {7:F0}% | {8:F2}x | {9:F3} | {10} B | {11:F1} MB |",
                group.Key.Case, group.Key.Backward ? "ForwardBackward" : "Forward", fused / 1e6,
                Mean("ScalarSeed") / fused, Mean("TensorPrimitives") / fused,
                bytes / fused, bytes / floor, 100 * floor / fused, fused / Mean("ExpFloor"), Mean("FusedWithParameters") / fused,
                Allocated("Fused"), Allocated("ScalarSeed") / 1e6));
        }

        if (torch is not null) RenderTorch(text, summary, torch);
        return text.ToString();
    }

    /// <summary>The seed's own PyTorch code (e), timed by bench/torch/seed_losses.py on this machine, against the fused time of this run.</summary>
    private static void RenderTorch(StringBuilder text, Summary summary, IReadOnlyDictionary<(string Case, string Pass), double> torch)
    {
        var ci = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine("| case | pass | PyTorch eager (e) | fused | fused speed-up over (e) |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (BenchmarkReport report in summary.Reports.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == "Fused"))
        {
            string name = report.BenchmarkCase.Parameters["Case"]!.ToString()!;
            string pass = (bool)report.BenchmarkCase.Parameters["Backward"]! ? "ForwardBackward" : "Forward";
            double fused = (report.ResultStatistics?.Mean ?? double.NaN) / 1e6; // ms
            double eager = torch.TryGetValue((name, pass), out double ms) ? ms : double.NaN;
            text.AppendLine(string.Format(ci, "| {0} | {1} | {2:F2} ms | {3:F3} ms | {4:F1}x |", name, pass, eager, fused, eager / fused));
        }
    }

    /// <summary>Reads "case,pass,milliseconds" lines ('#' starts a comment).</summary>
    public static IReadOnlyDictionary<(string Case, string Pass), double> ReadTorch(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(','))
            .ToDictionary(f => (f[0], f[1]), f => double.Parse(f[2], CultureInfo.InvariantCulture));
}
