namespace Dice;

/// <summary>The loss of one call and its terms.</summary>
public sealed class LossResult
{
    internal LossResult(float loss, float diceLoss, float crossEntropy, float[] classDice, float[] sampleLoss)
    {
        Loss = loss;
        DiceLoss = diceLoss;
        CrossEntropy = crossEntropy;
        ClassDice = classDice;
        SampleLoss = sampleLoss;
    }

    /// <summary>
    /// The total loss times <see cref="LossParameters.Scale"/>: Scale * (Alpha * CrossEntropy + (1 - Alpha) * DiceLoss),
    /// or Scale * DiceLoss without Combine.
    /// </summary>
    public float Loss { get; }

    /// <summary>The Dice term, before weighting by (1 - Alpha).</summary>
    public float DiceLoss { get; }

    /// <summary>The CE or BCE term, before weighting by Alpha; 0 when Combine is None.</summary>
    public float CrossEntropy { get; }

    /// <summary>Per-class soft Dice (or Jaccard) coefficient d, averaged over the batch; length C, background included.</summary>
    public IReadOnlyList<float> ClassDice { get; }

    /// <summary>
    /// Length N, this process's samples: the loss sample n would have in a call of its own (its own Dice sums, also under
    /// BatchDice, and its own CE/BCE mean), times <see cref="LossParameters.Scale"/>. PyTorch's <c>reduction='none'</c>
    /// per sample, for hard-example mining and per-case logging.
    /// </summary>
    public IReadOnlyList<float> SampleLoss { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Loss {Loss:G6} (Dice {DiceLoss:G6}, CE {CrossEntropy:G6}), class Dice [{string.Join(", ", ClassDice.Select(d => d.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}]");
}
