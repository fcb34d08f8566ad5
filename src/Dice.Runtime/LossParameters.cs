namespace Dice;

/// <summary>
/// The hyperparameters of a generated loss that are data rather than structure: they can change from call to call
/// (a sweep needs no recompiling), while Classes, Activation, Target, the overlap kind and Combine shape the generated
/// code and stay compile-time. There is no public constructor: start from the loss's own values and change fields,
/// <c>SegLoss.Spec.Parameters with { Alpha = 0.3f }</c>, then pass the result as the last argument of any entry point.
/// </summary>
/// <remarks>
/// A value that the attribute would reject at compile time is rejected at run time with an
/// <see cref="ArgumentException"/> that carries the same DICE id and rule (docs/diagnostics.md), before anything is
/// written. Calling with <c>TLoss.Spec.Parameters</c> gives the same bits as calling without parameters.
/// </remarks>
public sealed record LossParameters
{
    private readonly ValueList<float> _classWeights;

    internal LossParameters(
        float smooth, float alpha, int ignoreIndex, IReadOnlyList<float> classWeights,
        float falsePositiveWeight, float falseNegativeWeight, float overlapExponent, float focalGamma)
    {
        Smooth = smooth;
        Alpha = alpha;
        IgnoreIndex = ignoreIndex;
        _classWeights = new ValueList<float>(classWeights);
        FalsePositiveWeight = falsePositiveWeight;
        FalseNegativeWeight = falseNegativeWeight;
        OverlapExponent = overlapExponent;
        FocalGamma = focalGamma;
    }

    /// <summary>Smoothing s added to numerator and denominator (finite, &gt;= 0).</summary>
    public float Smooth { get; init; }

    /// <summary>Weight a of the CE/BCE term, in [0, 1].</summary>
    public float Alpha { get; init; }

    /// <summary>The label value excluded everywhere (labels targets; not a class index in [0, C)).</summary>
    public int IgnoreIndex { get; init; }

    /// <summary>
    /// One weight w_c per class (finite, &gt;= 0, those in the Dice mean not all 0). A copy is kept, so changing the
    /// list afterwards changes nothing. A CE/BCE loss compiled without <c>ClassWeights</c> has unweighted pixel-term
    /// kernels and accepts only all-1 weights here; give <c>ClassWeights</c> in the attribute to make them data.
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

    /// <summary>The argument of an entry point's <c>parameters</c>, or <see cref="ArgumentNullException"/>.</summary>
    internal static LossParameters NotNull(LossParameters parameters) =>
        parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>
    /// Throws, naming <paramref name="argument"/>, unless these values are valid for <paramref name="spec"/>: the
    /// compile-time rules (with their DICE ids), and all-1 weights for a CE/BCE loss compiled without weights.
    /// </summary>
    internal void Validate(DiceLossSpec spec, string argument)
    {
        // The loss's own values passed the same rules at compile time.
        if (ReferenceEquals(this, spec.Parameters)) return;
        List<ParameterViolation>? violations = ParameterRules.Check(
            new ParameterStructure(spec.Classes, spec.Target == Target.Labels, spec.IncludeBackground, spec.LogLoss),
            new ParameterValues
            {
                Smooth = Smooth, Alpha = Alpha, IgnoreIndex = IgnoreIndex, ClassWeights = ClassWeights,
                FalsePositiveWeight = FalsePositiveWeight, FalseNegativeWeight = FalseNegativeWeight,
                OverlapExponent = OverlapExponent, FocalGamma = FocalGamma,
            });
        if (violations is not null)
            throw new ArgumentException($"{argument}.{violations[0].Parameter}: {violations[0]}", argument);
        if (spec.Combine != Combine.None && !spec.HasClassWeights)
        {
            for (int c = 0; c < ClassWeights.Count; c++)
            {
                if (ClassWeights[c] != 1f)
                {
                    throw new ArgumentException(
                        $"{argument}.ClassWeights[{c}] is {ParameterRules.Format(ClassWeights[c])}, but this loss was compiled without ClassWeights, " +
                        $"so its {spec.Combine} kernels are unweighted; give ClassWeights in [DiceLoss(...)] (any values) to set them per call.",
                        argument);
                }
            }
        }
    }
}
