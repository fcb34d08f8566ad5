using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// Writes the ILGPU kernels of one loss, from the same <see cref="KernelBodies"/> as the CPU kernels,
/// spelled in scalar device code (<c>XMath</c>, array views, no vectors):
/// pass 1 is explicitly grouped (each group sums a slice of one sample in registers, then reduces as a
/// fixed-order tree in shared memory; no atomics, so results repeat bit for bit), pass 2 is a grid-stride
/// loop over pixels. The runtime's finalize kernel runs between them.
/// </summary>
internal static class GpuKernelEmitter
{
    private const string View = "ArrayView";

    public static void Emit(SourceWriter w, LossOptions o)
    {
        // One variant on the device: the pixel term reads the call's weights (a few loads per pixel of a memory-bound kernel).
        o = o with { PixelTermWeighting = o.Combine != Combine.None ? PixelTermWeighting.Weighted : PixelTermWeighting.Unweighted };
        Dialect d = ScalarDialect.Device;
        EmitStatistics(w, d, o);
        EmitGradient(w, d, o);
        EmitConfusion(w, d, o);
    }

    /// <summary>The prelude of a grouped kernel: group g covers pixels [start, end) of sample n, and sums into its partial.</summary>
    private static void EmitGroupSlice(SourceWriter w, LossOptions o, int partialLength)
    {
        w.Line("int spatial = shape.Spatial;");
        w.Line("int n = Grid.IdxX / shape.GroupsPerSample;");
        w.Line("int start = Grid.IdxX % shape.GroupsPerSample * shape.SliceLength;");
        w.Line("int end = start + shape.SliceLength < spatial ? start + shape.SliceLength : spatial;");
        EmitViews(w, o, gradient: false);
        w.Line($"{View}<double> shared = SharedMemory.GetDynamic<double>();");
        w.Line($"var sums = new GroupSums(shared, partials, (long)Grid.IdxX * {SourceWriter.Int(partialLength)});");
    }

    private const string GroupLoop = "for (int s = start + Group.IdxX; s < end; s += Group.DimX)";

    private static void EmitViews(SourceWriter w, LossOptions o, bool gradient)
    {
        w.Line($"{View}<float> {Values.InputBuffer} = allInput.SubView((long)n * Classes * spatial, (long)Classes * spatial);");
        w.Line(o.Labels
            ? $"{View}<int> {Values.LabelsBuffer} = allLabels.SubView((long)n * spatial, spatial);"
            : $"{View}<float> {Values.MasksBuffer} = allMasks.SubView((long)n * Classes * spatial, (long)Classes * spatial);");
        if (o.PixelWeights) w.Line($"{View}<float> {Values.PixelWeightsBuffer} = allPixelWeights.SubView((long)n * spatial, spatial);");
        if (gradient) w.Line($"{View}<float> {Values.GradientBuffer} = allGradient.SubView((long)n * Classes * spatial, (long)Classes * spatial);");
    }

    private static void EmitStatistics(SourceWriter w, Dialect d, LossOptions o)
    {
        var layout = new StatisticsLayout(o.Classes);
        w.Line("/// <summary>");
        w.Line("/// Device pass 1: group g sums pixels [start, end) of sample n = g / GroupsPerSample in per-thread registers,");
        w.Line("/// then reduces the sums over the group as fixed-order trees, many values per tree pass (GroupSums), and writes");
        w.Line($"/// the group's partial: {LayoutText.DevicePartial(layout)}.");
        w.Line("/// </summary>");
        using (w.Block($"internal static void StatisticsDevice({View}<float> allInput, {View}<int> allLabels, {View}<float> allMasks, {View}<float> allPixelWeights, {View}<float> {Values.ClassWeights}, {View}<double> partials, DeviceShape shape)"))
        {
            KernelBodies.EmitStatistics(w, d, o,
                prelude: () => EmitGroupSlice(w, o, layout.DevicePartialLength),
                loopHeader: GroupLoop,
                // Every thread adds every value, in slot order: GroupSums stores them at consecutive slots.
                store: (value, slot) => $"sums.Add({value});",
                zeroAbsentSlots: true,
                ParameterSource.Device);
            w.Line($"sums.Add({Formulas.AllValid(d, o)} ? 0f : 1f); // slot {SourceWriter.Int(layout.Invalid)}");
            w.Line("sums.Flush();");
        }

        w.Line();
    }

    private static void EmitConfusion(SourceWriter w, Dialect d, LossOptions o)
    {
        var layout = new ConfusionLayout(o.Classes);
        w.Line("/// <summary>");
        w.Line("/// Device Evaluate: group g counts pixels [start, end) of sample n = g / GroupsPerSample in per-thread integers,");
        w.Line("/// then sums the counts over the group as fixed-order trees (GroupSums; integers below 2^53 add exactly in double,");
        w.Line($"/// in any order) and writes the group's partial: {LayoutText.Confusion(layout, device: true)}.");
        w.Line("/// </summary>");
        using (w.Block($"internal static void ConfusionDevice({View}<float> allInput, {View}<int> allLabels, {View}<float> allMasks, {View}<float> allPixelWeights, {View}<double> partials, DeviceShape shape)"))
        {
            KernelBodies.EmitConfusion(w, d, o,
                prelude: () => EmitGroupSlice(w, o, layout.DevicePartialLength),
                loopHeader: GroupLoop,
                store: (total, slot) => $"sums.Add({total});",
                ParameterSource.Device,
                device: true);
            w.Line($"sums.Add({Formulas.AllValid(d, o)} ? 0 : 1); // slot {SourceWriter.Int(layout.Invalid)}");
            w.Line("sums.Flush();");
        }

        w.Line();
    }

    private static void EmitGradient(SourceWriter w, Dialect d, LossOptions o)
    {
        w.Line("/// <summary>Device pass 2: a grid-stride loop over the N x S pixels, each writing its C gradient values, unless pass 1 found an invalid element.</summary>");
        using (w.Block($"internal static void GradientDevice({View}<float> allInput, {View}<int> allLabels, {View}<float> allMasks, {View}<float> allPixelWeights, {View}<float> {Values.ClassWeights}, {View}<float> coefficients, {View}<double> results, {View}<float> allGradient, DeviceShape shape)"))
        {
            var pixelTerm = PixelTerm.For(o);
            KernelContext body = KernelBodies.Body(w, d, o);
            KernelBodies.Gradient(body, pixelTerm);

            // Bad input: the finalizer counted invalid elements, and nothing is written (in place too).
            w.Line($"if (results[{SourceWriter.Int(body.Layout.InvalidResult)}] != 0) return;");
            w.Line("int spatial = shape.Spatial;");
            w.Line("int pixels = shape.Batch * spatial;");
            KernelBodies.DeclareParameters(w, body, ParameterSource.Device);
            KernelBodies.DeclareAccumulation(w, ParameterSource.Device);
            KernelBodies.DeclareClassArrays(w, body);
            using (w.Block($"for (int pixel = Grid.GlobalIndex.X; pixel < pixels; pixel += Grid.DimX * Group.DimX)"))
            {
                w.Line("int n = pixel / spatial;");
                w.Line("int s = pixel - n * spatial;");
                EmitViews(w, o, gradient: true);
                string stride = SourceWriter.Int(body.Layout.CoefficientStride);
                w.Line($"{View}<float> {Values.Coefficients} = coefficients.SubView(n * {stride}, {stride});");
                KernelBodies.DeclareCoefficients(w, body, pixelTerm);
                w.Append(body.Writer);
            }
        }

        w.Line();
    }
}
