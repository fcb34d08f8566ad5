using Dice.Kernels;

namespace Dice;

/// <summary>
/// Turns the sums of pass 1 into the loss terms, the per-class coefficients and the backward
/// coefficients of pass 2. Scalar double-precision code, O(N·C), written once: the CPU scheduler calls
/// it on arrays, and ILGPU compiles the same method into the device finalize kernel (over array views),
/// which is why it reads and writes through <see cref="IValues{T}"/> and allocates nothing.
/// </summary>
/// <remarks>
/// The gradient of the Dice term with respect to p is affine in t for each (n, c):
/// g_p = v·k·l'·(dd/dI·t + dd/dP·q·p^(q-1)) = v·(A·t + B·p^(q-1)). This computes A and B.
/// </remarks>
internal static class LossFinalizer
{
    /// <summary>
    /// Sums the partials of pass 1 into <paramref name="statistics"/>, each statistic in the fixed order of
    /// <see cref="CombineStatistic"/>, so that the result does not depend on how slices were scheduled.
    /// </summary>
    public static void CombinePartials<TPartials, TStatistics>(
        TPartials partials, int stride, int slicesPerSample, int batch, int classes, TStatistics statistics)
        where TPartials : struct, IValues<double>
        where TStatistics : struct, IValues<double>
    {
        var layout = new StatisticsLayout(classes);
        for (int k = 0; k < layout.StatisticsLength(batch); k++)
            statistics[k] = CombineStatistic(partials, stride, slicesPerSample, layout, k);
    }

    /// <summary>
    /// Statistic <paramref name="k"/> of the batch (<see cref="StatisticsLayout"/>) from the partials of pass 1: a
    /// sample's sum over its slices in slice order. The one fixed order, for the CPU scheduler and each thread of the
    /// device finalizer alike. Each slice's partial starts with a sample's layout, <c>[I(C), P(C), T(C), ce, ceWeight]</c>;
    /// <paramref name="stride"/> may leave room for more.
    /// </summary>
    public static double CombineStatistic<TPartials>(TPartials partials, int stride, int slicesPerSample, StatisticsLayout layout, int k)
        where TPartials : struct, IValues<double>
    {
        int n = k / layout.SampleLength, value = k - n * layout.SampleLength;
        double sum = 0;
        for (int j = 0; j < slicesPerSample; j++) sum += partials[(n * slicesPerSample + j) * stride + value];
        return sum;
    }

    /// <summary>One slot of every partial, summed in slice order.</summary>
    public static double SumSlot<TPartials>(TPartials partials, int stride, int slices, int slot)
        where TPartials : struct, IValues<double>
    {
        double sum = 0;
        for (int slice = 0; slice < slices; slice++) sum += partials[slice * stride + slot];
        return sum;
    }

    /// <summary>
    /// The totals of a batch (<see cref="StatisticsLayout.TotalsLength"/> values) from its per-sample statistics: what
    /// <see cref="Compute"/> needs beyond each sample's own sums, as sums over samples and pixels. The totals of batches
    /// held by several processes, added element-wise, are the totals of their union; that sum is the only exchange
    /// data-parallel training needs (<see cref="IStatisticsReducer"/>).
    /// </summary>
    public static void Totals<TStatistics, TWeights, TTotals>(in FinalizeSettings settings, TStatistics statistics, TWeights weights, TTotals totals)
        where TStatistics : struct, IValues<double>
        where TWeights : struct, IValues<float>
        where TTotals : struct, IValues<double>
    {
        int classes = settings.Classes, batch = settings.Batch;
        var layout = new StatisticsLayout(classes);
        int first = settings.IncludeBackground ? 0 : 1;
        double weightSum = WeightSum(settings, weights);

        totals[StatisticsLayout.DiceTermTotal] = 0;
        totals[StatisticsLayout.SamplesTotal] = batch;
        double pixelTerm = 0, pixelWeight = 0;
        for (int n = 0; n < batch; n++)
        {
            pixelTerm += statistics[layout.Sample(n) + layout.CrossEntropy];
            pixelWeight += statistics[layout.Sample(n) + layout.CrossEntropyWeight];
        }

        // The BCE mean's count: N C S, or with pixel weights C Ω, which the element-wise terms sum in the weight slot.
        totals[StatisticsLayout.ElementsTotal] = settings.PixelWeights ? classes * pixelWeight : (double)batch * classes * settings.Spatial;

        totals[StatisticsLayout.PixelTermTotal] = pixelTerm;
        totals[StatisticsLayout.PixelWeightTotal] = pixelWeight;
        for (int c = 0; c < classes; c++)
        {
            totals[layout.ClassDiceTotal(c)] = 0;
            // A loop over the enum's values, not over an array of them: ILGPU compiles this method into the device finalizer.
            for (DiceSum sum = DiceSum.Intersection; sum <= DiceSum.Truth; sum++)
                totals[layout.SumsTotal + layout.SumOffset(sum) + c] = GroupSum(statistics, layout, 0, batch, sum, c);
        }

        // Batch Dice needs only the sums; per-sample Dice adds up each sample's term and coefficients.
        if (settings.BatchDice) return;
        for (int n = 0; n < batch; n++)
        {
            double term = 0;
            for (int c = 0; c < classes; c++)
            {
                ClassCoefficient(settings, statistics, layout, n, n + 1, c, out double d, out _, out _);
                totals[layout.ClassDiceTotal(c)] += d;
                if (c >= first && settings.Overlap != Overlap.GeneralizedDice)
                    term += weights[c] * OverlapTerm.Value(settings.Term, d, settings.OverlapExponent) / weightSum;
            }

            if (settings.Overlap == Overlap.GeneralizedDice)
                term = GeneralizedDice(settings, statistics, layout, n, n + 1, 0, new NoCoefficients(), 0, 0, backward: false);
            totals[StatisticsLayout.DiceTermTotal] += term;
        }
    }

