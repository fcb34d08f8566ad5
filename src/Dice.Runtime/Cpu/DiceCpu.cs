using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dice.Kernels;

namespace Dice;

/// <summary>
/// Runs generated losses on the CPU: the SIMD kernels of a generated loss over fixed-size chunks on all cores. The
/// generated entry points call these; they are the same five entry points, generic over the loss, for code that is
/// (<c>Forward&lt;TLoss&gt;</c>, <c>ForwardBackward&lt;TLoss&gt;</c>, <c>Statistics&lt;TLoss&gt;</c>, <c>Backward&lt;TLoss&gt;</c>,
/// <c>Evaluate&lt;TLoss&gt;</c>).
/// </summary>
/// <remarks>
/// Schedule (docs/semantics.md): pass 1 reads input and target once, accumulating per-(n, c) sums and
/// validating values; the backward coefficients are computed from the sums; pass 2 recomputes p and
/// writes the gradient. Where it is faster (<see cref="ChooseSchedule"/>), ForwardBackward instead validates
/// first, keeps p in the gradient buffer during pass 1 and reads it back in pass 2: the same bits, one
/// activation per element. Chunks are <see cref="ChunkPixels"/> pixels of one sample and their partial sums
/// are combined in chunk order in double, so results are bitwise identical for any number of threads
/// (small inputs run on the calling thread alone, <see cref="MinElementsPerThread"/>).
/// </remarks>
public static class DiceCpu
{
    /// <summary>Pixels per chunk. Fixed (never derived from the core count) so that results do not depend on it.</summary>
    public const int ChunkPixels = KernelLimits.ChunkPixels;

    /// <summary>The most threads a call uses; -1 (the default) for all cores.</summary>
    public static int MaxDegreeOfParallelism { get; set; } = -1;

    // The entry points of the generated loss classes, generic over the loss: one per pass and target form, the optional
    // settings as trailing arguments (parameters: null for TLoss.Spec.Parameters; reducer: null for this batch alone).

