using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>
/// The one description of the buffers between the passes: every slot of every buffer is distinct and inside the
/// buffer, for any C. The generator writes these offsets into the kernels as literals, so an overlap here would
/// be an overlap everywhere.
/// </summary>
public class StatisticsLayoutTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(17)]
    [InlineData(512)]
    public void Every_slot_is_distinct_and_inside_its_buffer(int classes)
    {
        var layout = new StatisticsLayout(classes);
        var sums = Enumerable.Range(0, classes)
            .SelectMany(c => Enum.GetValues<DiceSum>().Select(sum => layout.SumOffset(sum) + c)).ToList();

        int[] partial = [.. sums, layout.CrossEntropy, layout.CrossEntropyWeight];
        AssertDistinctAndCovering(partial, layout.PartialLength);
        AssertDistinctAndCovering([.. partial, layout.Invalid], layout.DevicePartialLength);
        Assert.Equal(sums.Count, layout.SumsLength);

        const int batch = 3;
        int[] statistics =
        [
            .. Enumerable.Range(0, batch).SelectMany(n => partial.Select(k => layout.Sample(n) + k)),
        ];
        AssertDistinctAndCovering(statistics, layout.StatisticsLength(batch));

        int[] coefficients =
        [
            .. Enumerable.Range(0, classes).SelectMany(c => new[] { layout.TargetSlope(c), layout.ProbabilitySlope(c) }),
            layout.CrossEntropyScale,
        ];
        AssertDistinctAndCovering(coefficients, layout.CoefficientStride);

        int[] totals =
        [
            StatisticsLayout.DiceTermTotal, StatisticsLayout.SamplesTotal, StatisticsLayout.ElementsTotal,
            StatisticsLayout.PixelTermTotal, StatisticsLayout.PixelWeightTotal,
            .. Enumerable.Range(0, classes).Select(layout.ClassDiceTotal),
            .. sums.Select(k => layout.SumsTotal + k),
        ];
        AssertDistinctAndCovering(totals, layout.TotalsLength);
        Assert.Equal(4 * classes + 5, layout.TotalsLength); // what docs/distributed.md says
    }

    private static void AssertDistinctAndCovering(int[] slots, int length)
    {
        Assert.Equal(length, slots.Length);
        Assert.Equal(Enumerable.Range(0, length), slots.Order());
    }
}
