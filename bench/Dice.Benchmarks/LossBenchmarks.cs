using BenchmarkDotNet.Attributes;

namespace Dice.Benchmarks;

/// <summary>
/// Fused kernels (with the attribute's hyperparameters, and with the same values passed at run time) against the
/// scalar seed port (a), the TensorPrimitives composition (b), the copy floor (c) and the one-exponential floor (d).
/// </summary>
[MemoryDiagnoser]
public class LossBenchmarks
{
    private static readonly BenchCase[] Cases = BenchCase.All().ToArray();

    public static IEnumerable<BenchCase> CaseSource() => Cases;

    [ParamsSource(nameof(CaseSource))]
    public BenchCase Case { get; set; } = null!;

    [Params(true, false)]
    public bool Backward { get; set; }

    [Benchmark]
    public float Fused() => Case.Fused(Backward);

    [Benchmark]
    public float FusedWithParameters() => Case.FusedWithParameters(Backward);

    [Benchmark(Baseline = true)]
    public float ScalarSeed() => Case.Scalar(Backward);

    [Benchmark]
    public float TensorPrimitives() => Case.Tensors(Backward);

    [Benchmark]
    public void CopyFloor() => Case.CopyFloor(Backward);

    [Benchmark]
    public void ExpFloor() => Case.ExpFloor();
}