    /// <param name="settings">The configuration and shape.</param>
    /// <param name="statistics">This batch's statistics: per sample <c>[I(C), P(C), T(C), ce, ceWeight]</c> (<see cref="StatisticsLayout"/>).</param>
    /// <param name="totals">
    /// The totals (<see cref="Totals"/>) of this batch, or of the union of the batches of every process: the loss is that of
    /// the totals' samples, and the coefficients the derivative of that loss with respect to this batch.
    /// </param>
    /// <param name="weights">w_c, C values.</param>
    /// <param name="results">Receives loss (times Scale), Dice term, CE term, CE gradient scale and ClassDice (see the slots).</param>
    /// <param name="coefficients">Receives per sample <c>[A(C), B(C), CE gradient scale]</c> (<see cref="StatisticsLayout"/>); untouched unless <paramref name="backward"/>.</param>
    /// <param name="backward">Whether to write the coefficients.</param>
    public static void Compute<TStatistics, TTotals, TWeights, TResults, TCoefficients>(
        in FinalizeSettings settings, TStatistics statistics, TTotals totals, TWeights weights, TResults results, TCoefficients coefficients, bool backward)
        where TStatistics : struct, IValues<double>
        where TTotals : struct, IValues<double>
        where TWeights : struct, IValues<float>
        where TResults : struct, IValues<double>
        where TCoefficients : struct, IValues<float>
    {
        int classes = settings.Classes, batch = settings.Batch;
        var layout = new StatisticsLayout(classes);
        int first = settings.IncludeBackground ? 0 : 1;
        bool combined = settings.Combine != (int)Combine.None;
        double alpha = settings.Alpha;
        // The call's Scale multiplies the whole gradient: folded into the slopes here, so pass 2 costs nothing more.
        double diceScale = (combined ? 1 - alpha : 1) * settings.Scale;
        double samples = totals[StatisticsLayout.SamplesTotal];
        double weightSum = WeightSum(settings, weights);

        double diceLoss;
        if (settings.BatchDice)
        {
            // One group: the sums of every sample (of every process), laid out as one sample's statistics.
            var sums = new OffsetValues<TTotals>(totals, layout.SumsTotal);
            diceLoss = 0;
            for (int c = 0; c < classes; c++)
            {
                ClassCoefficient(settings, sums, layout, 0, 1, c, out double d, out double dDdI, out double dDdP);
                results[layout.ClassDiceResult(c)] = d;
                if (settings.Overlap == Overlap.GeneralizedDice) continue;
                float a = 0, bq = 0;
                if (c >= first)
                {
                    double w = weights[c];
                    diceLoss += w * OverlapTerm.Value(settings.Term, d, settings.OverlapExponent) / weightSum;
                    Slopes(settings, d, dDdI, dDdP, diceScale * w / weightSum, out a, out bq);
                }

                if (backward) WriteSlopes(coefficients, layout, 0, batch, c, a, bq);
            }

            // The group's slopes go to every sample of this batch.
            if (settings.Overlap == Overlap.GeneralizedDice)
                diceLoss = GeneralizedDice(settings, sums, layout, 0, 1, diceScale, coefficients, 0, batch, backward);
        }
        else
        {
            // Per sample: the mean over every sample of the totals; each of this batch's samples has its own slopes.
            diceLoss = totals[StatisticsLayout.DiceTermTotal] / samples;
            for (int c = 0; c < classes; c++) results[layout.ClassDiceResult(c)] = totals[layout.ClassDiceTotal(c)] / samples;
            if (backward)
            {
                for (int n = 0; n < batch; n++)
                {
                    if (settings.Overlap == Overlap.GeneralizedDice)
                    {
                        GeneralizedDice(settings, statistics, layout, n, n + 1, diceScale / samples, coefficients, n, n + 1, backward: true);
                        continue;
                    }

                    for (int c = 0; c < classes; c++)
                    {
                        float a = 0, bq = 0;
                        if (c >= first)
                        {
                            ClassCoefficient(settings, statistics, layout, n, n + 1, c, out double d, out double dDdI, out double dDdP);
                            Slopes(settings, d, dDdI, dDdP, diceScale * weights[c] / (weightSum * samples), out a, out bq);
                        }

                        WriteSlopes(coefficients, layout, n, n + 1, c, a, bq);
                    }
                }
            }
        }

        PixelTermFinalizer.Compute(
            (Combine)settings.Combine, (Activation)settings.ActivationValue, totals[StatisticsLayout.PixelTermTotal], totals[StatisticsLayout.PixelWeightTotal],
            totals[StatisticsLayout.ElementsTotal], alpha, out double crossEntropy, out double crossEntropyScale);

        crossEntropyScale *= settings.Scale;
        results[StatisticsLayout.LossResult] = settings.Scale * (combined ? alpha * crossEntropy + (1 - alpha) * diceLoss : diceLoss);
        results[StatisticsLayout.DiceResult] = diceLoss;
        results[StatisticsLayout.CrossEntropyResult] = crossEntropy;
        results[StatisticsLayout.CrossEntropyScaleResult] = crossEntropyScale;
        if (backward)
            for (int n = 0; n < batch; n++) coefficients[n * layout.CoefficientStride + layout.CrossEntropyScale] = (float)crossEntropyScale;
    }

