using ILGPU;
using ILGPU.Runtime;
using System.Diagnostics;
using Dice.Runtime.Tests.Matrix;

namespace Dice.Runtime.Tests;

/// <summary>One ILGPU CPU accelerator shared by the device tests of a collection (creating one costs time and threads).</summary>
public sealed class IlgpuCpuEngineFixture : IDisposable
{
    public DiceEngine Engine { get; } = DiceEngine.Create(DiceDevice.IlgpuCpu);

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(nameof(IlgpuCpuCollection))]
public sealed class IlgpuCpuCollection : ICollectionFixture<IlgpuCpuEngineFixture>;

/// <summary>The generated ILGPU kernels, run on ILGPU's CPU accelerator, against the float64 reference and the CPU path.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class DeviceParityTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    public static TheoryData<ILossCase> Cases() => new(LossMatrix.All);

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Matches_reference_and_cpu_path(ILossCase loss)
    {
        foreach (var (batch, spatial, seed) in new[] { (1, 1, 1), (2, 37, 2), (3, 300, 3) })
        {
            var (input, target) = TestData.Make(loss.Spec, batch, spatial, seed);
            ReferenceResult expected = TestData.Reference(loss.Spec, input, target, batch);
            string context = $"{loss.Name} IlgpuCpu N={batch} S={spatial}";
            var gradient = new float[input.Length];
            LossResult device = loss.ForwardBackward(input, target, gradient, batch, engine: _engine);
            Assertions.Matches(expected, device, context);
            Assertions.GradientMatches(expected, gradient, context);
            Assertions.Matches(expected, loss.Forward(input, target, batch, engine: _engine), context + " Forward");

            var cpuGradient = new float[input.Length];
            LossResult cpu = loss.ForwardBackward(input, target, cpuGradient, batch);
            Assertions.Close(cpu.Loss, device.Loss, Assertions.LossTolerance, context + " vs CPU");
            Assert.True(Assertions.RelativeL2(cpuGradient.Select(g => (double)g).ToArray(), gradient) <= Assertions.GradientTolerance, context + " gradient vs CPU");
        }
    }
}

/// <summary>The engine's own behaviour on ILGPU's CPU accelerator: determinism, bad input, views, caching, threads.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class DeviceEngineTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    [Fact]
    public void Resolves_to_the_ilgpu_cpu_accelerator()
    {
        Assert.Equal(DiceDevice.IlgpuCpu, _engine.Device);
        Assert.NotNull(_engine.Accelerator);
        Assert.Contains("CPU", _engine.DeviceName, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Repeated_runs_are_bitwise_identical()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, 2, 2000, seed: 21);
        var first = new float[input.Length];
        var second = new float[input.Length];
        LossResult a = loss.ForwardBackward(input, target, first, 2, engine: _engine);
        LossResult b = loss.ForwardBackward(input, target, second, 2, engine: _engine);
        Assert.Equal(BitConverter.SingleToInt32Bits(a.Loss), BitConverter.SingleToInt32Bits(b.Loss));
        Assert.Equal(a.ClassDice, b.ClassDice);
        Assert.True(first.AsSpan().SequenceEqual(second));
    }

    [Fact]
    public void Bad_input_throws_the_cpu_paths_exception_and_writes_nothing()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, 2, 100, seed: 22);
        target.Labels![150] = 7;
        input[4 * 100 + 3] = float.NaN;
        var gradient = Enumerable.Repeat(42f, input.Length).ToArray();
        var device = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, gradient, 2, engine: _engine));
        var cpu = Assert.ThrowsAny<ArgumentException>(() => loss.ForwardBackward(input, target, new float[input.Length], 2));
        Assert.Equal(cpu.Message, device.Message);
        Assert.Equal("input", device.ParamName);
        Assert.All(gradient, g => Assert.Equal(42f, g));

        // The engine keeps working afterwards.
        input[4 * 100 + 3] = 0;
        target.Labels![150] = 1;
        Assert.True(float.IsFinite(loss.ForwardBackward(input, target, gradient, 2, engine: _engine).Loss));
    }

    [Fact]
    public void Array_view_overloads_match_host_spans_and_support_in_place()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 500, seed: 23);
        var hostGradient = new float[input.Length];
        LossResult host = _engine.ForwardBackward<SoftmaxCeLabels4>(input, target.Labels!, hostGradient, 2);

        var accelerator = _engine.Accelerator!;
        using var inputBuffer = accelerator.Allocate1D(input);
        using var labelsBuffer = accelerator.Allocate1D(target.Labels!);
        using var gradientBuffer = accelerator.Allocate1D<float>(input.Length);
        LossResult views = _engine.ForwardBackward<SoftmaxCeLabels4>(inputBuffer.View, labelsBuffer.View, gradientBuffer.View, 2);
        Assert.Equal(host.Loss, views.Loss);
        Assert.True(gradientBuffer.GetAsArray1D().AsSpan().SequenceEqual(hostGradient));
        Assert.Equal(host.Loss, _engine.Forward<SoftmaxCeLabels4>(inputBuffer.View, labelsBuffer.View, 2).Loss);

        LossResult inPlace = _engine.ForwardBackward<SoftmaxCeLabels4>(inputBuffer.View, labelsBuffer.View, inputBuffer.View, 2);
        Assert.Equal(host.Loss, inPlace.Loss);
        Assert.True(inputBuffer.GetAsArray1D().AsSpan().SequenceEqual(hostGradient));
    }

    [Fact]
    public void Kernels_are_loaded_once_per_loss()
    {
        var (input, target) = TestData.Make(SigmoidBceMasks2.Spec, 1, 64, seed: 24);
        _engine.Forward<SigmoidBceMasks2>(input, target.Masks!, 1);
        int loads = _engine.KernelLoads;
        _engine.Forward<SigmoidBceMasks2>(input, target.Masks!, 1);
        _engine.ForwardBackward<SigmoidBceMasks2>(input, target.Masks!, new float[input.Length], 1);
        Assert.Equal(loads, _engine.KernelLoads);
    }

    [Fact]
    public void Concurrent_calls_equal_sequential_ones()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var data = Enumerable.Range(0, 4).Select(i => TestData.Make(loss.Spec, 1, 300 + i, seed: 30 + i)).ToArray();
        var expected = data.Select(d => loss.Forward(d.Input, d.Target, 1, engine: _engine).Loss).ToArray();
        var actual = new float[4, 3];
        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            actual[i % 4, i / 4] = loss.Forward(data[i % 4].Input, data[i % 4].Target, 1, engine: _engine).Loss);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(expected[i], actual[i, j]);
    }
}

