using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Dice.Generators.Model;

/// <summary>
/// Everything the emitters need to write one loss class: plain values only (no symbols or syntax),
/// so that the incremental pipeline can cache it.
/// </summary>
internal sealed record LossModel(
    TypeIdentity Type,
    LossOptions Options);

/// <summary>
/// A class whose <c>[DiceLoss]</c> configuration is invalid: what its placeholder members need, so that code calling the
/// loss compiles and the DICE errors are the only ones the build shows.
/// </summary>
/// <param name="Type">The class.</param>
/// <param name="Labels">Whether the target resolves to labels (the entry points' target form).</param>
/// <param name="ErrorIds">The ids of the DICE errors on the attribute, for the placeholder's message.</param>
/// <param name="PixelWeights">Whether the entry points take pixel weights (PixelWeights = true).</param>
internal sealed record InvalidLossModel(TypeIdentity Type, bool Labels, EquatableArray<string> ErrorIds, bool PixelWeights);

/// <summary>Where the annotated class lives and how to reopen it as a partial.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="ContainingTypes">Declarations of the containing types, outermost first, e.g. <c>partial class Outer</c>.</param>
internal sealed record TypeIdentity(string Namespace, string Name, EquatableArray<string> ContainingTypes)
{
    /// <summary>The namespace as a <c>global::</c>-qualified prefix: <c>global::</c> or <c>global::A.B.</c>.</summary>
    public string GlobalPrefix => Namespace.Length == 0 ? "global::" : $"global::{Namespace}.";
}

/// <summary>
/// The resolved configuration: what the attribute said, with every Auto replaced. The option types are the
/// runtime's own (<see cref="Dice.DiceLossAttribute"/>'s file is compiled into the generator), so a value
/// means the same on both sides.
/// </summary>
internal sealed record LossOptions
{
    /// <summary>
    /// The options of <paramref name="attribute"/>, each copied to the property of its name (ClassWeights as an
    /// equatable array, empty when none were given): the one place the attribute's options become the model, with no
    /// option named by hand. The caller sets what it resolves (Activation, Target, IgnoreIndex) after.
    /// </summary>
    public static LossOptions From(DiceLossAttribute attribute)
    {
        var options = new LossOptions();
        foreach (PropertyInfo property in typeof(LossOptions).GetProperties())
        {
            PropertyInfo? option = typeof(DiceLossAttribute).GetProperty(property.Name);
            if (option is null || !property.CanWrite) continue;
            object? value = option.GetValue(attribute);
            property.SetValue(options, property.PropertyType == typeof(EquatableArray<float>)
                ? ((float[]?)value ?? System.Array.Empty<float>()).ToEquatableArray()
                : value);
        }

        return options;
    }

    /// <summary>
    /// The properties that are options of the attribute, in declaration order: the arguments of the generated
    /// <c>Spec</c> (LossClassEmitter), named as <c>DiceLossSpec</c>'s constructor parameters are.
    /// </summary>
    public static IEnumerable<PropertyInfo> AttributeOptions { get; } = typeof(LossOptions).GetProperties()
        .Where(p => typeof(DiceLossAttribute).GetProperty(p.Name) is not null)
        .OrderBy(p => p.MetadataToken)
        .ToArray();

    public int Classes { get; init; }
    public Combine Combine { get; init; }
    public Activation Activation { get; init; }
    /// <summary>Whether <see cref="Activation"/> was resolved from Auto (for the generated documentation).</summary>
    public bool ActivationWasAuto { get; init; }
    public Target Target { get; init; }
    /// <summary>Whether <see cref="Target"/> was resolved from Auto (for the generated documentation).</summary>
    public bool TargetWasAuto { get; init; }
    public float Smooth { get; init; }
    public float Alpha { get; init; }
    public bool IncludeBackground { get; init; }
    public bool BatchDice { get; init; }
    public bool Squared { get; init; }
    public Overlap Overlap { get; init; }
    public bool LogLoss { get; init; }
    public int IgnoreIndex { get; init; }
    /// <summary>The weights as given, or empty when none were given.</summary>
    public EquatableArray<float> ClassWeights { get; init; }
    public float FalsePositiveWeight { get; init; }
    public float FalseNegativeWeight { get; init; }
    public float OverlapExponent { get; init; }
    public GeneralizedWeighting GeneralizedWeighting { get; init; }
    public float FocalGamma { get; init; }
    /// <summary>The positive weights as given, or empty when none were given.</summary>
    public EquatableArray<float> PositiveWeights { get; init; }
    public float LabelSmoothing { get; init; }
    public bool PixelWeights { get; init; }
    public Layout Layout { get; init; }

    /// <summary>Whether weights were given in the attribute.</summary>
    public bool HasClassWeights => ClassWeights.Count > 0;

    /// <summary>
    /// Not parsed: whether the pixel-term kernels being written multiply the CE/BCE/focal term by w_c. That costs up to
    /// 7% more on the CPU (docs/performance.md, "Class weights"), so each CPU pixel-term kernel takes the choice as a type
    /// argument (<see cref="PixelTermWeighting.ByTypeArgument"/>: the JIT compiles an unweighted and a weighted loop from
    /// one body) and the dispatcher picks per call; the device kernels are always weighted.
    /// </summary>
    public PixelTermWeighting PixelTermWeighting { get; init; }

    public bool Labels => Target == Target.Labels;

    /// <summary>Whether the C values of a pixel are adjacent (N x S x C): channel loads of a vector kernel then gather.</summary>
    public bool ChannelsLast => Layout == Layout.ChannelsLast;

    /// <summary>
    /// Whether the formulas multiply a pixel's terms by its factor <c>valid</c>: v (0 at ignored pixels) with labels, the
    /// pixel weight ω with PixelWeights, their product with both. Without either it is 1 and left out.
    /// </summary>
    public bool HasPixelFactor => Labels || PixelWeights;

    /// <summary>The term l(d), as the finalizer computes it.</summary>
    public TermKind Term => LogLoss ? TermKind.Log : TermKind.Linear;

    /// <summary>Value c of per-class values given in the attribute, 1 where none were given.</summary>
    public static float Resolved(EquatableArray<float> values, int c) => values.Count > 0 ? values[c] : 1f;
}

/// <summary>How a kernel's pixel term takes the class weights (<see cref="LossOptions.PixelTermWeighting"/>).</summary>
internal enum PixelTermWeighting
{
    /// <summary>Not at all: the kernel has no pixel term, or the weights of such a loss are all 1.</summary>
    Unweighted,

    /// <summary>Always (the device kernels).</summary>
    Weighted,

    /// <summary>When the kernel's type argument says so (<c>TWeighting.Enabled</c>, a constant to the JIT).</summary>
    ByTypeArgument,
}
