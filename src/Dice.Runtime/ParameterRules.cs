using System.Collections.Generic;
using System.Globalization;

namespace Dice;

/// <summary>
/// One rule on a hyperparameter: its DICE id, title and message format. The generator reports it as a compile-time
/// diagnostic on the attribute argument; the run-time overloads with <see cref="LossParameters"/> throw it as an
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
/// The rules on the hyperparameters that are data at run time (Smooth, Alpha, IgnoreIndex, ClassWeights), checked
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

    /// <summary>
    /// Every violation of the rules above, in the order of the parameters, or null when there is none (so that a valid
    /// call allocates nothing). <paramref name="weights"/> null: none given (all 1). <paramref name="labels"/>: whether
    /// the target is labels (IgnoreIndex matters only then).
    /// </summary>
    public static List<ParameterViolation>? Check(
        int classes, bool labels, bool includeBackground, float smooth, float alpha, int ignoreIndex, IReadOnlyList<float>? weights)
    {
        List<ParameterViolation>? violations = null;
        void Add(ParameterViolation violation) => (violations ??= new List<ParameterViolation>()).Add(violation);

        if (!IsFinite(smooth) || smooth < 0)
            Add(new ParameterViolation(SmoothInvalid, nameof(DiceLossAttribute.Smooth), Format(smooth)));
        if (!IsFinite(alpha) || alpha < 0 || alpha > 1)
            Add(new ParameterViolation(AlphaInvalid, nameof(DiceLossAttribute.Alpha), Format(alpha)));
        if (labels && ignoreIndex >= 0 && ignoreIndex < classes)
            Add(new ParameterViolation(IgnoreIndexIsClass, nameof(DiceLossAttribute.IgnoreIndex), ignoreIndex, classes));
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
