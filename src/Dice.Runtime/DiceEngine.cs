using System.Buffers;
using System.Collections.Concurrent;
using Dice.Kernels;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Dice;

/// <summary>Where a <see cref="DiceEngine"/> runs.</summary>
public enum DiceDevice
{
    /// <summary>CUDA when an NVIDIA GPU is present, otherwise <see cref="Cpu"/>.</summary>
    Auto,
    /// <summary>The SIMD CPU kernels on all cores.</summary>
    Cpu,
    /// <summary>The generated ILGPU kernels on an NVIDIA GPU.</summary>
    Cuda,
    /// <summary>The generated ILGPU kernels on ILGPU's CPU accelerator (how GPU code is tested without a GPU).</summary>
    IlgpuCpu,
}

/// <summary>
/// Runs generated losses on a device: the SIMD CPU kernels, or the generated ILGPU kernels on a GPU or on
/// ILGPU's CPU accelerator. Kernels are compiled once per (loss, engine) and cached; device buffers are
/// pooled. Calls from several threads are serialised. Dispose releases the accelerator.
/// </summary>
public sealed class DiceEngine : IDisposable
{
    private readonly object _gate = new();
    private readonly Context? _context;
    private readonly Accelerator? _accelerator;
    private readonly ConcurrentDictionary<Type, object> _kernels = new();
    private readonly Dictionary<string, MemoryBuffer> _buffers = new();
    private Action<KernelConfig, ArrayView<double>, ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<float>, FinalizeSettings, int, int, int>? _finalize;
    private int _kernelLoads;
    private bool _disposed;

    private DiceEngine(DiceDevice device, Context? context, Accelerator? accelerator, string name)
    {
        Device = device;
        _context = context;
        _accelerator = accelerator;
        DeviceName = name;
    }

    /// <summary>The resolved device (never Auto).</summary>
    public DiceDevice Device { get; }

    /// <summary>A readable name of the device.</summary>
    public string DeviceName { get; }

    /// <summary>The ILGPU accelerator, for data that already lives on it; null for <see cref="DiceDevice.Cpu"/>.</summary>
    public Accelerator? Accelerator => _accelerator;

    /// <summary>How many loss kernel sets this engine has compiled (each loss type once).</summary>
    internal int KernelLoads => Volatile.Read(ref _kernelLoads);

    /// <summary>Creates an engine on <paramref name="device"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="DiceDevice.Cuda"/> was asked for and no CUDA device is present.</exception>
    public static DiceEngine Create(DiceDevice device = DiceDevice.Auto)
    {
        switch (device)
        {
            case DiceDevice.Cpu:
                return CpuEngine();
            case DiceDevice.IlgpuCpu:
                return IlgpuCpu(builder => builder.CPU());
            case DiceDevice.Cuda:
            case DiceDevice.Auto:
            {
                // Profiling: callers (bench/gpu) may time calls with the stream's event markers.
                Context context = Context.Create(builder => builder.Cuda().EnableAlgorithms().Arrays(ArrayMode.InlineMutableStaticArrays).Profiling());
                if (context.GetCudaDevices().Count == 0)
                {
                    context.Dispose();
                    if (device == DiceDevice.Auto) return CpuEngine();
                    throw new InvalidOperationException("DiceDevice.Cuda was requested but no CUDA device was found (is the NVIDIA driver installed?). Use DiceDevice.Auto to fall back to the CPU.");
                }

                Accelerator accelerator = context.GetCudaDevice(0).CreateAccelerator(context);
                return new DiceEngine(DiceDevice.Cuda, context, accelerator, accelerator.Name);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(device), device, "Unknown device.");
        }

        static DiceEngine CpuEngine() => new(DiceDevice.Cpu, null, null, $"CPU ({Environment.ProcessorCount} cores, SIMD)");
    }

