namespace Dice;

/// <summary>
/// One call on host spans as every public entry point describes it to the scheduler: the data, the pass and the
/// optional settings. <see cref="DiceCpu"/> runs it on the SIMD kernels; <see cref="DiceEngine"/> on its device.
/// </summary>
internal readonly ref struct LossCall
{
    public LossCall(ReadOnlySpan<float> input, TargetSpan target, Span<float> gradient, int batch, Pass pass)
    {
        Input = input;
        Target = target;
        Gradient = gradient;
        Batch = batch;
        Pass = pass;
    }

    public ReadOnlySpan<float> Input { get; }
    public TargetSpan Target { get; }
    /// <summary>dL/d(input) (empty for Forward and Statistics).</summary>
    public Span<float> Gradient { get; }
    public int Batch { get; }
    public Pass Pass { get; }
    /// <summary>The call's hyperparameters and settings, or null for the loss's own.</summary>
    public LossParameters? Parameters { get; init; }
    /// <summary>Sums the statistics over processes (Forward, ForwardBackward), or null for this call's batch alone.</summary>
    public IStatisticsReducer? Reducer { get; init; }
    /// <summary>The summed statistics that a Backward call finishes.</summary>
    public LossStatistics? Global { get; init; }

    /// <summary>The lengths the checks need.</summary>
    public CallExtent Extent => new(Input.Length, Target.Length, Target.IsLabels, Gradient.Length, Batch,
        Input.Overlaps((ReadOnlySpan<float>)Gradient))
    {
        PixelWeights = Target.PixelWeights.Length, HasPixelWeights = Target.HasPixelWeights,
    };
}

/// <summary>
/// What the checks of a call need of its arguments, whatever holds them (host spans or device views): the lengths of
/// input, target and gradient, the target form, N, and whether inputGrad shares memory with input (in place).
/// </summary>
internal readonly record struct CallExtent(long Input, long Target, bool TargetIsLabels, long Gradient, int Batch, bool GradientOverlapsInput)
{
    /// <summary>The length of the pixel weights.</summary>
    public long PixelWeights { get; init; }

    /// <summary>Whether the call passed pixel weights (an overload that takes them).</summary>
    public bool HasPixelWeights { get; init; }
}

/// <summary>A call that passed its checks: the loss's configuration, the values its kernels run with, and S.</summary>
internal readonly record struct CheckedCall(DiceLossSpec Spec, LossParameters Parameters, int Spatial);

/// <summary>The outcome of one pass: a result, or (for <see cref="Pass.Statistics"/>) this process's statistics.</summary>
internal readonly record struct PassOutcome(LossResult? Result, LossStatistics? Statistics);

/// <summary>Runs one pass of a checked call: a scheduler's view of its own call (CPU, device from host spans, device views).</summary>
internal interface ICallPasses
{
    PassOutcome Run(in CheckedCall call, Pass pass, LossStatistics? global);
}

/// <summary>The checks at the start of every call and the data-parallel flow, written once for every scheduler.</summary>
internal static class CallFlow
{
    /// <summary>
    /// Every check that needs no pass over the data, before anything runs: the target form, the parameters (with their
    /// DICE ids), the lengths, the statistics a Backward finishes, and accumulating into the input's own memory.
    /// </summary>
    public static CheckedCall Check<TLoss>(in CallExtent extent, Pass pass, LossParameters? parameters, LossStatistics? global)
        where TLoss : IDiceLoss
    {
        DiceLossSpec spec = TLoss.Spec;
        Validation.CheckTarget(typeof(TLoss), spec, extent.TargetIsLabels);
        Validation.CheckPixelWeights(typeof(TLoss), spec, extent.HasPixelWeights);
        if (pass == Pass.Backward) ArgumentNullException.ThrowIfNull(global);
        parameters?.Validate(spec, nameof(parameters));
        LossParameters values = global?.Parameters ?? parameters ?? spec.Parameters;
        int spatial = Validation.CheckShapes(spec, extent, pass);
        global?.CheckFor(typeof(TLoss), extent.Batch, spatial, nameof(global));
        if (values.AccumulateGradient && extent.GradientOverlapsInput && pass is Pass.ForwardBackward or Pass.Backward)
            throw new ArgumentException(
                "inputGrad shares memory with input, but AccumulateGradient adds the gradient to inputGrad's values: pass a separate gradient buffer, or leave AccumulateGradient false to compute in place.",
                "inputGrad");
        return new CheckedCall(spec, values, spatial);
    }

    /// <summary>
    /// A checked call through <paramref name="passes"/>: one pass, or with a <paramref name="reducer"/> (Forward and
    /// ForwardBackward) Statistics, the reducer's sum over processes, then the result or Backward of the sum.
    /// </summary>
    public static PassOutcome Run<TPasses>(scoped ref TPasses passes, in CheckedCall call, Pass pass, IStatisticsReducer? reducer, LossStatistics? global)
        where TPasses : ICallPasses, allows ref struct
    {
        if (reducer is null || pass is Pass.Statistics or Pass.Backward) return passes.Run(call, pass, global);

        LossStatistics statistics = passes.Run(call, Pass.Statistics, null).Statistics!;
        reducer.Sum(statistics.Values);
        if (pass == Pass.Forward) return new PassOutcome(statistics.Result, null);
        statistics.CheckFor(statistics.Loss, statistics.Batch, call.Spatial, nameof(reducer));
        return passes.Run(call, Pass.Backward, statistics);
    }
}
