namespace Dice.Runtime.Tests;

/// <summary>
/// One generated loss class of the matrix, reachable without knowing its type: the four entry points of the API, each
/// with its optional settings, on the SIMD CPU kernels (<see cref="DiceCpu"/>, what the generated members call) or, given
/// an engine, through <see cref="DiceEngine"/>.
/// </summary>
public interface ILossCase
{
    string Name { get; }
    DiceLossSpec Spec { get; }
    LossResult Forward(float[] input, TargetData target, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null, DiceEngine? engine = null);
    LossResult ForwardBackward(
        float[] input, TargetData target, Span<float> gradient, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null, DiceEngine? engine = null);
    LossStatistics Statistics(float[] input, TargetData target, int batch, LossParameters? parameters = null, DiceEngine? engine = null);
    LossResult Backward(float[] input, TargetData target, Span<float> gradient, int batch, LossStatistics global, DiceEngine? engine = null);
    SegmentationCounts Evaluate(float[] input, TargetData target, int batch, LossParameters? parameters = null, DiceEngine? engine = null);
}

public sealed class LossCase<TLoss> : ILossCase where TLoss : IDiceLoss
{
    public string Name => typeof(TLoss).Name;
    public DiceLossSpec Spec => TLoss.Spec;

    public LossResult Forward(float[] input, TargetData target, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null, DiceEngine? engine = null) =>
        target.PixelWeights is { } weights
            ? (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Forward<TLoss>(input, labels, weights, batch, parameters, reducer),
                ({ } labels, _) => engine.Forward<TLoss>(input, labels, weights, batch, parameters, reducer),
                (null, null) => DiceCpu.Forward<TLoss>(input, target.Masks!, weights, batch, parameters, reducer),
                (null, _) => engine.Forward<TLoss>(input, target.Masks!, weights, batch, parameters, reducer),
            }
            : (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Forward<TLoss>(input, labels, batch, parameters, reducer),
                ({ } labels, _) => engine.Forward<TLoss>(input, labels, batch, parameters, reducer),
                (null, null) => DiceCpu.Forward<TLoss>(input, target.Masks!, batch, parameters, reducer),
                (null, _) => engine.Forward<TLoss>(input, target.Masks!, batch, parameters, reducer),
            };

    public LossResult ForwardBackward(
        float[] input, TargetData target, Span<float> gradient, int batch, LossParameters? parameters = null, IStatisticsReducer? reducer = null, DiceEngine? engine = null) =>
        target.PixelWeights is { } weights
            ? (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.ForwardBackward<TLoss>(input, labels, weights, gradient, batch, parameters, reducer),
                ({ } labels, _) => engine.ForwardBackward<TLoss>(input, labels, weights, gradient, batch, parameters, reducer),
                (null, null) => DiceCpu.ForwardBackward<TLoss>(input, target.Masks!, weights, gradient, batch, parameters, reducer),
                (null, _) => engine.ForwardBackward<TLoss>(input, target.Masks!, weights, gradient, batch, parameters, reducer),
            }
            : (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.ForwardBackward<TLoss>(input, labels, gradient, batch, parameters, reducer),
                ({ } labels, _) => engine.ForwardBackward<TLoss>(input, labels, gradient, batch, parameters, reducer),
                (null, null) => DiceCpu.ForwardBackward<TLoss>(input, target.Masks!, gradient, batch, parameters, reducer),
                (null, _) => engine.ForwardBackward<TLoss>(input, target.Masks!, gradient, batch, parameters, reducer),
            };

    public LossStatistics Statistics(float[] input, TargetData target, int batch, LossParameters? parameters = null, DiceEngine? engine = null) =>
        target.PixelWeights is { } weights
            ? (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Statistics<TLoss>(input, labels, weights, batch, parameters),
                ({ } labels, _) => engine.Statistics<TLoss>(input, labels, weights, batch, parameters),
                (null, null) => DiceCpu.Statistics<TLoss>(input, target.Masks!, weights, batch, parameters),
                (null, _) => engine.Statistics<TLoss>(input, target.Masks!, weights, batch, parameters),
            }
            : (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Statistics<TLoss>(input, labels, batch, parameters),
                ({ } labels, _) => engine.Statistics<TLoss>(input, labels, batch, parameters),
                (null, null) => DiceCpu.Statistics<TLoss>(input, target.Masks!, batch, parameters),
                (null, _) => engine.Statistics<TLoss>(input, target.Masks!, batch, parameters),
            };

