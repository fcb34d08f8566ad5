namespace Dice;

/// <summary>
/// Marks a <c>partial</c> class as a Dice loss. At compile time the Dice.Gen source generator emits,
/// for exactly the configuration given here, fused SIMD CPU kernels (forward and backward) and the
/// static members <c>Spec</c>, <c>Forward</c> and <c>ForwardBackward</c>.
/// </summary>
/// <remarks>
/// The math of every option is defined in <c>docs/semantics.md</c>. This file is compiled into the generator too
/// (the one source of the option names, types and defaults), so it uses only what netstandard2.0 has.
/// </remarks>
[System.AttributeUsage(System.AttributeTargets.Class, Inherited = false)]
public sealed class DiceLossAttribute : System.Attribute
{
    /// <summary>Channels C of the input (classes). Default 1.</summary>
    public int Classes { get; set; } = 1;

    /// <summary>Cross-entropy term added to the Dice term. Default <see cref="Dice.Combine.None"/>.</summary>
    public Combine Combine { get; set; } = Combine.None;

    /// <summary>Activation applied to the input before the Dice term. Default <see cref="Dice.Activation.Auto"/>.</summary>
    public Activation Activation { get; set; } = Activation.Auto;

    /// <summary>Form of the target: class labels or masks. Default <see cref="Dice.Target.Auto"/>.</summary>
    public Target Target { get; set; } = Target.Auto;

    /// <summary>Added to the numerator and the denominator of the Dice coefficient. Default 1.</summary>
    public float Smooth { get; set; } = 1f;

    /// <summary>Weight of the CE/BCE term: L = Alpha * CE + (1 - Alpha) * Dice. Default 0.5.</summary>
    public float Alpha { get; set; } = 0.5f;

    /// <summary>Whether channel 0 counts in the Dice mean. Default true.</summary>
    public bool IncludeBackground { get; set; } = true;

    /// <summary>Sums over the batch too (one Dice per class) instead of one Dice per sample and class.</summary>
    public bool BatchDice { get; set; }

    /// <summary>Denominators use p² and t² (V-Net form).</summary>
    public bool Squared { get; set; }

    /// <summary>The overlap coefficient d of the Dice term: Dice (the default) or Jaccard (IoU).</summary>
    public Overlap Overlap { get; set; } = Overlap.Dice;

    /// <summary>Jaccard (IoU) coefficient instead of Dice: the older spelling of <c>Overlap = Overlap.Jaccard</c>.</summary>
    [System.Obsolete("Use Overlap = Overlap.Jaccard.")]
    public bool Jaccard { get; set; }

    /// <summary>Term -ln(d) instead of 1 - d.</summary>
    public bool LogLoss { get; set; }

    /// <summary>Label value excluded from every term and gradient. Default -100, as in PyTorch.</summary>
    public int IgnoreIndex { get; set; } = -100;

    /// <summary>One weight per class, for the Dice mean and the CE/BCE/focal term. Default all 1.</summary>
    public float[]? ClassWeights { get; set; }

    /// <summary>Tversky's alpha, the weight of the false positives P - I (<see cref="Dice.Overlap.Tversky"/> only). Default 0.5.</summary>
    public float FalsePositiveWeight { get; set; } = 0.5f;

    /// <summary>Tversky's beta, the weight of the false negatives T - I (<see cref="Dice.Overlap.Tversky"/> only). Default 0.5.</summary>
    public float FalseNegativeWeight { get; set; } = 0.5f;

    /// <summary>
    /// The exponent gamma of the term l = (1 - d)^gamma, applied per class before the class mean (0.75 with Tversky is the
    /// focal Tversky loss). In (0, 4]; default 1 (l = 1 - d).
    /// </summary>
    public float OverlapExponent { get; set; } = 1f;

    /// <summary>The class weights of <see cref="Dice.Overlap.GeneralizedDice"/>, from each class's target volume. Default inverse squared volume.</summary>
    public GeneralizedWeighting GeneralizedWeighting { get; set; } = GeneralizedWeighting.InverseSquaredVolume;

    /// <summary>The focusing exponent of <see cref="Dice.Combine.Focal"/>: (1 - p_t)^FocalGamma scales each pixel's term. In [0, 5]; default 2.</summary>
    public float FocalGamma { get; set; } = 2f;

    /// <summary>
    /// PyTorch's <c>pos_weight</c> of <c>BCEWithLogitsLoss</c>, one per class (<see cref="Dice.Combine.BinaryCrossEntropy"/>
    /// only): the BCE of an element with target t is w_c [pw_c t softplus(-x) + (1 - t) softplus(x)], so pw_c &gt; 1 weighs
    /// the positives of a rare class up. Finite and &gt; 0; default all 1.
    /// </summary>
    public float[]? PositiveWeights { get; set; }

