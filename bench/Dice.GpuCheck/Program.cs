// The GPU check, one process: parity of the device kernels against the CPU path (losses to the parity tolerances,
// Evaluate's counts exactly), the time of fused ForwardBackward and of Evaluate at N=16, C=4, 512x512 with labels and of
// ForwardBackward at N=1, C=104, 48^3 in both layouts
// (data already on the device), and the device's copy bandwidth for the same bytes, all timed with the stream's
// event markers. Prints markdown; exits non-zero when parity fails.
//   Dice.GpuCheck [--device Cuda|IlgpuCpu] [--size 512] [--batch 16]
using System.Diagnostics;
using System.Globalization;
using Dice;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

// ILGPU reports a driver's JIT error only to Trace: show it.
Trace.Listeners.Add(new ConsoleTraceListener(useErrorStream: true));

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "");
DiceDevice device = Enum.Parse<DiceDevice>(options.GetValueOrDefault("device", "Cuda"), ignoreCase: true);
int size = int.Parse(options.GetValueOrDefault("size", "512"), CultureInfo.InvariantCulture);
int batch = int.Parse(options.GetValueOrDefault("batch", "16"), CultureInfo.InvariantCulture);
var ci = CultureInfo.InvariantCulture;

using DiceEngine engine = DiceEngine.Create(device);
Console.WriteLine($"# Dice.Gen GPU check on {engine.DeviceName} ({engine.Device})");
Console.WriteLine();
if (engine.Accelerator is CudaAccelerator cuda)
{
    Console.WriteLine($"ILGPU: architecture {cuda.Architecture}, PTX ISA {cuda.InstructionSet}, driver {cuda.DriverVersion}, " +
        $"{cuda.NumMultiprocessors} multiprocessors, {cuda.MaxNumThreadsPerGroup} threads per group, {cuda.MaxSharedMemoryPerGroup} B shared per group");
    Console.WriteLine();
}

