// A consumer of the Dice.Runtime package, built Debug and Release by bench/debug-build.sh: the generated kernels
// compile into this assembly, so its configuration decides how the JIT compiles them. Prints one CSV row per shape:
// the configuration, whether the JIT optimises this assembly, and the median time of one ForwardBackward call.
using System.Diagnostics;
using System.Reflection;
using Dice;

int rounds = args.Contains("--quick") ? 3 : 15;
bool optimizerDisabled = typeof(DebugBuildLoss).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
#if DEBUG
const string configuration = "Debug";
#else
const string configuration = "Release";
#endif

foreach ((string name, int batch, int spatial) in new[] { ("2x3x32^3", 2, 32 * 32 * 32), ("8x3x256^2", 8, 256 * 256) })
{
    var random = new Random(1);
    float[] input = new float[batch * DebugBuildLoss.Spec.Classes * spatial];
    for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 6 - 3);
    int[] labels = new int[batch * spatial];
    for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(DebugBuildLoss.Spec.Classes);
    float[] gradient = new float[input.Length];

    // Warm up past tiering, then time calls in rounds of ten and keep the median round.
    for (int i = 0; i < 20; i++) DebugBuildLoss.ForwardBackward(input, labels, gradient, batch);
    var times = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < 10; i++) DebugBuildLoss.ForwardBackward(input, labels, gradient, batch);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / 10);
    }

    times.Sort();
    Console.WriteLine($"{configuration},{optimizerDisabled},{name},{times[times.Count / 2]:F4}");
}

/// <summary>The seed's Dice + CE loss over 3 classes.</summary>
[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy)]
public partial class DebugBuildLoss { }
