namespace Dice;

/// <summary>The resolved configuration of a generated loss: every <c>Auto</c> replaced by what it became.</summary>
public sealed record DiceLossSpec
{
    // Equality is the record's own over every property: the weights are a list compared by its elements, so that a
    // new option needs no hand-written Equals.
    /// <summary>Creates a resolved configuration. Generated code calls this; users read <c>TLoss.Spec</c>.</summary>
    public DiceLossSpec(
        int classes, Combine combine, Activation activation, Target target, float smooth, float alpha,
        bool includeBackground, bool batchDice, bool squared, Overlap overlap, bool logLoss, int ignoreIndex,
        IReadOnlyList<float> classWeights, bool hasClassWeights = false,
        float falsePositiveWeight = 0.5f, float falseNegativeWeight = 0.5f, float overlapExponent = 1f,
        GeneralizedWeighting generalizedWeighting = GeneralizedWeighting.InverseSquaredVolume, float focalGamma = 2f,
        IReadOnlyList<float>? positiveWeights = null, float labelSmoothing = 0f, bool pixelWeights = false,
        Layout layout = Layout.ChannelsFirst)
    {
        if (activation == Activation.Auto) throw new ArgumentException("A resolved spec has no Auto activation.", nameof(activation));
        if (target == Target.Auto) throw new ArgumentException("A resolved spec has no Auto target.", nameof(target));
        if (classWeights.Count != classes) throw new ArgumentException($"Expected {classes} class weights, got {classWeights.Count}.", nameof(classWeights));
        positiveWeights ??= Enumerable.Repeat(1f, classes).ToArray();
        if (positiveWeights.Count != classes) throw new ArgumentException($"Expected {classes} positive weights, got {positiveWeights.Count}.", nameof(positiveWeights));
        Classes = classes;
        Combine = combine;
        Activation = activation;
        Target = target;
        Smooth = smooth;
        Alpha = alpha;
        IncludeBackground = includeBackground;
        BatchDice = batchDice;
        Squared = squared;
        Overlap = overlap;
        LogLoss = logLoss;
        IgnoreIndex = ignoreIndex;
        ClassWeights = new ValueList<float>(classWeights);
        HasClassWeights = hasClassWeights;
        FalsePositiveWeight = falsePositiveWeight;
        FalseNegativeWeight = falseNegativeWeight;
        OverlapExponent = overlapExponent;
        GeneralizedWeighting = generalizedWeighting;
        FocalGamma = focalGamma;
        PositiveWeights = new ValueList<float>(positiveWeights);
        LabelSmoothing = labelSmoothing;
        PixelWeights = pixelWeights;
        Layout = layout;
        Parameters = new LossParameters(
            smooth, alpha, ignoreIndex, classWeights, falsePositiveWeight, falseNegativeWeight, overlapExponent, focalGamma,
            positiveWeights, labelSmoothing);
    }

    /// <summary>Channels C.</summary>
    public int Classes { get; }
    /// <summary>The CE/BCE term, or none.</summary>
    public Combine Combine { get; }
    /// <summary>The resolved activation (never Auto).</summary>
    public Activation Activation { get; }
    /// <summary>The resolved target form (never Auto).</summary>
    public Target Target { get; }
    /// <summary>Smoothing added to numerator and denominator.</summary>
    public float Smooth { get; }
    /// <summary>Weight of the CE/BCE term.</summary>
    public float Alpha { get; }
    /// <summary>Whether channel 0 counts in the Dice mean.</summary>
    public bool IncludeBackground { get; }
    /// <summary>Whether sums run over the batch too.</summary>
    public bool BatchDice { get; }
    /// <summary>Whether denominators use squares.</summary>
    public bool Squared { get; }
    /// <summary>The overlap coefficient d of the Dice term.</summary>
    public Overlap Overlap { get; }
    /// <summary>Whether the Jaccard coefficient replaces Dice: the older spelling of <c>Overlap == Overlap.Jaccard</c>.</summary>
    [Obsolete("Use Overlap.")]
    public bool Jaccard => Overlap == Overlap.Jaccard;
    /// <summary>Whether the term is -ln(d).</summary>
    public bool LogLoss { get; }
    /// <summary>The ignored label value (labels targets only).</summary>
    public int IgnoreIndex { get; }
    /// <summary>One weight per class (all 1 when none were given).</summary>
    public IReadOnlyList<float> ClassWeights { get; }
    /// <summary>Whether the attribute gave <c>ClassWeights</c>: the kernels of a CE/BCE term then weight pixels by class, with weights given per call.</summary>
    public bool HasClassWeights { get; }

    /// <summary>Tversky's alpha, the weight of the false positives (used with <see cref="Dice.Overlap.Tversky"/>).</summary>
    public float FalsePositiveWeight { get; }
    /// <summary>Tversky's beta, the weight of the false negatives (used with <see cref="Dice.Overlap.Tversky"/>).</summary>
    public float FalseNegativeWeight { get; }
    /// <summary>The exponent gamma of the term (1 - d)^gamma.</summary>
    public float OverlapExponent { get; }
    /// <summary>How Generalized Dice weights the classes (used with <see cref="Dice.Overlap.GeneralizedDice"/>).</summary>
    public GeneralizedWeighting GeneralizedWeighting { get; }
    /// <summary>The focal term's exponent (used with <see cref="Dice.Combine.Focal"/>).</summary>
    public float FocalGamma { get; }
    /// <summary>The BCE term's weight of the positives, one per class (all 1 when none were given; used with <see cref="Dice.Combine.BinaryCrossEntropy"/>).</summary>
    public IReadOnlyList<float> PositiveWeights { get; }
    /// <summary>The CE term's label smoothing eps (used with <see cref="Dice.Combine.CrossEntropy"/>).</summary>
    public float LabelSmoothing { get; }
    /// <summary>Whether the entry points take a weight per pixel (<c>pixelWeights</c>, N x S).</summary>
    public bool PixelWeights { get; }
    /// <summary>The layout of the input, the masks and the gradient: N x C x S or N x S x C.</summary>
    public Layout Layout { get; }

    /// <summary>The hyperparameters that are data: the attribute's values, to change with <c>with</c> and pass to an entry point.</summary>
    public LossParameters Parameters { get; }

    /// <summary>The first class counted in the Dice mean: 0, or 1 without background.</summary>
    public int FirstDiceClass => IncludeBackground ? 0 : 1;
}

/// <summary>A read-only copy of a list that equals another by its elements, so that records holding one stay value-equal.</summary>
internal sealed class ValueList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items = items.ToArray();

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(ValueList<T>? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