    public LossResult Backward(float[] input, TargetData target, Span<float> gradient, int batch, LossStatistics global, DiceEngine? engine = null) =>
        target.PixelWeights is { } weights
            ? (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Backward<TLoss>(input, labels, weights, gradient, batch, global),
                ({ } labels, _) => engine.Backward<TLoss>(input, labels, weights, gradient, batch, global),
                (null, null) => DiceCpu.Backward<TLoss>(input, target.Masks!, weights, gradient, batch, global),
                (null, _) => engine.Backward<TLoss>(input, target.Masks!, weights, gradient, batch, global),
            }
            : (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Backward<TLoss>(input, labels, gradient, batch, global),
                ({ } labels, _) => engine.Backward<TLoss>(input, labels, gradient, batch, global),
                (null, null) => DiceCpu.Backward<TLoss>(input, target.Masks!, gradient, batch, global),
                (null, _) => engine.Backward<TLoss>(input, target.Masks!, gradient, batch, global),
            };

    public SegmentationCounts Evaluate(float[] input, TargetData target, int batch, LossParameters? parameters = null, DiceEngine? engine = null) =>
        target.PixelWeights is { } weights
            ? (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Evaluate<TLoss>(input, labels, weights, batch, parameters),
                ({ } labels, _) => engine.Evaluate<TLoss>(input, labels, weights, batch, parameters),
                (null, null) => DiceCpu.Evaluate<TLoss>(input, target.Masks!, weights, batch, parameters),
                (null, _) => engine.Evaluate<TLoss>(input, target.Masks!, weights, batch, parameters),
            }
            : (target.Labels, engine) switch
            {
                ({ } labels, null) => DiceCpu.Evaluate<TLoss>(input, labels, batch, parameters),
                ({ } labels, _) => engine.Evaluate<TLoss>(input, labels, batch, parameters),
                (null, null) => DiceCpu.Evaluate<TLoss>(input, target.Masks!, batch, parameters),
                (null, _) => engine.Evaluate<TLoss>(input, target.Masks!, batch, parameters),
            };

    public override string ToString() => Name;
}

/// <summary>Labels or masks, whichever the loss takes, and the pixel weights of a loss with PixelWeights.</summary>
public sealed record TargetData(int[]? Labels, float[]? Masks)
{
    /// <summary>ω per pixel (N x S), for a loss with PixelWeights; null otherwise.</summary>
    public float[]? PixelWeights { get; init; }

    public double[]? MasksAsDouble => Masks?.Select(m => (double)m).ToArray();

    public double[]? PixelWeightsAsDouble => PixelWeights?.Select(w => (double)w).ToArray();

    /// <summary>Samples [<paramref name="from"/>, from + <paramref name="count"/>) of a target of <paramref name="classes"/> x <paramref name="spatial"/> per sample.</summary>
    public TargetData Samples(int from, int count, int classes, int spatial)
    {
        float[]? Slice(float[]? values, int perSample) => values?.AsSpan(from * perSample, count * perSample).ToArray();
        return new TargetData(Labels?.AsSpan(from * spatial, count * spatial).ToArray(), Slice(Masks, classes * spatial))
        {
            PixelWeights = Slice(PixelWeights, spatial),
        };
    }
}

/// <summary>Random inputs that a loss accepts: probabilities or logits, labels (some ignored) or masks (binary and soft).</summary>
public static class TestData
{
    public static (float[] Input, TargetData Target) Make(DiceLossSpec spec, int batch, int spatial, int seed)
    {
        var random = new Random(seed);
        int C = spec.Classes;
        var input = new float[batch * C * spatial];
        for (int i = 0; i < input.Length; i++)
            input[i] = spec.Activation == Activation.None ? (float)random.NextDouble() : (float)(random.NextDouble() * 8 - 4);

        TargetData target;
        if (spec.Target == Target.Labels)
        {
            var labels = new int[batch * spatial];
            for (int i = 0; i < labels.Length; i++)
                labels[i] = random.NextDouble() < 0.1 ? spec.IgnoreIndex : random.Next(C);
            target = new TargetData(labels, null);
        }
        else
        {
            var masks = new float[input.Length];
            bool soft = random.Next(2) == 0;
            for (int i = 0; i < masks.Length; i++)
                masks[i] = soft ? (float)random.NextDouble() : random.Next(3) == 0 ? 1f : 0f;
            target = new TargetData(null, masks);
        }

        // Drawn after the target, so that the input and target are those of the same loss without pixel weights.
        return spec.PixelWeights ? (input, target with { PixelWeights = PixelWeights(random, batch * spatial) }) : (input, target);
    }

    /// <summary>Pixel weights as users give them: a quarter 0 (masked out), a quarter 1, the rest spread over (0, 3).</summary>
    public static float[] PixelWeights(Random random, int length)
    {
        var weights = new float[length];
        for (int i = 0; i < length; i++)
            weights[i] = random.Next(4) switch { 0 => 0f, 1 => 1f, _ => (float)(random.NextDouble() * 3) };
        return weights;
    }

