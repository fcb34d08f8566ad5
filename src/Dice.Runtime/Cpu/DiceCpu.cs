using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dice.Kernels;

namespace Dice;

/// <summary>
/// Runs generated losses on the CPU: the SIMD kernels of a generated loss over fixed-size
/// chunks on all cores. The generated <c>Forward</c>/<c>ForwardBackward</c> statics call these.
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
    public const int ChunkPixels = 4096;

    /// <summary>The most threads a call uses; -1 (the default) for all cores.</summary>
    public static int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Loss of <paramref name="input"/> (N x C x S) against class <paramref name="labels"/> (N x S).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), default, Pass.Forward, batch, null);

    /// <summary>Loss of <paramref name="input"/> (N x C x S) against <paramref name="masks"/> (N x C x S).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), default, Pass.Forward, batch, null);

    /// <summary>Loss and its gradient dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), inputGrad, Pass.ForwardBackward, batch, null);

    /// <summary>Loss and its gradient dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), inputGrad, Pass.ForwardBackward, batch, null);

    /// <summary>As <see cref="Forward{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>, with the hyperparameters of this call (start from <c>TLoss.Spec.Parameters</c>).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), default, Pass.Forward, batch, LossParameters.NotNull(parameters));

    /// <summary>As <see cref="Forward{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/>, with the hyperparameters of this call (start from <c>TLoss.Spec.Parameters</c>).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), default, Pass.Forward, batch, LossParameters.NotNull(parameters));

    /// <summary>As <see cref="ForwardBackward{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{int}, Span{float}, int)"/>, with the hyperparameters of this call (start from <c>TLoss.Spec.Parameters</c>).</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), inputGrad, Pass.ForwardBackward, batch, LossParameters.NotNull(parameters));

    /// <summary>As <see cref="ForwardBackward{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int)"/>, with the hyperparameters of this call (start from <c>TLoss.Spec.Parameters</c>).</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), inputGrad, Pass.ForwardBackward, batch, LossParameters.NotNull(parameters));

    /// <summary>Pass 1 of this process's part of a batch, for data-parallel training: statistics to sum over processes (docs/distributed.md).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch) where TLoss : IDiceLoss =>
        Statistics<TLoss>(input, TargetSpan.FromLabels(labels), batch, null);

    /// <summary>Pass 1 of this process's part of a batch, for data-parallel training: statistics to sum over processes (docs/distributed.md).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch) where TLoss : IDiceLoss =>
        Statistics<TLoss>(input, TargetSpan.FromMasks(masks), batch, null);

    /// <summary>As <see cref="Statistics{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>, with this call's hyperparameters (Backward uses them too).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Statistics<TLoss>(input, TargetSpan.FromLabels(labels), batch, LossParameters.NotNull(parameters));

    /// <summary>As <see cref="Statistics{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/>, with this call's hyperparameters (Backward uses them too).</summary>
    public static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, LossParameters parameters) where TLoss : IDiceLoss =>
        Statistics<TLoss>(input, TargetSpan.FromMasks(masks), batch, LossParameters.NotNull(parameters));

    /// <summary>
    /// The loss of <paramref name="global"/> (this process's statistics after their sum over processes) and its gradient
    /// with respect to this process's input, written into <paramref name="inputGrad"/>: the same input, labels and batch as
    /// the Statistics call.
    /// </summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, LossStatistics global) where TLoss : IDiceLoss =>
        Execute<TLoss>(input, TargetSpan.FromLabels(labels), inputGrad, Pass.Backward, batch, null, Global(global), out _)!;

    /// <summary>As <see cref="Backward{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{int}, Span{float}, int, LossStatistics)"/>, for masks.</summary>
    public static LossResult Backward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, LossStatistics global) where TLoss : IDiceLoss =>
        Execute<TLoss>(input, TargetSpan.FromMasks(masks), inputGrad, Pass.Backward, batch, null, Global(global), out _)!;

    /// <summary>The loss of the union of every process's batch: <see cref="Statistics{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>, <paramref name="reducer"/>'s sum, the result.</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch, IStatisticsReducer reducer) where TLoss : IDiceLoss =>
        Reduced(Statistics<TLoss>(input, labels, batch), reducer).Result;

    /// <summary>The loss of the union of every process's batch: <see cref="Statistics{TLoss}(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/>, <paramref name="reducer"/>'s sum, the result.</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch, IStatisticsReducer reducer) where TLoss : IDiceLoss =>
        Reduced(Statistics<TLoss>(input, masks, batch), reducer).Result;

    /// <summary>Statistics, <paramref name="reducer"/>'s sum and Backward: the global loss and its gradient with respect to this process's input.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch, IStatisticsReducer reducer) where TLoss : IDiceLoss =>
        Backward<TLoss>(input, labels, inputGrad, batch, Reduced(Statistics<TLoss>(input, labels, batch), reducer));

    /// <summary>Statistics, <paramref name="reducer"/>'s sum and Backward: the global loss and its gradient with respect to this process's input.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch, IStatisticsReducer reducer) where TLoss : IDiceLoss =>
        Backward<TLoss>(input, masks, inputGrad, batch, Reduced(Statistics<TLoss>(input, masks, batch), reducer));

    /// <summary>The statistics after <paramref name="reducer"/> summed their values over processes.</summary>
    internal static LossStatistics Reduced(LossStatistics statistics, IStatisticsReducer reducer)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        reducer.Sum(statistics.Values);
        return statistics;
    }

    internal static LossStatistics Global(LossStatistics global) => global ?? throw new ArgumentNullException(nameof(global));

    internal static LossStatistics Statistics<TLoss>(ReadOnlySpan<float> input, TargetSpan target, int batch, LossParameters? parameters) where TLoss : IDiceLoss
    {
        Execute<TLoss>(input, target, default, Pass.Statistics, batch, parameters, null, out LossStatistics? statistics);
        return statistics!;
    }

    /// <summary>
    /// Both passes for either target form; the public overloads and <see cref="DiceEngine"/> on the CPU call this.
    /// <c>parameters</c>: the call's hyperparameters (validated here, before anything runs), or null for the attribute's.
    /// </summary>
    internal static LossResult Run<TLoss>(
        ReadOnlySpan<float> input, TargetSpan target, Span<float> inputGrad, Pass pass, int batch, LossParameters? parameters) where TLoss : IDiceLoss =>
        Execute<TLoss>(input, target, inputGrad, pass, batch, parameters, null, out _)!;

    /// <summary>
    /// Any <see cref="Pass"/>: Forward and ForwardBackward return the result; Statistics returns null and its statistics in
    /// <paramref name="statistics"/>; Backward finishes <paramref name="global"/> (whose hyperparameters it uses).
    /// </summary>
    internal static unsafe LossResult? Execute<TLoss>(
        ReadOnlySpan<float> input, TargetSpan target, Span<float> inputGrad, Pass pass, int batch, LossParameters? parameters,
        LossStatistics? global, out LossStatistics? statistics) where TLoss : IDiceLoss
    {
        DiceLossSpec spec = TLoss.Spec;
        parameters?.Validate(spec, nameof(parameters));
        LossParameters values = global?.Parameters ?? parameters ?? spec.Parameters;
        int spatial = Validation.CheckShapes(spec, input.Length, target.Length, target.IsLabels, inputGrad.Length, pass, batch);
        global?.CheckFor(typeof(TLoss), batch, spatial, nameof(global));
        bool backward = pass is Pass.ForwardBackward or Pass.Backward;
        statistics = null;

        int classes = spec.Classes;
        var layout = new StatisticsLayout(classes);
        int chunksPerSample = (spatial + ChunkPixels - 1) / ChunkPixels;
        double[] partials = ArrayPool<double>.Shared.Rent(batch * chunksPerSample * layout.PartialLength);
        double[] sampleStatistics = ArrayPool<double>.Shared.Rent(layout.StatisticsLength(batch));
        double[] totals = ArrayPool<double>.Shared.Rent(layout.TotalsLength);
        double[] results = ArrayPool<double>.Shared.Rent(layout.ResultsLength);
        float[] coefficients = ArrayPool<float>.Shared.Rent(backward ? batch * layout.CoefficientStride : 0);
        float[] weights = ArrayPool<float>.Shared.Rent(classes);
        try
        {
            fixed (float* inputPtr = input)
            fixed (int* labelsPtr = target.Labels)
            fixed (float* masksPtr = target.Masks)
            fixed (float* gradPtr = inputGrad)
            {
                ChunkJob<TLoss> job = ChunkJob<TLoss>.ForThisThread;
                for (int c = 0; c < classes; c++) weights[c] = values.ClassWeights[c];
                job.Prepare(inputPtr, labelsPtr, masksPtr, gradPtr, layout, spatial, chunksPerSample, partials, values.IgnoreIndex, weights, values.FocalGamma);
                try
                {
                    return RunPasses(job, spec, values, input, target, pass, batch, spatial, chunksPerSample,
                        partials, sampleStatistics, global?.ValuesArray ?? totals, results, coefficients, weights, global, out statistics);
                }
                finally
                {
                    job.Release();
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
            ArrayPool<double>.Shared.Return(sampleStatistics);
            ArrayPool<double>.Shared.Return(totals);
            ArrayPool<double>.Shared.Return(results);
            ArrayPool<float>.Shared.Return(coefficients);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    /// <summary>
    /// Pass 1, the ordered combine and the finalizer, then pass 2. With <see cref="BackwardSchedule.KeepProbabilities"/>
    /// a read-only validation comes first, pass 1 then writes p into the gradient and pass 2 reads it back: one
    /// activation per element instead of two, and the same bits. <see cref="Pass.Backward"/> starts from
    /// <paramref name="global"/>'s per-sample statistics and summed <paramref name="totals"/> instead of pass 1;
    /// <see cref="Pass.Statistics"/> stops after the totals and returns null, its statistics in <paramref name="local"/>.
    /// </summary>
    private static LossResult? RunPasses<TLoss>(
        ChunkJob<TLoss> job, DiceLossSpec spec, LossParameters parameters, ReadOnlySpan<float> input, TargetSpan target,
        Pass pass, int batch, int spatial, int chunksPerSample,
        double[] partials, double[] statistics, double[] totals, double[] results, float[] coefficients, float[] weights,
        LossStatistics? global, out LossStatistics? local) where TLoss : IDiceLoss
    {
        local = null;
        bool backward = pass is Pass.ForwardBackward or Pass.Backward;
        // Input, target and (backward) gradient: what a pass streams through the caches.
        long bytes = 4L * input.Length * (backward ? 2 : 1) + 4L * target.Length;
        bool keep = pass == Pass.ForwardBackward && ChooseSchedule(spec, bytes) == BackwardSchedule.KeepProbabilities;
        var settings = FinalizeSettings.From(spec, parameters, batch, spatial);
        if (global is null)
        {
            Pass1(job, spec, parameters, input, target, keep, batch, spatial, chunksPerSample, partials, statistics);
            LossFinalizer.Totals(settings, new ArrayValues<double>(statistics), new ArrayValues<float>(weights), new ArrayValues<double>(totals));
            if (pass == Pass.Statistics)
            {
                var layout = new StatisticsLayout(spec.Classes);
                local = new LossStatistics(typeof(TLoss), spec, parameters, batch, spatial,
                    statistics.AsSpan(0, layout.StatisticsLength(batch)).ToArray(), totals.AsSpan(0, layout.TotalsLength).ToArray());
                return null;
            }
        }
        else
        {
            global.SampleStatistics.CopyTo(statistics, 0);
        }

        LossFinalizer.Compute(
            settings, new ArrayValues<double>(statistics), new ArrayValues<double>(totals), new ArrayValues<float>(weights),
            new ArrayValues<double>(results), new ArrayValues<float>(coefficients), backward);

        if (backward)
        {
            job.SetCoefficients(coefficients);
            ChunkRunner.Run(batch * chunksPerSample, Threads(input.Length), job.WithPass(keep ? ChunkPass.GradientFromProbabilities : ChunkPass.Gradient));
        }

        return LossFinalizer.ToResult(results, spec.Classes);
    }

    /// <summary>
    /// Pass 1 (with <paramref name="keep"/>: validation, then the sums with p written into the gradient), then the chunk
    /// partials combined in chunk order into <paramref name="statistics"/>: deterministic whatever the thread count.
    /// </summary>
    private static void Pass1<TLoss>(
        ChunkJob<TLoss> job, DiceLossSpec spec, LossParameters parameters, ReadOnlySpan<float> input, TargetSpan target, bool keep,
        int batch, int spatial, int chunksPerSample, double[] partials, double[] statistics) where TLoss : IDiceLoss
    {
        int chunks = batch * chunksPerSample;
        int threads = Threads(input.Length);
        ChunkRunner.Run(chunks, threads, job.WithPass(keep ? ChunkPass.Validate : ChunkPass.Statistics));
        if (job.Failed)
            throw Validation.FirstInvalid(spec, parameters.IgnoreIndex, input, target, spatial);
        if (keep) ChunkRunner.Run(chunks, threads, job.WithPass(ChunkPass.StatisticsKeepingProbabilities));
        LossFinalizer.CombinePartials(
            new ArrayValues<double>(partials), new StatisticsLayout(spec.Classes).PartialLength, chunksPerSample, batch, spec.Classes, new ArrayValues<double>(statistics));
    }

    /// <summary>The schedule a test forces on calls from its own flow; null lets <see cref="ChooseSchedule"/> decide.</summary>
    internal static readonly AsyncLocal<BackwardSchedule?> ForcedSchedule = new();

    /// <summary>
    /// The ForwardBackward schedule for a loss whose passes stream <paramref name="bytes"/> (input, target, gradient).
    /// Keeping p saves one activation per element and costs a validation read of the input and target and a write and
    /// a read of p: it wins where the kernels are compute-bound, which on the machines measured (docs/performance.md,
    /// "Keeping p") is everywhere except with Vector512 on data past the last-level cache, where the two tie or
    /// recomputing p is up to 12% faster, and with class loops (C above 16), whose time goes to the per-class arrays:
    /// there keeping p was as often slower as faster. Without an activation p is the input: nothing to save. A focal
    /// loss always recomputes p (<see cref="KernelLimits.CanKeepProbabilities"/>), even when a test forces the other schedule.
    /// </summary>
    internal static BackwardSchedule ChooseSchedule(DiceLossSpec spec, long bytes)
    {
        if (!KernelLimits.CanKeepProbabilities(spec.Combine)) return BackwardSchedule.RecomputeProbabilities;
        if (ForcedSchedule.Value is { } forced) return forced;
        if (spec.Activation == Activation.None || spec.Classes > KernelLimits.UnrolledClasses) return BackwardSchedule.RecomputeProbabilities;
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

        private float* _input;
        private int* _labels;
        private float* _masks;
        private float* _gradient;
        private StatisticsLayout _layout;
        private int _spatial, _chunksPerSample;
        private double[]? _partials;
        private float[]? _coefficients;
        private float[]? _weights;
        private int _ignoreIndex;
        private float _focalGamma;
        private ChunkPass _pass;
        private int _failed;

        public static ChunkJob<TLoss> ForThisThread => t_job ??= new ChunkJob<TLoss>();

        public void Prepare(
            float* input, int* labels, float* masks, float* gradient, StatisticsLayout layout, int spatial, int chunksPerSample, double[] partials,
            int ignoreIndex, float[] weights, float focalGamma)
        {
            _ignoreIndex = ignoreIndex;
            _focalGamma = focalGamma;
            _weights = weights;
            _input = input;
            _labels = labels;
            _masks = masks;
            _gradient = gradient;
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
                    TLoss.AccumulateStatisticsKeepingProbabilities(Chunk(index, out int sample), ClearedPartial(index), SampleGradient(sample));
                    break;
                case ChunkPass.Gradient:
                    TLoss.WriteGradient(Chunk(index, out sample), SampleCoefficients(sample), SampleGradient(sample));
                    break;
                default:
                    TLoss.WriteGradientFromProbabilities(Chunk(index, out sample), SampleCoefficients(sample), SampleGradient(sample));
                    break;
            }
        }

        public bool Failed => Volatile.Read(ref _failed) != 0;

        public void SetCoefficients(float[] coefficients) => _coefficients = coefficients;

        /// <summary>Forgets the call's buffers: the pointers are pinned only during the call.</summary>
        public void Release()
        {
            _input = _masks = _gradient = null;
            _labels = null;
            _partials = null;
            _coefficients = null;
            _weights = null;
        }

        private DiceChunk Chunk(int index, out int sample)
        {
            sample = index / _chunksPerSample;
            int start = index % _chunksPerSample * ChunkPixels;
            int end = Math.Min(start + ChunkPixels, _spatial);
            int sampleLength = _layout.Classes * _spatial;
            return new DiceChunk(
                new ReadOnlySpan<float>(_input + (long)sample * sampleLength, sampleLength),
                _labels == null ? default : new ReadOnlySpan<int>(_labels + (long)sample * _spatial, _spatial),
                _masks == null ? default : new ReadOnlySpan<float>(_masks + (long)sample * sampleLength, sampleLength),
                _spatial, start, end, _ignoreIndex, new ReadOnlySpan<float>(_weights, 0, _layout.Classes), _focalGamma);
        }

        private Span<double> ClearedPartial(int index)
        {
            var partial = _partials.AsSpan(index * _layout.PartialLength, _layout.PartialLength);
            partial.Clear();
            return partial;
        }

        private void Report(bool valid)
        {
            if (!valid) Volatile.Write(ref _failed, 1);
        }

        private ReadOnlySpan<float> SampleCoefficients(int sample) =>
            _coefficients.AsSpan(sample * _layout.CoefficientStride, _layout.CoefficientStride);

        private Span<float> SampleGradient(int sample)
        {
            int sampleLength = _layout.Classes * _spatial;
            return new Span<float>(_gradient + (long)sample * sampleLength, sampleLength);
        }
    }
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
}