    /// <summary>
    /// A class's slopes A = k l' dd/dI and B q = k l' dd/dP q, with k = dL/dl of the class (its share of the mean);
    /// the Dice gradient with respect to p is then v (A t + B q p^(q-1)).
    /// </summary>
    private static void Slopes(in FinalizeSettings settings, double d, double dDdI, double dDdP, double k, out float a, out float bq)
    {
        double termSlope = OverlapTerm.Slope(settings.Term, d, settings.OverlapExponent);
        a = (float)(k * termSlope * dDdI);
        bq = (float)(k * termSlope * dDdP * (settings.Squared ? 2 : 1));
    }

    /// <summary>Σ w_c over the classes in the Dice mean.</summary>
    private static double WeightSum<TWeights>(in FinalizeSettings settings, TWeights weights) where TWeights : struct, IValues<float>
    {
        double weightSum = 0;
        for (int c = settings.IncludeBackground ? 0 : 1; c < settings.Classes; c++) weightSum += weights[c];
        return weightSum;
    }

    /// <summary>The overlap coefficient of class c over samples [from, to) and its slopes (<see cref="OverlapCoefficient"/>).</summary>
    private static void ClassCoefficient<TStatistics>(
        in FinalizeSettings settings, TStatistics statistics, StatisticsLayout layout, int from, int to, int c, out double d, out double dDdI, out double dDdP)
        where TStatistics : struct, IValues<double>
    {
        double i = GroupSum(statistics, layout, from, to, DiceSum.Intersection, c);
        double p = GroupSum(statistics, layout, from, to, DiceSum.Predicted, c);
        double t = GroupSum(statistics, layout, from, to, DiceSum.Truth, c);
        OverlapCoefficient.Compute(settings.Overlap, i, p, t, settings.Smooth, settings.FalsePositiveWeight, settings.FalseNegativeWeight, out d, out dDdI, out dDdP);
    }

    /// <summary>Sum <paramref name="sum"/> of class <paramref name="c"/> over samples [from, to).</summary>
    private static double GroupSum<TStatistics>(TStatistics statistics, StatisticsLayout layout, int from, int to, DiceSum sum, int c)
        where TStatistics : struct, IValues<double>
    {
        double total = 0;
        for (int n = from; n < to; n++) total += statistics[layout.Sample(n) + layout.SumOffset(sum) + c];
        return total;
    }