/// <summary>The engine's overloads and guarantees that the parity tests do not reach: masks views, in place, bad views.</summary>
[Collection(nameof(IlgpuCpuCollection))]
public class DeviceOverloadTests(IlgpuCpuEngineFixture fixture)
{
    private readonly DiceEngine _engine = fixture.Engine;

    [Fact]
    public void Masks_view_overloads_match_host_spans_in_and_out_of_place()
    {
        var (input, target) = TestData.Make(SigmoidBceMasks2.Spec, 3, 700, seed: 41);
        var hostGradient = new float[input.Length];
        LossResult host = _engine.ForwardBackward<SigmoidBceMasks2>(input, target.Masks!, hostGradient, 3);

        var accelerator = _engine.Accelerator!;
        using var inputBuffer = accelerator.Allocate1D(input);
        using var masksBuffer = accelerator.Allocate1D(target.Masks!);
        using var gradientBuffer = accelerator.Allocate1D<float>(input.Length);
        Assert.Equal(host.Loss, _engine.Forward<SigmoidBceMasks2>(inputBuffer.View, masksBuffer.View, 3).Loss);
        LossResult views = _engine.ForwardBackward<SigmoidBceMasks2>(inputBuffer.View, masksBuffer.View, gradientBuffer.View, 3);
        Assert.Equal(host.Loss, views.Loss);
        Assert.Equal(host.ClassDice, views.ClassDice);
        Assert.True(gradientBuffer.GetAsArray1D().AsSpan().SequenceEqual(hostGradient));

        LossResult inPlace = _engine.ForwardBackward<SigmoidBceMasks2>(inputBuffer.View, masksBuffer.View, inputBuffer.View, 3);
        Assert.Equal(host.Loss, inPlace.Loss);
        Assert.True(inputBuffer.GetAsArray1D().AsSpan().SequenceEqual(hostGradient));
    }

