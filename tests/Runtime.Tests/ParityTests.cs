using CsCheck;
using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>The generated CPU kernels against the float64 reference, over the whole configuration matrix.</summary>
public class ParityTests
{
    public static TheoryData<ILossCase> Cases() => new(LossMatrix.All);

    /// <summary>Shapes that hit vector tails and chunk boundaries, plus random ones from CsCheck.</summary>
    private static readonly Gen<(int Batch, int Spatial, int Seed)> Shapes =
        Gen.Select(
            Gen.Int[1, 4],
            Gen.Frequency((3, Gen.Int[1, 5000]), (1, Gen.Int[0, 8].Select(i => new[] { 1, 7, 15, 16, 17, 63, 4095, 4096, 4097 }[i]))),
            Gen.Int);

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Matches_reference(ILossCase loss)
    {
        Shapes.Sample(shape =>
        {
            var (batch, spatial, seed) = shape;
            var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed);
            ReferenceResult expected = TestData.Reference(loss.Spec, input, target, batch);
            string context = $"{loss.Name} N={batch} S={spatial} seed={seed}";

            Assertions.Matches(expected, loss.Forward(input, target, batch), context + " Forward");
            var gradient = new float[input.Length];
            Assertions.Matches(expected, loss.ForwardBackward(input, target, gradient, batch), context + " ForwardBackward");
            Assertions.GradientMatches(expected, gradient, context);
        }, iter: 12, threads: 1);
    }

    /// <summary>Vector tails (S mod 4, 8, 16) and chunk edges (4096 pixels) for every configuration, not left to chance.</summary>
    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Matches_reference_at_every_tail_and_chunk_edge(ILossCase loss)
    {
        foreach (int spatial in new[] { 1, 3, 15, 16, 17, 31, 4095, 4096, 4097, 2 * 4096 + 5 })
        {
            var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: spatial);
            ReferenceResult expected = TestData.Reference(loss.Spec, input, target, 2);
            string context = $"{loss.Name} N=2 S={spatial}";
            var gradient = new float[input.Length];
            Assertions.Matches(expected, loss.ForwardBackward(input, target, gradient, 2), context);
            Assertions.GradientMatches(expected, gradient, context);
        }
    }

    /// <summary>
    /// Keeping p between the passes does the same arithmetic as computing it again: the two ForwardBackward schedules
    /// give the same bits for every configuration (in place too), so each is as exact as the other.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Both_schedules_give_the_same_bits(ILossCase loss)
    {
        foreach (int spatial in new[] { 1, 17, 4097 + 13 })
        {
            var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: 100 + spatial);
            var recomputed = new float[input.Length];
            var kept = new float[input.Length];
            float[] inPlace = (float[])input.Clone();
            LossResult a, b, c;
            using (Schedules.Force(keepProbabilities: false)) a = loss.ForwardBackward(input, target, recomputed, 2);
            using (Schedules.Force(keepProbabilities: true)) b = loss.ForwardBackward(input, target, kept, 2);
            using (Schedules.Force(keepProbabilities: true)) c = loss.ForwardBackward(inPlace, target, inPlace, 2);
            string context = $"{loss.Name} N=2 S={spatial}";
            foreach (LossResult other in new[] { b, c })
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(a.Loss), BitConverter.SingleToInt32Bits(other.Loss));
                Assert.Equal(a.ClassDice.Select(BitConverter.SingleToInt32Bits), other.ClassDice.Select(BitConverter.SingleToInt32Bits));
            }

            Assert.True(recomputed.AsSpan().SequenceEqual(kept), context + ": kept p gives other gradient bits");
            Assert.True(recomputed.AsSpan().SequenceEqual(inPlace), context + ": kept p in place gives other gradient bits");
        }
    }

    [Fact]
    public void Matrix_covers_every_option_and_both_targets_and_all_activations()
    {
        var specs = LossMatrix.All.Select(l => l.Spec).ToList();
        Assert.Contains(specs, s => s.Target == Target.Labels);
        Assert.Contains(specs, s => s.Target == Target.Masks);
        foreach (Activation activation in new[] { Activation.None, Activation.Sigmoid, Activation.Softmax })
            Assert.Contains(specs, s => s.Activation == activation);
        Assert.Contains(specs, s => s.Classes == 1);
        Assert.Contains(specs, s => s.Classes == 24);
        Assert.Contains(specs, s => s.BatchDice && s.Squared);
        Assert.Contains(specs, s => s.Overlap == Overlap.Jaccard && s.LogLoss);
        Assert.Contains(specs, s => s.IgnoreIndex == 255 && s.ClassWeights.Any(w => w != 1));
        Assert.Contains(specs, s => !s.IncludeBackground && s.Smooth == 0.25f);
    }

    [Fact]
    public void Accuracy_holds_at_scale()
    {
        // N = 2, C = 3, S = 2^20: six million elements, summed in float lanes and combined in double.
        const int batch = 2, spatial = 1 << 20;
        foreach (ILossCase loss in new ILossCase[] { new LossCase<ScaleCe3>(), new LossCase<ScaleSoftMasks3>() })
        {
            var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed: 7);
            ReferenceResult expected = TestData.Reference(loss.Spec, input, target, batch);
            var gradient = new float[input.Length];
            Assertions.Matches(expected, loss.ForwardBackward(input, target, gradient, batch), loss.Name);
            Assertions.GradientMatches(expected, gradient, loss.Name);
        }
    }
}

[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy)]
public partial class ScaleCe3 { }

[DiceLoss(Classes = 3, Activation = Activation.Softmax, Target = Target.Masks, Squared = true)]
public partial class ScaleSoftMasks3 { }
