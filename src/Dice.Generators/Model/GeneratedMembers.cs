namespace Dice.Generators.Model;

/// <summary>
/// The names the generator adds to a <c>[DiceLoss]</c> class. The parser reports a user member of one of
/// these names (DICE022) and the emitter writes them; everything else the generated code needs lives in a
/// file-local class, where no user name can reach it.
/// </summary>
internal static class GeneratedMembers
{
    public const string Spec = nameof(Spec);
    public const string Forward = nameof(Forward);
    public const string ForwardBackward = nameof(ForwardBackward);
    public const string Statistics = nameof(Statistics);
    public const string Backward = nameof(Backward);
    public const string Evaluate = nameof(Evaluate);

    public static readonly string[] All = { Spec, Forward, ForwardBackward, Statistics, Backward, Evaluate };
}
