using System.Collections.Generic;
using System.Globalization;

namespace Dice;

/// <summary>
/// One rule on a hyperparameter: its DICE id, title and message format. The generator reports it as a compile-time
/// diagnostic on the attribute argument; an entry point given a <see cref="LossParameters"/> throws it as an
/// <see cref="System.ArgumentException"/>. Both read this one definition, so the two cannot drift.
/// </summary>
internal sealed class ParameterRule
{
    public ParameterRule(string id, string title, string message)
    {
        Id = id;
        Title = title;
        Message = message;
    }

    /// <summary>DICE005...</summary>
    public string Id { get; }

    /// <summary>The rule in a few words.</summary>
    public string Title { get; }

    /// <summary>The message, a composite format over <see cref="ParameterViolation.Arguments"/>.</summary>
    public string Message { get; }
}

/// <summary>A value that breaks a <see cref="ParameterRule"/>: the rule, the parameter (an attribute property name) and the message arguments.</summary>
internal readonly struct ParameterViolation
{
    public ParameterViolation(ParameterRule rule, string parameter, params object[] arguments)
    {
        Rule = rule;
        Parameter = parameter;
        Arguments = arguments;
    }

    public ParameterRule Rule { get; }

    /// <summary>The attribute property (and <see cref="LossParameters"/> property) at fault.</summary>
    public string Parameter { get; }

    public object[] Arguments { get; }

    /// <summary>"DICE006: Alpha is 1.5; it must ...", the text a run-time exception carries.</summary>
    public override string ToString() =>
        Rule.Id + ": " + string.Format(CultureInfo.InvariantCulture, Rule.Message, Arguments);
}

/// <summary>
/// The rules on the hyperparameters that are data at run time (Smooth, Alpha, IgnoreIndex, ClassWeights, the Tversky
/// weights, OverlapExponent, FocalGamma, PositiveWeights, LabelSmoothing), checked
/// the same way for an attribute at compile time and for a <see cref="LossParameters"/> at run time. Compiled into the
/// generator too (netstandard2.0: no newer API here).
/// </summary>
internal static class ParameterRules
{
    // The ids as constants too: the analyzer release tracking reads a descriptor's id only from a constant.
    public const string SmoothInvalidId = "DICE005";
    public const string AlphaInvalidId = "DICE006";
    public const string ClassWeightsCountId = "DICE007";
    public const string ClassWeightInvalidId = "DICE008";
    public const string ClassWeightsZeroSumId = "DICE009";
    public const string IgnoreIndexIsClassId = "DICE010";
    public const string TverskyWeightInvalidId = "DICE024";
    public const string TverskyWeightsZeroId = "DICE025";
    public const string OverlapExponentInvalidId = "DICE026";
    public const string LogLossWithExponentId = "DICE027";
    public const string FocalGammaInvalidId = "DICE028";
    public const string AlphaIgnoredId = "DICE020";
    public const string IgnoreIndexIgnoredId = "DICE021";
    public const string ClassWeightsWithGeneralizedDiceId = "DICE030";
    public const string TverskyWeightIgnoredId = "DICE033";
    public const string FocalGammaIgnoredId = "DICE035";
    public const string PositiveWeightsCountId = "DICE038";
    public const string PositiveWeightInvalidId = "DICE039";
    public const string LabelSmoothingInvalidId = "DICE040";
    public const string PositiveWeightsWithoutBinaryCrossEntropyId = "DICE041";
    public const string LabelSmoothingWithoutCrossEntropyId = "DICE042";

    public static readonly ParameterRule SmoothInvalid = new(SmoothInvalidId,
        "Smooth must be finite and non-negative",
        "Smooth is {0}; it must be finite and >= 0");

    public static readonly ParameterRule AlphaInvalid = new(AlphaInvalidId,
        "Alpha must lie in [0, 1]",
        "Alpha is {0}; it must be finite and lie in [0, 1] (L = Alpha * CE + (1 - Alpha) * Dice)");

    public static readonly ParameterRule ClassWeightsCount = new(ClassWeightsCountId,
        "ClassWeights needs one weight per class",
        "ClassWeights has {0} values but Classes is {1}; give exactly one weight per class");

    public static readonly ParameterRule ClassWeightInvalid = new(ClassWeightInvalidId,
        "Class weights must be finite and non-negative",
        "ClassWeights[{0}] is {1}; every weight must be finite and >= 0");

    public static readonly ParameterRule ClassWeightsZeroSum = new(ClassWeightsZeroSumId,
        "Class weights of the Dice classes sum to zero",
        "The weights of the classes counted in the Dice mean ({0}) sum to 0, so the weighted mean is undefined");