    /// <summary>
    /// An engine on ILGPU's CPU accelerator simulating <paramref name="device"/>'s shape: tests use it to run the device
    /// schedule with a GPU's group size (256 threads), which the default CPU device (16) does not reach.
    /// </summary>
    internal static DiceEngine CreateIlgpuCpu(CPUDevice device) => IlgpuCpu(builder => builder.CPU(device));

    private static DiceEngine IlgpuCpu(Func<Context.Builder, Context.Builder> cpu)
    {
        Context context = Context.Create(builder => cpu(builder).EnableAlgorithms().Arrays(ArrayMode.InlineMutableStaticArrays).Profiling());
        Accelerator accelerator = context.GetCPUDevice(0).CreateAccelerator(context);
        return new DiceEngine(DiceDevice.IlgpuCpu, context, accelerator, $"ILGPU {accelerator.Name}");
    }

    /// <summary>The most pass-1 groups per sample; beyond, each group's slice grows. Settable for tests of the cap.</summary>
    internal int MaxGroupsPerSample { get; set; } = 1024;

    // The entry points: the generated loss class's four, generic over the loss, on host spans and on array views of this
    // engine's accelerator, each with the optional settings as trailing arguments (parameters: null for
    // TLoss.Spec.Parameters; reducer: null for this batch alone). A loss called with the other target form (labels for a
    // masks loss, or the other way round) is an ArgumentException naming the loss.

