namespace Dice;

/// <summary>
/// The target of one call, labels or masks, and the pixel weights of a loss that takes them, as the schedulers carry it:
/// one value instead of three spans and two flags.
/// </summary>
internal readonly ref struct TargetSpan
{
    private TargetSpan(ReadOnlySpan<int> labels, ReadOnlySpan<float> masks, bool isLabels, ReadOnlySpan<float> pixelWeights, bool hasPixelWeights)
    {
        Labels = labels;
        Masks = masks;
        IsLabels = isLabels;
        PixelWeights = pixelWeights;
        HasPixelWeights = hasPixelWeights;
    }

    public static TargetSpan FromLabels(ReadOnlySpan<int> labels) => new(labels, default, isLabels: true, default, false);

    public static TargetSpan FromMasks(ReadOnlySpan<float> masks) => new(default, masks, isLabels: false, default, false);

    /// <summary>The same target with the call's pixel weights (N x S): the overloads of a loss compiled with PixelWeights.</summary>
    public TargetSpan WithPixelWeights(ReadOnlySpan<float> pixelWeights) => new(Labels, Masks, IsLabels, pixelWeights, true);

    /// <summary>The pixel weights (empty without).</summary>
    public ReadOnlySpan<float> PixelWeights { get; }

    /// <summary>Whether the call passed pixel weights (an overload that takes them), even an empty span.</summary>
    public bool HasPixelWeights { get; }

    /// <summary>The labels (empty for masks).</summary>
    public ReadOnlySpan<int> Labels { get; }

    /// <summary>The masks (empty for labels).</summary>
    public ReadOnlySpan<float> Masks { get; }

    public bool IsLabels { get; }

    public int Length => IsLabels ? Labels.Length : Masks.Length;

    /// <summary>The argument name users passed it as.</summary>
    public string Name => IsLabels ? "labels" : "masks";
}

/// <summary>What a call computes: the loss alone, or the loss and its gradient.</summary>
internal enum Pass
{
    /// <summary>Pass 1 and the loss.</summary>
    Forward,
    /// <summary>Pass 1, the loss and pass 2.</summary>
    ForwardBackward,
    /// <summary>Pass 1 and the totals, to be summed over processes (<see cref="LossStatistics"/>).</summary>
    Statistics,
    /// <summary>The loss of summed totals and pass 2 (after <see cref="Statistics"/>).</summary>
    Backward,
    /// <summary>The confusion counts of validation metrics: one read-only pass, no loss.</summary>
    Evaluate,
}
