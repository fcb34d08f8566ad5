using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>A value of the emitted code that exists once per pixel (or vector of pixels): <c>valid</c>, <c>max</c>.</summary>
internal readonly struct PixelValue
{
    public PixelValue(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>A value of the emitted code that exists once per class: <c>p0</c>, <c>p1</c>... unrolled, <c>p[c]</c> in loop mode.</summary>
internal readonly struct ClassValue
{
    public ClassValue(string name, bool loopLocal = false, bool spanned = false)
    {
        Name = name;
        LoopLocal = loopLocal;
        Spanned = spanned;
    }

    public string Name { get; }

    /// <summary>
    /// Whether loop mode keeps the value in a local of the class loop's body instead of a per-class span: for values
    /// read only in the class body that defines them (a span element per class would be one more stack stream per pixel
    /// vector, C vectors long).
    /// </summary>
    public bool LoopLocal { get; }

    /// <summary>
    /// Whether the value lives in a per-class span even where classes are unrolled (<c>intersection[3]</c>): an
    /// accumulator that the runtime's lane helpers update at each lane's label.
    /// </summary>
    public bool Spanned { get; }

    /// <summary>The value as a per-class span, for every class count.</summary>
    public ClassValue AsSpan() => new(Name, spanned: true);

    /// <summary>The value of class c as the emitted code spells it.</summary>
    public string this[ClassIndex c] => Spanned ? $"{Name}[{c}]" : c.IsLoop && LoopLocal ? Name : c.Var(Name);
}

/// <summary>
/// An element offset into a buffer, with whether it is a compound expression (which a cast must parenthesise):
/// <c>s</c>, or <c>2 * spatial + s</c>; and, where the elements of consecutive pixels are not adjacent (a channel of
/// channels-last data), the stride between them, which a vector load gathers by.
/// </summary>
internal readonly struct Offset
{
    private Offset(string text, bool compound, string? pixelStride = null)
    {
        Text = text;
        IsCompound = compound;
        PixelStride = pixelStride;
    }

    /// <summary>Pixel s of a per-pixel buffer (the labels).</summary>
    public static Offset Pixel => PixelAt("s");

    /// <summary>The pixel <paramref name="pixel"/> (a variable) of a per-pixel buffer.</summary>
    public static Offset PixelAt(string pixel) => new(pixel, compound: false);

    /// <summary>
    /// Channel c of the pixel <paramref name="pixel"/> (a variable) in one sample: C x S, index c * S + s (the next
    /// pixel's is adjacent), or with <paramref name="channelsLast"/> S x C, index s * C + c (the next pixel's C apart).
    /// </summary>
    public static Offset ChannelAt(ClassIndex c, string pixel, bool channelsLast)
    {
        if (channelsLast)
        {
            string first = $"{pixel} * Classes";
            return c.IsLoop || c.Value != 0
                ? new($"{first} + {c}", compound: true, pixelStride: "Classes")
                : new(first, compound: true, pixelStride: "Classes");
        }

        return c.IsLoop ? new($"c * spatial + {pixel}", compound: true)
            : c.Value == 0 ? PixelAt(pixel)
            : c.Value == 1 ? new($"spatial + {pixel}", compound: true)
            : new($"{SourceWriter.Int(c.Value)} * spatial + {pixel}", compound: true);
    }

    /// <summary>An offset the caller spells out, a compound expression.</summary>
    public static Offset Compound(string text) => new(text, compound: true);

    /// <summary>The pixel <paramref name="pixel"/> of a per-pixel buffer of the pixels a vector kernel covers, from its first one.</summary>
    public static Offset FromFirst(string pixel) => new($"{pixel} - first", compound: true);

    public string Text { get; }

    public bool IsCompound { get; }

    /// <summary>The elements between one pixel's value and the next's, where it is not 1 (null where they are adjacent).</summary>
    public string? PixelStride { get; }

    public override string ToString() => Text;
}

/// <summary>
/// Every name the kernels share between the pieces that write them (<see cref="Formulas"/>, <see cref="PixelTerm"/>,
/// <see cref="KernelBodies"/>, the CPU and GPU emitters), declared once, so that one piece cannot read a value
/// that another spells differently. The names themselves are what a reader sees in the generated code.
/// </summary>
internal static class Values
{
    // Buffers (refs on the CPU, array views on the device).
    public const string InputBuffer = "input";
    public const string LabelsBuffer = "labels";
    public const string MasksBuffer = "masks";
    public const string GradientBuffer = "gradient";
    /// <summary>The sample's pixel weights ω (S values), with PixelWeights.</summary>
    public const string PixelWeightsBuffer = "pixelWeights";
    /// <summary>Where pass 1 kept p for pass 2: the gradient buffer itself, or a scratch buffer when the call accumulates.</summary>
    public const string KeptBuffer = "kept";
    /// <summary>The sample's backward coefficients (<see cref="StatisticsLayout"/>).</summary>
    public const string Coefficients = "dice";

    // Per class.
    public static readonly ClassValue Input = new("x");
    public static readonly ClassValue Target = new("t");
    public static readonly ClassValue Probability = new("p");
    public static readonly ClassValue Exponential = new("e");
    public static readonly ClassValue Reciprocal = new("r", loopLocal: true);
    public static readonly ClassValue TargetSlope = new("targetSlope", loopLocal: true);
    public static readonly ClassValue ProbabilitySlope = new("probabilitySlope", loopLocal: true);
    public static readonly ClassValue GradientP = new("gradP");
    public static readonly ClassValue Gradient = new("grad", loopLocal: true);
    /// <summary>w_c, read from the call's parameters when unrolled.</summary>
    public static readonly ClassValue Weight = new("weight");
    /// <summary>The call's class weights in loop mode (a span on the CPU, a view on the device).</summary>
    public const string ClassWeights = "classWeights";
    /// <summary>pw_c - 1, the extra weight of the BCE's positives, read from the call's parameters when unrolled.</summary>
    public static readonly ClassValue PositiveExcess = new("positiveExcess");
    /// <summary>The call's positive weights (a span on the CPU, a view of the class values on the device).</summary>
    public const string PositiveWeights = "positiveWeights";

    // Per pixel.
    public static readonly PixelValue Label = new("label");
    public static readonly PixelValue ValidMask = new("validMask");
    /// <summary>v ω, the factor of a pixel's terms (<see cref="Model.LossOptions.HasPixelFactor"/>).</summary>
    public static readonly PixelValue Valid = new("valid");
    /// <summary>ω, the pixel's weight (PixelWeights).</summary>
    public static readonly PixelValue PixelWeight = new("pixelWeight");
    /// <summary>Evaluate's pixels that count: not ignored, and of weight above 0 with PixelWeights (a mask).</summary>
    public static readonly PixelValue CountsPixel = new("countsPixel");
    public static readonly PixelValue Max = new("max");
    public static readonly PixelValue ExponentialSum = new("sum");
    public static readonly PixelValue InverseSum = new("inverseSum");
    public static readonly PixelValue Dot = new("dot");
    /// <summary>The call's IgnoreIndex, broadcast once before the pixel loop.</summary>
    public static readonly PixelValue IgnoreIndex = new("ignoreIndex");
    /// <summary>The call's FocalGamma, broadcast once before the pixel loop.</summary>
    public static readonly PixelValue FocalGamma = new("focalGamma");
    /// <summary>Whether the call's FocalGamma is 2, the usual value, read once before the pixel loop.</summary>
    public static readonly PixelValue FocalSquare = new("focalSquare");
    /// <summary>Whether the call's label smoothing eps is not 0, read once before the pixel loop.</summary>
    public static readonly PixelValue SmoothsLabels = new("smoothsLabels");
    /// <summary>1 - eps, the label's share of the smoothed CE target, read once before the pixel loop.</summary>
    public static readonly PixelValue LabelShare = new("labelShare");
    /// <summary>eps / C, every class's share of the smoothed CE target, read once before the pixel loop.</summary>
    public static readonly PixelValue ClassShare = new("classShare");
    /// <summary>The sum of the call's class weights over all classes, computed once before the pixel loop.</summary>
    public static readonly PixelValue WeightTotal = new("weightTotal");
    /// <summary>Whether pass 2 adds its gradient to the buffer's values (the call's AccumulateGradient), read once before the pixel loop.</summary>
    public static readonly PixelValue AccumulateGradient = new("accumulate");
    /// <summary>u^FocalGamma where u = 0 (1 if FocalGamma is 0, else 0), broadcast once before the pixel loop.</summary>
    public static readonly PixelValue FocalPowerAtZero = new("focalPowerAtZero");

    /// <summary>The type parameter of a CPU pixel-term kernel that says whether it weights the term (a JIT-time constant).</summary>
    public const string WeightingParameter = "TWeighting";
    /// <summary>Whether the kernel being compiled weights the pixel term: <see cref="PixelTermWeighting.ByTypeArgument"/>.</summary>
    public const string WeightingEnabled = WeightingParameter + ".Enabled";

    /// <summary>
    /// The type parameter of a CPU kernel that stages tiles only on planes whose channels share the cache's sets
    /// (<c>KernelContext.StagesBySets</c>): whether this plane's do (a JIT-time constant).
    /// </summary>
    public const string PlaneParameter = "TPlane";
    /// <summary>Whether the plane of the kernel being compiled has channels that share the cache's sets.</summary>
    public const string PlaneSharesSets = PlaneParameter + ".SharesCacheSets";
    /// <summary>The interface of <see cref="PlaneParameter"/>, and its two values.</summary>
    public const string PlaneInterface = "IPlane";
    public const string SharedSetsPlane = "SharedSets";
    public const string DistinctSetsPlane = "DistinctSets";

    // Pass-1 accumulators of the checks.
    public static readonly PixelValue NonFinite = new("nonFinite");
    /// <summary>The sum of one pixel's x·0 over classes, added to <see cref="NonFinite"/> once per pixel.</summary>
    public static readonly PixelValue PixelNonFinite = new("pixelNonFinite");
    public static readonly PixelValue OutOfRange = new("outOfRange");
    public static readonly PixelValue BadLabel = new("badLabel");
    /// <summary>Pixel weights that are negative, NaN or infinite (a mask).</summary>
    public static readonly PixelValue BadPixelWeight = new("badPixelWeight");

    // Evaluate: the prediction, the binarised truth and the counts (docs/semantics.md, "Segmentation metrics").
    /// <summary>z_c, whether the pixel is predicted c (a mask, local to the class body).</summary>
    public static readonly ClassValue IsPredicted = new("isPredicted");
    /// <summary>t_c binarised, whether the pixel's truth is c (a mask, local to the class body).</summary>
    public static readonly ClassValue IsTruth = new("isTruth");
    /// <summary>The argmax over classes of x (a label value), the first class on ties.</summary>
    public static readonly PixelValue PredictedClass = new("predictedClass");
    /// <summary>The largest x seen so far by the argmax.</summary>
    public static readonly PixelValue Largest = new("largest");
    /// <summary>Whether x_c exceeds the largest x before it (a mask of the argmax).</summary>
    public static readonly PixelValue Larger = new("larger");
    /// <summary>The counter of pixels that count (not ignored).</summary>
    public static readonly PixelValue Counted = new("counted");
    /// <summary>A vector Evaluate kernel's predicted class of each pixel, kept between its two loops.</summary>
    public const string PredictionsBuffer = "predicted";
    /// <summary>The span of a CPU Evaluate kernel's partial counts (<see cref="ConfusionLayout"/>).</summary>
    public const string CountsBuffer = "counts";

    /// <summary>The counter of a per-class count of Evaluate.</summary>
    public static ClassValue Count(ConfusionCount count) => count switch
    {
        ConfusionCount.TruePositives => new ClassValue("truePositives"),
        ConfusionCount.Predicted => new ClassValue("predictedPixels"),
        _ => new ClassValue("truthPixels"),
    };

    /// <summary>The accumulator of a per-class sum of pass 1.</summary>
    public static ClassValue Sum(DiceSum sum) => sum switch
    {
        DiceSum.Intersection => new ClassValue("intersection"),
        DiceSum.Predicted => new ClassValue("predicted"),
        _ => new ClassValue("truth"),
    };
}
