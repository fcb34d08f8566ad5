using System.ComponentModel;
using Dice.Kernels;

namespace Dice;

/// <summary>
/// Implemented by every class the generator completes. It gives the schedulers
/// (<see cref="DiceCpu"/>, <see cref="DiceEngine"/>) generic access to the generated kernels: the hot loops are generated,
/// the scheduling is not.
/// </summary>
public interface IDiceLoss
{
    /// <summary>The resolved configuration.</summary>
    static abstract DiceLossSpec Spec { get; }

    /// <summary>
    /// Pass 1 over one chunk: adds the chunk's sums to <paramref name="partial"/>, laid out as
    /// <c>[I_0..I_{C-1}, P_0..P_{C-1}, T_0..T_{C-1}, ce, ceWeight]</c> (see <see cref="DiceChunk"/>).
    /// Returns false when the chunk holds an invalid element; the scheduler then finds and reports it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract bool AccumulateStatistics(in DiceChunk chunk, Span<double> partial);

    /// <summary>
    /// Pass 2 over one chunk: writes dL/d(input) for the chunk's pixels into <paramref name="gradient"/>
    /// (the sample's C x S slice). <paramref name="dice"/> holds this sample's backward coefficients
    /// <c>[A_0..A_{C-1}, B_0..B_{C-1}, s]</c>: the Dice gradient with respect to p is v (A_c t + B_c p^(q-1)),
    /// and s scales the CE/BCE gradient.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract void WriteGradient(in DiceChunk chunk, ReadOnlySpan<float> dice, Span<float> gradient);

    /// <summary>
    /// The validity checks of pass 1 alone over one chunk, no activation and nothing written: true when every element is
    /// valid. The first step of the schedule that keeps p (see <see cref="AccumulateStatisticsKeepingProbabilities"/>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual bool IsValid(in DiceChunk chunk) => throw RecomputesProbabilities();

    /// <summary>
    /// Pass 1 over one chunk of input already found valid: the sums of <see cref="AccumulateStatistics"/>, and p (the
    /// activation of the input) written into <paramref name="gradient"/> (the sample's C x S slice of the buffer that keeps
    /// p: the gradient, which may be the input's own memory, or a scratch buffer when the call accumulates), so that
    /// <see cref="WriteGradientFromProbabilities"/> computes no activation again.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual void AccumulateStatisticsKeepingProbabilities(in DiceChunk chunk, Span<double> partial, Span<float> gradient) =>
        throw RecomputesProbabilities();

    /// <summary>
    /// Pass 2 over one chunk from kept probabilities: <paramref name="probabilities"/> holds p (written by
    /// <see cref="AccumulateStatisticsKeepingProbabilities"/>; it may be <paramref name="gradient"/> itself) and
    /// <paramref name="gradient"/> receives dL/d(input); the chunk's input is not read. Same arithmetic as
    /// <see cref="WriteGradient"/>, so the same bits.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual void WriteGradientFromProbabilities(in DiceChunk chunk, ReadOnlySpan<float> dice, ReadOnlySpan<float> probabilities, Span<float> gradient) =>
        throw RecomputesProbabilities();

    /// <summary>
    /// The schedule that keeps p has no kernels for a loss whose pass 2 needs x (a focal loss: the generator writes them
    /// only where <see cref="KernelLimits.CanKeepProbabilities"/>), and the scheduler never chooses it there.
    /// </summary>
    private static NotSupportedException RecomputesProbabilities() =>
        new("This loss recomputes p in pass 2 (its gradient needs x), so it has no kernels for the schedule that keeps p.");

    /// <summary>
    /// Evaluate over one chunk: adds the chunk's confusion counts to <paramref name="counts"/>, laid out as
    /// <c>[TP_0..TP_{C-1}, predicted_0..predicted_{C-1}, truth_0..truth_{C-1}, counted]</c> (pixels predicted c, pixels
    /// whose truth is c, pixels not ignored). Returns false when the chunk holds an invalid element, as pass 1 does.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract bool CountConfusion(in DiceChunk chunk, Span<long> counts);

    /// <summary>The generated ILGPU kernels (pass 1, pass 2 and Evaluate), which <see cref="DiceEngine"/> loads on an accelerator.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract DeviceKernels DeviceKernels { get; }
}

