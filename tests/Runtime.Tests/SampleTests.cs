using Segmentation;

namespace Dice.Runtime.Tests;

/// <summary>The training sample: its hand-written backward, and that a short run learns.</summary>
public class SampleTests
{
    [Fact]
    public void Network_backward_matches_finite_differences()
    {
        const int size = 8, classes = SyntheticShapes.Classes;
        var network = new Network(size, seed: 3);
        var data = SyntheticShapes.Generate(1, size, seed: 4);
        var work = new Network.Workspace(network);
        var random = new Random(5);
        // Objective L = sum r * logits for a fixed random r, so dL/d(logits) = r.
        float[] r = Enumerable.Range(0, classes * size * size).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        double Objective()
        {
            var logits = new float[classes * size * size];
            network.Forward(data.Images, logits, work);
            return logits.Select((l, i) => (double)l * r[i]).Sum();
        }

        var logits0 = new float[r.Length];
        network.Forward(data.Images, logits0, work);
        network.Backward(data.Images, r, work);
        float[][] analytic = work.Gradients.Select(g => (float[])g.Clone()).ToArray();

        var disagreeing = new List<string>();
        int checkedCount = 0;
        for (int p = 0; p < network.Parameters.Count; p++)
        {
            float[] value = network.Parameters[p].Value;
            for (int i = 0; i < value.Length; i += Math.Max(1, value.Length / 12))
            {
                const float h = 2e-3f;
                float saved = value[i];
                value[i] = saved + h;
                double up = Objective();
                value[i] = saved - h;
                double down = Objective();
                value[i] = saved;
                double numeric = (up - down) / (2 * h);
                checkedCount++;
                if (Math.Abs(numeric - analytic[p][i]) > 2e-2 * Math.Abs(numeric) + 2e-3)
                    disagreeing.Add($"{network.Parameters[p].Name}[{i}]: finite difference {numeric:G5}, backward {analytic[p][i]:G5}");
            }
        }

        // A ReLU kink inside ±h can spoil a rare difference quotient; every other one must agree.
        Assert.True(disagreeing.Count <= 2, $"{disagreeing.Count} of {checkedCount} disagree:\n{string.Join("\n", disagreeing)}");
    }

    [Fact]
    public void Border_weights_peak_on_outlines_and_decay_with_the_distance()
    {
        // 5 x 5, one pixel of class 1 in the middle: it and its four neighbours are border pixels (d = 0).
        int[] labels = new int[25];
        labels[12] = 1;
        var weights = new float[25];
        BorderWeights.Fill(labels, 5, weights);
        float Expected(int d) => (float)(1 + BorderWeights.Peak * Math.Exp(-d * d / (2.0 * BorderWeights.Sigma * BorderWeights.Sigma)));
        foreach (int border in new[] { 12, 7, 11, 13, 17 }) Assert.Equal(Expected(0), weights[border]);
        // Pixel (x, y) is index 5 y + x.
        Assert.Equal(Expected(1), weights[6]);   // (1, 1): one step from (2, 1) and (1, 2)
        Assert.Equal(Expected(1), weights[2]);   // (2, 0): one step from (2, 1)
        Assert.Equal(Expected(2), weights[1]);   // (1, 0): two steps from (2, 1)
        Assert.Equal(Expected(3), weights[0]);   // (0, 0): three steps from (2, 1) or (1, 2)

        BorderWeights.Fill(new int[25], 5, weights);
        Assert.All(weights, w => Assert.Equal(1f, w));
    }

    [Fact]
    public void Short_training_run_lowers_the_loss_and_raises_Dice()
    {
        var train = SyntheticShapes.Generate(256, 64, seed: 6);
        var test = SyntheticShapes.Generate(16, 64, seed: 7);
        var trainer = new Trainer(new Network(64, seed: 8), Trainer.Step<DiceCeLoss>(engine: null), learningRate: 0.01f, batchSize: 16);
        double diceBefore = trainer.Evaluate(test).DatasetDice.Skip(1).Average();
        var random = new Random(9);
        EpochResult first = trainer.TrainEpoch(train, random), last = first;
        for (int epoch = 1; epoch < 16; epoch++) last = trainer.TrainEpoch(train, random);
        double diceAfter = trainer.Evaluate(test).DatasetDice.Skip(1).Average();
        Assert.True(last.Loss < 0.6 * first.Loss, $"loss {first.Loss:F4} -> {last.Loss:F4}");
        Assert.True(diceAfter > diceBefore + 0.3, $"held-out Dice {diceBefore:F3} -> {diceAfter:F3}");
    }