    /// <summary>The slopes A_c and B_c q of class c for every sample of the group [from, to).</summary>
    private static void WriteSlopes<TCoefficients>(TCoefficients coefficients, StatisticsLayout layout, int from, int to, int c, float a, float bq)
        where TCoefficients : struct, IValues<float>
    {
        for (int n = from; n < to; n++)
        {
            coefficients[n * layout.CoefficientStride + layout.TargetSlope(c)] = a;
            coefficients[n * layout.CoefficientStride + layout.ProbabilitySlope(c)] = bq;
        }
    }

    /// <summary>
    /// Generalized Dice of one group (a sample, or the batch): the class weights w_c from the target sums (a class with
    /// T_c = 0 takes the largest weight of the classes present; all 0 when none is), G = (2 Σ w I + s) / (Σ w (P + T) + s),
    /// returns l(G) and, with <paramref name="backward"/>, writes A_c = k l' w_c 2 / Den and B_c = -k l' w_c Num / Den².
    /// The weights are constants of the target: no gradient flows through them.
    /// </summary>
    private static double GeneralizedDice<TStatistics, TCoefficients>(
        in FinalizeSettings settings, TStatistics statistics, StatisticsLayout layout, int from, int to, double scale,
        TCoefficients coefficients, int slopesFrom, int slopesTo, bool backward)
        where TStatistics : struct, IValues<double>
        where TCoefficients : struct, IValues<float>
    {
        int first = settings.IncludeBackground ? 0 : 1, classes = settings.Classes;
        double largest = 0;
        for (int c = first; c < classes; c++)
        {
            double t = GroupSum(statistics, layout, from, to, DiceSum.Truth, c);
            if (t > 0) largest = System.Math.Max(largest, GeneralizedWeight(settings.Weighting, t));
        }

        double numerator = settings.Smooth, denominator = settings.Smooth;
        for (int c = first; c < classes; c++)
        {
            double t = GroupSum(statistics, layout, from, to, DiceSum.Truth, c);
            double w = t > 0 ? GeneralizedWeight(settings.Weighting, t) : largest;
            numerator += 2 * w * GroupSum(statistics, layout, from, to, DiceSum.Intersection, c);
            denominator += w * (GroupSum(statistics, layout, from, to, DiceSum.Predicted, c) + t);
        }

        double g = denominator == 0 ? 1 : numerator / denominator;
        double slope = denominator == 0 ? 0 : scale * OverlapTerm.Slope(settings.Term, g, settings.OverlapExponent);
        if (backward)
        {
            for (int c = 0; c < classes; c++)
            {
                float a = 0, b = 0;
                if (c >= first && denominator != 0)
                {
                    double t = GroupSum(statistics, layout, from, to, DiceSum.Truth, c);
                    double w = t > 0 ? GeneralizedWeight(settings.Weighting, t) : largest;
                    a = (float)(slope * w * 2 / denominator);
                    b = (float)(-slope * w * numerator / (denominator * denominator));
                }

                WriteSlopes(coefficients, layout, slopesFrom, slopesTo, c, a, b);
            }
        }

        return OverlapTerm.Value(settings.Term, g, settings.OverlapExponent);
    }

    /// <summary>w of a class present in the target (T &gt; 0).</summary>
    private static double GeneralizedWeight(GeneralizedWeighting weighting, double t) => weighting switch
    {
        GeneralizedWeighting.InverseSquaredVolume => 1 / (t * t),
        GeneralizedWeighting.InverseVolume => 1 / t,
        _ => 1,
    };

    /// <summary>
    /// The public result from a results buffer, with each sample's loss from <paramref name="statistics"/> (this
    /// process's per-sample statistics): the loss, times Scale, of that sample in a call of its own.
    /// </summary>
    internal static LossResult ToResult(ReadOnlySpan<double> results, in FinalizeSettings settings, double[] statistics, float[] weights)
    {
        int classes = settings.Classes;
        var layout = new StatisticsLayout(classes);
        var classDice = new float[classes];
        for (int c = 0; c < classes; c++) classDice[c] = (float)results[layout.ClassDiceResult(c)];
        var sampleLoss = new float[settings.Batch];
        // One batch of one per sample, through the same Totals and Compute as every call, in buffers rented once.
        FinalizeSettings one = settings;
        one.Batch = 1;
        double[] sampleTotals = System.Buffers.ArrayPool<double>.Shared.Rent(layout.TotalsLength);
        double[] sampleResults = System.Buffers.ArrayPool<double>.Shared.Rent(layout.ResultsLength);
        try
        {
            for (int n = 0; n < settings.Batch; n++)
            {
                var sample = new OffsetValues<ArrayValues<double>>(new ArrayValues<double>(statistics), layout.Sample(n));
                Totals(one, sample, new ArrayValues<float>(weights), new ArrayValues<double>(sampleTotals));
                Compute(one, sample, new ArrayValues<double>(sampleTotals), new ArrayValues<float>(weights), new ArrayValues<double>(sampleResults),
                    new NoCoefficients(), backward: false);
                sampleLoss[n] = (float)sampleResults[StatisticsLayout.LossResult];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(sampleTotals);
            System.Buffers.ArrayPool<double>.Shared.Return(sampleResults);
        }

        return new LossResult(
            (float)results[StatisticsLayout.LossResult], (float)results[StatisticsLayout.DiceResult], (float)results[StatisticsLayout.CrossEntropyResult],
            classDice, sampleLoss);
    }
}

/// <summary>
/// The configuration and shape the finalizer needs, as a blittable value (a kernel parameter on the
/// device, hence the options as bit flags rather than bools).
/// </summary>
internal struct FinalizeSettings
{
    private const int IncludeBackgroundFlag = 1, BatchDiceFlag = 2, SquaredFlag = 4, PixelWeightsFlag = 8;

