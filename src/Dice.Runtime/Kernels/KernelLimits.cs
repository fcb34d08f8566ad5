namespace Dice.Kernels;

/// <summary>
/// Shapes of the generated kernels that the runtime's scheduling depends on. Compiled into the generator too, so the
/// generator and the scheduler agree (netstandard2.0: no newer API here).
/// </summary>
internal static class KernelLimits
{
    /// <summary>Up to this many classes the kernels keep one local per class; above, they loop over per-class arrays.</summary>
    public const int UnrolledClasses = 16;

    /// <summary>
    /// Pixels per CPU chunk (<c>DiceCpu.ChunkPixels</c>). The vector Evaluate kernels rely on it: a lane of a
    /// Vector128 counts at most a quarter of a chunk, 1,024 pixels, so two counts share one int lane in 16-bit halves.
    /// </summary>
    public const int ChunkPixels = 4096;

    /// <summary>
    /// Whether the CPU kernels of a loss with this pixel term can keep p between the passes (docs/architecture.md): the
    /// focal term's gradient needs x (u = 1 - p_t without cancellation), so a focal loss always recomputes p and its
    /// class has no kernels for the schedule that keeps it.
    /// </summary>
    public static bool CanKeepProbabilities(Combine combine) => combine != Combine.Focal;
}
