namespace Dice.Kernels;

/// <summary>The three per-class sums of pass 1, in their order in a partial and in a sample's statistics.</summary>
internal enum DiceSum
{
    /// <summary>I = Σ v p t.</summary>
    Intersection,
    /// <summary>P = Σ v p^q.</summary>
    Predicted,
    /// <summary>T = Σ v t^q.</summary>
    Truth,
}

/// <summary>
/// Where every value sits in the buffers that carry the statistics between the two passes, for a loss of C
/// classes. The one description of these layouts: this file is compiled into the generator too, which emits
/// the offsets it computes here as literals, and the CPU scheduler, the finalizer and the device finalizer
/// index through it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>A partial (one CPU chunk or one device group): <c>[I(C), P(C), T(C), ce, ceWeight]</c>,
/// and on a device one more value, the group's count of invalid pixels.</description></item>
/// <item><description>The statistics of a batch: per sample <c>[I(C), P(C), T(C), ce, ceWeight]</c>, the layout of a
/// partial (a sample's own CE sum and weight give its <see cref="LossResult.SampleLoss"/>).</description></item>
/// <item><description>The backward coefficients: per sample <c>[A(C), B(C), ceScale]</c>, the slopes of the Dice
/// gradient with respect to t and p^(q-1), and the scale of the CE/BCE gradient.</description></item>
/// <item><description>The totals: <c>[diceTerm, samples, elements, ce, ceWeight, ClassDice sums(C), I(C), P(C), T(C)]</c>,
/// what the loss needs of a batch, each a sum over samples or pixels, so that the totals of several batches (processes)
/// add up element-wise to the totals of their union; the length depends on C alone (<see cref="TotalsLength"/>).</description></item>
/// <item><description>The results: <c>[loss, dice, ce, ceScale, ClassDice(C)]</c>, and on a device one more value, the
/// batch's count of invalid elements, which pass 2 reads to write nothing on bad input.</description></item>
/// </list>
/// </remarks>
internal readonly struct StatisticsLayout
{
    public StatisticsLayout(int classes) => Classes = classes;

    /// <summary>C.</summary>
    public int Classes { get; }

    /// <summary>The offset of a per-class sum block, in a partial and in a sample's statistics; class c is at this + c.</summary>
    public int SumOffset(DiceSum sum) => (int)sum * Classes;

    /// <summary>The per-class sums of one partial or one sample: 3C values.</summary>
    public int SumsLength => 3 * Classes;

    /// <summary>The CE/BCE sum in a partial.</summary>
    public int CrossEntropy => SumsLength;

    /// <summary>
    /// In a partial: W, the sum of the CE pixel weights (CE and softmax focal), or Ω, the sum of the pixel weights, for the
    /// element-wise terms of a loss with PixelWeights (their mean is over C Ω).
    /// </summary>
    public int CrossEntropyWeight => SumsLength + 1;

    /// <summary>The count of invalid pixels in a device partial.</summary>
    public int Invalid => SumsLength + 2;

    /// <summary>Values per CPU chunk partial.</summary>
    public int PartialLength => SumsLength + 2;

    /// <summary>Values per device group partial (one more: <see cref="Invalid"/>).</summary>
    public int DevicePartialLength => SumsLength + 3;

    /// <summary>Values per sample in the statistics of a batch: a partial's, <c>[I(C), P(C), T(C), ce, ceWeight]</c>.</summary>
    public int SampleLength => SumsLength + 2;

    /// <summary>Where sample n's statistics start in the statistics of a batch (its CE sum at + <see cref="CrossEntropy"/>).</summary>
    public int Sample(int n) => n * SampleLength;

    /// <summary>Length of the statistics of a batch.</summary>
    public int StatisticsLength(int batch) => batch * SampleLength;

    /// <summary>Backward coefficients per sample.</summary>
    public int CoefficientStride => 2 * Classes + 1;

    /// <summary>A_c, the slope of the Dice gradient with respect to t, in a sample's coefficients.</summary>
    public int TargetSlope(int c) => c;

    /// <summary>B_c, the slope with respect to p^(q-1), in a sample's coefficients.</summary>
    public int ProbabilitySlope(int c) => Classes + c;

    /// <summary>The scale of the CE/BCE gradient in a sample's coefficients.</summary>
    public int CrossEntropyScale => 2 * Classes;

    /// <summary>In the totals: the per-sample Dice term summed over the samples (0 with batch Dice, whose term follows from the sums).</summary>
    public const int DiceTermTotal = 0;

    /// <summary>In the totals: the number of samples N.</summary>
    public const int SamplesTotal = 1;

    /// <summary>In the totals: the count of the BCE and sigmoid focal mean, the elements N C S, or C Ω with pixel weights.</summary>
    public const int ElementsTotal = 2;

    /// <summary>In the totals: the summed CE/BCE/focal term; W follows it.</summary>
    public const int PixelTermTotal = 3;

    /// <summary>In the totals: W, the summed CE pixel weights.</summary>
    public const int PixelWeightTotal = 4;

    /// <summary>In the totals: the per-sample coefficient of class c summed over the samples (ClassDice times N).</summary>
    public int ClassDiceTotal(int c) => 5 + c;

    /// <summary>In the totals: where the per-class sums over all samples start, laid out as one sample's statistics.</summary>
    public int SumsTotal => 5 + Classes;

    /// <summary>Length of the totals: a function of C alone, never of N or S.</summary>
    public int TotalsLength => 5 + Classes + SumsLength;

    /// <summary>The total loss in the results.</summary>
    public const int LossResult = 0;

    /// <summary>The Dice term in the results.</summary>
    public const int DiceResult = 1;

    /// <summary>The CE/BCE term in the results.</summary>
    public const int CrossEntropyResult = 2;

    /// <summary>The CE/BCE gradient scale in the results.</summary>
    public const int CrossEntropyScaleResult = 3;

    /// <summary>ClassDice[c] in the results.</summary>
    public int ClassDiceResult(int c) => 4 + c;

    /// <summary>Length of the results (CPU).</summary>
    public int ResultsLength => 4 + Classes;

    /// <summary>The count of invalid elements in the device results, after the CPU's values.</summary>
    public int InvalidResult => ResultsLength;

    /// <summary>Length of the device results.</summary>
    public int DeviceResultsLength => ResultsLength + 1;
}
