using System.Diagnostics;

namespace Dice.Benchmarks;

/// <summary>
/// Two calls timed in turn, pair after pair, so that the noise of a shared machine hits both alike (BenchmarkDotNet
/// measures methods minutes apart): the ratio of two close variants is read from one such run.
/// </summary>
internal static class Alternated
{
    /// <summary>
    /// Warms both up (at least 10 pairs and 200 ms, past tiered compilation), then times <paramref name="repeats"/> pairs;
    /// returns the median time of each, in seconds.
    /// </summary>
    public static (double A, double B) Medians(Action a, Action b, int repeats)
    {
        double[] medians = Medians(repeats, a, b);
        return (medians[0], medians[1]);
    }

    /// <summary>As the pair form, for any number of calls timed in turn: the median of each, in seconds.</summary>
    public static double[] Medians(int repeats, params Action[] calls)
    {
        var warmup = Stopwatch.StartNew();
        for (int i = 0; i < 10 || warmup.ElapsedMilliseconds < 200; i++)
            foreach (Action call in calls) call();

        var samples = new double[calls.Length][];
        for (int j = 0; j < calls.Length; j++) samples[j] = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            for (int j = 0; j < calls.Length; j++)
            {
                var watch = Stopwatch.StartNew();
                calls[j]();
                samples[j][i] = watch.Elapsed.TotalSeconds;
            }
        }

        return samples.Select(s => { Array.Sort(s); return s[repeats / 2]; }).ToArray();
    }
}