    public static readonly ParameterRule IgnoreIndexIsClass = new(IgnoreIndexIsClassId,
        "IgnoreIndex is a class index",
        "IgnoreIndex is {0}, a valid class in [0, {1}); it must lie outside the class range (the default is -100)");

    public static readonly ParameterRule TverskyWeightInvalid = new(TverskyWeightInvalidId,
        "Tversky weights must be finite and non-negative",
        "{0} is {1}; it must be finite and >= 0");

    public static readonly ParameterRule TverskyWeightsZero = new(TverskyWeightsZeroId,
        "Tversky weights are both zero",
        "FalsePositiveWeight and FalseNegativeWeight are both 0, so the Tversky coefficient is 1 whatever the prediction; give at least one of them a positive weight");

    public static readonly ParameterRule OverlapExponentInvalid = new(OverlapExponentInvalidId,
        "OverlapExponent must lie in (0, 4]",
        "OverlapExponent is {0}; it must be finite and lie in (0, 4] (the term is (1 - d)^OverlapExponent)");

    public static readonly ParameterRule LogLossWithExponent = new(LogLossWithExponentId,
        "LogLoss takes no OverlapExponent",
        "OverlapExponent is {0} but LogLoss is set; the term -ln(d) has no exponent, so keep OverlapExponent = 1 or drop LogLoss");

    public static readonly ParameterRule FocalGammaInvalid = new(FocalGammaInvalidId,
        "FocalGamma must lie in [0, 5]",
        "FocalGamma is {0}; it must be finite and lie in [0, 5] (0 is plain cross-entropy)");

    public static readonly ParameterRule PositiveWeightsCount = new(PositiveWeightsCountId,
        "PositiveWeights needs one weight per class",
        "PositiveWeights has {0} values but Classes is {1}; give exactly one weight per class");

    public static readonly ParameterRule PositiveWeightInvalid = new(PositiveWeightInvalidId,
        "Positive weights must be finite and positive",
        "PositiveWeights[{0}] is {1}; every weight must be finite and > 0 (1 leaves the class's positives as they are)");

    public static readonly ParameterRule LabelSmoothingInvalid = new(LabelSmoothingInvalidId,
        "LabelSmoothing must lie in [0, 1]",
        "LabelSmoothing is {0}; it must be finite and lie in [0, 1] (0 is plain cross-entropy)");

    // The parameters a configuration ignores: a compile-time warning (an error for DICE030) when the attribute sets one,
    // and at run time an ArgumentException when a LossParameters sets one to anything but the loss's own value.

    public static readonly ParameterRule AlphaIgnored = new(AlphaIgnoredId,
        "Alpha has no effect without Combine",
        "Alpha is set but Combine is None, so there is no CE/BCE term to weight; Alpha is ignored");

    public static readonly ParameterRule IgnoreIndexIgnored = new(IgnoreIndexIgnoredId,
        "IgnoreIndex has no effect with masks",
        "IgnoreIndex is set but the target is Masks, which have no label to ignore; IgnoreIndex is ignored");

    public static readonly ParameterRule ClassWeightsWithGeneralizedDice = new(ClassWeightsWithGeneralizedDiceId,
        "Generalized Dice takes no ClassWeights",
        "ClassWeights is set but Overlap is GeneralizedDice, which weights each class by its target volume (GeneralizedWeighting); remove ClassWeights, or use another Overlap");

    public static readonly ParameterRule TverskyWeightIgnored = new(TverskyWeightIgnoredId,
        "Tversky weights have no effect without Overlap.Tversky",
        "{0} is set but Overlap is {1}; only Overlap.Tversky uses it, so it is ignored");

    public static readonly ParameterRule FocalGammaIgnored = new(FocalGammaIgnoredId,
        "FocalGamma has no effect without Combine.Focal",
        "FocalGamma is set but Combine is {0}; only Combine.Focal uses it, so it is ignored");

    // Options of one pixel term that another Combine would ignore: compile-time errors, as a user who sets them expects
    // them to act (like DICE030), and at run time an ArgumentException when a call changes them from the loss's own.

    public static readonly ParameterRule PositiveWeightsWithoutBinaryCrossEntropy = new(PositiveWeightsWithoutBinaryCrossEntropyId,
        "PositiveWeights apply to BinaryCrossEntropy only",
        "PositiveWeights is set but Combine is {0}; only Combine.BinaryCrossEntropy weighs its positives (PyTorch's pos_weight), so remove PositiveWeights or use Combine.BinaryCrossEntropy");

