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
    /// From this many classes, the vector kernels of labels add to I_c and T_c, and read the label's logit, lane by
    /// lane at each lane's label (the generator's <c>KernelContext.AddsAtLabels</c>, the runtime's <c>LabelLanes</c>)
    /// instead of a compare, two updates and a select per class: there the compare form's 3 C + 4 accumulators of pass 1
    /// outnumber the 32 vector registers of AVX-512 (16 with AVX2) and went through the stack on every pixel vector.
    /// Measured at 14 and 16 classes (docs/performance.md, "Label sums lane by lane from 10 classes"); below 10 the
    /// kernels keep the compare form, whose accumulators AVX-512's registers hold.
    /// </summary>
    public const int LabelLanesFromClasses = 10;

    /// <summary>
    /// From this many classes, the vector kernels of channels-first data stage tiles of pixel vectors, as a rule: at
    /// Vector128 on every plane, at Vector256 and Vector512 only on planes whose channels share the cache's sets
    /// (<see cref="StagesOnSharedSetsOnly"/>). Measured (docs/performance.md, "Many classes"), staging made C = 104 on a
    /// 48^3 plane 25-30% faster, while at C = 19 and 32 on 512 x 512 planes its 4-vector tiles cost more than they saved;
    /// on planes of no large power of two the plain class loops took 0.92-0.94x (Vector512) and 0.95-0.98x (Vector256)
    /// the staged ones' time at C = 104, 0.88-0.94x and 0.81-0.84x at C = 150, but 1.09-1.10x at Vector128 at C = 104
    /// ("The memory floor of many channel streams"). Below it the kernels stage only on the planes whose channels share
    /// the cache's sets, in 8-vector tiles at Vector256 (<see cref="StagedOnSharedSetsFromClasses"/>).
    /// </summary>
    public const int StagedFromClasses = 64;

    /// <summary>
    /// From this many classes up to <see cref="StagedFromClasses"/>, the Vector256 and Vector128 kernels of channels-first
    /// data, unrolled ones and class loops alike, stage tiles too, but only on a plane whose channels share the cache's
    /// sets (<c>Streams.SharesCacheSets</c>; the generator's <c>KernelContext.StagesBySets</c>): measured
    /// (docs/performance.md, "Staged tiles on planes whose channels share the cache's sets"), 0.89-0.90x the time at
    /// C = 14 on a 64^3 plane relative to a plane one line longer, where the same tiles took 1.33-1.44x the plain
    /// loop's time; with 8-vector tiles at Vector256 ("Tiles of 8 Vector256s below 64 classes") C = 14 and 19 gained
    /// again and C = 32 on a 2^18 plane took 0.66-0.79x the plain loops' time. At Vector512 they gained nothing.
    /// </summary>
    public const int StagedOnSharedSetsFromClasses = 8;

    /// <summary>
    /// Whether the channels-first kernels of <paramref name="classes"/> classes with vectors of
    /// <paramref name="vectorBytes"/> bytes stage tiles on the planes whose channels share the cache's sets, and only there:
    /// Vector256 and Vector128 from <see cref="StagedOnSharedSetsFromClasses"/> classes below
    /// <see cref="StagedFromClasses"/>, Vector512 and Vector256 from it.
    /// </summary>
    public static bool StagesOnSharedSetsOnly(int classes, int vectorBytes) =>
        classes >= StagedOnSharedSetsFromClasses && (classes < StagedFromClasses ? vectorBytes < 64 : vectorBytes >= 32);

    /// <summary>
    /// From this many classes, the vector kernels of channels-last data, unrolled ones too, move each pixel vector's block of
    /// C floats whole, transposed through a stack tile with a vector per channel (the generator's
    /// <c>KernelContext.Staged</c>, the runtime's <c>Interleaved.Gather</c> and <c>Scatter</c>), instead of loading and
    /// storing each channel's lanes one float at a time: measured (docs/performance.md, "Channels-last pixel vectors
    /// transposed whole"), 2.5-2.9x faster at C = 14 with Vector512 on a cache-resident plane. Below it a block has fewer
    /// channels than the transposes' 8 x 8 tiles.
    /// </summary>
    public const int TransposedFromClasses = 8;

    /// <summary>
    /// A staged tile (the vector class loops over channels-first data) of Vector128s holds this many bytes of each
    /// channel: 64 vectors of pixels, read (and written) as one run of adjacent cache lines.
    /// </summary>
    public const int StagedRunBytes = 1024;

    /// <summary>A staged tile takes at most this many bytes of stack (with many classes, its runs are shorter).</summary>
    public const int StagedTileBytes = 128 * 1024;

    /// <summary>
    /// A staged tile of Vector256s or Vector512s from <see cref="StagedFromClasses"/> classes holds this many pixel vectors
    /// of each channel: measured (docs/performance.md, "Channels-first tiles of 4 pixel vectors"), tiles of 4 took
    /// 0.80-0.93x the time of 1 KiB runs at C = 104 and 150 on large planes and were even on a cache-resident one; 8
    /// Vector256s took 1.07-1.13x, and at Vector128 neither 4, 8 nor 16 vectors gained beyond the noise.
    /// </summary>
    public const int StagedWideTileVectors = 4;

    /// <summary>
    /// A staged tile of Vector256s in the kernels below <see cref="StagedFromClasses"/> classes, which stage only on the
    /// planes whose channels share the cache's sets (<see cref="StagesOnSharedSetsOnly"/>), holds this many pixel vectors
    /// of each channel: four cache lines, each channel's run of them read, and written back, whole. Measured
    /// (docs/performance.md, "Tiles of 8 Vector256s below 64 classes"): at C = 14 on a 64^3 plane 0.82-0.89x the time of
    /// 4-vector tiles; 16 vectors gained no more.
    /// </summary>
    public const int StagedOnSharedSetsTileVectors = 8;

    /// <summary>
    /// Whether a staged tile of vectors of <paramref name="vectorBytes"/> bytes holds a fixed count of pixel vectors
    /// (Vector256 and Vector512: <see cref="StagedWideTileVectors"/> or <see cref="StagedOnSharedSetsTileVectors"/>)
    /// rather than runs of up to <see cref="StagedRunBytes"/> of each channel (Vector128).
    /// </summary>
    public static bool StagesWideTiles(int vectorBytes) => vectorBytes >= 32;

    /// <summary>The pixel vectors of <paramref name="vectorBytes"/> bytes in a staged tile of <paramref name="classes"/> channels.</summary>
    public static int StagedTileVectors(int classes, int vectorBytes) =>
        !StagesWideTiles(vectorBytes) ? System.Math.Max(1, System.Math.Min(StagedRunBytes, StagedTileBytes / classes) / vectorBytes)
        : classes < StagedFromClasses ? StagedOnSharedSetsTileVectors
        : StagedWideTileVectors;

    /// <summary>
    /// Whether the staged tiles of vectors of <paramref name="vectorBytes"/> bytes, while they read one channel's run,
    /// prefetch the run of the channel <c>Streams.ChannelsAhead</c> further on (the runtime's <c>Streams.PrefetchRun</c>):
    /// the runs of up to <see cref="StagedRunBytes"/> (Vector128) do, measured (docs/performance.md, "Prefetching the
    /// staged runs across channels") 0.81-0.89x the time at C = 104 and 150; the 4-vector tiles of the wider vectors gained
    /// nothing from it.
    /// </summary>
    public static bool PrefetchesStagedRuns(int vectorBytes) => !StagesWideTiles(vectorBytes);

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