    [Fact]
    public void A_sweep_step_with_Alpha_1_trains_exactly_as_the_loss_compiled_with_Alpha_1()
    {
        var train = SyntheticShapes.Generate(64, 32, seed: 10);
        EpochResult Epoch(LossStep step) => new Trainer(new Network(32, seed: 11), step, 0.01f, 16).TrainEpoch(train, new Random(12));
        EpochResult swept = Epoch(Trainer.Step<DiceCeLoss>(engine: null, DiceCeLoss.Spec.Parameters with { Alpha = 1f }));
        EpochResult compiled = Epoch(Trainer.Step<CrossEntropyOnlyLoss>(engine: null));
        EpochResult unswept = Epoch(Trainer.Step<DiceCeLoss>(engine: null));
        Assert.Equal(compiled.Loss, swept.Loss);
        Assert.Equal(compiled.MeanDice, swept.MeanDice);
        Assert.NotEqual(unswept.Loss, swept.Loss);
    }

    /// <summary>
    /// An all-reduce among threads of one process, standing in for MPI: each party's values are summed in party order
    /// and every party gets the sum (what <c>mpirun</c> with <c>MpiReducer</c> does across processes).
    /// </summary>
    private sealed class ThreadAllReduce(int parties)
    {
        private readonly Barrier _barrier = new(parties);
        private readonly double[][] _slots = new double[parties][];

        public void Sum(int party, Span<double> values)
        {
            _slots[party] = values.ToArray();
            _barrier.SignalAndWait();
            for (int i = 0; i < values.Length; i++)
            {
                double sum = 0;
                for (int p = 0; p < parties; p++) sum += _slots[p][i];
                values[i] = sum;
            }

            _barrier.SignalAndWait(); // nobody refills a slot before every party has read it
        }

        public IStatisticsReducer For(int party) => new Member(this, party);

        public void Sum(int party, float[] values)
        {
            double[] wide = values.Select(v => (double)v).ToArray();
            Sum(party, wide);
            for (int i = 0; i < values.Length; i++) values[i] = (float)wide[i];
        }

        private sealed class Member(ThreadAllReduce all, int party) : IStatisticsReducer
        {
            public void Sum(Span<double> values) => all.Sum(party, values);
        }
    }

    [Fact]
    public void Data_parallel_training_over_two_parties_is_one_process_training()
    {
        // The sample's --data-parallel path (DataParallel shares, the global loss through a reducer, parameter gradients
        // summed) with two threads for two processes: the same epoch and the same weights as one process.
        var train = SyntheticShapes.Generate(64, 32, seed: 13);
        var singleNetwork = new Network(32, seed: 14);
        var single = new Trainer(singleNetwork, Trainer.Step<DiceCeLoss>(engine: null), 0.01f, 16);
        EpochResult expected = single.TrainEpoch(train, new Random(15));

        var all = new ThreadAllReduce(2);
        var networks = new[] { new Network(32, seed: 14), new Network(32, seed: 14) };
        EpochResult[] results = new EpochResult[2];
        // Two dedicated threads (not pool threads: each blocks in the barrier while the other's pool work runs).
        var errors = new Exception?[2];
        Thread[] parties = Enumerable.Range(0, 2).Select(rank => new Thread(() =>
        {
            try
            {
                IStatisticsReducer reducer = all.For(rank);
                var parallel = new DataParallel(rank, 2, gradient => all.Sum(rank, gradient));
                var trainer = new Trainer(networks[rank], (x, y, g, n) => DiceCeLoss.ForwardBackward(x, y, g, n, reducer: reducer), 0.01f, 16, parallel);
                results[rank] = trainer.TrainEpoch(train, new Random(15));
            }
            catch (Exception error)
            {
                errors[rank] = error; // an exception on a thread of its own would end the test run
            }
        })).ToArray();
        foreach (Thread party in parties) party.Start();
        foreach (Thread party in parties) Assert.True(party.Join(TimeSpan.FromMinutes(2)), "a party did not finish");
        Assert.All(errors, error => Assert.Null(error));

        foreach (EpochResult result in results)
        {
            Assertions.Close(expected.Loss, result.Loss, 1e-5, "epoch loss");
            Assertions.Close(expected.MeanDice, result.MeanDice, 1e-5, "epoch soft Dice");
        }

        // Both parties took the same steps, and the steps of one process.
        for (int p = 0; p < networks[0].Parameters.Count; p++)
        {
            Assert.Equal(networks[0].Parameters[p].Value, networks[1].Parameters[p].Value);
            double[] oneProcess = singleNetwork.Parameters[p].Value.Select(v => (double)v).ToArray();
            Assert.True(Assertions.RelativeL2(oneProcess, networks[0].Parameters[p].Value) <= 1e-4, networks[0].Parameters[p].Name);
        }
    }

    [Fact]
    public void Data_parallel_shares_cover_a_batch_once_in_order()
    {
        foreach (var (batch, size) in new[] { (16, 2), (16, 3), (5, 4), (1, 1) })
        {
            var shares = Enumerable.Range(0, size).Select(rank => new DataParallel(rank, size, _ => { }).Share(batch)).ToArray();
            Assert.Equal(Enumerable.Range(0, batch), shares.SelectMany(s => Enumerable.Range(s.First, s.Count)));
        }
    }
}
