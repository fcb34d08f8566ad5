namespace Dice.Generators.Model;

// Mirrors of the runtime enums (the generator cannot reference Dice.Runtime): same names, same values.
internal enum CombineKind { None, CrossEntropy, BinaryCrossEntropy }
internal enum ActivationKind { Auto, None, Sigmoid, Softmax }
internal enum TargetKind { Auto, Labels, Masks }

/// <summary>
/// Everything the emitters need to write one loss class: plain values only (no symbols or syntax),
/// so that the incremental pipeline can cache it.
/// </summary>
internal sealed record LossModel(
    TypeIdentity Type,
    LossOptions Options);

/// <summary>Where the annotated class lives and how to reopen it as a partial.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="ContainingTypes">Declarations of the containing types, outermost first, e.g. <c>partial class Outer</c>.</param>
internal sealed record TypeIdentity(string Namespace, string Name, EquatableArray<string> ContainingTypes);

/// <summary>The resolved configuration: what the attribute said, with every Auto replaced.</summary>
internal sealed record LossOptions(
    int Classes,
    CombineKind Combine,
    ActivationKind Activation,
    bool ActivationWasAuto,
    TargetKind Target,
    bool TargetWasAuto,
    float Smooth,
    float Alpha,
    bool IncludeBackground,
    bool BatchDice,
    bool Squared,
    bool Jaccard,
    bool LogLoss,
    int IgnoreIndex,
    EquatableArray<float> ClassWeights)
{
    /// <summary>Whether weights were given (and are not all 1): otherwise the kernels multiply by nothing.</summary>
    public bool HasClassWeights => ClassWeights.Count > 0;

    public bool Labels => Target == TargetKind.Labels;

    public float Weight(int c) => HasClassWeights ? ClassWeights[c] : 1f;
}