    public int Classes;
    public int Batch;
    public int Spatial;
    public int Combine;
    public int ActivationValue;
    public double Smooth;
    public double Alpha;
    public int Flags;
    public int OverlapValue;
    public int TermValue;
    public double FalsePositiveWeight;
    public double FalseNegativeWeight;
    public double OverlapExponent;
    public int WeightingValue;
    /// <summary>The call's Scale: the loss and the gradient are multiplied by it.</summary>
    public double Scale;

    public readonly bool IncludeBackground => (Flags & IncludeBackgroundFlag) != 0;
    public readonly bool BatchDice => (Flags & BatchDiceFlag) != 0;
    public readonly bool Squared => (Flags & SquaredFlag) != 0;
    /// <summary>Whether pixels carry weights: the BCE mean is then over C Ω (Ω the summed pixel weights) instead of N C S.</summary>
    public readonly bool PixelWeights => (Flags & PixelWeightsFlag) != 0;
    public readonly Overlap Overlap => (Overlap)OverlapValue;
    public readonly TermKind Term => (TermKind)TermValue;
    public readonly GeneralizedWeighting Weighting => (GeneralizedWeighting)WeightingValue;

    public static FinalizeSettings From(DiceLossSpec spec, LossParameters parameters, int batch, int spatial) => new()
    {
        Classes = spec.Classes,
        Batch = batch,
        Spatial = spatial,
        Combine = (int)spec.Combine,
        ActivationValue = (int)spec.Activation,
        Smooth = parameters.Smooth,
        Alpha = parameters.Alpha,
        Flags = (spec.IncludeBackground ? IncludeBackgroundFlag : 0) | (spec.BatchDice ? BatchDiceFlag : 0)
            | (spec.Squared ? SquaredFlag : 0) | (spec.PixelWeights ? PixelWeightsFlag : 0),
        OverlapValue = (int)spec.Overlap,
        TermValue = (int)(spec.LogLoss ? TermKind.Log : TermKind.Linear),
        FalsePositiveWeight = parameters.FalsePositiveWeight,
        FalseNegativeWeight = parameters.FalseNegativeWeight,
        OverlapExponent = parameters.OverlapExponent,
        WeightingValue = (int)spec.GeneralizedWeighting,
        Scale = parameters.Scale,
    };
}

/// <summary>Indexed storage the finalizer reads and writes: arrays on the CPU, array views on a device.</summary>
internal interface IValues<T> where T : unmanaged
{
    T this[int index] { get; set; }
}

/// <summary>The values of another <see cref="IValues{T}"/> from an offset on: the totals' sums read as one sample's statistics.</summary>
internal struct OffsetValues<TValues>(TValues values, int offset) : IValues<double> where TValues : struct, IValues<double>
{
    // Not readonly: the wrapped storage is a struct whose indexer writes (through its array or view).
    private TValues _values = values;

    public double this[int index]
    {
        readonly get => _values[offset + index];
        set => _values[offset + index] = value;
    }
}

/// <summary>No coefficients (a term without backward): writes are dropped.</summary>
internal readonly struct NoCoefficients : IValues<float>
{
    public float this[int index]
    {
        get => 0;
        set { }
    }
}

/// <summary>An array as <see cref="IValues{T}"/>.</summary>
internal readonly struct ArrayValues<T>(T[] array) : IValues<T> where T : unmanaged
{
    public T this[int index]
    {
        get => array[index];
        set => array[index] = value;
    }
}