    [Fact]
    public void Host_spans_in_place_equal_out_of_place()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 900, seed: 42);
        var gradient = new float[input.Length];
        LossResult outOfPlace = _engine.ForwardBackward<SoftmaxCeLabels4>(input, target.Labels!, gradient, 2);
        LossResult inPlace = _engine.ForwardBackward<SoftmaxCeLabels4>(input, target.Labels!, input, 2);
        Assert.Equal(outOfPlace.Loss, inPlace.Loss);
        Assert.True(input.AsSpan().SequenceEqual(gradient));
    }

    [Fact]
    public void More_than_16_classes_in_place_on_the_device_equal_out_of_place()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels24.Spec, 2, 333, seed: 43);
        var gradient = new float[input.Length];
        LossResult outOfPlace = _engine.ForwardBackward<SoftmaxCeLabels24>(input, target.Labels!, gradient, 2);

        using var inputBuffer = _engine.Accelerator!.Allocate1D(input);
        using var labelsBuffer = _engine.Accelerator!.Allocate1D(target.Labels!);
        LossResult inPlace = _engine.ForwardBackward<SoftmaxCeLabels24>(inputBuffer.View, labelsBuffer.View, inputBuffer.View, 2);
        Assert.Equal(outOfPlace.Loss, inPlace.Loss);
        Assert.True(inputBuffer.GetAsArray1D().AsSpan().SequenceEqual(gradient));
    }

    [Fact]
    public void Bad_input_through_views_throws_the_cpu_paths_exception_and_leaves_the_in_place_view_unchanged()
    {
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 400, seed: 44);
        target.Labels![511] = -3;
        var cpu = Assert.ThrowsAny<ArgumentException>(() => DiceCpu.ForwardBackward<SoftmaxCeLabels4>(input, target.Labels!, new float[input.Length], 2));

        using var inputBuffer = _engine.Accelerator!.Allocate1D(input);
        using var labelsBuffer = _engine.Accelerator!.Allocate1D(target.Labels!);
        var device = Assert.ThrowsAny<ArgumentException>(() =>
            _engine.ForwardBackward<SoftmaxCeLabels4>(inputBuffer.View, labelsBuffer.View, inputBuffer.View, 2));
        Assert.Equal(cpu.Message, device.Message);
        Assert.Equal("labels", device.ParamName);
        Assert.True(inputBuffer.GetAsArray1D().AsSpan().SequenceEqual(input));
    }

    [Fact]
    public void Views_on_a_cpu_engine_throw()
    {
        using var cpuEngine = DiceEngine.Create(DiceDevice.Cpu);
        using var inputBuffer = _engine.Accelerator!.Allocate1D<float>(4 * 10);
        using var labelsBuffer = _engine.Accelerator!.Allocate1D<int>(10);
        var error = Assert.Throws<InvalidOperationException>(() => cpuEngine.Forward<SoftmaxCeLabels4>(inputBuffer.View, labelsBuffer.View, 1));
        Assert.Contains("no accelerator", error.Message);
    }
}

/// <summary>
/// The device schedule with a GPU's group size: ILGPU's CPU accelerator simulating 256 threads per group (its default
/// is 16), several groups per sample, and the cap on groups per sample.
/// </summary>
public sealed class GpuShapedScheduleTests : IDisposable
{
    private readonly DiceEngine _engine = DiceEngine.CreateIlgpuCpu(new ILGPU.Runtime.CPU.CPUDevice(32, 8, 2));

    [Fact]
    public void Groups_of_256_threads_over_several_groups_per_sample_match_the_reference_and_repeat_bit_for_bit()
    {
        Assert.Equal(256, _engine.Accelerator!.MaxNumThreadsPerGroup);
        foreach (ILossCase loss in new ILossCase[] { new LossCase<SoftmaxCeLabels4>(), new LossCase<SoftmaxCeLabels24>(), new LossCase<SigmoidBceMasks2>() })
        {
            // 5 groups of 256 threads per sample (20,000 pixels at 16 per thread), the last one short.
            var (input, target) = TestData.Make(loss.Spec, 2, 20_000, seed: 45);
            Assert.Equal(5, DiceEngine.GroupsPerSample(2, 20_000, 256, _engine.Accelerator!.NumMultiprocessors, 1024));
            ReferenceResult expected = TestData.Reference(loss.Spec, input, target, 2);
            var first = new float[input.Length];
            var second = new float[input.Length];
            LossResult a = loss.ForwardBackward(input, target, first, 2, engine: _engine);
            LossResult b = loss.ForwardBackward(input, target, second, 2, engine: _engine);
            Assertions.Matches(expected, a, loss.Name + " 256-thread groups");
            Assertions.GradientMatches(expected, first, loss.Name + " 256-thread groups");
            Assert.Equal(BitConverter.SingleToInt32Bits(a.Loss), BitConverter.SingleToInt32Bits(b.Loss));
            Assert.True(first.AsSpan().SequenceEqual(second));
        }
    }

