using System.Globalization;

namespace Dice;

/// <summary>
/// The checks of every public entry point and their error messages. Shapes are checked up front;
/// values are checked inside pass 1 by the generated kernels, which only say "this chunk holds a
/// bad element". The precise message (argument, first offending flat index, (n, c, s) position)
/// is then produced here by a scalar scan, on the failure path only.
/// </summary>
internal static class Validation
{
    /// <summary>Throws unless the call's target form (labels or masks) is the one <paramref name="loss"/> takes.</summary>
    public static void CheckTarget(Type loss, DiceLossSpec spec, bool targetIsLabels)
    {
        bool lossWantsLabels = spec.Target == Target.Labels;
        if (targetIsLabels == lossWantsLabels) return;
        throw new ArgumentException(
            lossWantsLabels
                ? $"{loss.Name} takes integer class labels (Target = Labels, N x S); call it with ReadOnlySpan<int> labels, not masks."
                : $"{loss.Name} takes float masks (Target = Masks, {Shape(spec)}); call it with ReadOnlySpan<float> masks, not labels.",
            targetIsLabels ? "labels" : "masks");
    }

    /// <summary>Throws unless the call passed pixel weights exactly when <paramref name="loss"/> takes them (PixelWeights).</summary>
    public static void CheckPixelWeights(Type loss, DiceLossSpec spec, bool hasPixelWeights)
    {
        if (hasPixelWeights == spec.PixelWeights) return;
        throw new ArgumentException(
            spec.PixelWeights
                ? $"{loss.Name} takes a weight per pixel (PixelWeights = true): call the overload with ReadOnlySpan<float> pixelWeights (N x S) after the target."
                : $"{loss.Name} takes no pixel weights: compile it with [DiceLoss(PixelWeights = true)] to weight pixels, or call the overload without pixelWeights.",
            "pixelWeights");
    }

    /// <summary>Checks lengths against batch, C and S and returns S.</summary>
    public static int CheckShapes(DiceLossSpec spec, in CallExtent extent, Pass pass)
    {
        string targetName = extent.TargetIsLabels ? "labels" : "masks";
        int batch = extent.Batch;
        long inputLength = extent.Input;
        if (batch < 1)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "batch must be at least 1.");
        if (inputLength > int.MaxValue || extent.Target > int.MaxValue || extent.Gradient > int.MaxValue)
            throw new ArgumentException("Inputs of more than 2^31 - 1 elements are not supported.", "input");

        long perSample = (long)batch * spec.Classes;
        if (inputLength == 0 || inputLength % perSample != 0)
            throw new ArgumentException(
                Format($"input has {inputLength} elements, which is not {Shape(spec, "batch")} with batch = {batch}, C = {spec.Classes} and S >= 1."),
                "input");
        int spatial = (int)(inputLength / perSample);
        long expectedTarget = extent.TargetIsLabels ? (long)batch * spatial : inputLength;
        if (extent.Target != expectedTarget)
            throw new ArgumentException(
                Format($"{targetName} has {extent.Target} elements; expected {expectedTarget} ({(extent.TargetIsLabels ? "batch x S" : Shape(spec, "batch"))} with batch = {batch}, C = {spec.Classes}, S = {spatial})."),
                targetName);
        if (extent.HasPixelWeights && extent.PixelWeights != (long)batch * spatial)
            throw new ArgumentException(
                Format($"pixelWeights has {extent.PixelWeights} elements; expected {(long)batch * spatial} (batch x S with batch = {batch}, S = {spatial})."),
                "pixelWeights");
        if (pass is Pass.ForwardBackward or Pass.Backward && extent.Gradient != inputLength)
            throw new ArgumentException(
                Format($"inputGrad has {extent.Gradient} elements; expected {inputLength}, the length of input."), "inputGrad");
        return spatial;
    }

    /// <summary>Finds the first invalid element (input first, then the target, then the pixel weights) and returns its exception.</summary>
    public static Exception FirstInvalid(DiceLossSpec spec, int ignoreIndex, ReadOnlySpan<float> input, TargetSpan target, int spatial)
    {
        ReadOnlySpan<int> labels = target.Labels;
        ReadOnlySpan<float> masks = target.Masks;
        int classes = spec.Classes;
        bool probabilities = spec.Activation == Activation.None;
        for (int i = 0; i < input.Length; i++)
        {
            float x = input[i];
            if (!float.IsFinite(x))
                return ValueError(spec, "input", i, spatial, x, "every input value must be finite");
            if (probabilities && (x < 0 || x > 1))
                return ValueError(spec, "input", i, spatial, x, "with Activation None the input holds probabilities, which must lie in [0, 1]");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            int y = labels[i];
            if ((uint)y >= (uint)classes && y != ignoreIndex)
                return new ArgumentException(
                    Format($"labels[{i}] at (n = {i / spatial}, s = {i % spatial}) is {y}; labels must lie in [0, {classes}) or equal IgnoreIndex ({ignoreIndex})."),
                    "labels");
        }

        for (int i = 0; i < masks.Length; i++)
        {
            float t = masks[i];
            if (!(t >= 0 && t <= 1))
                return ValueError(spec, "masks", i, spatial, t, "masks must be finite and lie in [0, 1]");
        }

        ReadOnlySpan<float> weights = target.PixelWeights;
        for (int i = 0; i < weights.Length; i++)
        {
            float w = weights[i];
            if (!(w >= 0 && w <= float.MaxValue))
                return new ArgumentException(
                    Format($"pixelWeights[{i}] at (n = {i / spatial}, s = {i % spatial}) is {w.ToString("R", CultureInfo.InvariantCulture)}; pixel weights must be finite and >= 0."),
                    "pixelWeights");
        }

        return new InvalidOperationException("A kernel reported an invalid element that the validation scan did not find; please report this bug.");
    }

    /// <summary>The error of element <paramref name="index"/> of the input or the masks, at its (n, c, s) in the loss's layout.</summary>
    private static ArgumentException ValueError(DiceLossSpec spec, string name, int index, int spatial, float value, string rule)
    {
        int classes = spec.Classes;
        int n = index / (classes * spatial);
        (int c, int s) = spec.Layout == Layout.ChannelsLast
            ? (index % classes, index / classes % spatial)
            : (index / spatial % classes, index % spatial);
        return new ArgumentException(
            Format($"{name}[{index}] at (n = {n}, c = {c}, s = {s}) is {value.ToString("R", CultureInfo.InvariantCulture)}; {rule}."),
            name);
    }

    /// <summary>The shape of the input and the masks in the loss's layout: N x C x S, or N x S x C (N spelled <paramref name="samples"/>).</summary>
    public static string Shape(DiceLossSpec spec, string samples = "N") =>
        spec.Layout == Layout.ChannelsLast ? $"{samples} x S x C" : $"{samples} x C x S";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
