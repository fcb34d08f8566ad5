namespace Dice.Benchmarks;

/// <summary>One benchmarked shape and configuration: its data, and the fused, baseline and floor runs over it.</summary>
public sealed class BenchCase
{
    private readonly float[] _input;
    private readonly int[]? _labels;
    private readonly float[]? _masks;
    private readonly float[] _gradient;
    private readonly byte[] _copySource;
    private readonly byte[] _copyTarget;
    private readonly float[] _expTarget;
    private readonly Func<float[], int[]?, float[]?, float[]?, int, float> _fused;
    private readonly Func<float[], int[]?, float[]?, float[]?, int, float> _fusedWithParameters;

    private BenchCase(string shape, SeedConfig config, int batch, int spatial,
        (Func<float[], int[]?, float[]?, float[]?, int, float> Compiled, Func<float[], int[]?, float[]?, float[]?, int, float> WithParameters) fused)
    {
        Shape = shape;
        Config = config;
        Batch = batch;
        Spatial = spatial;
        (_fused, _fusedWithParameters) = fused;
        var random = new Random(1);
        int elements = batch * config.Classes * spatial;
        _input = new float[elements];
        for (int i = 0; i < elements; i++) _input[i] = config.Logits ? (float)(random.NextDouble() * 6 - 3) : (float)random.NextDouble();
        if (config.Labels) _labels = Enumerable.Range(0, batch * spatial).Select(_ => random.Next(config.Classes)).ToArray();
        else _masks = Enumerable.Range(0, elements).Select(_ => random.Next(4) == 0 ? 1f : 0f).ToArray();
        _gradient = new float[elements];
        long largest = BytesTouched(backward: true);
        _copySource = new byte[largest / 2];
        _copyTarget = new byte[largest / 2];
        _expTarget = new float[elements];
    }

    public string Shape { get; }
    public SeedConfig Config { get; }
    public int Batch { get; }
    public int Spatial { get; }

    /// <summary>N·C·S, the input's elements.</summary>
    public long Elements => _input.Length;

    /// <summary>Bytes the fused kernel must move at least once: input and target read, gradient written.</summary>
    public long BytesTouched(bool backward) => BytesTouched(_input.Length, _labels?.Length ?? _masks!.Length, backward);

    /// <summary><see cref="BytesTouched(bool)"/> from the element counts of the input and the targets (4 bytes each).</summary>
    internal static long BytesTouched(long inputElements, long targetElements, bool backward) =>
        4L * inputElements + 4L * targetElements + (backward ? 4L * inputElements : 0);

    public float Fused(bool backward) => _fused(_input, _labels, _masks, backward ? _gradient : null, Batch);

    /// <summary>The fused loss with its hyperparameters passed at run time (the same values, in a LossParameters of their own).</summary>
    public float FusedWithParameters(bool backward) => _fusedWithParameters(_input, _labels, _masks, backward ? _gradient : null, Batch);

    public float Scalar(bool backward) => ScalarSeed.ForwardBackward(Config, _input, _labels, _masks, backward ? _gradient : null, Batch);

    public float Tensors(bool backward) => TensorSeed.ForwardBackward(Config, _input, _labels, _masks, backward ? _gradient : null, Batch);

    /// <summary>The floor: a copy on all cores of half the touched bytes, so that as many bytes are read and written in all.</summary>
    public void CopyFloor(bool backward) => Copy(_copySource, _copyTarget, (int)(BytesTouched(backward) / 2));

    /// <summary>Copies the first <paramref name="length"/> bytes of <paramref name="source"/> into <paramref name="target"/>, one slice per core.</summary>
    internal static void Copy(byte[] source, byte[] target, int length)
    {
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, part =>
        {
            int from = (int)((long)length * part / parts), to = (int)((long)length * (part + 1) / parts);
            source.AsSpan(from, to - from).CopyTo(target.AsSpan(from));
        });
    }

    /// <summary>
    /// The compute floor: one <c>TensorPrimitives.Exp</c> over the N·C·S input on all cores, the least transcendental
    /// work a loss with an activation needs (the fused kernels do two per element for ForwardBackward: one per pass).
    /// </summary>
    public void ExpFloor() => Exp(_input, _expTarget);

    /// <summary>e^x of <paramref name="input"/> into <paramref name="output"/>, one slice per core.</summary>
    internal static void Exp(float[] input, float[] output)
    {
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, part =>
        {
            int from = (int)((long)input.Length * part / parts), to = (int)((long)input.Length * (part + 1) / parts);
            System.Numerics.Tensors.TensorPrimitives.Exp(input.AsSpan(from, to - from), output.AsSpan(from));
        });
    }

    public override string ToString() => $"{Config.Name} {Shape}";

    private static (Func<float[], int[]?, float[]?, float[]?, int, float>, Func<float[], int[]?, float[]?, float[]?, int, float>) Labels<TLoss>() where TLoss : IDiceLoss
    {
        // An equal copy, not the spec's own object: the call validates it as any run-time value.
        LossParameters parameters = TLoss.Spec.Parameters with { Alpha = TLoss.Spec.Alpha };
        return ((x, labels, _, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, labels, n).Loss : DiceCpu.ForwardBackward<TLoss>(x, labels, grad, n).Loss,
            (x, labels, _, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, labels, n, parameters).Loss : DiceCpu.ForwardBackward<TLoss>(x, labels, grad, n, parameters).Loss);
    }

    private static (Func<float[], int[]?, float[]?, float[]?, int, float>, Func<float[], int[]?, float[]?, float[]?, int, float>) Masks<TLoss>() where TLoss : IDiceLoss
    {
        LossParameters parameters = TLoss.Spec.Parameters with { Alpha = TLoss.Spec.Alpha };
        return ((x, _, masks, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, masks, n).Loss : DiceCpu.ForwardBackward<TLoss>(x, masks, grad, n).Loss,
            (x, _, masks, grad, n) => grad is null ? DiceCpu.Forward<TLoss>(x, masks, n, parameters).Loss : DiceCpu.ForwardBackward<TLoss>(x, masks, grad, n, parameters).Loss);
    }

    public static IEnumerable<BenchCase> All()
    {
        const int image = 256 * 256;
        yield return new("N=8 256x256", SeedConfig.DiceLoss, 8, image, Masks<FusedDiceLoss>());
        yield return new("N=8 256x256", SeedConfig.DiceLossMulticlass, 8, image, Labels<FusedDiceLossMulticlass>());
        yield return new("N=8 256x256", SeedConfig.DiceBceLoss, 8, image, Masks<FusedDiceBceLoss>());
        yield return new("N=8 256x256", SeedConfig.DiceBceLossMulticlass, 8, image, Labels<FusedDiceBceLossMulticlass>());
        yield return new("N=2 96^3", SeedConfig.DiceBceLossMulticlass, 2, 96 * 96 * 96, Labels<FusedDiceBceLossMulticlass>());
    }
}