    public static readonly ParameterRule LabelSmoothingWithoutCrossEntropy = new(LabelSmoothingWithoutCrossEntropyId,
        "LabelSmoothing applies to CrossEntropy only",
        "LabelSmoothing is set but Combine is {0}; only Combine.CrossEntropy smooths its labels (PyTorch's label_smoothing), so remove LabelSmoothing or use Combine.CrossEntropy");

    /// <summary>
    /// The first run-time value that <paramref name="structure"/> ignores and that differs from the loss's own
    /// (<paramref name="compiled"/>), or null: such a value would change nothing, so a call that sets it is a mistake.
    /// </summary>
    public static ParameterViolation? FirstIgnored(in ParameterStructure structure, in ParameterValues values, in ParameterValues compiled)
    {
        if (structure.Combine == Combine.None && values.Alpha != compiled.Alpha)
            return new ParameterViolation(AlphaIgnored, nameof(DiceLossAttribute.Alpha));
        if (!structure.Labels && values.IgnoreIndex != compiled.IgnoreIndex)
            return new ParameterViolation(IgnoreIndexIgnored, nameof(DiceLossAttribute.IgnoreIndex));
        if (structure.Overlap == Overlap.GeneralizedDice && !SameWeights(values.ClassWeights, compiled.ClassWeights))
            return new ParameterViolation(ClassWeightsWithGeneralizedDice, nameof(DiceLossAttribute.ClassWeights));
        if (structure.Overlap != Overlap.Tversky && values.FalsePositiveWeight != compiled.FalsePositiveWeight)
            return new ParameterViolation(TverskyWeightIgnored, nameof(DiceLossAttribute.FalsePositiveWeight), nameof(DiceLossAttribute.FalsePositiveWeight), structure.Overlap);
        if (structure.Overlap != Overlap.Tversky && values.FalseNegativeWeight != compiled.FalseNegativeWeight)
            return new ParameterViolation(TverskyWeightIgnored, nameof(DiceLossAttribute.FalseNegativeWeight), nameof(DiceLossAttribute.FalseNegativeWeight), structure.Overlap);
        if (structure.Combine != Combine.Focal && values.FocalGamma != compiled.FocalGamma)
            return new ParameterViolation(FocalGammaIgnored, nameof(DiceLossAttribute.FocalGamma), structure.Combine);
        if (structure.Combine != Combine.BinaryCrossEntropy && !SameWeights(values.PositiveWeights, compiled.PositiveWeights))
            return new ParameterViolation(PositiveWeightsWithoutBinaryCrossEntropy, nameof(DiceLossAttribute.PositiveWeights), structure.Combine);
        if (structure.Combine != Combine.CrossEntropy && values.LabelSmoothing != compiled.LabelSmoothing)
            return new ParameterViolation(LabelSmoothingWithoutCrossEntropy, nameof(DiceLossAttribute.LabelSmoothing), structure.Combine);
        return null;
    }

