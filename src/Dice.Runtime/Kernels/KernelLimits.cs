namespace Dice.Kernels;

/// <summary>
/// Shapes of the generated kernels that the runtime's scheduling depends on. Compiled into the generator too, so the
/// generator and the scheduler agree (netstandard2.0: no newer API here).
/// </summary>
internal static class KernelLimits
{
    /// <summary>Up to this many classes the kernels keep one local per class; above, they loop over per-class arrays.</summary>
    public const int UnrolledClasses = 16;
}
