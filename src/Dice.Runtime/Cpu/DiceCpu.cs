using System.Buffers;
using System.Runtime.CompilerServices;
using Dice.Kernels;

namespace Dice;

/// <summary>
/// Runs generated losses on the CPU: the SIMD kernels of a generated loss over fixed-size
/// chunks on all cores. The generated <c>Forward</c>/<c>ForwardBackward</c> statics call these.
/// </summary>
/// <remarks>
/// Schedule (docs/semantics.md): pass 1 reads input and target once, accumulating per-(n, c) sums and
/// validating values; the backward coefficients are computed from the sums; pass 2 recomputes p and
/// writes the gradient. Chunks are <see cref="ChunkPixels"/> pixels of one sample and their partial sums
/// are combined in chunk order in double, so results are bitwise identical for any number of threads.
/// </remarks>
public static class DiceCpu
{
    /// <summary>Pixels per chunk. Fixed (never derived from the core count) so that results do not depend on it.</summary>
    public const int ChunkPixels = 4096;

    /// <summary>The most threads a call uses; -1 (the default) for all cores.</summary>
    public static int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Loss of <paramref name="input"/> (N x C x S) against class <paramref name="labels"/> (N x S).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), default, Pass.Forward, batch);

    /// <summary>Loss of <paramref name="input"/> (N x C x S) against <paramref name="masks"/> (N x C x S).</summary>
    public static LossResult Forward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), default, Pass.Forward, batch);

    /// <summary>Loss and its gradient dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, Span<float> inputGrad, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromLabels(labels), inputGrad, Pass.ForwardBackward, batch);

    /// <summary>Loss and its gradient dL/d(input) into <paramref name="inputGrad"/>, which may be <paramref name="input"/>'s memory.</summary>
    public static LossResult ForwardBackward<TLoss>(ReadOnlySpan<float> input, ReadOnlySpan<float> masks, Span<float> inputGrad, int batch) where TLoss : IDiceLoss =>
        Run<TLoss>(input, TargetSpan.FromMasks(masks), inputGrad, Pass.ForwardBackward, batch);

    /// <summary>Both passes for either target form; the public overloads and <see cref="DiceEngine"/> on the CPU call this.</summary>
    internal static unsafe LossResult Run<TLoss>(
        ReadOnlySpan<float> input, TargetSpan target, Span<float> inputGrad, Pass pass, int batch) where TLoss : IDiceLoss
    {
        DiceLossSpec spec = TLoss.Spec;
        int spatial = Validation.CheckShapes(spec, input.Length, target.Length, target.IsLabels, inputGrad.Length, pass, batch);
        bool backward = pass == Pass.ForwardBackward;

        int classes = spec.Classes;
        var layout = new StatisticsLayout(classes);
        int chunksPerSample = (spatial + ChunkPixels - 1) / ChunkPixels;
        double[] partials = ArrayPool<double>.Shared.Rent(batch * chunksPerSample * layout.PartialLength);
        double[] statistics = ArrayPool<double>.Shared.Rent(layout.StatisticsLength(batch));
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
                job.Prepare(inputPtr, labelsPtr, masksPtr, gradPtr, layout, spatial, chunksPerSample, partials);
                try
                {
                    return RunPasses(job, spec, input, target, backward, batch, spatial, chunksPerSample,
                        partials, statistics, results, coefficients, weights);
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
            ArrayPool<double>.Shared.Return(statistics);
            ArrayPool<double>.Shared.Return(results);
            ArrayPool<float>.Shared.Return(coefficients);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    /// <summary>Pass 1, the ordered combine and the finalizer, then pass 2: the two-pass schedule.</summary>
    private static LossResult RunPasses<TLoss>(
        ChunkJob<TLoss> job, DiceLossSpec spec, ReadOnlySpan<float> input, TargetSpan target,
        bool backward, int batch, int spatial, int chunksPerSample,
        double[] partials, double[] statistics, double[] results, float[] coefficients, float[] weights) where TLoss : IDiceLoss
    {
        int classes = spec.Classes;
        ForEach(batch * chunksPerSample, job.WithPass(gradient: false));
        if (job.Failed)
            throw Validation.FirstInvalid(spec, input, target, spatial);

        // Combine chunk partials in chunk order: deterministic whatever the thread count.
        LossFinalizer.CombinePartials(
            new ArrayValues<double>(partials), new StatisticsLayout(classes).PartialLength, chunksPerSample, batch, classes, new ArrayValues<double>(statistics));

        for (int c = 0; c < classes; c++) weights[c] = spec.ClassWeights[c];
        LossFinalizer.Compute(
            FinalizeSettings.From(spec, batch, spatial), new ArrayValues<double>(statistics), new ArrayValues<float>(weights),
            new ArrayValues<double>(results), new ArrayValues<float>(coefficients), backward);

        if (backward)
        {
            job.SetCoefficients(coefficients);
            ForEach(batch * chunksPerSample, job.WithPass(gradient: true));
        }

        return LossFinalizer.ToResult(results, classes);
    }

    private static void ForEach(int count, IChunkBody body)
    {
        int threads = MaxDegreeOfParallelism;
        ChunkRunner.Run(count, threads < 1 ? Environment.ProcessorCount : threads, body);
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
        private bool _gradientPass;
        private int _failed;

        public static ChunkJob<TLoss> ForThisThread => t_job ??= new ChunkJob<TLoss>();

        public void Prepare(float* input, int* labels, float* masks, float* gradient, StatisticsLayout layout, int spatial, int chunksPerSample, double[] partials)
        {
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

        public ChunkJob<TLoss> WithPass(bool gradient)
        {
            _gradientPass = gradient;
            return this;
        }

        public void Execute(int index)
        {
            if (_gradientPass) GradientChunk(index);
            else StatisticsChunk(index);
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
                _spatial, start, end);
        }

        private void StatisticsChunk(int index)
        {
            var partial = _partials.AsSpan(index * _layout.PartialLength, _layout.PartialLength);
            partial.Clear();
            if (!TLoss.AccumulateStatistics(Chunk(index, out _), partial))
                Volatile.Write(ref _failed, 1);
        }

        private void GradientChunk(int index)
        {
            DiceChunk chunk = Chunk(index, out int sample);
            int sampleLength = _layout.Classes * _spatial;
            int stride = _layout.CoefficientStride;
            TLoss.WriteGradient(
                chunk, _coefficients.AsSpan(sample * stride, stride), new Span<float>(_gradient + (long)sample * sampleLength, sampleLength));
        }
    }
}
