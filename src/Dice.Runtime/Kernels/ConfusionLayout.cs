namespace Dice.Kernels;

/// <summary>The per-class counts an Evaluate kernel accumulates, in their order in a partial.</summary>
internal enum ConfusionCount
{
    /// <summary>TP = Σ z t: pixels predicted c whose truth is c.</summary>
    TruePositives,
    /// <summary>Σ z: pixels predicted c (TP + FP).</summary>
    Predicted,
    /// <summary>Σ t: pixels whose truth is c (TP + FN).</summary>
    Truth,
}

/// <summary>
/// Where the counts of an Evaluate kernel sit in a partial (one CPU chunk or one device group), for C classes:
/// <c>[TP(C), predicted(C), truth(C), counted]</c>, and on a device one more value, the group's count of invalid pixels.
/// Compiled into the generator too, which emits these offsets as literals; the schedulers read partials through it.
/// FP, FN and TN follow: FP = predicted - TP, FN = truth - TP, TN = counted - predicted - truth + TP.
/// </summary>
internal readonly struct ConfusionLayout
{
    public ConfusionLayout(int classes) => Classes = classes;

    /// <summary>C.</summary>
    public int Classes { get; }

    /// <summary>The offset of a per-class count block; class c is at this + c.</summary>
    public int Offset(ConfusionCount count) => (int)count * Classes;

    /// <summary>The pixels that count (not ignored) in a partial.</summary>
    public int Counted => 3 * Classes;

    /// <summary>Values per CPU chunk partial.</summary>
    public int PartialLength => 3 * Classes + 1;

    /// <summary>The count of invalid pixels in a device partial.</summary>
    public int Invalid => 3 * Classes + 1;

    /// <summary>Values per device group partial (one more: <see cref="Invalid"/>).</summary>
    public int DevicePartialLength => 3 * Classes + 2;
}
