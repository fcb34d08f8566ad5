namespace Dice.Benchmarks;

/// <summary>One of the seed article's four functions, as the baselines implement it (Smooth 1, Alpha 0.5).</summary>
public sealed record SeedConfig(string Name, int Classes, bool Logits, bool Labels, Combine Combine)
{
    public const double Smooth = 1, Alpha = 0.5;

    public static readonly SeedConfig DiceLoss = new("dice_loss", 1, Logits: false, Labels: false, Combine.None);
    public static readonly SeedConfig DiceLossMulticlass = new("dice_loss_multiclass", 4, Logits: false, Labels: true, Combine.None);
    public static readonly SeedConfig DiceBceLoss = new("dice_bce_loss", 1, Logits: true, Labels: false, Combine.BinaryCrossEntropy);
    public static readonly SeedConfig DiceBceLossMulticlass = new("dice_bce_loss_multiclass", 4, Logits: true, Labels: true, Combine.CrossEntropy);
}
