using Dice;

namespace Segmentation;

/// <summary>The loss of a batch of logits and its gradient: a generated loss on the CPU or through a <see cref="DiceEngine"/>.</summary>
public delegate LossResult LossStep(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradLogits, int batch);

/// <summary>Mean training loss and mean foreground soft Dice of one epoch.</summary>
public readonly record struct EpochResult(double Loss, double MeanDice);

/// <summary>
/// This process's share of data-parallel training: process <paramref name="Rank"/> of <paramref name="Size"/> takes its
/// slice of every batch, and <paramref name="SumGradient"/> sums a parameter gradient over all processes in place;
/// with <paramref name="Validation"/>, each process also validates its share of the held-out images and the metrics
/// are summed over processes through it.
/// </summary>
public sealed record DataParallel(int Rank, int Size, Action<float[]> SumGradient, IStatisticsReducer? Validation = null)
{
    /// <summary>This process's samples [first, first + count) of a batch of <paramref name="batch"/> (unequal when it does not divide).</summary>
    public (int First, int Count) Share(int batch) => (Rank * batch / Size, (Rank + 1) * batch / Size - Rank * batch / Size);
}

/// <summary>Mini-batch training of a <see cref="Network"/> with Adam; samples of a batch run in parallel.</summary>
public sealed class Trainer
{
    private readonly DataParallel? _parallel;
    private readonly Network _network;
    private readonly LossStep _loss;
    private readonly Adam _adam;
    private readonly int _batchSize;
    private readonly Network.Workspace[] _work;
    private readonly float[] _images, _logits, _gradLogits;
    private readonly int[] _labels;

    /// <param name="parallel">
    /// Data-parallel training: this process trains on its share of each batch of <paramref name="batchSize"/>; the loss
    /// step must then be the global one (statistics summed over processes), and parameter gradients are summed.
    /// </param>
    public Trainer(Network network, LossStep loss, float learningRate, int batchSize, DataParallel? parallel = null)
    {
        _parallel = parallel;
        _network = network;
        _loss = loss;
        _batchSize = batchSize;
        _adam = new Adam(network.Parameters, learningRate);
        _work = Enumerable.Range(0, batchSize).Select(_ => new Network.Workspace(network)).ToArray();
        int pixels = network.Size * network.Size;
        _images = new float[batchSize * pixels];
        _labels = new int[batchSize * pixels];
        _logits = new float[batchSize * SyntheticShapes.Classes * pixels];
        _gradLogits = new float[_logits.Length];
    }

    /// <summary>The loss step of <typeparamref name="TLoss"/>, with this run's hyperparameters (null: the loss's own).</summary>
    public static LossStep Step<TLoss>(DiceEngine? engine, LossParameters? parameters = null) where TLoss : IDiceLoss =>
        engine is null
            ? (logits, labels, grad, batch) => DiceCpu.ForwardBackward<TLoss>(logits, labels, grad, batch, parameters)
            : (logits, labels, grad, batch) => engine.ForwardBackward<TLoss>(logits, labels, grad, batch, parameters);

    /// <summary>Number of optimiser steps per epoch.</summary>
    public int BatchesPerEpoch(SyntheticShapes data) => data.Count / _batchSize;

    /// <summary>One pass over <paramref name="data"/> in a shuffled order; <paramref name="onBatch"/> is called after each step.</summary>
    public EpochResult TrainEpoch(SyntheticShapes data, Random random, Action<EpochResult>? onBatch = null)
    {
        int pixels = data.Pixels, batches = BatchesPerEpoch(data);
        int[] order = Enumerable.Range(0, data.Count).OrderBy(_ => random.Next()).ToArray();
        double lossSum = 0, diceSum = 0;
        for (int b = 0; b < batches; b++)
        {
            // Every process shuffles alike (same seed) and takes its own slice of the batch.
            var (first, count) = _parallel?.Share(_batchSize) ?? (0, _batchSize);
            for (int k = 0; k < count; k++)
            {
                int index = order[b * _batchSize + first + k];
                data.Images.AsSpan(index * pixels, pixels).CopyTo(_images.AsSpan(k * pixels));
                data.Labels.AsSpan(index * pixels, pixels).CopyTo(_labels.AsSpan(k * pixels));
            }

            LossResult result = Step(count);
            lossSum += result.Loss;
            diceSum += result.ClassDice.Skip(1).Average();
            onBatch?.Invoke(new EpochResult(lossSum / (b + 1), diceSum / (b + 1)));
        }

        return new EpochResult(lossSum / batches, diceSum / batches);
    }

    private LossResult Step(int batch)
    {
        int pixels = _network.Size * _network.Size, logitsPerSample = SyntheticShapes.Classes * pixels;
        Parallel.For(0, batch, k =>
            _network.Forward(_images.AsSpan(k * pixels, pixels), _logits.AsSpan(k * logitsPerSample, logitsPerSample), _work[k]));
        // A data-parallel share may be smaller than the buffers: the loss sees exactly this process's samples.
        LossResult result = _loss(_logits.AsSpan(0, batch * logitsPerSample), _labels.AsSpan(0, batch * pixels), _gradLogits.AsSpan(0, batch * logitsPerSample), batch);
        Parallel.For(0, batch, k =>
            _network.Backward(_images.AsSpan(k * pixels, pixels), _gradLogits.AsSpan(k * logitsPerSample, logitsPerSample), _work[k]));

        // Sum the per-sample gradients in sample order, so that training does not depend on thread timing.
        for (int p = 0; p < _network.Parameters.Count; p++)
        {
            float[] gradient = _network.Parameters[p].Gradient;
            Array.Clear(gradient);
            for (int k = 0; k < batch; k++)
                System.Numerics.Tensors.TensorPrimitives.Add(gradient, _work[k].Gradients[p], gradient);
            // Each process's gradient is its share of the global loss's: the sum over processes is the whole.
            _parallel?.SumGradient(gradient);
        }

        _adam.Step();
        return result;
    }

    /// <summary>Logits of one image of <paramref name="data"/>.</summary>
    public float[] Logits(SyntheticShapes data, int index)
    {
        var logits = new float[SyntheticShapes.Classes * data.Pixels];
        _network.Forward(data.Images.AsSpan(index * data.Pixels, data.Pixels), logits, _work[0]);
        return logits;
    }

    /// <summary>The held-out metrics (argmax prediction) over the whole set: Dice, IoU and the rest, per class and overall.</summary>
    public SegmentationMetrics Evaluate(SyntheticShapes data)
    {
        // One batch of confusion counts per image from the generated Evaluate (the loss's own argmax rule, one fused
        // pass over the logits); in data-parallel training each process counts its share of the images and the metrics
        // are merged over processes.
        var metrics = new SegmentationMetrics(SyntheticShapes.Classes);
        bool shared = _parallel?.Validation is not null;
        for (int i = 0; i < data.Count; i++)
        {
            if (shared && i % _parallel!.Size != _parallel.Rank) continue;
            metrics.Add(DiceCeLoss.Evaluate(Logits(data, i), data.Labels.AsSpan(i * data.Pixels, data.Pixels), batch: 1));
        }

        if (shared) metrics.Reduce(_parallel!.Validation!);
        return metrics;
    }
}