    [Fact]
    public void The_cap_on_groups_per_sample_lengthens_slices_and_keeps_the_result()
    {
        var loss = new LossCase<SoftmaxCeLabels4>();
        var (input, target) = TestData.Make(loss.Spec, 2, 20_000, seed: 46);
        ReferenceResult expected = TestData.Reference(loss.Spec, input, target, 2);
        _engine.MaxGroupsPerSample = 2;
        var gradient = new float[input.Length];
        LossResult capped = loss.ForwardBackward(input, target, gradient, 2, engine: _engine);
        Assertions.Matches(expected, capped, "capped at 2 groups per sample");
        Assertions.GradientMatches(expected, gradient, "capped at 2 groups per sample");
    }

    [Theory]
    [InlineData(16, 512 * 512, 256, 132, 1024, 64)]   // the H100 case: 16 pixels per thread
    [InlineData(1, 64 * 64, 256, 132, 1024, 16)]      // small: one group per 256 pixels, spread over the device
    [InlineData(8, 256 * 256, 256, 132, 1024, 33)]    // at least two groups per multiprocessor over the batch (264 / 8)
    [InlineData(1, 1, 256, 132, 1024, 1)]
    [InlineData(2, 100_000_000, 256, 132, 1024, 1024)] // the cap
    [InlineData(3, 300, 16, 1, 1024, 2)]              // ILGPU's default CPU device
    public void Groups_per_sample(int batch, int spatial, int groupSize, int multiprocessors, int cap, int expected) =>
        Assert.Equal(expected, DiceEngine.GroupsPerSample(batch, spatial, groupSize, multiprocessors, cap));

    public void Dispose() => _engine.Dispose();
}

/// <summary>Engine creation and lifetime (each test makes its own engine).</summary>
public class EngineLifetimeTests
{
    [Fact]
    public void Auto_without_a_gpu_resolves_to_the_cpu_and_cuda_fails_clearly()
    {
        using var auto = DiceEngine.Create();
        if (auto.Device == DiceDevice.Cuda) return; // a machine with a GPU: nothing to check here
        Assert.Equal(DiceDevice.Cpu, auto.Device);
        Assert.Null(auto.Accelerator);
        var error = Assert.Throws<InvalidOperationException>(() => DiceEngine.Create(DiceDevice.Cuda));
        Assert.Contains("CUDA", error.Message);
    }

    [Fact]
    public void Cpu_engine_runs_the_simd_kernels()
    {
        using var engine = DiceEngine.Create(DiceDevice.Cpu);
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 2, 100, seed: 25);
        Assert.Equal(DiceCpu.Forward<SoftmaxCeLabels4>(input, target.Labels!, 2).Loss, engine.Forward<SoftmaxCeLabels4>(input, target.Labels!, 2).Loss);
    }

    [Fact]
    public void Use_after_dispose_throws()
    {
        var engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(SoftmaxCeLabels4.Spec, 1, 10, seed: 26);
        engine.Forward<SoftmaxCeLabels4>(input, target.Labels!, 1);
        engine.Dispose();
        engine.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => engine.Forward<SoftmaxCeLabels4>(input, target.Labels!, 1));
        var cpu = DiceEngine.Create(DiceDevice.Cpu);
        cpu.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cpu.Forward<SoftmaxCeLabels4>(input, target.Labels!, 1));
    }
}

/// <summary>Loss classes need not be public: the generator grants ILGPU's runtime assembly access.</summary>
public class InternalLossTests
{
    [Fact]
    public void An_internal_loss_runs_on_the_ilgpu_cpu_accelerator()
    {
        using var engine = DiceEngine.Create(DiceDevice.IlgpuCpu);
        var (input, target) = TestData.Make(InternalLoss.Spec, 1, 50, seed: 27);
        Assert.Equal(
            DiceCpu.Forward<InternalLoss>(input, target.Labels!, 1).Loss,
            engine.Forward<InternalLoss>(input, target.Labels!, 1).Loss, 5);
    }
}

[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy)]
internal sealed partial class InternalLoss { }
