using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>Bad input (docs/semantics.md, edge cases) throws an ArgumentException naming argument and position, and nothing is written.</summary>
public class ValidationTests
{
    private const int Batch = 2, Spatial = 5000;

    private static void ThrowsAndWritesNothing(ILossCase loss, float[] input, TargetData target, int batch, string parameter, params string[] fragments)
    {
        var gradient = Enumerable.Repeat(42f, input.Length).ToArray();
        var exception = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, gradient, batch));
        Assert.Equal(parameter, exception.ParamName);
        foreach (string fragment in fragments) Assert.Contains(fragment, exception.Message);
        Assert.All(gradient, g => Assert.Equal(42f, g));
        Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input, target, batch));
    }

    [Fact]
    public void Non_finite_logits_are_reported_with_the_first_position()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 1);
        int late = (1 * 4 + 0) * Spatial + 4000;  // (n=1, c=0, s=4000)
        int early = (1 * 4 + 2) * Spatial + 10;   // (n=1, c=2, s=10): met first in pixel order, but later in memory
        input[late] = float.NaN;
        input[early] = float.PositiveInfinity;
        int first = Math.Min(late, early);
        ThrowsAndWritesNothing(loss, input, target, Batch, "input", $"input[{first}]", "(n = 1, c = 0, s = 4000)", "finite");
    }

    [Fact]
    public void Probabilities_outside_0_1_are_reported()
    {
        var loss = new LossCase<ProbLabels4>();
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 2);
        int index = (0 * 4 + 3) * Spatial + 17;
        input[index] = 1.5f;
        ThrowsAndWritesNothing(loss, input, target, Batch, "input", $"input[{index}]", "(n = 0, c = 3, s = 17)", "[0, 1]");
    }

    [Fact]
    public void Labels_out_of_range_are_reported_but_the_ignore_index_is_accepted()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, Batch, Spatial, seed: 3);
        Assert.Contains(-100, target.Labels!);
        target.Labels![Spatial + 321] = 4;
        target.Labels![Spatial + 4321] = -1;
        ThrowsAndWritesNothing(loss, input, target, Batch, "labels", $"labels[{Spatial + 321}]", "(n = 1, s = 321)", "is 4");
        target.Labels![Spatial + 321] = int.MinValue;
        ThrowsAndWritesNothing(loss, input, target, Batch, "labels", "-2147483648");
    }

    [Fact]
    public void Masks_outside_0_1_are_reported()
    {
        var loss = new LossCase<SigmoidBceMasks17>();
        var (input, target) = TestData.Make(loss.Spec, 1, 33, seed: 4);
        target.Masks![17 * 33 - 1] = -0.5f;
        ThrowsAndWritesNothing(loss, input, target, 1, "masks", $"masks[{17 * 33 - 1}]", "(n = 0, c = 16, s = 32)");
    }

    [Fact]
    public void Shapes_that_disagree_are_reported()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, Batch, 10, seed: 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(input, target, 0));
        Assert.Equal("input", Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input, target, 3)).ParamName);
        Assert.Equal("input", Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input[..^1], target, Batch)).ParamName);
        Assert.Equal("labels", Assert.ThrowsAny<ArgumentException>(() => loss.Forward(input, target with { Labels = target.Labels![..^1] }, Batch)).ParamName);
        var shortGradient = new float[input.Length - 1];
        Assert.Equal("inputGrad", Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, shortGradient, Batch)).ParamName);
        Assert.Equal("masks", Assert.ThrowsAny<ArgumentException>(() =>
            DiceCpu.Forward<SoftmaxCeLabels4>(input, new float[input.Length], Batch)).ParamName);
    }

    /// <summary>
    /// S = 5003: the last chunk holds pixels 4096..5002, whose last 3 (11 with Vector512) are left to the scalar tail
    /// at every vector width; pixel 4100 is in the vector body. Each check is tried in both places.
    /// </summary>
    /// <remarks>
    /// Both ForwardBackward schedules: recomputing p, where pass 1 checks, and keeping p, where the validation pass checks
    /// (each has its own vector and tail loops).
    /// </remarks>
    public static TheoryData<string, int, bool> BadValuesInBodyAndTail()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (string kind in new[] { "NaN logit", "infinite logit", "probability above 1", "label out of range", "NaN mask" })
            foreach (int s in new[] { 4100, 5002 })
                foreach (bool keepProbabilities in new[] { false, true })
                    data.Add(kind, s, keepProbabilities);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValuesInBodyAndTail))]
    public void Bad_values_are_found_in_the_vector_body_and_in_the_scalar_tail(string kind, int s, bool keepProbabilities)
    {
        using var forced = Schedules.Force(keepProbabilities);
        const int spatial = 5003;
        switch (kind)
        {
            case "NaN logit" or "infinite logit":
            {
                var loss = new LossCase<SoftmaxCeLabels4>();
                var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: 6);
                int index = (1 * 4 + 3) * spatial + s;
                input[index] = kind == "NaN logit" ? float.NaN : float.NegativeInfinity;
                ThrowsAndWritesNothing(loss, input, target, 2, "input", $"input[{index}]", $"(n = 1, c = 3, s = {s})");
                break;
            }
            case "probability above 1":
            {
                var loss = new LossCase<ProbLabels4>();
                var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: 7);
                int index = (0 * 4 + 1) * spatial + s;
                input[index] = 1.0001f;
                ThrowsAndWritesNothing(loss, input, target, 2, "input", $"input[{index}]", $"(n = 0, c = 1, s = {s})");
                break;
            }
            case "label out of range":
            {
                var loss = new LossCase<SoftmaxCeLabels4>();
                var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: 8);
                target.Labels![spatial + s] = 4;
                ThrowsAndWritesNothing(loss, input, target, 2, "labels", $"labels[{spatial + s}]", $"(n = 1, s = {s})");
                break;
            }
            default:
            {
                var loss = new LossCase<SigmoidBceMasks2>();
                var (input, target) = TestData.Make(loss.Spec, 2, spatial, seed: 9);
                int index = (1 * 2 + 1) * spatial + s;
                target.Masks![index] = float.NaN;
                ThrowsAndWritesNothing(loss, input, target, 2, "masks", $"masks[{index}]", $"(n = 1, c = 1, s = {s})");
                break;
            }
        }
    }
}
