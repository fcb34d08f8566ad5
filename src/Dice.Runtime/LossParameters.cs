namespace Dice;

/// <summary>
/// The hyperparameters of a generated loss that are data rather than structure: they can change from call to call
/// (a sweep needs no recompiling), while Classes, Activation, Target, the overlap kind and Combine shape the generated
/// code and stay compile-time. There is no public constructor: start from the loss's own values and change fields,
/// <c>SegLoss.Spec.Parameters with { Alpha = 0.3f }</c>, then pass the result as the <c>parameters</c> argument of any
/// entry point (null there means the loss's own values).
/// </summary>
/// <remarks>
/// A value that the attribute would reject at compile time is rejected at run time with an
/// <see cref="ArgumentException"/> that carries the same DICE id and rule (docs/diagnostics.md), before anything is
/// written. Calling with <c>TLoss.Spec.Parameters</c> gives the same bits as calling without parameters.
/// </remarks>
public sealed record LossParameters
{
    private readonly ValueList<float> _classWeights;
    private readonly ValueList<float> _positiveWeights;

    internal LossParameters(
        float smooth, float alpha, int ignoreIndex, IReadOnlyList<float> classWeights,
        float falsePositiveWeight, float falseNegativeWeight, float overlapExponent, float focalGamma,
        IReadOnlyList<float> positiveWeights, float labelSmoothing)
    {
        Smooth = smooth;
        Alpha = alpha;
        IgnoreIndex = ignoreIndex;
        _classWeights = new ValueList<float>(classWeights);
        FalsePositiveWeight = falsePositiveWeight;
        FalseNegativeWeight = falseNegativeWeight;
        OverlapExponent = overlapExponent;
        FocalGamma = focalGamma;
        _positiveWeights = new ValueList<float>(positiveWeights);
        LabelSmoothing = labelSmoothing;
        Scale = 1f;
    }

    /// <summary>Smoothing s added to numerator and denominator (finite, &gt;= 0).</summary>
    public float Smooth { get; init; }

    /// <summary>Weight a of the CE/BCE term, in [0, 1].</summary>
    public float Alpha { get; init; }

    /// <summary>The label value excluded everywhere (labels targets; not a class index in [0, C)).</summary>
    public int IgnoreIndex { get; init; }

    /// <summary>
    /// One weight w_c per class (finite, &gt;= 0, those in the Dice mean not all 0), for the Dice mean and the CE/BCE/focal
    /// term, on every loss (Generalized Dice, which weights classes by volume, takes none). A copy is kept, so changing
    /// the list afterwards changes nothing.
    /// </summary>
    public IReadOnlyList<float> ClassWeights
    {
        get => _classWeights;
        init => _classWeights = new ValueList<float>(value ?? throw new ArgumentNullException(nameof(ClassWeights)));
    }

    /// <summary>Tversky's alpha, the weight of the false positives (finite, &gt;= 0; Tversky losses only).</summary>
    public float FalsePositiveWeight { get; init; }

    /// <summary>Tversky's beta, the weight of the false negatives (finite, &gt;= 0, not both 0; Tversky losses only).</summary>
    public float FalseNegativeWeight { get; init; }

    /// <summary>The exponent of the term (1 - d)^gamma, in (0, 4]; 1 with LogLoss.</summary>
    public float OverlapExponent { get; init; }

    /// <summary>The focal term's exponent, in [0, 5] (Combine.Focal losses only).</summary>
    public float FocalGamma { get; init; }

    /// <summary>
    /// One weight pw_c of the positives per class (finite, &gt; 0; BinaryCrossEntropy losses only, all 1 otherwise): PyTorch's
    /// <c>pos_weight</c>. A copy is kept, so changing the list afterwards changes nothing.
    /// </summary>
    public IReadOnlyList<float> PositiveWeights
    {
        get => _positiveWeights;
        init => _positiveWeights = new ValueList<float>(value ?? throw new ArgumentNullException(nameof(PositiveWeights)));
    }

    /// <summary>The cross-entropy's label smoothing eps, in [0, 1] (CrossEntropy losses only): PyTorch's <c>label_smoothing</c>.</summary>
    public float LabelSmoothing { get; init; }

    /// <summary>
    /// The weight of this loss in the caller's objective (finite, &gt; 0; default 1): <see cref="LossResult.Loss"/>,
    /// <see cref="LossResult.SampleLoss"/> and the gradient are multiplied by it, at no extra cost (it is folded into the
    /// backward coefficients). MONAI's <c>lambda_dice</c>/<c>lambda_ce</c> pair, a deep-supervision weight per output.
    /// <see cref="LossResult.DiceLoss"/> and <see cref="LossResult.CrossEntropy"/> stay unscaled.
    /// </summary>
    public float Scale { get; init; }

    /// <summary>
    /// Whether the backward adds Scale * dL/d(input) into <c>inputGrad</c> instead of overwriting it (default false): two
    /// losses on one output need no second buffer and no extra pass. The gradient buffer must then not be the input's
    /// memory (an <see cref="ArgumentException"/>, nothing written).
    /// </summary>
    public bool AccumulateGradient { get; init; }

    /// <summary>
    /// Throws, naming <paramref name="argument"/>, unless these values are valid for <paramref name="spec"/>: the
    /// compile-time rules (with their DICE ids), no value that the configuration ignores changed from the loss's own
    /// (with the DICE id of the matching compile-time warning), and a finite, positive <see cref="Scale"/>.
    /// </summary>
    internal void Validate(DiceLossSpec spec, string argument)
    {
        // The loss's own values passed the same rules at compile time.
        if (ReferenceEquals(this, spec.Parameters)) return;
        var structure = new ParameterStructure(spec.Classes, spec.Target == Target.Labels, spec.IncludeBackground, spec.LogLoss, spec.Combine, spec.Overlap);
        ParameterValues values = Values();
        List<ParameterViolation>? violations = ParameterRules.Check(structure, values);
        if (violations is not null)
            throw new ArgumentException($"{argument}.{violations[0].Parameter}: {violations[0]}", argument);
        if (ParameterRules.FirstIgnored(structure, values, spec.Parameters.Values()) is { } ignored)
        {
            throw new ArgumentException(
                $"{argument}.{ignored.Parameter}: {ignored} (it differs from this loss's own value, which is the only one it accepts).", argument);
        }

        if (!float.IsFinite(Scale) || Scale <= 0)
            throw new ArgumentException($"{argument}.Scale is {ParameterRules.Format(Scale)}; it must be finite and > 0.", argument);
    }

    private ParameterValues Values() => new()
    {
        Smooth = Smooth, Alpha = Alpha, IgnoreIndex = IgnoreIndex, ClassWeights = ClassWeights,
        FalsePositiveWeight = FalsePositiveWeight, FalseNegativeWeight = FalseNegativeWeight,
        OverlapExponent = OverlapExponent, FocalGamma = FocalGamma,
        PositiveWeights = PositiveWeights, LabelSmoothing = LabelSmoothing,
    };
}
