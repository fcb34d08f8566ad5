using ILGPU;

namespace Dice;

/// <summary>The target of one call on a device, labels or masks, and any pixel weights, as <see cref="TargetSpan"/> is on the host.</summary>
internal readonly struct DeviceTarget
{
    private DeviceTarget(ArrayView<int> labels, ArrayView<float> masks, bool isLabels, ArrayView<float> pixelWeights, bool hasPixelWeights)
    {
        Labels = labels;
        Masks = masks;
        IsLabels = isLabels;
        PixelWeights = pixelWeights;
        HasPixelWeights = hasPixelWeights;
    }

    public static DeviceTarget FromLabels(ArrayView<int> labels) => new(labels, default, isLabels: true, default, false);

    public static DeviceTarget FromMasks(ArrayView<float> masks) => new(default, masks, isLabels: false, default, false);

    /// <summary>The same target with the call's pixel weights (N x S).</summary>
    public DeviceTarget WithPixelWeights(ArrayView<float> pixelWeights) => new(Labels, Masks, IsLabels, pixelWeights, true);

    public ArrayView<int> Labels { get; }
    public ArrayView<float> Masks { get; }
    public bool IsLabels { get; }
    public long Length => IsLabels ? Labels.Length : Masks.Length;
    /// <summary>The pixel weights (an empty view without).</summary>
    public ArrayView<float> PixelWeights { get; }
    /// <summary>Whether the call passed pixel weights.</summary>
    public bool HasPixelWeights { get; }

    /// <summary>The same labels, with a placeholder view for the masks the kernels take as a parameter but do not read.</summary>
    public DeviceTarget WithMasks(ArrayView<float> placeholder) => new(Labels, placeholder, IsLabels, PixelWeights, HasPixelWeights);

    /// <summary>The same masks, with a placeholder view for the labels the kernels take as a parameter but do not read.</summary>
    public DeviceTarget WithLabels(ArrayView<int> placeholder) => new(placeholder, Masks, IsLabels, PixelWeights, HasPixelWeights);

    /// <summary>The same target, with a placeholder view for the pixel weights the kernels take as a parameter but do not read.</summary>
    public DeviceTarget WithPixelWeightsPlaceholder(ArrayView<float> placeholder) => new(Labels, Masks, IsLabels, placeholder, HasPixelWeights);
}

/// <summary>One call on array views of an engine's accelerator: the device form of <see cref="LossCall"/>.</summary>
internal readonly struct DeviceCall
{
    public DeviceCall(ArrayView<float> input, DeviceTarget target, ArrayView<float> gradient, int batch, Pass pass)
    {
        Input = input;
        Target = target;
        Gradient = gradient;
        Batch = batch;
        Pass = pass;
    }

    public ArrayView<float> Input { get; }
    public DeviceTarget Target { get; }
    /// <summary>dL/d(input) (an empty view for Forward and Statistics).</summary>
    public ArrayView<float> Gradient { get; }
    public int Batch { get; }
    public Pass Pass { get; }
    public LossParameters? Parameters { get; init; }
    public IStatisticsReducer? Reducer { get; init; }
    public LossStatistics? Global { get; init; }

    /// <summary>The lengths the checks need; views overlap when they are ranges of one buffer that intersect.</summary>
    public CallExtent Extent => new(Input.Length, Target.Length, Target.IsLabels, Gradient.Length, Batch, Overlaps(Input, Gradient))
    {
        PixelWeights = Target.PixelWeights.Length, HasPixelWeights = Target.HasPixelWeights,
    };

    private static bool Overlaps(ArrayView<float> a, ArrayView<float> b) =>
        a.IsValid && b.IsValid && a.Length > 0 && b.Length > 0 && ReferenceEquals(((IArrayView)a).Buffer, ((IArrayView)b).Buffer)
        && Start(a) < Start(b) + b.Length && Start(b) < Start(a) + a.Length;

    private static long Start(ArrayView<float> view) => ((IContiguousArrayView)view).Index;
}