    /// <summary>Loss of <paramref name="input"/> (N x C x S, or N x S x C with Layout.ChannelsLast) against class <paramref name="labels"/> (N x S); see the generated <c>Forward</c>.</summary>
    public static LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss of <paramref name="input"/> (N x C x S, or N x S x C with Layout.ChannelsLast) against <paramref name="masks"/> (the input's shape); see the generated <c>Forward</c>.</summary>
    public static LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult Forward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Forward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory; see the generated <c>ForwardBackward</c>.</summary>
    public static LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Loss and dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory; see the generated <c>ForwardBackward</c>.</summary>
    public static LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult ForwardBackward<TLoss>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.ForwardBackward) { Parameters = parameters, Reducer = reducer }).Result!;

    /// <summary>Pass 1 of this process's part of a batch, for data-parallel training: statistics to sum over processes (docs/distributed.md).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>Pass 1 of this process's part of a batch, for data-parallel training: statistics to sum over processes (docs/distributed.md).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Statistics) { Parameters = parameters }).Statistics!;

    /// <summary>
    /// The loss of <paramref name="global"/> (this process's statistics after their sum over processes) and its gradient
    /// with respect to this process's input, written into <paramref name="inputGrad"/>: the same input, labels and batch as
    /// the Statistics call, whose parameters apply.
    /// </summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the labels form, for masks.</summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, Span<float> inputGrad, int batch, LossStatistics global)
        where TLoss : IDiceLoss =>
        Run<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), inputGrad, batch, Pass.Backward) { Global = global }).Result!;

    /// <summary>The confusion counts of <paramref name="input"/> against <paramref name="labels"/> for validation metrics; see the generated <c>Evaluate</c>.</summary>
    public static SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Evaluate<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Evaluate<TLoss>(new LossCall(input, TargetSpan.FromLabels(labels).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>The confusion counts of <paramref name="input"/> against <paramref name="masks"/> for validation metrics; see the generated <c>Evaluate</c>.</summary>
    public static SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Evaluate<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>As the overload without, for a loss compiled with PixelWeights: <paramref name="pixelWeights"/> weights pixel (n, s) (N x S, finite, &gt;= 0).</summary>
    public static SegmentationCounts Evaluate<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, ReadOnlySpan<float> pixelWeights, int batch, LossParameters? parameters = null)
        where TLoss : IDiceLoss =>
        Evaluate<TLoss>(new LossCall(input, TargetSpan.FromMasks(masks).WithPixelWeights(pixelWeights), default, batch, Pass.Evaluate) { Parameters = parameters });

    /// <summary>
    /// Evaluate on the SIMD kernels: the checks, then one read-only pass over the chunks, each counting into its own
    /// partial, and the partials summed per sample (integers: exact, whatever the thread count).
    /// </summary>
    internal static unsafe SegmentationCounts Evaluate<TLoss>(in LossCall call) where TLoss : IDiceLoss
    {
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, Pass.Evaluate, call.Parameters, null);
        DiceLossSpec spec = checkedCall.Spec;
        int batch = call.Batch, spatial = checkedCall.Spatial, classes = spec.Classes;
        int chunksPerSample = (spatial + ChunkPixels - 1) / ChunkPixels, chunks = batch * chunksPerSample;
        var layout = new ConfusionLayout(classes);
        long[] counts = ArrayPool<long>.Shared.Rent(chunks * layout.PartialLength);
        float[] weights = ArrayPool<float>.Shared.Rent(ClassValues.Length(classes));
        try
        {
            var settings = new KernelSettings(spec, checkedCall.Parameters, weights);
            fixed (float* inputPtr = call.Input)
            fixed (int* labelsPtr = call.Target.Labels)
            fixed (float* masksPtr = call.Target.Masks)
            fixed (float* pixelWeightsPtr = call.Target.PixelWeights)
            {
                ChunkJob<TLoss> job = ChunkJob<TLoss>.ForThisThread;
                var pointers = new ChunkPointers(inputPtr, labelsPtr, masksPtr, null, null) { PixelWeights = pixelWeightsPtr };
                job.Prepare(pointers, new StatisticsLayout(classes), spatial, chunksPerSample, null, settings);
                job.SetCounts(counts, layout);
                try
                {
                    ChunkRunner.Run(chunks, Threads(call.Input.Length), job.WithPass(ChunkPass.Confusion));
                    if (job.Failed)
                        throw Validation.FirstInvalid(spec, checkedCall.Parameters.IgnoreIndex, call.Input, call.Target, spatial);
                }
                finally
                {
                    job.Release();
                }
            }

            return SegmentationCounts.FromPartials(counts, layout.PartialLength, batch, classes, chunksPerSample);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    /// <summary>A call on the SIMD kernels: the checks, then the pass (or, with a reducer, the data-parallel flow).</summary>
    internal static PassOutcome Run<TLoss>(in LossCall call) where TLoss : IDiceLoss
    {
        CheckedCall checkedCall = CallFlow.Check<TLoss>(call.Extent, call.Pass, call.Parameters, call.Global);
        var passes = new CpuPasses<TLoss>(call);
        return CallFlow.Run(ref passes, checkedCall, call.Pass, call.Reducer, call.Global);
    }

    /// <summary>The passes of one checked call on the CPU.</summary>
    private readonly ref struct CpuPasses<TLoss>(LossCall call) : ICallPasses where TLoss : IDiceLoss
    {
        private readonly LossCall _call = call;

        public PassOutcome Run(in CheckedCall checkedCall, Pass pass, LossStatistics? global) =>
            Execute<TLoss>(_call, checkedCall, pass, global);
    }

    /// <summary>
    /// One pass of a checked call: Forward and ForwardBackward return the result; Statistics its statistics; Backward
    /// finishes <paramref name="global"/> (whose hyperparameters the check resolved).
    /// </summary>
    private static unsafe PassOutcome Execute<TLoss>(in LossCall call, in CheckedCall checkedCall, Pass pass, LossStatistics? global) where TLoss : IDiceLoss
    {
        DiceLossSpec spec = checkedCall.Spec;
        int batch = call.Batch, spatial = checkedCall.Spatial, classes = spec.Classes;
        bool backward = pass is Pass.ForwardBackward or Pass.Backward;
        var layout = new StatisticsLayout(classes);
        int chunksPerSample = (spatial + ChunkPixels - 1) / ChunkPixels;
        // Input, target, pixel weights and (backward) gradient: what a pass streams through the caches.
        long bytes = 4L * call.Input.Length * (backward ? 2 : 1) + 4L * call.Target.Length + 4L * call.Target.PixelWeights.Length;
        bool keep = pass == Pass.ForwardBackward && ChooseSchedule(spec, bytes) == BackwardSchedule.KeepProbabilities;
        // An accumulating call keeps p in a pooled scratch buffer: the gradient buffer holds the values to add to.
        bool scratch = keep && checkedCall.Parameters.AccumulateGradient;
        var buffers = new CallBuffers(layout, batch, chunksPerSample, backward, keep, scratch ? call.Input.Length : 0);
        try
        {
            var settings = new KernelSettings(spec, checkedCall.Parameters, buffers.Weights);
            fixed (float* inputPtr = call.Input)
            fixed (int* labelsPtr = call.Target.Labels)
            fixed (float* masksPtr = call.Target.Masks)
            fixed (float* gradPtr = call.Gradient)
            fixed (float* scratchPtr = buffers.KeptProbabilities)
            fixed (float* pixelWeightsPtr = call.Target.PixelWeights)
            {
                ChunkJob<TLoss> job = ChunkJob<TLoss>.ForThisThread;
                var pointers = new ChunkPointers(inputPtr, labelsPtr, masksPtr, gradPtr, scratch ? scratchPtr : gradPtr) { PixelWeights = pixelWeightsPtr };
                job.Prepare(pointers, layout, spatial, chunksPerSample, buffers.Partials, settings);
                try
                {
                    return RunPasses(job, call, checkedCall, pass, global, buffers);
                }
                finally
                {
                    job.Release();
                }
            }
        }
        finally
        {
            buffers.Return();
        }
    }

    /// <summary>
    /// The pooled buffers of one call: pass-1 partials, the statistics, totals, results, coefficients and weights, and for
    /// an accumulating call that keeps p a scratch buffer of the input's length; and whether the call keeps p.
    /// </summary>
    private readonly struct CallBuffers
    {
        public CallBuffers(StatisticsLayout layout, int batch, int chunksPerSample, bool backward, bool keep, int scratchLength)
        {
            Keep = keep;
            KeptProbabilities = scratchLength > 0 ? ArrayPool<float>.Shared.Rent(scratchLength) : null;
            Layout = layout;
            ChunksPerSample = chunksPerSample;
            Partials = ArrayPool<double>.Shared.Rent(batch * chunksPerSample * layout.PartialLength);
            Statistics = ArrayPool<double>.Shared.Rent(layout.StatisticsLength(batch));
            Totals = ArrayPool<double>.Shared.Rent(layout.TotalsLength);
            Results = ArrayPool<double>.Shared.Rent(layout.ResultsLength);
            Coefficients = ArrayPool<float>.Shared.Rent(backward ? batch * layout.CoefficientStride : 0);
            Weights = ArrayPool<float>.Shared.Rent(ClassValues.Length(layout.Classes)); // class weights, then positive weights
        }

        public StatisticsLayout Layout { get; }
        public int ChunksPerSample { get; }
        public double[] Partials { get; }
        public double[] Statistics { get; }
        public double[] Totals { get; }
        public double[] Results { get; }
        public float[] Coefficients { get; }
        public float[] Weights { get; }
        public float[]? KeptProbabilities { get; }
        public bool Keep { get; }

        public void Return()
        {
            if (KeptProbabilities is not null) ArrayPool<float>.Shared.Return(KeptProbabilities);
            ArrayPool<double>.Shared.Return(Partials);
            ArrayPool<double>.Shared.Return(Statistics);
            ArrayPool<double>.Shared.Return(Totals);
            ArrayPool<double>.Shared.Return(Results);
            ArrayPool<float>.Shared.Return(Coefficients);
            ArrayPool<float>.Shared.Return(Weights);
        }
    }

    /// <summary>
    /// Pass 1, the ordered combine and the finalizer, then pass 2. With <see cref="BackwardSchedule.KeepProbabilities"/>
    /// a read-only validation comes first, pass 1 then writes p into the gradient and pass 2 reads it back: one
    /// activation per element instead of two, and the same bits. <see cref="Pass.Backward"/> starts from
    /// <paramref name="global"/>'s per-sample statistics and summed totals instead of pass 1;
    /// <see cref="Pass.Statistics"/> stops after the totals and returns this process's statistics.
    /// </summary>
    private static PassOutcome RunPasses<TLoss>(
        ChunkJob<TLoss> job, in LossCall call, in CheckedCall checkedCall, Pass pass, LossStatistics? global, CallBuffers buffers) where TLoss : IDiceLoss
    {
        DiceLossSpec spec = checkedCall.Spec;
        LossParameters parameters = checkedCall.Parameters;
        int batch = call.Batch;
        bool backward = pass is Pass.ForwardBackward or Pass.Backward, keep = buffers.Keep;
        var settings = FinalizeSettings.From(spec, parameters, batch, checkedCall.Spatial);
        double[] totals = global?.ValuesArray ?? buffers.Totals;
        var layout = buffers.Layout;
        if (global is null)
        {
            Pass1(job, call, checkedCall, keep, buffers);
            LossFinalizer.Totals(settings, new ArrayValues<double>(buffers.Statistics), new ArrayValues<float>(buffers.Weights), new ArrayValues<double>(totals));
            if (pass == Pass.Statistics)
            {
                return new PassOutcome(null, new LossStatistics(typeof(TLoss), spec, parameters, batch, checkedCall.Spatial,
                    buffers.Statistics.AsSpan(0, layout.StatisticsLength(batch)).ToArray(), totals.AsSpan(0, layout.TotalsLength).ToArray()));
            }
        }
        else
        {
            global.SampleStatistics.CopyTo(buffers.Statistics, 0);
        }

        LossFinalizer.Compute(
            settings, new ArrayValues<double>(buffers.Statistics), new ArrayValues<double>(totals), new ArrayValues<float>(buffers.Weights),
            new ArrayValues<double>(buffers.Results), new ArrayValues<float>(buffers.Coefficients), backward);

        if (backward)
        {
            job.SetCoefficients(buffers.Coefficients);
            ChunkRunner.Run(batch * buffers.ChunksPerSample, Threads(call.Input.Length), job.WithPass(keep ? ChunkPass.GradientFromProbabilities : ChunkPass.Gradient));
        }

        return new PassOutcome(LossFinalizer.ToResult(buffers.Results, settings, buffers.Statistics, buffers.Weights), null);
    }

    /// <summary>
    /// Pass 1 (with <paramref name="keep"/>: validation, then the sums with p written into the gradient), then the chunk
    /// partials combined in chunk order into the statistics: deterministic whatever the thread count.
    /// </summary>
    private static void Pass1<TLoss>(ChunkJob<TLoss> job, in LossCall call, in CheckedCall checkedCall, bool keep, CallBuffers buffers) where TLoss : IDiceLoss
    {
        int chunks = call.Batch * buffers.ChunksPerSample;
        int threads = Threads(call.Input.Length);
        ChunkRunner.Run(chunks, threads, job.WithPass(keep ? ChunkPass.Validate : ChunkPass.Statistics));
        if (job.Failed)
            throw Validation.FirstInvalid(checkedCall.Spec, checkedCall.Parameters.IgnoreIndex, call.Input, call.Target, checkedCall.Spatial);
        if (keep) ChunkRunner.Run(chunks, threads, job.WithPass(ChunkPass.StatisticsKeepingProbabilities));
        LossFinalizer.CombinePartials(
            new ArrayValues<double>(buffers.Partials), buffers.Layout.PartialLength, buffers.ChunksPerSample, call.Batch, buffers.Layout.Classes,
            new ArrayValues<double>(buffers.Statistics));
    }

    /// <summary>The schedule a test forces on calls from its own flow; null lets <see cref="ChooseSchedule"/> decide.</summary>
    internal static readonly AsyncLocal<BackwardSchedule?> ForcedSchedule = new();

    /// <summary>
    /// The ForwardBackward schedule for a loss whose passes stream <paramref name="bytes"/> (input, target, gradient).
    /// Keeping p saves one activation per element and costs a validation read of the input and target and a write and
    /// a read of p: it wins where the kernels are compute-bound, which on the machines measured (docs/performance.md,
    /// "Keeping p") is everywhere except with Vector512 on data past the last-level cache, where the two tie or
    /// recomputing p is up to 12% faster. Class loops (C above 16) follow the same rule since their reductions joined
    /// the class passes: keeping p won 1.10-1.35x at C = 17 on every size and width (one cell of 21 aside), and on the
    /// many-class shapes past the cache at Vector128 and Vector256, while at Vector512 there recomputing won by up to 9%.
    /// Without an activation p is the input: nothing to save. A focal loss always recomputes p
    /// (<see cref="KernelLimits.CanKeepProbabilities"/>), even when a test forces the other schedule.
    /// (A call that accumulates into the gradient keeps p in a pooled scratch buffer instead of the gradient.)
    /// </summary>
    internal static BackwardSchedule ChooseSchedule(DiceLossSpec spec, long bytes)
    {
        if (!KernelLimits.CanKeepProbabilities(spec.Combine)) return BackwardSchedule.RecomputeProbabilities;
        if (ForcedSchedule.Value is { } forced) return forced;
        if (spec.Activation == Activation.None) return BackwardSchedule.RecomputeProbabilities;
        return Vector512.IsHardwareAccelerated && bytes > MemoryBoundBytes ? BackwardSchedule.RecomputeProbabilities : BackwardSchedule.KeepProbabilities;
    }

    /// <summary>The data size past which the Vector512 kernels turn memory-bound: the 32 MiB L3 of the machine measured.</summary>
    internal const long MemoryBoundBytes = 32L << 20;

    /// <summary>
    /// Elements (N·C·S) each thread must have before a call forks: below it the fork-join (about 4 us per pass on the
    /// machines measured) costs more than the second core saves, so small inputs run on the calling thread alone.
    /// </summary>
    internal const int MinElementsPerThread = 8192;

    /// <summary>The threads a call over <paramref name="elements"/> uses: the cores (or <see cref="MaxDegreeOfParallelism"/>), fewer for small inputs.</summary>
    private static int Threads(long elements)
    {
        int threads = MaxDegreeOfParallelism < 1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
        return (int)Math.Max(1, Math.Min(threads, elements / MinElementsPerThread));
    }

    /// <summary>
    /// The pinned buffers of one call and the two per-chunk passes over them. One instance per calling
    /// thread and loss type is reused, so that a call allocates nothing but its result.
    /// </summary>
    private sealed unsafe class ChunkJob<TLoss> : IChunkBody where TLoss : IDiceLoss
    {
        [ThreadStatic]
        private static ChunkJob<TLoss>? t_job;

        private ChunkPointers _pointers;
        private StatisticsLayout _layout;
        private int _spatial, _chunksPerSample;
        private double[]? _partials;
        private long[]? _counts;
        private ConfusionLayout _confusion;
        private float[]? _coefficients;
        private KernelSettings _settings;
        private ChunkPass _pass;
        private int _failed;

        public static ChunkJob<TLoss> ForThisThread => t_job ??= new ChunkJob<TLoss>();

        public void Prepare(ChunkPointers pointers, StatisticsLayout layout, int spatial, int chunksPerSample, double[]? partials, KernelSettings settings)
        {
            _pointers = pointers;
            _settings = settings;
            _layout = layout;
            _spatial = spatial;
            _chunksPerSample = chunksPerSample;
            _partials = partials;
            _coefficients = null;
            _failed = 0;
        }

        public ChunkJob<TLoss> WithPass(ChunkPass pass)
        {
            _pass = pass;
            return this;
        }

        public void Execute(int index)
        {
            switch (_pass)
            {
                case ChunkPass.Statistics:
                    Report(TLoss.AccumulateStatistics(Chunk(index, out _), ClearedPartial(index)));
                    break;
                case ChunkPass.Validate:
                    Report(TLoss.IsValid(Chunk(index, out _)));
                    break;
                case ChunkPass.StatisticsKeepingProbabilities:
                    TLoss.AccumulateStatisticsKeepingProbabilities(Chunk(index, out int sample), ClearedPartial(index), SampleSlice(_pointers.Kept, sample));
                    break;
                case ChunkPass.Confusion:
                    Report(TLoss.CountConfusion(Chunk(index, out _), ClearedCounts(index)));
                    break;
                case ChunkPass.Gradient:
                    TLoss.WriteGradient(Chunk(index, out sample), SampleCoefficients(sample), SampleSlice(_pointers.Gradient, sample));
                    break;
                default:
                    TLoss.WriteGradientFromProbabilities(
                        Chunk(index, out sample), SampleCoefficients(sample), SampleSlice(_pointers.Kept, sample), SampleSlice(_pointers.Gradient, sample));
                    break;
            }
        }

        public bool Failed => Volatile.Read(ref _failed) != 0;

        public void SetCoefficients(float[] coefficients) => _coefficients = coefficients;

        /// <summary>Where an Evaluate pass counts: one partial of <paramref name="layout"/> per chunk.</summary>
        public void SetCounts(long[] counts, ConfusionLayout layout)
        {
            _counts = counts;
            _confusion = layout;
        }

        /// <summary>Forgets the call's buffers: the pointers are pinned only during the call.</summary>
        public void Release()
        {
            _pointers = default;
            _partials = null;
            _counts = null;
            _coefficients = null;
            _settings = default;
        }

        private DiceChunk Chunk(int index, out int sample)
        {
            sample = index / _chunksPerSample;
            int start = index % _chunksPerSample * ChunkPixels;
            int end = Math.Min(start + ChunkPixels, _spatial);
            int sampleLength = _layout.Classes * _spatial;
            return new DiceChunk(
                new ReadOnlySpan<float>(_pointers.Input + (long)sample * sampleLength, sampleLength),
                _pointers.Labels == null ? default : new ReadOnlySpan<int>(_pointers.Labels + (long)sample * _spatial, _spatial),
                _pointers.Masks == null ? default : new ReadOnlySpan<float>(_pointers.Masks + (long)sample * sampleLength, sampleLength),
                _spatial, (start, end), _settings)
            {
                PixelWeights = _pointers.PixelWeights == null ? default : new ReadOnlySpan<float>(_pointers.PixelWeights + (long)sample * _spatial, _spatial),
            };
        }

        private Span<double> ClearedPartial(int index) => Cleared(_partials, index, _layout.PartialLength);

        private Span<long> ClearedCounts(int index) => Cleared(_counts, index, _confusion.PartialLength);

        /// <summary>Chunk <paramref name="index"/>'s partial of <paramref name="length"/> values, zeroed for its kernel to add to.</summary>
        private static Span<T> Cleared<T>(T[]? partials, int index, int length)
        {
            var partial = partials.AsSpan(index * length, length);
            partial.Clear();
            return partial;
        }

        private void Report(bool valid)
        {
            if (!valid) Volatile.Write(ref _failed, 1);
        }

        private ReadOnlySpan<float> SampleCoefficients(int sample) =>
            _coefficients.AsSpan(sample * _layout.CoefficientStride, _layout.CoefficientStride);

        /// <summary>Sample <paramref name="sample"/>'s C x S slice of the gradient or of the buffer that keeps p.</summary>
        private Span<float> SampleSlice(float* buffer, int sample)
        {
            int sampleLength = _layout.Classes * _spatial;
            return new Span<float>(buffer + (long)sample * sampleLength, sampleLength);
        }
    }
}

/// <summary>The pinned buffers of one call: input, labels or masks (the other null), gradient (null without backward), kept p, pixel weights (null without).</summary>
internal readonly unsafe struct ChunkPointers(float* input, int* labels, float* masks, float* gradient, float* kept)
{
    public float* Input { get; } = input;
    public int* Labels { get; } = labels;
    public float* Masks { get; } = masks;
    public float* Gradient { get; } = gradient;
    /// <summary>Where pass 1 keeps p: the gradient, or the scratch of an accumulating call.</summary>
    public float* Kept { get; } = kept;
    public float* PixelWeights { get; init; }
}

/// <summary>The ForwardBackward schedules of <see cref="DiceCpu"/> (docs/performance.md measures both).</summary>
internal enum BackwardSchedule
{
    /// <summary>Pass 1 checks and sums; pass 2 computes p from x again.</summary>
    RecomputeProbabilities,
    /// <summary>A validation pass; pass 1 sums and writes p into the gradient; pass 2 reads p back.</summary>
    KeepProbabilities,
}

/// <summary>What one fork-join over the chunks runs.</summary>
internal enum ChunkPass
{
    Statistics,
    Validate,
    StatisticsKeepingProbabilities,
    Gradient,
    GradientFromProbabilities,
    Confusion,
}