    /// <summary>Loss of <paramref name="input"/> (N x C x S, or N x S x C with Layout.ChannelsLast) against <paramref name="labels"/> (N x S).</summary>
    public LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss of <paramref name="input"/> (N x C x S, or N x S x C with Layout.ChannelsLast) against <paramref name="masks"/> (the input's shape).</summary>
    public LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and dL/d(input) into <paramref name="inputGrad"/> (which may be the input's memory unless accumulating).</summary>
    /// <remarks>
    /// On an accelerator, the host-span overloads copy the input and target to the device and the gradient back on
    /// every call (and the gradient there too when accumulating), from pageable memory: convenient, but for training on a
    /// GPU keep the data there and call the <c>ArrayView</c> overloads, which move only the small result.
    /// </remarks>
    public LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and dL/d(input) into <paramref name="inputGrad"/> (which may be the input's memory unless accumulating).</summary>
    public LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Pass 1 of this process's part of a batch: statistics to sum over processes (docs/distributed.md).</summary>
    public LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>Pass 1 of this process's part of a batch: statistics to sum over processes (docs/distributed.md).</summary>
    public LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>The loss of the summed <paramref name="global"/> and its gradient with respect to this process's input (the Statistics call's input, labels and batch).</summary>
    public LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>The loss of the summed <paramref name="global"/> and its gradient with respect to this process's input (the Statistics call's input, masks and batch).</summary>
    public LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>Loss of data already on this engine's accelerator; no host copies but the small result.</summary>
    public LossResult Forward<TLoss>(
        ArrayView<float> input, ArrayView<int> labels, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Forward<TLoss>(
        ArrayView<float> input, ArrayView<int> labels, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss of data already on this engine's accelerator; no host copies but the small result.</summary>
    public LossResult Forward<TLoss>(
        ArrayView<float> input, ArrayView<float> masks, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Forward<TLoss>(
        ArrayView<float> input, ArrayView<float> masks, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and gradient of data already on this engine's accelerator; <paramref name="inputGrad"/> may be <paramref name="input"/> unless accumulating.</summary>
    public LossResult ForwardBackward<TLoss>(
        ArrayView<float> input, ArrayView<int> labels, ArrayView<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult ForwardBackward<TLoss>(
        ArrayView<float> input, ArrayView<int> labels, ArrayView<float> pixelWeights, ArrayView<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and gradient of data already on this engine's accelerator; <paramref name="inputGrad"/> may be <paramref name="input"/> unless accumulating.</summary>
    public LossResult ForwardBackward<TLoss>(
        ArrayView<float> input, ArrayView<float> masks, ArrayView<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult ForwardBackward<TLoss>(
        ArrayView<float> input, ArrayView<float> masks, ArrayView<float> pixelWeights, ArrayView<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Pass 1 of data already on this engine's accelerator: statistics to sum over processes.</summary>
    public LossStatistics Statistics<TLoss>(ArrayView<float> input, ArrayView<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossStatistics Statistics<TLoss>(ArrayView<float> input, ArrayView<int> labels, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>Pass 1 of data already on this engine's accelerator: statistics to sum over processes.</summary>
    public LossStatistics Statistics<TLoss>(ArrayView<float> input, ArrayView<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossStatistics Statistics<TLoss>(ArrayView<float> input, ArrayView<float> masks, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>The loss of the summed <paramref name="global"/> and its gradient, on the accelerator; <paramref name="inputGrad"/> may be <paramref name="input"/> unless accumulating.</summary>
    public LossResult Backward<TLoss>(ArrayView<float> input, ArrayView<int> labels, ArrayView<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Backward<TLoss>(ArrayView<float> input, ArrayView<int> labels, ArrayView<float> pixelWeights, ArrayView<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>The loss of the summed <paramref name="global"/> and its gradient, on the accelerator; <paramref name="inputGrad"/> may be <paramref name="input"/> unless accumulating.</summary>
    public LossResult Backward<TLoss>(ArrayView<float> input, ArrayView<float> masks, ArrayView<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public LossResult Backward<TLoss>(ArrayView<float> input, ArrayView<float> masks, ArrayView<float> pixelWeights, ArrayView<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        RunViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>The confusion counts of <paramref name="input"/> against <paramref name="labels"/> for validation metrics (the generated <c>Evaluate</c>).</summary>
    public SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateHost<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>The confusion counts of <paramref name="input"/> against <paramref name="masks"/> for validation metrics (the generated <c>Evaluate</c>).</summary>
    public SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateHost<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>The confusion counts of data already on this engine's accelerator; no host copies but the small partials.</summary>
    public SegmentationCounts Evaluate<TLoss>(ArrayView<float> input, ArrayView<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public SegmentationCounts Evaluate<TLoss>(ArrayView<float> input, ArrayView<int> labels, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateViews<TLoss>(new DeviceCall(input, DeviceTarget.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>The confusion counts of data already on this engine's accelerator; no host copies but the small partials.</summary>
    public SegmentationCounts Evaluate<TLoss>(ArrayView<float> input, ArrayView<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public SegmentationCounts Evaluate<TLoss>(ArrayView<float> input, ArrayView<float> masks, ArrayView<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        EvaluateViews<TLoss>(new DeviceCall(input, DeviceTarget.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>Evaluate on host spans: the SIMD kernels on a CPU engine; on an accelerator, the data copied there and the device kernel.</summary>
    private SegmentationCounts EvaluateHost<TLoss>(in LossCall call) where TLoss : IDiceLoss
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_accelerator is null) return DiceCpu.Evaluate<TLoss>(call);
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, Pass.Evaluate, call.Parameters, null);
        TargetSpan target = call.Target;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            (ArrayView<float> inputView, DeviceTarget deviceTarget) = Upload(call);
            SegmentationCounts? counts = Count<TLoss>(inputView, deviceTarget, call.Batch, checkedCall);
            return counts ?? throw Validation.FirstInvalid(checkedCall.Spec, checkedCall.Parameters.IgnoreIndex, call.Input, target, checkedCall.Spatial);
        }
    }

    /// <summary>Evaluate on views of this engine's accelerator; bad input is reported from a host copy of the views.</summary>
    private SegmentationCounts EvaluateViews<TLoss>(in DeviceCall call) where TLoss : IDiceLoss
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_accelerator is null)
            throw new InvalidOperationException("This engine runs on the CPU and has no accelerator; pass host spans, or create the engine with DiceDevice.Cuda or IlgpuCpu.");
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, Pass.Evaluate, call.Parameters, null);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DeviceTarget target = WithPlaceholder(call.Target);
            return Count<TLoss>(call.Input, target, call.Batch, checkedCall) ?? throw FirstInvalid(call.Input, target, checkedCall);
        }
    }

    /// <summary>
    /// The device Evaluate kernel, then one read of the group partials, summed on the host per sample (exact integers);
    /// null when a group counted an invalid element.
    /// </summary>
    private SegmentationCounts? Count<TLoss>(ArrayView<float> input, DeviceTarget target, int batch, in CheckedCall checkedCall)
        where TLoss : IDiceLoss
    {
        int spatial = checkedCall.Spatial, classes = checkedCall.Spec.Classes;
        var layout = new ConfusionLayout(classes);
        LoadedKernels kernels = Kernels<TLoss>();
        (int groupSize, DeviceShape shape) = Launch(batch, spatial, checkedCall.Parameters);
        int stagedRows = Math.Clamp(StagingBytes / (sizeof(double) * groupSize), 1, layout.DevicePartialLength);
        int groups = batch * shape.GroupsPerSample;
        ArrayView<double> partials = Buffer<double>("confusion", (long)groups * layout.DevicePartialLength);
        kernels.Confusion(
            new KernelConfig(groups, groupSize, SharedMemoryConfig.RequestDynamic<double>(stagedRows * groupSize)),
            input, target.Labels, target.Masks, target.PixelWeights, partials, shape);
        // Pooled host copies: the call allocates only its result.
        int length = groups * layout.DevicePartialLength;
        double[] host = ArrayPool<double>.Shared.Rent(length);
        long[] counts = ArrayPool<long>.Shared.Rent(length);
        try
        {
            partials.CopyToCPU(host.AsSpan(0, length));
            for (int i = 0; i < length; i++) counts[i] = (long)host[i];
            for (int g = 0; g < groups; g++)
            {
                if (counts[g * layout.DevicePartialLength + layout.Invalid] != 0) return null;
            }

            return SegmentationCounts.FromPartials(counts, layout.DevicePartialLength, batch, classes, shape.GroupsPerSample);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(host);
            ArrayPool<long>.Shared.Return(counts);
        }
    }

    /// <summary>The group size and shape of a grouped launch over <paramref name="batch"/> samples of <paramref name="spatial"/> pixels.</summary>
    private (int GroupSize, DeviceShape Shape) Launch(int batch, int spatial, LossParameters parameters)
    {
        Accelerator accelerator = _accelerator!;
        int groupSize = Math.Min(accelerator.MaxNumThreadsPerGroup, 256);
        int groupsPerSample = GroupsPerSample(batch, spatial, groupSize, accelerator.NumMultiprocessors, MaxGroupsPerSample);
        return (groupSize, new DeviceShape
        {
            Batch = batch,
            Spatial = spatial,
            GroupsPerSample = groupsPerSample,
            SliceLength = (spatial + groupsPerSample - 1) / groupsPerSample,
            IgnoreIndex = parameters.IgnoreIndex,
            FocalGamma = parameters.FocalGamma,
            LabelSmoothing = parameters.LabelSmoothing,
            AccumulateGradient = parameters.AccumulateGradient ? 1 : 0,
        });
    }

    /// <summary>A call on host spans: the SIMD kernels on a CPU engine; on an accelerator, the checks, then each pass with its copies.</summary>
    private PassOutcome RunHost<TLoss>(in LossCall call) where TLoss : IDiceLoss
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_accelerator is null) return DiceCpu.Run<TLoss>(call);
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, call.Pass, call.Parameters, call.Global);
        var passes = new HostPasses<TLoss>(this, call);
        return CallFlow.Run(ref passes, checkedCall, call.Pass, call.Reducer, call.Global);
    }

    /// <summary>A call on views of this engine's accelerator: the checks, then the passes.</summary>
    private PassOutcome RunViews<TLoss>(in DeviceCall call) where TLoss : IDiceLoss
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_accelerator is null)
            throw new InvalidOperationException("This engine runs on the CPU and has no accelerator; pass host spans, or create the engine with DiceDevice.Cuda or IlgpuCpu.");
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, call.Pass, call.Parameters, call.Global);
        var passes = new ViewPasses<TLoss>(this, call);
        return CallFlow.Run(ref passes, checkedCall, call.Pass, call.Reducer, call.Global);
    }

    private readonly ref struct HostPasses<TLoss>(DiceEngine engine, LossCall call) : ICallPasses where TLoss : IDiceLoss
    {
        private readonly LossCall _call = call;

        public PassOutcome Run(in CheckedCall checkedCall, Pass pass, LossStatistics? global) => engine.HostPass<TLoss>(_call, checkedCall, pass, global);
    }

    private readonly struct ViewPasses<TLoss>(DiceEngine engine, DeviceCall call) : ICallPasses where TLoss : IDiceLoss
    {
        public PassOutcome Run(in CheckedCall checkedCall, Pass pass, LossStatistics? global) => engine.ViewPass<TLoss>(call, checkedCall, pass, global);
    }

    /// <summary>One pass of a checked host call on the accelerator: the data copied into pooled buffers, the pass, the gradient copied back.</summary>
    private PassOutcome HostPass<TLoss>(in LossCall call, in CheckedCall checkedCall, Pass pass, LossStatistics? global) where TLoss : IDiceLoss
    {
        bool backward = pass is Pass.ForwardBackward or Pass.Backward;
        TargetSpan target = call.Target;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            (ArrayView<float> inputView, DeviceTarget deviceTarget) = Upload(call);
            ArrayView<float> gradientView = backward ? Buffer<float>("gradient", call.Input.Length) : default;
            if (backward && checkedCall.Parameters.AccumulateGradient) gradientView.CopyFromCPU(call.Gradient);
            PassOutcome outcome = Run<TLoss>(new DeviceCall(inputView, deviceTarget, gradientView, call.Batch, pass), checkedCall, global, out bool invalid);
            if (invalid) throw Validation.FirstInvalid(checkedCall.Spec, checkedCall.Parameters.IgnoreIndex, call.Input, target, checkedCall.Spatial);
            if (backward) gradientView.CopyToCPU(call.Gradient);
            return outcome;
        }
    }

    /// <summary>
    /// The input, target and pixel weights of a host call copied into pooled device buffers; the target form the loss does
    /// not take, and pixel weights it does not take, are one-element placeholders (kernel parameters must be valid views).
    /// </summary>
    private (ArrayView<float> Input, DeviceTarget Target) Upload(in LossCall call)
    {
        TargetSpan target = call.Target;
        ArrayView<float> input = Buffer<float>("input", call.Input.Length);
        input.CopyFromCPU(call.Input);
        ArrayView<int> labels = Buffer<int>("labels", target.IsLabels ? target.Length : 1);
        if (target.IsLabels) labels.CopyFromCPU(target.Labels);
        ArrayView<float> masks = Buffer<float>("masks", target.IsLabels ? 1 : target.Length);
        if (!target.IsLabels) masks.CopyFromCPU(target.Masks);
        ArrayView<float> pixelWeights = Buffer<float>("pixelWeights", target.HasPixelWeights ? target.PixelWeights.Length : 1);
        DeviceTarget uploaded = target.IsLabels ? DeviceTarget.FromLabels(labels).WithMasks(masks) : DeviceTarget.FromMasks(masks).WithLabels(labels);
        if (!target.HasPixelWeights) return (input, uploaded.WithPixelWeightsPlaceholder(pixelWeights));
        pixelWeights.CopyFromCPU(target.PixelWeights);
        return (input, uploaded.WithPixelWeights(pixelWeights));
    }

    /// <summary>One pass of a checked call on views; bad input is reported from a host copy of the views.</summary>
    private PassOutcome ViewPass<TLoss>(DeviceCall call, in CheckedCall checkedCall, Pass pass, LossStatistics? global) where TLoss : IDiceLoss
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DeviceTarget target = WithPlaceholder(call.Target);

            // inputGrad may be input: pass 2 reads each pixel's C inputs before writing its C gradient values,
            // and runs only once the checks of pass 1 have passed.
            PassOutcome outcome = Run<TLoss>(new DeviceCall(call.Input, target, call.Gradient, call.Batch, pass), checkedCall, global, out bool invalid);
            if (invalid) throw FirstInvalid(call.Input, target, checkedCall);
            return outcome;
        }
    }

    /// <summary>
    /// A view call's target with one-element placeholders for the form the loss does not take and for pixel weights it
    /// does not take (kernel parameters must be valid views).
    /// </summary>
    private DeviceTarget WithPlaceholder(DeviceTarget target)
    {
        DeviceTarget placed = target.IsLabels ? target.WithMasks(Buffer<float>("masks", 1)) : target.WithLabels(Buffer<int>("labels", 1));
        return target.HasPixelWeights ? placed : placed.WithPixelWeightsPlaceholder(Buffer<float>("pixelWeights", 1));
    }

    /// <summary>The exception of the first bad element of a view call, found in a host copy of its views (the failure path only).</summary>
    private static Exception FirstInvalid(ArrayView<float> input, DeviceTarget target, in CheckedCall checkedCall)
    {
        TargetSpan host = target.IsLabels ? TargetSpan.FromLabels(target.Labels.GetAsArray()) : TargetSpan.FromMasks(target.Masks.GetAsArray());
        if (target.HasPixelWeights) host = host.WithPixelWeights(target.PixelWeights.GetAsArray());
        return Validation.FirstInvalid(checkedCall.Spec, checkedCall.Parameters.IgnoreIndex, input.GetAsArray(), host, checkedCall.Spatial);
    }

    /// <summary>Bytes of shared memory pass 1 stages its sums in, per group: rows of one double per thread.</summary>
    private const int StagingBytes = 32 * 1024;

    /// <summary>
    /// Pass 1, finalize and pass 2 queued back to back on the accelerator's stream, then one read of the results:
    /// no host wait inside the call. Pass 2 checks the finalizer's count of invalid elements on the device and writes
    /// nothing when there is one, so bad input leaves the gradient (even in place) untouched.
    /// </summary>
    private PassOutcome Run<TLoss>(in DeviceCall call, in CheckedCall checkedCall, LossStatistics? global, out bool invalid) where TLoss : IDiceLoss
    {
        Pass pass = call.Pass;
        int batch = call.Batch, spatial = checkedCall.Spatial;
        LossParameters parameters = checkedCall.Parameters;
        ArrayView<float> input = call.Input, masks = call.Target.Masks, gradient = call.Gradient, pixelWeights = call.Target.PixelWeights;
        ArrayView<int> labels = call.Target.Labels;
        bool backward = pass is Pass.ForwardBackward or Pass.Backward;
        DiceLossSpec spec = TLoss.Spec;
        int classes = spec.Classes;
        var layout = new StatisticsLayout(classes);
        LoadedKernels kernels = Kernels<TLoss>();
        (int groupSize, DeviceShape shape) = Launch(batch, spatial, parameters);
        int groupsPerSample = shape.GroupsPerSample;
        ArrayView<float> weights = ClassValuesOf(kernels, spec, parameters);

        // All of a group's sums in as few tree passes as the staging memory allows.
        int stagedRows = Math.Clamp(StagingBytes / (sizeof(double) * groupSize), 1, layout.DevicePartialLength);
        ArrayView<double> partials = Buffer<double>("partials", (long)batch * groupsPerSample * layout.DevicePartialLength);
        ArrayView<double> statistics = Buffer<double>("statistics", layout.StatisticsLength(batch));
        ArrayView<double> totals = Buffer<double>("totals", layout.TotalsLength);
        DeviceFinalizeMode mode = pass switch
        {
            Pass.Statistics => DeviceFinalizeMode.Statistics,
            Pass.Backward => DeviceFinalizeMode.Backward,
            _ => DeviceFinalizeMode.Complete,
        };
        if (global is null)
        {
            kernels.Statistics(
                new KernelConfig(batch * groupsPerSample, groupSize, SharedMemoryConfig.RequestDynamic<double>(stagedRows * groupSize)),
                input, labels, masks, pixelWeights, weights, partials, shape);
        }
        else
        {
            // Backward: this process's per-sample statistics and the totals summed over processes.
            statistics.CopyFromCPU(global.SampleStatistics);
            totals.CopyFromCPU(global.ValuesArray);
        }

        ArrayView<double> results = Buffer<double>("results", layout.DeviceResultsLength);
        ArrayView<float> coefficients = Buffer<float>("coefficients", (long)batch * layout.CoefficientStride);
        FinalizeSettings settings = FinalizeSettings.From(spec, parameters, batch, spatial);
        Finalizer()(new KernelConfig(1, groupSize), partials, weights, statistics, totals, results, coefficients,
            settings, groupsPerSample, (int)mode, backward ? 1 : 0);

        if (backward)
        {
            long pixels = (long)batch * spatial;
            int gradientGroups = (int)Math.Clamp((pixels + groupSize - 1) / groupSize, 1, 65535);
            kernels.Gradient(new KernelConfig(gradientGroups, groupSize), input, labels, masks, pixelWeights, weights, coefficients, results, gradient, shape);
        }

        // The one wait of the call: reading the results waits for the kernels before it. The per-sample statistics (N
        // (3C + 2) values) come back too, for the per-sample losses.
        double[] hostResults = ArrayPool<double>.Shared.Rent(layout.DeviceResultsLength);
        try
        {
            Span<double> resultSpan = hostResults.AsSpan(0, layout.DeviceResultsLength);
            results.CopyToCPU(resultSpan);
            invalid = resultSpan[layout.InvalidResult] > 0;
            if (invalid) return default;
            double[] sampleStatistics = global?.SampleStatistics ?? statistics.GetAsArray();
            if (pass == Pass.Statistics)
                return new PassOutcome(null, new LossStatistics(typeof(TLoss), spec, parameters, batch, spatial, sampleStatistics, totals.GetAsArray()));
            return new PassOutcome(LossFinalizer.ToResult(resultSpan, settings, sampleStatistics, parameters.ClassWeights.ToArray()), null);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(hostResults);
        }
    }

    /// <summary>
    /// Pass 1's groups per sample: about 16 pixels per thread, but at least two groups per multiprocessor over the batch
    /// (small inputs would leave most of a GPU idle) and never a group with fewer pixels than threads; at most
    /// <paramref name="cap"/>. The slices, and so the last bits of the sums, follow from this: the same on every run of
    /// one device, possibly not between devices with different multiprocessor counts.
    /// </summary>
    internal static int GroupsPerSample(int batch, int spatial, int groupSize, int multiprocessors, int cap)
    {
        long bySize = (spatial + 16L * groupSize - 1) / (16L * groupSize);
        long byDevice = (2L * multiprocessors + batch - 1) / batch;
        long mostUseful = (spatial + (long)groupSize - 1) / groupSize;
        return (int)Math.Clamp(Math.Min(Math.Max(bySize, byDevice), mostUseful), 1, Math.Max(1, cap));
    }

    /// <summary>
    /// The per-class values of a call on the device (<see cref="ClassValues"/>: class weights, then positive weights): the
    /// loss's own, uploaded once with its kernels, or, when the call's parameters carry others, copied into a pooled buffer.
    /// </summary>
    private ArrayView<float> ClassValuesOf(LoadedKernels kernels, DiceLossSpec spec, LossParameters parameters)
    {
        if (ReferenceEquals(parameters, spec.Parameters)
            || (parameters.ClassWeights.Equals(spec.ClassWeights) && parameters.PositiveWeights.Equals(spec.PositiveWeights)))
            return kernels.ClassValues.View;
        int length = ClassValues.Length(spec.Classes);
        float[] host = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Fill(host, parameters.ClassWeights, parameters.PositiveWeights);
            ArrayView<float> view = Buffer<float>("classValues", length);
            view.CopyFromCPU(host.AsSpan(0, length));
            return view;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(host);
        }
    }

    /// <summary>Writes <paramref name="classWeights"/> and <paramref name="positiveWeights"/> into <paramref name="host"/> in <see cref="ClassValues"/>' layout.</summary>
    private static void Fill(float[] host, IReadOnlyList<float> classWeights, IReadOnlyList<float> positiveWeights)
    {
        int classes = classWeights.Count, positive = ClassValues.PositiveWeightsOffset(classes);
        for (int c = 0; c < classes; c++)
        {
            host[c] = classWeights[c];
            host[positive + c] = positiveWeights[c];
        }
    }

    /// <summary>A loss's compiled kernels on this accelerator, and its per-class values (<see cref="ClassValues"/>) uploaded once.</summary>
    private sealed record LoadedKernels(
        Action<KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> Statistics,
        Action<KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<double>, ArrayView<float>, DeviceShape> Gradient,
        Action<KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<double>, DeviceShape> Confusion,
        MemoryBuffer1D<float, Stride1D.Dense> ClassValues);

    private LoadedKernels Kernels<TLoss>() where TLoss : IDiceLoss =>
        (LoadedKernels)_kernels.GetOrAdd(typeof(TLoss), _ =>
        {
            DeviceKernels kernels = TLoss.DeviceKernels;
            Interlocked.Increment(ref _kernelLoads);
            return new LoadedKernels(
                _accelerator!.LoadStreamKernel(kernels.Statistics),
                _accelerator!.LoadStreamKernel(kernels.Gradient),
                _accelerator!.LoadStreamKernel(kernels.Confusion),
                _accelerator!.Allocate1D(OwnClassValues(TLoss.Spec)));
        });

    private static float[] OwnClassValues(DiceLossSpec spec)
    {
        var values = new float[ClassValues.Length(spec.Classes)];
        Fill(values, spec.ClassWeights, spec.PositiveWeights);
        return values;
    }

    private Action<KernelConfig, ArrayView<double>, ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<float>, FinalizeSettings, int, int, int> Finalizer() =>
        _finalize ??= _accelerator!.LoadStreamKernel<ArrayView<double>, ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<float>, FinalizeSettings, int, int, int>(DeviceFinalizer.Kernel);

    /// <summary>A pooled device buffer of at least <paramref name="length"/> elements, viewed at exactly that length.</summary>
    private ArrayView<T> Buffer<T>(string role, long length) where T : unmanaged
    {
        if (!_buffers.TryGetValue(role, out MemoryBuffer? buffer) || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = _accelerator!.Allocate1D<T>(Math.Max(length, 1));
            _buffers[role] = buffer;
        }

        return ((MemoryBuffer1D<T, Stride1D.Dense>)buffer).View.SubView(0, length);
    }

    /// <summary>Releases the device buffers, the accelerator and the ILGPU context. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (MemoryBuffer buffer in _buffers.Values) buffer.Dispose();
            _buffers.Clear();
            foreach (LoadedKernels kernels in _kernels.Values.Cast<LoadedKernels>()) kernels.ClassValues.Dispose();
            _kernels.Clear();
            _accelerator?.Dispose();
            _context?.Dispose();
        }
    }
}