// 1. Parity against the CPU path, the four seed configurations, the options ported from PyTorch (label smoothing,
// pos_weight, pixel weights), the loss family, many classes (class loops) and channels-last data, random shapes (about
// the same elements whatever C: the pixels scale down with the classes).
Console.WriteLine("| parity | N | S | loss (device) | loss (CPU) | relative | gradient relative L2 |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
var random = new Random(5);
bool allClose = true;
foreach (var (name, classes, run) in GpuLosses.All(engine))
{
    int n = random.Next(1, 5), s = random.Next(1, 70_000 * 4 / Math.Max(4, classes));
    float[] input = Enumerable.Range(0, n * classes * s).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
    if (name.EndsWith("probabilities", StringComparison.Ordinal)) input = input.Select(x => 1 / (1 + MathF.Exp(-x))).ToArray();
    int[] labels = Enumerable.Range(0, n * s).Select(_ => random.Next(classes)).ToArray();
    float[] masks = Enumerable.Range(0, n * classes * s).Select(_ => random.Next(3) == 0 ? 1f : 0f).ToArray();
    var (deviceLoss, deviceGradient, cpuLoss, cpuGradient) = run(input, labels, masks, n);
    double diff = 0, norm = 0;
    for (int i = 0; i < cpuGradient.Length; i++) { diff += Math.Pow(deviceGradient[i] - cpuGradient[i], 2); norm += Math.Pow(cpuGradient[i], 2); }
    double relative = Math.Abs(deviceLoss - cpuLoss) / Math.Abs(cpuLoss), l2 = Math.Sqrt(diff / norm);
    allClose &= relative <= 1e-5 && l2 <= 1e-4;
    Console.WriteLine(string.Format(ci, "| {0} | {1} | {2} | {3:G7} | {4:G7} | {5:E1} | {6:E1} |", name, n, s, deviceLoss, cpuLoss, relative, l2));
}

// Evaluate's counts are integers: the device must equal the CPU exactly.
Console.WriteLine();
Console.WriteLine("| Evaluate parity | N | S | counts equal to the CPU's |");
Console.WriteLine("|---|---:|---:|---|");
foreach (var (name, classes, labelsLoss) in new[] { ("Dice + CE, labels", 4, true), ("Dice + BCE, masks", 1, false) })
{
    int n = random.Next(1, 5), s = random.Next(1, 70_000);
    float[] input = Enumerable.Range(0, n * classes * s).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
    int[] labels = Enumerable.Range(0, n * s).Select(_ => random.Next(classes)).ToArray();
    float[] masks = Enumerable.Range(0, n * classes * s).Select(_ => random.Next(3) == 0 ? 1f : 0f).ToArray();
    var (onDevice, onCpu) = labelsLoss
        ? (engine.Evaluate<GpuCeLoss>(input, labels, n), DiceCpu.Evaluate<GpuCeLoss>(input, labels, n))
        : (engine.Evaluate<GpuDiceBce>(input, masks, n), DiceCpu.Evaluate<GpuDiceBce>(input, masks, n));
    bool equal = onDevice.TruePositives.SequenceEqual(onCpu.TruePositives) && onDevice.FalsePositives.SequenceEqual(onCpu.FalsePositives)
        && onDevice.FalseNegatives.SequenceEqual(onCpu.FalseNegatives) && onDevice.TrueNegatives.SequenceEqual(onCpu.TrueNegatives);
    allClose &= equal;
    Console.WriteLine(string.Format(ci, "| {0} | {1} | {2} | {3} |", name, n, s, equal ? "yes" : "NO"));
}

Console.WriteLine();
if (engine.Accelerator is not { } accelerator)
{
    Console.WriteLine("No accelerator: timings skipped.");
    return allClose ? 0 : 1;
}

// 2. Fused ForwardBackward on device-resident data, against the device's copy bandwidth for the same bytes.
int spatial = size * size, elements = batch * 4 * spatial;
using var inputBuffer = accelerator.Allocate1D(Enumerable.Range(0, elements).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray());
using var labelBuffer = accelerator.Allocate1D(Enumerable.Range(0, batch * spatial).Select(_ => random.Next(4)).ToArray());
using var gradientBuffer = accelerator.Allocate1D<float>(elements);
long bytes = 4L * elements * 2 + 4L * batch * spatial;
// One call includes its one read of the (small) result, as a training step would.
double fused = Time(() => engine.ForwardBackward<GpuCeLoss>(inputBuffer.View, labelBuffer.View, gradientBuffer.View, batch), accelerator);
using var copySource = accelerator.Allocate1D<byte>(bytes / 2);
using var copyTarget = accelerator.Allocate1D<byte>(bytes / 2);
double copy = Time(() => copySource.View.CopyTo(copyTarget.View), accelerator);
Console.WriteLine($"| N={batch}, C=4, {size}x{size}, labels | time | bytes moved | bandwidth |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(string.Format(ci, "| fused ForwardBackward (Dice + CE) | {0:F3} ms | {1:F1} MB | {2:F0} GB/s |", fused * 1e3, bytes / 1e6, bytes / fused / 1e9));
Console.WriteLine(string.Format(ci, "| device copy of the same bytes (floor) | {0:F3} ms | {1:F1} MB | {2:F0} GB/s |", copy * 1e3, bytes / 1e6, bytes / copy / 1e9));
Console.WriteLine(string.Format(ci, "| fused / floor | {0:F2}x | | |", fused / copy));

// 3. Evaluate (validation counts) on the same device-resident data: it reads input and labels once.
long evaluateBytes = 4L * elements + 4L * batch * spatial;
double evaluate = Time(() => engine.Evaluate<GpuCeLoss>(inputBuffer.View, labelBuffer.View, batch), accelerator);
using var readSource = accelerator.Allocate1D<byte>(evaluateBytes / 2);
using var readTarget = accelerator.Allocate1D<byte>(evaluateBytes / 2);
double readFloor = Time(() => readSource.View.CopyTo(readTarget.View), accelerator);
Console.WriteLine(string.Format(ci, "| Evaluate (confusion counts) | {0:F3} ms | {1:F1} MB | {2:F0} GB/s |", evaluate * 1e3, evaluateBytes / 1e6, evaluateBytes / evaluate / 1e9));
Console.WriteLine(string.Format(ci, "| device copy of the same bytes (floor) | {0:F3} ms | {1:F1} MB | {2:F0} GB/s |", readFloor * 1e3, evaluateBytes / 1e6, evaluateBytes / readFloor / 1e9));
Console.WriteLine(string.Format(ci, "| Evaluate / floor | {0:F2}x | | |", evaluate / readFloor));

// 4. Many classes in both layouts: TotalSegmentator-like, N = 1, C = 104, 48^3, labels, against the same floor.
Console.WriteLine();
const int manyClasses = 104, volume = 48 * 48 * 48;
int manyElements = manyClasses * volume;
using var manyInput = accelerator.Allocate1D(Enumerable.Range(0, manyElements).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray());
using var manyLabels = accelerator.Allocate1D(Enumerable.Range(0, volume).Select(_ => random.Next(manyClasses)).ToArray());
using var manyGradient = accelerator.Allocate1D<float>(manyElements);
long manyBytes = 4L * manyElements * 2 + 4L * volume;
using var manySource = accelerator.Allocate1D<byte>(manyBytes / 2);
using var manyTarget = accelerator.Allocate1D<byte>(manyBytes / 2);
double manyFloor = Time(() => manySource.View.CopyTo(manyTarget.View), accelerator);
double first = Time(() => engine.ForwardBackward<GpuCe104>(manyInput.View, manyLabels.View, manyGradient.View, 1), accelerator);
double last = Time(() => engine.ForwardBackward<GpuCe104Last>(manyInput.View, manyLabels.View, manyGradient.View, 1), accelerator);
Console.WriteLine("| N=1, C=104, 48^3, labels | time | bytes moved | bandwidth | / floor |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine(string.Format(ci, "| fused ForwardBackward, channels-first | {0:F3} ms | {1:F1} MB | {2:F0} GB/s | {3:F2}x |", first * 1e3, manyBytes / 1e6, manyBytes / first / 1e9, first / manyFloor));
Console.WriteLine(string.Format(ci, "| fused ForwardBackward, channels-last | {0:F3} ms | {1:F1} MB | {2:F0} GB/s | {3:F2}x |", last * 1e3, manyBytes / 1e6, manyBytes / last / 1e9, last / manyFloor));
Console.WriteLine(string.Format(ci, "| device copy of the same bytes (floor) | {0:F3} ms | {1:F1} MB | {2:F0} GB/s | 1.00x |", manyFloor * 1e3, manyBytes / 1e6, manyBytes / manyFloor / 1e9));
return allClose ? 0 : 1;

// The median of 20 runs, each between two event markers on the accelerator's stream (CUDA events on a GPU),
// as bench/gpu/torch_seed.py times PyTorch with torch.cuda.Event.
static double Time(Action action, Accelerator accelerator)
{
    for (int i = 0; i < 3; i++) action();
    accelerator.Synchronize();
    var samples = new List<double>();
    for (int i = 0; i < 20; i++)
    {
        using ProfilingMarker start = accelerator.AddProfilingMarker();
        action();
        using ProfilingMarker end = accelerator.AddProfilingMarker();
        accelerator.Synchronize();
        samples.Add(end.MeasureFrom(start).TotalSeconds);
    }

    samples.Sort();
    return samples[samples.Count / 2];
}

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class GpuCeLoss { }

[DiceLoss]
public partial class GpuDice { }

[DiceLoss(Classes = 4)]
public partial class GpuDiceMulticlass { }

[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class GpuDiceBce { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, LabelSmoothing = 0.1f, PixelWeights = true)]
public partial class GpuSmoothedCePixelWeights { }

[DiceLoss(Combine = Combine.BinaryCrossEntropy, PositiveWeights = new[] { 10f }, PixelWeights = true)]
public partial class GpuPositiveBcePixelWeights { }

[DiceLoss(Classes = 4, Combine = Combine.Focal, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f)]
public partial class GpuFocalTversky { }

[DiceLoss(Classes = 3, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f)]
public partial class GpuGeneralizedDice { }

[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy)]
public partial class GpuCe104 { }

[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)]
public partial class GpuCe104Last { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)]
public partial class GpuCeLast { }