    /// <summary>
    /// PyTorch's <c>label_smoothing</c> of <c>cross_entropy</c> (<see cref="Dice.Combine.CrossEntropy"/> only): the CE target
    /// becomes (1 - eps) one-hot + eps / C. In [0, 1]; default 0.
    /// </summary>
    public float LabelSmoothing { get; set; }

    /// <summary>
    /// Whether every entry point takes a weight per pixel, <c>pixelWeights</c> (N x S, finite, &gt;= 0), right after the
    /// target: every sum, the CE/focal weighted mean and the BCE mean then weight pixel (n, s) by it, a pixel of weight 0
    /// counts nowhere, and Evaluate skips such pixels (MONAI's MaskedDiceLoss with a binary weight, the U-Net border
    /// weight map). Default false.
    /// </summary>
    public bool PixelWeights { get; set; }

    /// <summary>
    /// The memory layout of the input, the masks and the gradient: <see cref="Dice.Layout.ChannelsFirst"/> (N x C x S, the
    /// default) or <see cref="Dice.Layout.ChannelsLast"/> (N x S x C, interleaved). Labels and pixel weights are N x S in both.
    /// </summary>
    public Layout Layout { get; set; } = Layout.ChannelsFirst;
}

/// <summary>How the C values of a pixel lie in memory (input, masks and gradient; labels and pixel weights are N x S).</summary>
public enum Layout
{
    /// <summary>N x C x S, index (n * C + c) * S + s: each class a plane (PyTorch's NCHW, NCDHW).</summary>
    ChannelsFirst,
    /// <summary>N x S x C, index (n * S + s) * C + c: the classes of a pixel side by side (NHWC, NDHWC; image libraries, TensorFlow, PyTorch's channels_last).</summary>
    ChannelsLast,
}

/// <summary>The cross-entropy term combined with the Dice term.</summary>
public enum Combine
{
    /// <summary>Dice alone.</summary>
    None,
    /// <summary>Softmax cross-entropy with class labels (PyTorch's <c>cross_entropy</c>).</summary>
    CrossEntropy,
    /// <summary>Binary cross-entropy on logits (PyTorch's <c>binary_cross_entropy_with_logits</c>).</summary>
    BinaryCrossEntropy,
    /// <summary>
    /// The focal loss: each pixel's CE (softmax, labels) or BCE (sigmoid) scaled by (1 - p_t)^FocalGamma; FocalGamma = 0
    /// is exactly CrossEntropy or BinaryCrossEntropy.
    /// </summary>
    Focal,
}

/// <summary>Activation turning the input into probabilities.</summary>
public enum Activation
{
    /// <summary>Softmax with CrossEntropy, Sigmoid with BinaryCrossEntropy; with Focal, Softmax on labels and Sigmoid on masks; otherwise None.</summary>
    Auto,
    /// <summary>The input already holds probabilities in [0, 1].</summary>
    None,
    /// <summary>Element-wise logistic sigmoid.</summary>
    Sigmoid,
    /// <summary>Softmax over the channels of each pixel.</summary>
    Softmax,
}

/// <summary>Form of the target.</summary>
public enum Target
{
    /// <summary>Labels with CrossEntropy, or with Classes >= 2 unless BinaryCrossEntropy; otherwise Masks.</summary>
    Auto,
    /// <summary>One integer class index per pixel (N x S).</summary>
    Labels,
    /// <summary>A float target in [0, 1] of the input's shape (N x C x S, or N x S x C channels-last); soft labels allowed.</summary>
    Masks,
}

/// <summary>The overlap coefficient d of one class from its sums I (p·t), P (p) and T (t); docs/semantics.md.</summary>
public enum Overlap
{
    /// <summary>d = (2I + s) / (P + T + s).</summary>
    Dice,
    /// <summary>d = (I + s) / (P + T - I + s), intersection over union.</summary>
    Jaccard,
    /// <summary>
    /// d = (I + s) / (I + alpha (P - I) + beta (T - I) + s), alpha = FalsePositiveWeight, beta = FalseNegativeWeight
    /// (MONAI's and segmentation_models_pytorch's TverskyLoss).
    /// </summary>
    Tversky,
    /// <summary>
    /// One coefficient per sample (or batch) over the classes, each class weighted by its target volume
    /// (<see cref="Dice.GeneralizedWeighting"/>): G = (2 sum w_c I_c + s) / (sum w_c (P_c + T_c) + s) (MONAI's GeneralizedDiceLoss).
    /// </summary>
    GeneralizedDice,
}

/// <summary>How <see cref="Overlap.GeneralizedDice"/> weights a class from its target sum T_c.</summary>
public enum GeneralizedWeighting
{
    /// <summary>w_c = 1 / T_c^2 (Sudre et al. 2017; MONAI's "square").</summary>
    InverseSquaredVolume,
    /// <summary>w_c = 1 / T_c (MONAI's "simple").</summary>
    InverseVolume,
    /// <summary>w_c = 1 (MONAI's "uniform").</summary>
    Uniform,
}
