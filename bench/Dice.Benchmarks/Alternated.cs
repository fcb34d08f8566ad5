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
        var warmup = Stopwatch.StartNew();
        for (int i = 0; i < 10 || warmup.ElapsedMilliseconds < 200; i++)
        {
            a();
            b();
        }

        var samplesA = new double[repeats];
        var samplesB = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            a();
            samplesA[i] = watch.Elapsed.TotalSeconds;
            watch.Restart();
            b();
            samplesB[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(samplesA);
        Array.Sort(samplesB);
        return (samplesA[repeats / 2], samplesB[repeats / 2]);
    }
}