[DiceLoss(Classes = 3, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks, Layout = Layout.ChannelsLast)]
public partial class GpuBceMasksLast { }

internal static class GpuLosses
{
    public delegate (float DeviceLoss, float[] DeviceGradient, float CpuLoss, float[] CpuGradient) Run(float[] input, int[] labels, float[] masks, int batch);

    public static IEnumerable<(string Name, int Classes, Run Run)> All(DiceEngine engine)
    {
        yield return ("dice_loss on probabilities", 1, Masks<GpuDice>(engine));
        yield return ("dice_loss_multiclass on probabilities", 4, Labels<GpuDiceMulticlass>(engine));
        yield return ("dice_bce_loss", 1, Masks<GpuDiceBce>(engine));
        yield return ("dice_bce_loss_multiclass", 4, Labels<GpuCeLoss>(engine));
        yield return ("Dice + CE, label smoothing 0.1, pixel weights", 4, WeightedLabels<GpuSmoothedCePixelWeights>(engine));
        yield return ("Dice + BCE, pos_weight 10, pixel weights", 1, WeightedMasks<GpuPositiveBcePixelWeights>(engine));
        yield return ("focal Tversky + softmax focal", 4, Labels<GpuFocalTversky>(engine));
        yield return ("Generalized Dice, softmax", 3, Labels<GpuGeneralizedDice>(engine));
        yield return ("Dice + CE, C = 104 (class loops)", 104, Labels<GpuCe104>(engine));
        yield return ("Dice + CE, C = 104, channels-last", 104, Labels<GpuCe104Last>(engine));
        yield return ("Dice + CE, channels-last", 4, Labels<GpuCeLast>(engine));
        yield return ("Dice + BCE, C = 3 masks, channels-last", 3, Masks<GpuBceMasksLast>(engine));
    }

