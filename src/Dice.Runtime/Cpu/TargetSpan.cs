namespace Dice;

/// <summary>The target of one call, labels or masks, as the schedulers carry it: one value instead of two spans and a flag.</summary>
internal readonly ref struct TargetSpan
{
    private TargetSpan(ReadOnlySpan<int> labels, ReadOnlySpan<float> masks, bool isLabels)
    {
        Labels = labels;
        Masks = masks;
        IsLabels = isLabels;
    }

    public static TargetSpan FromLabels(ReadOnlySpan<int> labels) => new(labels, default, isLabels: true);

    public static TargetSpan FromMasks(ReadOnlySpan<float> masks) => new(default, masks, isLabels: false);

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