/// <summary>
/// Pixels [<see cref="Start"/>, <see cref="End"/>) of one sample: the unit of work the schedulers hand
/// to generated kernels. Spans cover the whole sample; channel c of pixel s is at <c>c * Spatial + s</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct DiceChunk
{
    /// <summary>Creates a chunk of one call: the sample's spans, the pixel range and the call's kernel settings.</summary>
    internal DiceChunk(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, ReadOnlySpan<float> masks, int spatial, (int Start, int End) pixels, KernelSettings settings)
    {
        Input = input;
        Labels = labels;
        Masks = masks;
        Spatial = spatial;
        (Start, End) = pixels;
        IgnoreIndex = settings.IgnoreIndex;
        ClassWeights = settings.ClassWeights;
        PositiveWeights = settings.PositiveWeights;
        FocalGamma = settings.FocalGamma;
        LabelSmoothing = settings.LabelSmoothing;
        AccumulateGradient = settings.AccumulateGradient;
        WeightedPixelTerm = settings.WeightedPixelTerm;
    }

    /// <summary>The sample's input, C x S.</summary>
    public ReadOnlySpan<float> Input { get; }
    /// <summary>The sample's labels, S (empty for masks losses).</summary>
    public ReadOnlySpan<int> Labels { get; }
    /// <summary>The sample's masks, C x S (empty for labels losses).</summary>
    public ReadOnlySpan<float> Masks { get; }
    /// <summary>The sample's pixel weights, S (empty for losses without PixelWeights).</summary>
    public ReadOnlySpan<float> PixelWeights { get; init; }
    /// <summary>S, the pixels per channel.</summary>
    public int Spatial { get; }
    /// <summary>First pixel of the chunk.</summary>
    public int Start { get; }
    /// <summary>One past the last pixel of the chunk.</summary>
    public int End { get; }
    /// <summary>The call's IgnoreIndex (<see cref="LossParameters.IgnoreIndex"/>).</summary>
    public int IgnoreIndex { get; }
    /// <summary>The call's class weights, C values (<see cref="LossParameters.ClassWeights"/>).</summary>
    public ReadOnlySpan<float> ClassWeights { get; }
    /// <summary>The call's weights of the positives, C values (<see cref="LossParameters.PositiveWeights"/>).</summary>
    public ReadOnlySpan<float> PositiveWeights { get; }
    /// <summary>The call's focal exponent (<see cref="LossParameters.FocalGamma"/>).</summary>
    public float FocalGamma { get; }
    /// <summary>The call's label smoothing (<see cref="LossParameters.LabelSmoothing"/>).</summary>
    public float LabelSmoothing { get; }
    /// <summary>Whether pass 2 adds its gradient to the buffer's values (<see cref="LossParameters.AccumulateGradient"/>).</summary>
    public bool AccumulateGradient { get; }
    /// <summary>
    /// Whether the pixel term runs its weighted kernels: the call's class weights or positive weights are not all 1, or
    /// its label smoothing is not 0 (the unweighted kernels leave those out).
    /// </summary>
    public bool WeightedPixelTerm { get; }
}

/// <summary>The values of one call that every chunk's kernels read, resolved once per call from its <see cref="LossParameters"/>.</summary>
internal readonly struct KernelSettings
{
    private readonly float[] _classValues;
    private readonly int _classes;

    /// <summary>
    /// The settings of <paramref name="parameters"/>, with its class weights and positive weights copied into
    /// <paramref name="classValues"/> (at least <see cref="ClassValues.Length"/> values, in that layout).
    /// </summary>
    public KernelSettings(DiceLossSpec spec, LossParameters parameters, float[] classValues)
    {
        int classes = spec.Classes, positive = ClassValues.PositiveWeightsOffset(classes);
        bool weighted = parameters.LabelSmoothing != 0f;
        for (int c = 0; c < classes; c++)
        {
            classValues[c] = parameters.ClassWeights[c];
            classValues[positive + c] = parameters.PositiveWeights[c];
            weighted |= classValues[c] != 1f || classValues[positive + c] != 1f;
        }

        _classValues = classValues;
        _classes = classes;
        IgnoreIndex = parameters.IgnoreIndex;
        FocalGamma = parameters.FocalGamma;
        LabelSmoothing = parameters.LabelSmoothing;
        AccumulateGradient = parameters.AccumulateGradient;
        WeightedPixelTerm = weighted && spec.Combine != Combine.None;
    }

    public int IgnoreIndex { get; }
    public ReadOnlySpan<float> ClassWeights => new(_classValues, 0, _classes);
    public ReadOnlySpan<float> PositiveWeights => new(_classValues, ClassValues.PositiveWeightsOffset(_classes), _classes);
    public float FocalGamma { get; }
    public float LabelSmoothing { get; }
    public bool AccumulateGradient { get; }
    public bool WeightedPixelTerm { get; }
}
