using Microsoft.CodeAnalysis;

namespace Dice.Generators.Diagnostics;

/// <summary>
/// The catalogue of Dice.Gen diagnostics. IDs are never reused; each is documented at
/// <c>docs/diagnostics.md#diceNNN</c> (the description says so; there is no help link yet) and tracked in AnalyzerReleases.*.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Largest Classes the generator accepts: per-pixel work keeps C values on the stack.</summary>
    public const int MaxClasses = 512;

    private const string Category = "Dice.Gen";

    private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

    /// <summary>A rule on a hyperparameter, whose text is shared with the run-time check (<see cref="ParameterRules"/>).</summary>
    private static DiagnosticDescriptor Error(string id, ParameterRule rule) =>
        id == rule.Id ? Error(id, rule.Title, rule.Message) : throw new System.InvalidOperationException($"{id} is not {rule.Id}");

    /// <summary>The descriptor of a hyperparameter rule.</summary>
    public static DiagnosticDescriptor For(ParameterRule rule) =>
        rule == ParameterRules.SmoothInvalid ? SmoothInvalid
        : rule == ParameterRules.AlphaInvalid ? AlphaInvalid
        : rule == ParameterRules.ClassWeightsCount ? ClassWeightsCount
        : rule == ParameterRules.ClassWeightInvalid ? ClassWeightInvalid
        : rule == ParameterRules.ClassWeightsZeroSum ? ClassWeightsZeroSum
        : rule == ParameterRules.IgnoreIndexIsClass ? IgnoreIndexIsClass
        : rule == ParameterRules.TverskyWeightInvalid ? TverskyWeightInvalid
        : rule == ParameterRules.TverskyWeightsZero ? TverskyWeightsZero
        : rule == ParameterRules.OverlapExponentInvalid ? OverlapExponentInvalid
        : rule == ParameterRules.LogLossWithExponent ? LogLossWithExponent
        : rule == ParameterRules.FocalGammaInvalid ? FocalGammaInvalid
        : rule == ParameterRules.PositiveWeightsCount ? PositiveWeightsCount
        : rule == ParameterRules.PositiveWeightInvalid ? PositiveWeightInvalid
        : rule == ParameterRules.LabelSmoothingInvalid ? LabelSmoothingInvalid
        : throw new System.ArgumentOutOfRangeException(nameof(rule), rule.Id, "not a hyperparameter rule");

    private static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Warning);

    /// <summary>A parameter the configuration ignores, whose text is shared with the run-time check (<see cref="ParameterRules"/>).</summary>
    private static DiagnosticDescriptor Warning(string id, ParameterRule rule) =>
        id == rule.Id ? Warning(id, rule.Title, rule.Message) : throw new System.InvalidOperationException($"{id} is not {rule.Id}");

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        // No help link until the project has a public home; the description names the page that the
        // Dice.Runtime package ships (docs/diagnostics.md), which explains each rule with examples.
        new(id, title, message, Category, severity, isEnabledByDefault: true,
            description: $"See docs/diagnostics.md#{id.ToLowerInvariant()} (shipped in the Dice.Runtime package) for the rule and a corrected example.");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error("DICE001",
        "A [DiceLoss] class must be partial",
        "Class '{0}' has [DiceLoss] but is not partial; declare it 'partial' so that the generator can add the loss members");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error("DICE002",
        "Types containing a [DiceLoss] class must be partial",
        "Type '{0}' contains the [DiceLoss] class '{1}' but is not partial; declare it 'partial'");

    public static readonly DiagnosticDescriptor ClassIsGeneric = Error("DICE003",
        "A [DiceLoss] class cannot be generic",
        "Class '{0}' is generic; a [DiceLoss] class (and the types containing it) must not have type parameters");

    public static readonly DiagnosticDescriptor ClassesOutOfRange = Error("DICE004",
        "Classes is out of range",
        "Classes is {0}; it must lie in [1, {1}] (the generator keeps C per-pixel values on the stack, so it supports at most {1} classes)");

    public static readonly DiagnosticDescriptor SmoothInvalid = Error(ParameterRules.SmoothInvalidId, ParameterRules.SmoothInvalid);

    public static readonly DiagnosticDescriptor AlphaInvalid = Error(ParameterRules.AlphaInvalidId, ParameterRules.AlphaInvalid);

    public static readonly DiagnosticDescriptor ClassWeightsCount = Error(ParameterRules.ClassWeightsCountId, ParameterRules.ClassWeightsCount);

    public static readonly DiagnosticDescriptor ClassWeightInvalid = Error(ParameterRules.ClassWeightInvalidId, ParameterRules.ClassWeightInvalid);

    public static readonly DiagnosticDescriptor ClassWeightsZeroSum = Error(ParameterRules.ClassWeightsZeroSumId, ParameterRules.ClassWeightsZeroSum);

    public static readonly DiagnosticDescriptor IgnoreIndexIsClass = Error(ParameterRules.IgnoreIndexIsClassId, ParameterRules.IgnoreIndexIsClass);

    public static readonly DiagnosticDescriptor NoForegroundClass = Error("DICE011",
        "IncludeBackground = false needs at least two classes",
        "IncludeBackground = false with Classes = 1 leaves no class in the Dice mean");

    public static readonly DiagnosticDescriptor SoftmaxSingleClass = Error("DICE012",
        "Softmax needs at least two classes",
        "Softmax over a single channel is constantly 1; use Activation.Sigmoid for a single-class loss");

    public static readonly DiagnosticDescriptor CrossEntropyClasses = Error("DICE013",
        "CrossEntropy needs at least two classes",
        "Combine.CrossEntropy needs Classes >= 2; for one class use Combine.BinaryCrossEntropy");

    public static readonly DiagnosticDescriptor CrossEntropyActivation = Error("DICE014",
        "CrossEntropy works on softmax",
        "Combine.CrossEntropy takes logits through a softmax; Activation must be Auto or Softmax, not {0}");

    public static readonly DiagnosticDescriptor CrossEntropyMasks = Error("DICE015",
        "CrossEntropy needs class labels",
        "Combine.CrossEntropy takes integer class labels; Target must be Auto or Labels, not Masks");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyActivation = Error("DICE016",
        "BinaryCrossEntropy works on sigmoid",
        "Combine.BinaryCrossEntropy takes logits through a sigmoid; Activation must be Auto or Sigmoid, not {0}");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error("DICE017",
        "Undefined enum value",
        "{0} is {1}, which is not a defined {2} value");

    public static readonly DiagnosticDescriptor ClassIsStatic = Error("DICE018",
        "A [DiceLoss] class cannot be static",
        "Class '{0}' is static; the generated loss implements IDiceLoss, which a static class cannot");

    public static readonly DiagnosticDescriptor SmoothZero = Warning("DICE019",
        "Smooth = 0 makes empty classes 0/0",
        "Smooth is 0: a class absent from both prediction and target gives 0/0; Dice.Gen then defines d = 1 with zero gradient");

    public static readonly DiagnosticDescriptor AlphaWithoutCombine = Warning(ParameterRules.AlphaIgnoredId, ParameterRules.AlphaIgnored);

    public static readonly DiagnosticDescriptor IgnoreIndexWithMasks = Warning(ParameterRules.IgnoreIndexIgnoredId, ParameterRules.IgnoreIndexIgnored);

    public static readonly DiagnosticDescriptor MemberNameTaken = Error("DICE022",
        "A member has the name of a generated member",
        "'{0}' declares a member named '{1}', which the generator adds to every [DiceLoss] class ({2}); rename the member");

    public static readonly DiagnosticDescriptor JaccardConflictsWithOverlap = Error("DICE023",
        "Jaccard = true conflicts with Overlap",
        "Jaccard = true is the older spelling of Overlap = Overlap.Jaccard, but Overlap is {0}; remove Jaccard = true, or set Overlap = Overlap.Jaccard alone");

    public static readonly DiagnosticDescriptor TverskyWeightInvalid = Error(ParameterRules.TverskyWeightInvalidId, ParameterRules.TverskyWeightInvalid);

    public static readonly DiagnosticDescriptor TverskyWeightsZero = Error(ParameterRules.TverskyWeightsZeroId, ParameterRules.TverskyWeightsZero);

    public static readonly DiagnosticDescriptor OverlapExponentInvalid = Error(ParameterRules.OverlapExponentInvalidId, ParameterRules.OverlapExponentInvalid);

    public static readonly DiagnosticDescriptor LogLossWithExponent = Error(ParameterRules.LogLossWithExponentId, ParameterRules.LogLossWithExponent);

    public static readonly DiagnosticDescriptor FocalGammaInvalid = Error(ParameterRules.FocalGammaInvalidId, ParameterRules.FocalGammaInvalid);

    public static readonly DiagnosticDescriptor SquaredWithOverlap = Error("DICE029",
        "Squared applies to Dice and Jaccard only",
        "Squared is set but Overlap is {0}, which is defined on the sums of p and t (q = 1); remove Squared, or use Overlap.Dice or Overlap.Jaccard");

    public static readonly DiagnosticDescriptor ClassWeightsWithGeneralizedDice = Error(ParameterRules.ClassWeightsWithGeneralizedDiceId, ParameterRules.ClassWeightsWithGeneralizedDice);

    public static readonly DiagnosticDescriptor FocalActivation = Error("DICE031",
        "Focal works on softmax or sigmoid",
        "Combine.Focal takes logits through a softmax (labels) or a sigmoid (masks); Activation must be Auto, Softmax or Sigmoid, not None");

    public static readonly DiagnosticDescriptor FocalSoftmaxMasks = Error("DICE032",
        "Softmax focal needs class labels",
        "Combine.Focal with Activation.Softmax takes integer class labels, as CrossEntropy does; use Target.Labels, or Activation.Sigmoid for masks");

    public static readonly DiagnosticDescriptor TverskyWeightIgnored = Warning(ParameterRules.TverskyWeightIgnoredId, ParameterRules.TverskyWeightIgnored);

    public static readonly DiagnosticDescriptor GeneralizedWeightingIgnored = Warning("DICE034",
        "GeneralizedWeighting has no effect without Overlap.GeneralizedDice",
        "GeneralizedWeighting is set but Overlap is {0}; only Overlap.GeneralizedDice uses it, so it is ignored");

    public static readonly DiagnosticDescriptor FocalGammaIgnored = Warning(ParameterRules.FocalGammaIgnoredId, ParameterRules.FocalGammaIgnored);

    /// <summary>
    /// The largest Smooth that leaves Generalized Dice with w_c = 1/T_c^2 its gradient. Its weighted sums are about 2/T_c
    /// per class of T_c pixels (w_c (P_c + T_c) with P_c near T_c): 2e-3 for a class of 1,000 pixels (a 32 x 32 region, a
    /// 10^3 patch) and less for larger ones. A Smooth above 1e-3 is then at least a third of d's numerator and
    /// denominator, d stays near 1 and the loss is almost flat (0.0117 with Smooth = 1 on a 32^3 volume, 0.827 with 1e-5).
    /// </summary>
    public const float GeneralizedSmoothLimit = 1e-3f;

    /// <summary>The Smooth the DICE036 fix writes: MONAI's GeneralizedDiceLoss default (smooth_nr = smooth_dr = 1e-5).</summary>
    public const string GeneralizedSmoothFix = "1e-5f";

    public static readonly DiagnosticDescriptor GeneralizedSmoothSwamps = Warning("DICE036",
        "Smooth swamps Generalized Dice's weighted sums",
        "Smooth is {0}: with w_c = 1/T_c^2 the weighted sums are about 2/T_c per class of T_c pixels (0.002 at 1,000 "
        + "pixels), so a Smooth above 0.001 flattens the loss; use Smooth = 1e-5f, as MONAI's GeneralizedDiceLoss does");

    /// <summary>
    /// Measured by bench/debug-build.sh (README, "Debug builds"): the JIT compiles every method of an assembly built with
    /// optimisations off as debuggable code, MethodImplOptions.AggressiveOptimization included, so the kernels of a Debug
    /// build run 10-14x slower than Release.
    /// </summary>
    public static readonly DiagnosticDescriptor DebugBuildKernels = Create("DICE037",
        "The loss kernels of a Debug build run unoptimised",
        "This is a Debug build: the JIT compiles the generated kernels of '{0}' without optimisation, about ten times "
        + "slower than Release (README, \"Debug builds\"); time and train with -c Release",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PositiveWeightsCount = Error(ParameterRules.PositiveWeightsCountId, ParameterRules.PositiveWeightsCount);

    public static readonly DiagnosticDescriptor PositiveWeightInvalid = Error(ParameterRules.PositiveWeightInvalidId, ParameterRules.PositiveWeightInvalid);

    public static readonly DiagnosticDescriptor LabelSmoothingInvalid = Error(ParameterRules.LabelSmoothingInvalidId, ParameterRules.LabelSmoothingInvalid);

    public static readonly DiagnosticDescriptor PositiveWeightsWithoutBinaryCrossEntropy =
        Error(ParameterRules.PositiveWeightsWithoutBinaryCrossEntropyId, ParameterRules.PositiveWeightsWithoutBinaryCrossEntropy);

    public static readonly DiagnosticDescriptor LabelSmoothingWithoutCrossEntropy =
        Error(ParameterRules.LabelSmoothingWithoutCrossEntropyId, ParameterRules.LabelSmoothingWithoutCrossEntropy);
}
