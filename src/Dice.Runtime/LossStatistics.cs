using Dice.Kernels;

namespace Dice;

/// <summary>
/// Sums a vector element-wise over every process of a data-parallel job, in place (an all-reduce): afterwards every
/// process holds the same sums. <c>Dice.Mpi.MpiReducer</c> does it with MPI; any engine that can all-reduce doubles can
/// implement it in one line.
/// </summary>
public interface IStatisticsReducer
{
    /// <summary>Replaces <paramref name="values"/> on every process with their element-wise sum over all processes.</summary>
    void Sum(Span<double> values);
}

/// <summary>
/// The statistics of one process's part of a batch (pass 1 of a generated loss): <see cref="Values"/>, a vector whose
/// length depends on the loss class alone, is what data-parallel training sums over processes; after the sum,
/// <see cref="Result"/> is the loss of the union of every process's samples and the loss's <c>Backward</c> writes the exact
/// derivative of that loss with respect to this process's input. docs/distributed.md shows the whole loop.
/// </summary>
/// <remarks>
/// The per-sample sums of this process's own samples stay inside (each sample lives on one process, so they need no
/// exchange), with the batch size, the pixel count and the hyperparameters of the call that made it: <c>Backward</c>
/// takes the same input, target and batch, and uses those hyperparameters.
/// </remarks>
public sealed class LossStatistics
{
    private readonly double[] _values;
    private readonly double[] _sampleStatistics;

    internal LossStatistics(Type loss, DiceLossSpec spec, LossParameters parameters, int batch, int spatial, double[] sampleStatistics, double[] values)
    {
        Loss = loss;
        Spec = spec;
        Parameters = parameters;
        Batch = batch;
        Spatial = spatial;
        _sampleStatistics = sampleStatistics;
        _values = values;
    }

    /// <summary>
    /// The vector to sum element-wise over all processes, in place (<see cref="IStatisticsReducer.Sum"/>): sums over
    /// samples and pixels (the per-sample Dice terms, the number of samples and elements, the CE/BCE/focal sum and its
    /// weights, the per-class coefficients and the per-class sums). Its length depends on the loss class only, never on N
    /// or S, so processes may hold different numbers of samples.
    /// </summary>
    public Span<double> Values => _values;

    /// <summary>
    /// The loss of the statistics as they are now: this process's part before the sum, the whole batch after it
    /// (<see cref="LossResult.SampleLoss"/> has this process's samples either way).
    /// </summary>
    public LossResult Result
    {
        get
        {
            var layout = new StatisticsLayout(Spec.Classes);
            var results = new double[layout.ResultsLength];
            float[] weights = Parameters.ClassWeights.ToArray();
            LossFinalizer.Compute(
                Settings, new ArrayValues<double>(_sampleStatistics), new ArrayValues<double>(_values), new ArrayValues<float>(weights),
                new ArrayValues<double>(results), new NoCoefficients(), backward: false);
            return LossFinalizer.ToResult(results, Settings, _sampleStatistics, weights);
        }
    }

    /// <summary>The generated loss class that computed these statistics.</summary>
    internal Type Loss { get; }

    internal DiceLossSpec Spec { get; }

    /// <summary>The hyperparameters of the call that computed these statistics; <c>Backward</c> uses them too.</summary>
    internal LossParameters Parameters { get; }

    /// <summary>This process's N.</summary>
    internal int Batch { get; }

    /// <summary>S.</summary>
    internal int Spatial { get; }

    /// <summary>This process's per-sample statistics (<see cref="StatisticsLayout"/>), which stay local.</summary>
    internal double[] SampleStatistics => _sampleStatistics;

    internal double[] ValuesArray => _values;

    internal FinalizeSettings Settings => FinalizeSettings.From(Spec, Parameters, Batch, Spatial);

    /// <summary>
    /// Throws unless these statistics can finish a call of <paramref name="loss"/> on <paramref name="batch"/> samples of
    /// <paramref name="spatial"/> pixels: the same loss and shape as the call that computed them, and summed totals that
    /// still count this process's samples.
    /// </summary>
    internal void CheckFor(Type loss, int batch, int spatial, string argument)
    {
        if (loss != Loss)
            throw new ArgumentException($"{argument} were computed by {Loss.Name}.Statistics, not by {loss.Name}; pass the statistics of the same loss.", argument);
        if (batch != Batch || spatial != Spatial)
            throw new ArgumentException(
                $"{argument} were computed on {Batch} samples of {Spatial} pixels, but this call has {batch} of {spatial}; pass the input and target of the Statistics call.",
                argument);
        double samples = _values[StatisticsLayout.SamplesTotal];
        if (!(samples >= batch) || double.IsInfinity(samples))
            throw new ArgumentException(
                $"{argument}.Values counts {samples} samples, fewer than this process's {batch}: the values were changed other than by summing them over processes.",
                argument);
        for (int i = 0; i < _values.Length; i++)
        {
            if (!double.IsFinite(_values[i]))
                throw new ArgumentException($"{argument}.Values[{i}] is {_values[i]}; summed statistics are finite.", argument);
        }
    }
}
