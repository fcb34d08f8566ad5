using System.Runtime.Intrinsics;
using CsCheck;
using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>
/// The lane-by-lane label helpers of the vector kernels (from KernelLimits.LabelLanesFromClasses classes) against what
/// they replace: per class, I_c += p_c t_c and T_c += t_c with t_c = [label == c] (0 at IgnoreIndex and at labels
/// outside [0, C)), and the chain of selects x_y = select(label == c, x_c, x_y), bit for bit, at every vector width,
/// with labels that are classes, IgnoreIndex (-100 and 255) or out of range.
/// </summary>
public class LabelLanesTests
{
    private static readonly Gen<int> Label = Gen.OneOf(Gen.Int[0, 36], Gen.Const(-100), Gen.Const(255), Gen.Int[-3, 400]);

    [Fact]
    public void Match_the_one_hot_forms_with_Vector128() => Check<Vector128<float>>();

    [Fact]
    public void Match_the_one_hot_forms_with_Vector256() => Check<Vector256<float>>();

    [Fact]
    public void Match_the_one_hot_forms_with_Vector512() => Check<Vector512<float>>();

    private static void Check<TVector>() where TVector : struct
    {
        int lanes = System.Runtime.CompilerServices.Unsafe.SizeOf<TVector>() / sizeof(float);
        Gen.Select(Gen.Int[KernelLimits.LabelLanesFromClasses, 37], Gen.Int[0, 3], Gen.Int[1, 5]).SelectMany((classes, offset, steps) => Gen.Select(
                Gen.Const(classes), Gen.Const(offset),
                Label.Array[offset + steps * lanes],
                Gen.Float[0f, 1f].Array[steps * classes * lanes],
                Gen.Float[-50f, 50f].Array[classes * lanes]))
            .Sample((classes, offset, labels, probabilities, logits) =>
            {
                int steps = probabilities.Length / (classes * lanes);
                var intersection = new TVector[classes];
                var truth = new TVector[classes];
                var expectedIntersection = new float[classes * lanes];
                var expectedTruth = new float[classes * lanes];
                for (int step = 0; step < steps; step++)
                {
                    nint pixel = offset + step * lanes;
                    TVector[] p = Vectors<TVector>(probabilities.AsSpan(step * classes * lanes, classes * lanes));
                    LabelLanes.AddAtLabels(ref labels[0], pixel, p.AsSpan(), intersection.AsSpan(), truth.AsSpan());
                    for (int c = 0; c < classes; c++)
                    {
                        for (int lane = 0; lane < lanes; lane++)
                        {
                            float t = labels[pixel + lane] == c ? 1f : 0f;
                            int at = c * lanes + lane;
                            expectedIntersection[at] = MathF.FusedMultiplyAdd(probabilities[step * classes * lanes + at], t, expectedIntersection[at]);
                            expectedTruth[at] += t;
                        }
                    }
                }

                AssertBits(expectedIntersection, Floats(intersection), "I");
                AssertBits(expectedTruth, Floats(truth), "T");

                // The label's logit of the last step's pixels: a chain of selects from 0 over the classes.
                nint last = offset + (steps - 1) * lanes;
                TVector[] x = Vectors<TVector>(logits);
                var expectedLogit = new float[lanes];
                for (int c = 0; c < classes; c++)
                    for (int lane = 0; lane < lanes; lane++)
                        if (labels[last + lane] == c) expectedLogit[lane] = logits[c * lanes + lane];
                AssertBits(expectedLogit, Floats([LabelLanes.AtLabels(ref labels[0], last, x.AsSpan())]), "x_y");
            });
    }

    private static TVector[] Vectors<TVector>(ReadOnlySpan<float> values) where TVector : struct =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<float, TVector>(values).ToArray();

    private static float[] Floats<TVector>(TVector[] vectors) where TVector : struct =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<TVector, float>(vectors.AsSpan()).ToArray();

    private static void AssertBits(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
