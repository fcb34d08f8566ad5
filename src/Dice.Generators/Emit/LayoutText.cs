using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// The buffers of <see cref="StatisticsLayout"/> and <see cref="ConfusionLayout"/> in words, for comments in the generated kernels: the offsets
/// there are literals computed from the layout, and these lines say what they index. Also the data layout of a loss
/// (<see cref="Dice.Layout"/>) in words, for its documentation.
/// </summary>
internal static class LayoutText
{
    /// <summary>The shape of the input, the masks and the gradient: <c>N x 4 x S</c>, or channels-last <c>N x S x 4</c>.</summary>
    public static string Shape(LossOptions o) => o.ChannelsLast ? $"N x S x {SourceWriter.Int(o.Classes)}" : $"N x {SourceWriter.Int(o.Classes)} x S";

    /// <summary>The flat index of element (n, c, s) in that shape.</summary>
    public static string Index(LossOptions o) => o.ChannelsLast
        ? $"(n * S + s) * {SourceWriter.Int(o.Classes)} + c"
        : $"(n * {SourceWriter.Int(o.Classes)} + c) * S + s";

    public static string Partial(StatisticsLayout layout) =>
        $"{Sums(layout)}, ce at {SourceWriter.Int(layout.CrossEntropy)}, ceWeight at {SourceWriter.Int(layout.CrossEntropyWeight)}";

    public static string DevicePartial(StatisticsLayout layout) =>
        $"{Partial(layout)}, invalid count at {SourceWriter.Int(layout.Invalid)} ({SourceWriter.Int(layout.DevicePartialLength)} values)";

    public static string Coefficients(StatisticsLayout layout) =>
        $"A_c at {SourceWriter.Int(layout.TargetSlope(0))} + c, B_c at {SourceWriter.Int(layout.ProbabilitySlope(0))} + c, ceScale at {SourceWriter.Int(layout.CrossEntropyScale)}";

    public static string Confusion(ConfusionLayout layout, bool device) =>
        $"TP_c at {SourceWriter.Int(layout.Offset(ConfusionCount.TruePositives))} + c, predicted_c at {SourceWriter.Int(layout.Offset(ConfusionCount.Predicted))} + c, "
        + $"truth_c at {SourceWriter.Int(layout.Offset(ConfusionCount.Truth))} + c, counted at {SourceWriter.Int(layout.Counted)}"
        + (device ? $", invalid count at {SourceWriter.Int(layout.Invalid)} ({SourceWriter.Int(layout.DevicePartialLength)} values)" : "");

    private static string Sums(StatisticsLayout layout) =>
        $"I_c at {SourceWriter.Int(layout.SumOffset(DiceSum.Intersection))} + c, P_c at {SourceWriter.Int(layout.SumOffset(DiceSum.Predicted))} + c, T_c at {SourceWriter.Int(layout.SumOffset(DiceSum.Truth))} + c";
}
