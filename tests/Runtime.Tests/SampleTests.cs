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
    public void Short_training_run_lowers_the_loss_and_raises_Dice()
    {
        var train = SyntheticShapes.Generate(256, 64, seed: 6);
        var test = SyntheticShapes.Generate(16, 64, seed: 7);
        var trainer = new Trainer(new Network(64, seed: 8), Trainer.Step<DiceCeLoss>(engine: null), learningRate: 0.01f, batchSize: 16);
        double diceBefore = trainer.Evaluate(test).Skip(1).Average();
        var random = new Random(9);
        EpochResult first = trainer.TrainEpoch(train, random), last = first;
        for (int epoch = 1; epoch < 16; epoch++) last = trainer.TrainEpoch(train, random);
        double diceAfter = trainer.Evaluate(test).Skip(1).Average();
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
}