    private static bool SameWeights(IReadOnlyList<float>? a, IReadOnlyList<float>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.Count != b.Count) return false;
        for (int c = 0; c < a.Count; c++)
            if (!a[c].Equals(b[c])) return false;
        return true;
    }

    /// <summary>
    /// Every violation of the rules above, in the order of the parameters, or null when there is none (so that a valid
    /// call allocates nothing).
    /// </summary>
    public static List<ParameterViolation>? Check(in ParameterStructure structure, in ParameterValues values)
    {
        List<ParameterViolation>? violations = null;
        void Add(ParameterViolation violation) => (violations ??= new List<ParameterViolation>()).Add(violation);

        if (!IsFinite(values.Smooth) || values.Smooth < 0)
            Add(new ParameterViolation(SmoothInvalid, nameof(DiceLossAttribute.Smooth), Format(values.Smooth)));
        if (!IsFinite(values.Alpha) || values.Alpha < 0 || values.Alpha > 1)
            Add(new ParameterViolation(AlphaInvalid, nameof(DiceLossAttribute.Alpha), Format(values.Alpha)));
        if (structure.Labels && values.IgnoreIndex >= 0 && values.IgnoreIndex < structure.Classes)
            Add(new ParameterViolation(IgnoreIndexIsClass, nameof(DiceLossAttribute.IgnoreIndex), values.IgnoreIndex, structure.Classes));

        bool TverskyWeightValid(string name, float weight)
        {
            if (IsFinite(weight) && weight >= 0) return true;
            Add(new ParameterViolation(TverskyWeightInvalid, name, name, Format(weight)));
            return false;
        }

        bool tverskyValid = TverskyWeightValid(nameof(DiceLossAttribute.FalsePositiveWeight), values.FalsePositiveWeight)
            & TverskyWeightValid(nameof(DiceLossAttribute.FalseNegativeWeight), values.FalseNegativeWeight);
        if (tverskyValid && values.FalsePositiveWeight == 0 && values.FalseNegativeWeight == 0)
            Add(new ParameterViolation(TverskyWeightsZero, nameof(DiceLossAttribute.FalseNegativeWeight)));
        if (!IsFinite(values.OverlapExponent) || values.OverlapExponent <= 0 || values.OverlapExponent > 4)
            Add(new ParameterViolation(OverlapExponentInvalid, nameof(DiceLossAttribute.OverlapExponent), Format(values.OverlapExponent)));
        else if (structure.LogLoss && values.OverlapExponent != 1)
            Add(new ParameterViolation(LogLossWithExponent, nameof(DiceLossAttribute.OverlapExponent), Format(values.OverlapExponent)));
        if (!IsFinite(values.FocalGamma) || values.FocalGamma < 0 || values.FocalGamma > 5)
            Add(new ParameterViolation(FocalGammaInvalid, nameof(DiceLossAttribute.FocalGamma), Format(values.FocalGamma)));
        if (!IsFinite(values.LabelSmoothing) || values.LabelSmoothing < 0 || values.LabelSmoothing > 1)
            Add(new ParameterViolation(LabelSmoothingInvalid, nameof(DiceLossAttribute.LabelSmoothing), Format(values.LabelSmoothing)));
        if (values.PositiveWeights is { } positiveWeights)
        {
            const string positiveName = nameof(DiceLossAttribute.PositiveWeights);
            if (positiveWeights.Count != structure.Classes)
                Add(new ParameterViolation(PositiveWeightsCount, positiveName, positiveWeights.Count, structure.Classes));
            for (int c = 0; c < positiveWeights.Count; c++)
            {
                if (IsFinite(positiveWeights[c]) && positiveWeights[c] > 0) continue;
                Add(new ParameterViolation(PositiveWeightInvalid, positiveName, c, Format(positiveWeights[c])));
                break;
            }
        }

        IReadOnlyList<float>? weights = values.ClassWeights;
        int classes = structure.Classes;
        bool includeBackground = structure.IncludeBackground;
        if (weights is null) return violations;

        const string weightsName = nameof(DiceLossAttribute.ClassWeights);
        if (weights.Count != classes)
            Add(new ParameterViolation(ClassWeightsCount, weightsName, weights.Count, classes));
        int bad = -1;
        for (int c = 0; c < weights.Count && bad < 0; c++)
            if (!IsFinite(weights[c]) || weights[c] < 0) bad = c;
        if (bad >= 0)
        {
            Add(new ParameterViolation(ClassWeightInvalid, weightsName, bad, Format(weights[bad])));
        }
        else if (weights.Count == classes)
        {
            double sum = 0;
            for (int c = includeBackground ? 0 : 1; c < classes; c++) sum += weights[c];
            if (sum == 0)
                Add(new ParameterViolation(ClassWeightsZeroSum, weightsName, includeBackground ? "all" : "classes 1 and up"));
        }

        return violations;
    }

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    /// <summary>The shortest text that reads back as the same float, in the invariant culture.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What the rules need of the loss's structure (compile-time options).</summary>
internal readonly struct ParameterStructure
{
    public ParameterStructure(int classes, bool labels, bool includeBackground, bool logLoss, Combine combine, Overlap overlap)
    {
        Combine = combine;
        Overlap = overlap;
        Classes = classes;
        Labels = labels;
        IncludeBackground = includeBackground;
        LogLoss = logLoss;
    }

    public int Classes { get; }

    /// <summary>Whether the target is labels (IgnoreIndex matters only then).</summary>
    public bool Labels { get; }

    public bool IncludeBackground { get; }

    public bool LogLoss { get; }

    public Combine Combine { get; }

    public Overlap Overlap { get; }
}

/// <summary>The hyperparameter values the rules check: an attribute's, or a <see cref="LossParameters"/>'s.</summary>
internal readonly struct ParameterValues
{
    public float Smooth { get; init; }
    public float Alpha { get; init; }
    public int IgnoreIndex { get; init; }

    /// <summary>Null: none given (all 1).</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }
    public float FalsePositiveWeight { get; init; }
    public float FalseNegativeWeight { get; init; }
    public float OverlapExponent { get; init; }
    public float FocalGamma { get; init; }

    /// <summary>Null: none given (all 1).</summary>
    public IReadOnlyList<float>? PositiveWeights { get; init; }
    public float LabelSmoothing { get; init; }
}
