using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>
/// The class counts of TotalSegmentator (104) and ADE20K (150), far above the unroll limit, in both layouts, against the
/// float64 reference: the softmax sums of hundreds of exponentials (summed in double on the CPU), the CE term and the
/// class-loop accumulators at vector tails and chunk edges. And the unrolled kernels from 10 to 16 classes on labels
/// (BTCV's 14), whose I, T and label logit move lane by lane at the labels (KernelLimits.LabelLanesFromClasses).
/// </summary>
public class ManyClassTests
{
    public static TheoryData<ILossCase> Cases() => new(
    [
        new LossCase<ManyCe104>(), new LossCase<ManyCe104Last>(), new LossCase<ManyCe150>(), new LossCase<ManyCe150Last>(),
        new LossCase<ManyFocal104>(), new LossCase<ManySoftmaxMasks150Last>(), new LossCase<ManyBceMasks104>(),
        new LossCase<LanesCe14>(), new LossCase<LanesCe14Last>(), new LossCase<LanesWeightedCe10>(), new LossCase<LanesFocal16>(),
        new LossCase<LanesSigmoidBce12>(), new LossCase<SharedSetsBceMasks8>(), new LossCase<SharedSetsCe19>(),
        new LossCase<SharedSetsWeightedCe19>(), new LossCase<SharedSetsSoftmaxMasks63>(), new LossCase<SharedSetsBceMasks17>(),
    ]);

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Matches_reference(ILossCase loss)
    {
        // 300 pixels: one staged tile (C >= 64, channels first), the vectors after it and a scalar tail in one chunk. 1,024
        // pixels: a plane whose channels share the cache's sets, where the kernels of 8 to 63 classes stage too.
        foreach (var (batch, spatial) in new[] { (1, 1), (2, 37), (1, 300), (2, 1024), (1, 4096 + 21) })
        {
            var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: spatial);
            ReferenceResult expected = Reference(loss, input, target, batch, spatial);
            string context = $"{loss.Name} N={batch} S={spatial}";
            var gradient = new float[input.Length];
            Assertions.Matches(expected, loss.ForwardBackward(input, target, gradient, batch), context);
            Assertions.GradientMatches(expected, Comparable(loss, gradient, batch, spatial), context);
        }
    }

    public static TheoryData<ILossCase> StagedCases() => new(
    [
        new LossCase<ManyCe104>(), new LossCase<ManyCe150>(), new LossCase<ManyFocal104>(), new LossCase<ManyBceMasks104>(),
        new LossCase<LanesCe14>(), new LossCase<LanesWeightedCe10>(), new LossCase<LanesFocal16>(), new LossCase<LanesSigmoidBce12>(),
        new LossCase<SharedSetsBceMasks8>(), new LossCase<SharedSetsCe19>(), new LossCase<SharedSetsWeightedCe19>(),
        new LossCase<SharedSetsSoftmaxMasks63>(), new LossCase<SharedSetsBceMasks17>(), new LossCase<ManyCe104Last>(), new LossCase<LanesCe14Last>(), new LossCase<LanesFocal16Last>(), new LossCase<LanesSigmoidBce12Last>(),
        new LossCase<TransposedWeightedCe9Last>(),
    ]);

    /// <summary>
    /// The staged kernels (C >= 64, channels first: tiles of pixel vectors staged on the stack; channels last from 8
    /// classes, unrolled ones too: each pixel vector's block transposed into a tile and back), and the unrolled kernels
    /// whose label sums move lane by lane (p copied into a span, in place too, before the kept p overwrites x), in every
    /// way a call runs them: both schedules (p recomputed, or kept in the gradient and read back) against the float64
    /// reference, in place (the gradient buffer is the input, staged before it is written), and accumulating (the old
    /// gradient read beside the tile), at sizes with whole tiles, vectors after them and tails, over two chunks; and on a
    /// plane of a multiple of 1,024 pixels, whose channels share the cache's sets, where the channels-first kernels of 8 to
    /// 63 classes, unrolled ones and class loops alike, stage their tiles at Vector256 and Vector128 (and elsewhere run
    /// plain).
    /// </summary>
    [Theory]
    [MemberData(nameof(StagedCases), DisableDiscoveryEnumeration = true)]
    public void Staged_and_lane_kernels_match_in_both_schedules_in_place_and_accumulating(ILossCase loss)
    {
        foreach (int spatial in new[] { 4096 + 300, 4096 + 1024 })
            StagedKernelsMatch(loss, batch: 2, spatial);
    }

    private static void StagedKernelsMatch(ILossCase loss, int batch, int spatial)
    {
        var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: 77);
        ReferenceResult expected = Reference(loss, input, target, batch, spatial);
        foreach (bool keep in new[] { false, true })
        {
            using var forced = Schedules.Force(keep);
            var gradient = new float[input.Length];
            string context = $"{loss.Name} S={spatial} keep={keep}";
            Assertions.Matches(expected, loss.ForwardBackward(input, target, gradient, batch), context);
            Assertions.GradientMatches(expected, Comparable(loss, gradient, batch, spatial), context);

            float[] buffer = (float[])input.Clone();
            loss.ForwardBackward(buffer, target, buffer, batch);
            Assert.True(buffer.AsSpan().SequenceEqual(gradient), context + ": in place differs from out of place");

            var random = new Random(78);
            float[] before = Enumerable.Range(0, input.Length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            float[] accumulated = before.ToArray();
            loss.ForwardBackward(input, target, accumulated, batch, loss.Spec.Parameters with { AccumulateGradient = true });
            for (int i = 0; i < input.Length; i++)
            {
                Assert.True(BitConverter.SingleToInt32Bits(before[i] + gradient[i]) == BitConverter.SingleToInt32Bits(accumulated[i]),
                    $"{context} accumulated gradient[{i}]: {before[i]:R} + {gradient[i]:R} vs {accumulated[i]:R}");
            }
        }
    }

    [Fact]
    public void Planes_of_a_multiple_of_1024_pixels_share_the_cache_sets()
    {
        Assert.True(Streams.SharesCacheSets(64 * 64 * 64));
        Assert.True(Streams.SharesCacheSets(512 * 512));
        Assert.True(Streams.SharesCacheSets(48 * 48 * 48));
        Assert.True(Streams.SharesCacheSets(1024));
        Assert.False(Streams.SharesCacheSets(64 * 64 * 64 + 16));
        Assert.False(Streams.SharesCacheSets(512));
        Assert.False(Streams.SharesCacheSets(4096 + 300));
    }

    // The reference reads N x C x S: give it the channels-first copy of a channels-last loss's data.
    private static ReferenceResult Reference(ILossCase loss, float[] input, TargetData target, int batch, int spatial) =>
        loss.Spec.Layout == Layout.ChannelsLast
            ? TestData.Reference(loss.Spec, ToChannelsFirst(input, batch, spatial, loss.Spec.Classes), ChannelsLastTests.Transpose(target, batch, spatial, loss.Spec.Classes), batch)
            : TestData.Reference(loss.Spec, input, target, batch);

    // A gradient in the reference's layout.
    private static float[] Comparable(ILossCase loss, float[] gradient, int batch, int spatial) =>
        loss.Spec.Layout == Layout.ChannelsLast ? ToChannelsFirst(gradient, batch, spatial, loss.Spec.Classes) : gradient;

    // N x S x C back to N x C x S: ChannelsLastTests.Transpose with the roles of C and S swapped (its TargetData
    // overload likewise).
    private static float[] ToChannelsFirst(float[] values, int batch, int spatial, int classes) => ChannelsLastTests.Transpose(values, batch, spatial, classes);
}

