namespace Dice;

/// <summary>The loss of one call and its terms.</summary>
public sealed class LossResult
{
    internal LossResult(float loss, float diceLoss, float crossEntropy, float[] classDice)
    {
        Loss = loss;
        DiceLoss = diceLoss;
        CrossEntropy = crossEntropy;
        ClassDice = classDice;
    }

    /// <summary>The total loss: Alpha * CrossEntropy + (1 - Alpha) * DiceLoss, or DiceLoss alone.</summary>
    public float Loss { get; }

    /// <summary>The Dice term, before weighting by (1 - Alpha).</summary>
    public float DiceLoss { get; }

    /// <summary>The CE or BCE term, before weighting by Alpha; 0 when Combine is None.</summary>
    public float CrossEntropy { get; }

    /// <summary>Per-class soft Dice (or Jaccard) coefficient d, averaged over the batch; length C, background included.</summary>
    public IReadOnlyList<float> ClassDice { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Loss {Loss:G6} (Dice {DiceLoss:G6}, CE {CrossEntropy:G6}), class Dice [{string.Join(", ", ClassDice.Select(d => d.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}]");
}
