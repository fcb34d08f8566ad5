using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>Determinism across thread counts and calls, in-place backward, and the shape and value checks.</summary>
[Collection(nameof(ThreadCountCollection))]
public class ScheduleTests
{
    private static readonly ILossCase[] Losses =
    {
        new LossCase<SoftmaxCeLabels4>(), new LossCase<SigmoidBceMasks17>(), new LossCase<SoftmaxCeLabels24>(),
        new LossCase<SigmoidLabels5_BatchDice_Squared>(), new LossCase<ManyCe104>(), // staged tiles (C >= 64)
    };

    private static (LossResult Result, float[] Gradient) Run(ILossCase loss, float[] input, TargetData target, int batch, int threads)
    {
        int saved = DiceCpu.MaxDegreeOfParallelism;
        DiceCpu.MaxDegreeOfParallelism = threads;
        try
        {
            var gradient = new float[input.Length];
            return (loss.ForwardBackward(input, target, gradient, batch), gradient);
        }
        finally
        {
            DiceCpu.MaxDegreeOfParallelism = saved;
        }
    }

    private static void BitwiseEqual((LossResult Result, float[] Gradient) a, (LossResult Result, float[] Gradient) b, string what)
    {
        Assert.Equal(BitConverter.SingleToInt32Bits(a.Result.Loss), BitConverter.SingleToInt32Bits(b.Result.Loss));
        Assert.Equal(BitConverter.SingleToInt32Bits(a.Result.DiceLoss), BitConverter.SingleToInt32Bits(b.Result.DiceLoss));
        Assert.Equal(BitConverter.SingleToInt32Bits(a.Result.CrossEntropy), BitConverter.SingleToInt32Bits(b.Result.CrossEntropy));
        Assert.Equal(a.Result.ClassDice.Select(BitConverter.SingleToInt32Bits), b.Result.ClassDice.Select(BitConverter.SingleToInt32Bits));
        Assert.True(a.Gradient.AsSpan().SequenceEqual(b.Gradient), what + ": gradients differ");
    }

    [Fact]
    public void Results_are_bitwise_identical_for_one_core_all_cores_and_repeated_calls()
    {
        foreach (ILossCase loss in Losses)
        {
            // Many chunks per sample, so that threads really interleave.
            var (input, target) = TestData.Make(loss.Spec, batch: 3, spatial: 10 * DiceCpu.ChunkPixels + 123, seed: 11);
            var single = Run(loss, input, target, 3, threads: 1);
            var all = Run(loss, input, target, 3, threads: -1);
            var again = Run(loss, input, target, 3, threads: -1);
            var two = Run(loss, input, target, 3, threads: 2);
            var seven = Run(loss, input, target, 3, threads: 7); // oversubscribed and odd: chunks finish out of order
            BitwiseEqual(single, all, loss.Name + " 1 vs all cores");
            BitwiseEqual(all, again, loss.Name + " repeated");
            BitwiseEqual(single, two, loss.Name + " 1 vs 2 threads");
            BitwiseEqual(single, seven, loss.Name + " 1 vs 7 threads");
        }
    }

    [Fact]
    public void In_place_backward_equals_out_of_place()
    {
        foreach (ILossCase loss in Losses)
        {
            var (input, target) = TestData.Make(loss.Spec, batch: 2, spatial: 3 * DiceCpu.ChunkPixels + 45, seed: 12);
            var outOfPlace = new float[input.Length];
            LossResult expected = loss.ForwardBackward(input, target, outOfPlace, 2);
            float[] buffer = (float[])input.Clone();
            LossResult actual = loss.ForwardBackward(buffer, target, buffer, 2);
            BitwiseEqual((expected, outOfPlace), (actual, buffer), loss.Name + " in place");
        }
    }

    [Fact]
    public void Forward_equals_the_forward_part_of_ForwardBackward()
    {
        foreach (ILossCase loss in Losses)
        {
            var (input, target) = TestData.Make(loss.Spec, batch: 2, spatial: 999, seed: 13);
            LossResult forward = loss.Forward(input, target, 2);
            LossResult both = loss.ForwardBackward(input, target, new float[input.Length], 2);
            Assert.Equal(forward.Loss, both.Loss);
            Assert.Equal(forward.ClassDice, both.ClassDice);
        }
    }
}

[CollectionDefinition(nameof(ThreadCountCollection), DisableParallelization = true)]
public class ThreadCountCollection;
