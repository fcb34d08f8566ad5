namespace Dice.Runtime.Tests;

/// <summary>
/// The seed article's four PyTorch functions transcribed as float64 C# (same reductions, same order of
/// operations), against the generated losses declared with the matching attributes.
/// </summary>
public class SeedTests
{
    // dice_loss(pred, target, smooth=1): sums over dims (1,2,3), dice per sample, 1 - mean.
    private static double dice_loss(double[] pred, double[] target, int n, int perSample, double smooth = 1)
    {
        double dice = 0;
        for (int b = 0; b < n; b++)
        {
            double intersection = 0, union = 0;
            for (int i = b * perSample; i < (b + 1) * perSample; i++)
            {
                intersection += pred[i] * target[i];
                union += pred[i] + target[i];
            }

            dice += (2 * intersection + smooth) / (union + smooth);
        }

        return 1 - dice / n;
    }

    // dice_loss_multiclass(pred, target, num_classes, smooth=1): per class, dice per sample, mean over samples, mean over classes.
    private static double dice_loss_multiclass(double[] pred, int[] target, int n, int classes, int spatial, double smooth = 1)
    {
        double dice = 0;
        for (int i = 0; i < classes; i++)
        {
            double diceI = 0;
            for (int b = 0; b < n; b++)
            {
                double intersection = 0, union = 0;
                for (int s = 0; s < spatial; s++)
                {
                    double predI = pred[(b * classes + i) * spatial + s];
                    double targetI = target[b * spatial + s] == i ? 1 : 0;
                    intersection += predI * targetI;
                    union += predI + targetI;
                }

                diceI += (2 * intersection + smooth) / (union + smooth);
            }

            dice += diceI / n;
        }

        return 1 - dice / classes;
    }

    // dice_bce_loss(pred, target, alpha=0.5, smooth=1): BCE with logits (mean), then sigmoid dice.
    private static double dice_bce_loss(double[] pred, double[] target, int n, int perSample, double alpha = 0.5, double smooth = 1)
    {
        double bce = 0;
        for (int i = 0; i < pred.Length; i++)
            bce += Math.Max(pred[i], 0) - pred[i] * target[i] + Math.Log(1 + Math.Exp(-Math.Abs(pred[i])));
        bce /= pred.Length;
        double[] sigmoid = pred.Select(x => 1 / (1 + Math.Exp(-x))).ToArray();
        return alpha * bce + (1 - alpha) * dice_loss(sigmoid, target, n, perSample, smooth);
    }

    // dice_bce_loss_multiclass(pred, target, num_classes, alpha=0.5, smooth=1): cross_entropy (mean), then softmax dice.
    private static double dice_bce_loss_multiclass(double[] pred, int[] target, int n, int classes, int spatial, double alpha = 0.5, double smooth = 1)
    {
        double ce = 0;
        var softmax = new double[pred.Length];
        for (int b = 0; b < n; b++)
            for (int s = 0; s < spatial; s++)
            {
                double max = double.NegativeInfinity, sum = 0;
                for (int c = 0; c < classes; c++) max = Math.Max(max, pred[(b * classes + c) * spatial + s]);
                for (int c = 0; c < classes; c++) sum += Math.Exp(pred[(b * classes + c) * spatial + s] - max);
                for (int c = 0; c < classes; c++) softmax[(b * classes + c) * spatial + s] = Math.Exp(pred[(b * classes + c) * spatial + s] - max) / sum;
                ce -= Math.Log(softmax[(b * classes + target[b * spatial + s]) * spatial + s]);
            }

        ce /= n * spatial;
        return alpha * ce + (1 - alpha) * dice_loss_multiclass(softmax, target, n, classes, spatial, smooth);
    }

    private const int N = 3, Spatial = 37 * 29;

    private static double[] Doubles(float[] values) => values.Select(v => (double)v).ToArray();

    private static (float[] Values, int[] Labels, float[] Mask) Data(int classes, bool probabilities, int seed)
    {
        var random = new Random(seed);
        var values = new float[N * classes * Spatial];
        for (int i = 0; i < values.Length; i++)
            values[i] = probabilities ? (float)random.NextDouble() : (float)(random.NextDouble() * 6 - 3);
        var labels = Enumerable.Range(0, N * Spatial).Select(_ => random.Next(classes)).ToArray();
        var mask = Enumerable.Range(0, values.Length).Select(_ => random.Next(2) == 0 ? 0f : 1f).ToArray();
        return (values, labels, mask);
    }

    [Fact]
    public void Dice_loss_equals_DiceLoss_default()
    {
        var (pred, _, mask) = Data(1, probabilities: true, seed: 1);
        double expected = dice_loss(Doubles(pred), Doubles(mask), N, Spatial);
        Assertions.Close(expected, SeedDice.Forward(pred, mask, N).Loss, Assertions.LossTolerance, "dice_loss");
    }

    [Fact]
    public void Dice_loss_multiclass_equals_DiceLoss_Classes_4()
    {
        var (pred, labels, _) = Data(4, probabilities: true, seed: 2);
        double expected = dice_loss_multiclass(Doubles(pred), labels, N, 4, Spatial);
        Assertions.Close(expected, SeedDiceMulticlass.Forward(pred, labels, N).Loss, Assertions.LossTolerance, "dice_loss_multiclass");
    }

    [Fact]
    public void Dice_bce_loss_equals_DiceLoss_BinaryCrossEntropy()
    {
        var (pred, _, mask) = Data(1, probabilities: false, seed: 3);
        double expected = dice_bce_loss(Doubles(pred), Doubles(mask), N, Spatial);
        Assertions.Close(expected, SeedDiceBce.Forward(pred, mask, N).Loss, Assertions.LossTolerance, "dice_bce_loss");
    }

    [Fact]
    public void Dice_bce_loss_multiclass_equals_DiceLoss_Classes_4_CrossEntropy()
    {
        var (pred, labels, _) = Data(4, probabilities: false, seed: 4);
        double expected = dice_bce_loss_multiclass(Doubles(pred), labels, N, 4, Spatial);
        var gradient = new float[pred.Length];
        Assertions.Close(expected, SeedDiceBceMulticlass.ForwardBackward(pred, labels, gradient, N).Loss, Assertions.LossTolerance, "dice_bce_loss_multiclass");
    }
}

[DiceLoss]
public partial class SeedDice { }

[DiceLoss(Classes = 4)]
public partial class SeedDiceMulticlass { }

[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class SeedDiceBce { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class SeedDiceBceMulticlass { }