[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy)] public partial class ManyCe104 { }
[DiceLoss(Classes = 104, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class ManyCe104Last { }
[DiceLoss(Classes = 150, Combine = Combine.CrossEntropy, IgnoreIndex = 255)] public partial class ManyCe150 { }
[DiceLoss(Classes = 150, Combine = Combine.CrossEntropy, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ManyCe150Last { }
[DiceLoss(Classes = 104, Combine = Combine.Focal, Overlap = Overlap.Tversky)] public partial class ManyFocal104 { }
[DiceLoss(Classes = 150, Activation = Activation.Softmax, Target = Target.Masks, Squared = true, Layout = Layout.ChannelsLast)] public partial class ManySoftmaxMasks150Last { }
[DiceLoss(Classes = 104, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks)] public partial class ManyBceMasks104 { }
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy)] public partial class LanesCe14 { }
[DiceLoss(Classes = 14, Combine = Combine.CrossEntropy, Layout = Layout.ChannelsLast)] public partial class LanesCe14Last { }
[DiceLoss(Classes = 10, Combine = Combine.CrossEntropy, IgnoreIndex = 255, LabelSmoothing = 0.1f,
    ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f })] public partial class LanesWeightedCe10 { }
[DiceLoss(Classes = 16, Combine = Combine.Focal)] public partial class LanesFocal16 { }
[DiceLoss(Classes = 12, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy)] public partial class LanesSigmoidBce12 { }
[DiceLoss(Classes = 8, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks)] public partial class SharedSetsBceMasks8 { }
// Class loops below 64 classes, which stage only on planes whose channels share the cache's sets: Cityscapes' 19 classes
// (with its ignore index, and again class-weighted with label smoothing), the last count below 64, and the first above
// the unroll limit.
[DiceLoss(Classes = 19, Combine = Combine.CrossEntropy, IgnoreIndex = 255)] public partial class SharedSetsCe19 { }
[DiceLoss(Classes = 19, Combine = Combine.CrossEntropy, IgnoreIndex = 255, LabelSmoothing = 0.1f,
    ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f })] public partial class SharedSetsWeightedCe19 { }
[DiceLoss(Classes = 63, Activation = Activation.Softmax, Target = Target.Masks, Squared = true)] public partial class SharedSetsSoftmaxMasks63 { }
[DiceLoss(Classes = 17, Combine = Combine.BinaryCrossEntropy, Target = Target.Masks)] public partial class SharedSetsBceMasks17 { }
[DiceLoss(Classes = 16, Combine = Combine.Focal, Layout = Layout.ChannelsLast)] public partial class LanesFocal16Last { }
[DiceLoss(Classes = 12, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Layout = Layout.ChannelsLast)] public partial class LanesSigmoidBce12Last { }
[DiceLoss(Classes = 9, Combine = Combine.CrossEntropy, IgnoreIndex = 255, LabelSmoothing = 0.1f,
    ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class TransposedWeightedCe9Last { }