    public static ReferenceResult Reference(DiceLossSpec spec, float[] input, TargetData target, int batch) =>
        Tests.Reference.Compute(spec, input.Select(v => (double)v).ToArray(), target.Labels, target.MasksAsDouble, batch, target.PixelWeightsAsDouble);
}

public static class Assertions
{
    public const double LossTolerance = 1e-5;
    public const double GradientTolerance = 1e-4;

    public static void Close(double expected, double actual, double relative, string what)
    {
        double error = Math.Abs(expected - actual);
        Assert.True(error <= relative * Math.Abs(expected) + 1e-7,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Max(Math.Abs(expected), 1e-300):E2})");
    }

    public static void Matches(ReferenceResult expected, LossResult actual, string context)
    {
        Close(expected.Loss, actual.Loss, LossTolerance, context + " Loss");
        Close(expected.DiceLoss, actual.DiceLoss, LossTolerance, context + " DiceLoss");
        Close(expected.CrossEntropy, actual.CrossEntropy, LossTolerance, context + " CrossEntropy");
        Assert.Equal(expected.ClassDice.Length, actual.ClassDice.Count);
        for (int c = 0; c < expected.ClassDice.Length; c++)
            Close(expected.ClassDice[c], actual.ClassDice[c], LossTolerance, $"{context} ClassDice[{c}]");
    }

    public static double RelativeL2(double[] expected, ReadOnlySpan<float> actual)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            norm += expected[i] * expected[i];
        }

        return norm == 0 ? Math.Sqrt(diff) : Math.Sqrt(diff / norm);
    }

    /// <summary>Element-wise: relative to the element, with an absolute floor relative to the largest element.</summary>
    public const double ElementTolerance = 1e-3, ElementFloor = 1e-5;

    /// <summary>
    /// The gradient within <see cref="GradientTolerance"/> relative L2, and every element within
    /// <see cref="ElementTolerance"/> of its own value (plus <see cref="ElementFloor"/> of the largest): an error
    /// confined to a few elements (a one-pixel tail) would pass the L2 check alone.
    /// </summary>
    public static void GradientMatches(double[] expected, ReadOnlySpan<float> actual, string context) =>
        GradientMatches(expected, actual, context, null);

    /// <summary>
    /// Against the float64 reference, with its <see cref="ReferenceResult.GradientScale"/>: a drawn case may be one where
    /// the gradient cancels exactly (one pixel whose masks are all 1 under softmax gives the same dL/dp to every class,
    /// and p (g - p.g) is 0), and there a float resolves only a few ulps of the terms.
    /// </summary>
    public static void GradientMatches(ReferenceResult expected, ReadOnlySpan<float> actual, string context) =>
        GradientMatches(expected.Gradient, actual, context, expected.GradientScale);

    /// <summary>A float's resolution of a sum, relative to the magnitude of its terms (16 float ulps).</summary>
    public const double FloatResolution = 1e-6;

    /// <summary>
    /// As <see cref="GradientMatches(double[], ReadOnlySpan{float}, string)"/>, where the gradient may cancel to (near) 0:
    /// each bound also admits <see cref="FloatResolution"/> times the magnitude of the terms summed
    /// (<see cref="ReferenceResult.GradientScale"/>), which is all a float computation can resolve there. Where the terms
    /// do not cancel this adds nothing to the bounds above.
    /// </summary>
    public static void GradientMatches(double[] expected, ReadOnlySpan<float> actual, string context, double[]? scale)
    {
        double diff = 0, norm = 0, scaleNorm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            norm += expected[i] * expected[i];
            if (scale is not null) scaleNorm += scale[i] * scale[i];
        }

        double error = RelativeL2(expected, actual);
        bool withinResolution = Math.Sqrt(diff) <= FloatResolution * Math.Sqrt(scaleNorm);
        Assert.True(error <= GradientTolerance || withinResolution, $"{context} gradient: relative L2 error {error:E2} > {GradientTolerance:E0}");
        double largest = 0;
        foreach (double e in expected) largest = Math.Max(largest, Math.Abs(e));
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = ElementTolerance * Math.Abs(expected[i]) + ElementFloor * largest + FloatResolution * (scale?[i] ?? 0);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed,
                $"{context} gradient[{i}]: expected {expected[i]:R}, got {actual[i]:R} (allowed {allowed:E2})");
        }
    }
}

/// <summary>Forces a ForwardBackward schedule of <see cref="DiceCpu"/> on this test's calls until disposed.</summary>
public static class Schedules
{
    public static IDisposable Force(bool keepProbabilities)
    {
        DiceCpu.ForcedSchedule.Value = keepProbabilities ? BackwardSchedule.KeepProbabilities : BackwardSchedule.RecomputeProbabilities;
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => DiceCpu.ForcedSchedule.Value = null;
    }
}