    /// <summary>A field of view and a ramp: a quarter of the pixels 0, the rest between 0.5 and 2.</summary>
    private static float[] PixelWeights(int length) => Enumerable.Range(0, length).Select(i => i % 4 == 0 ? 0f : 0.5f + i % 7 / 4f).ToArray();

    private static Run WeightedLabels<TLoss>(DiceEngine engine) where TLoss : IDiceLoss => (input, labels, _, batch) =>
    {
        float[] weights = PixelWeights(labels.Length), device = new float[input.Length], cpu = new float[input.Length];
        return (engine.ForwardBackward<TLoss>(input, labels, weights, device, batch).Loss, device,
            DiceCpu.ForwardBackward<TLoss>(input, labels, weights, cpu, batch).Loss, cpu);
    };

    private static Run WeightedMasks<TLoss>(DiceEngine engine) where TLoss : IDiceLoss => (input, _, masks, batch) =>
    {
        float[] weights = PixelWeights(input.Length / TLoss.Spec.Classes / batch * batch), device = new float[input.Length], cpu = new float[input.Length];
        return (engine.ForwardBackward<TLoss>(input, masks, weights, device, batch).Loss, device,
            DiceCpu.ForwardBackward<TLoss>(input, masks, weights, cpu, batch).Loss, cpu);
    };

    private static Run Labels<TLoss>(DiceEngine engine) where TLoss : IDiceLoss => (input, labels, _, batch) =>
    {
        var device = new float[input.Length];
        var cpu = new float[input.Length];
        return (engine.ForwardBackward<TLoss>(input, labels, device, batch).Loss, device,
            DiceCpu.ForwardBackward<TLoss>(input, labels, cpu, batch).Loss, cpu);
    };

    private static Run Masks<TLoss>(DiceEngine engine) where TLoss : IDiceLoss => (input, _, masks, batch) =>
    {
        var device = new float[input.Length];
        var cpu = new float[input.Length];
        return (engine.ForwardBackward<TLoss>(input, masks, device, batch).Loss, device,
            DiceCpu.ForwardBackward<TLoss>(input, masks, cpu, batch).Loss, cpu);
    };
}
