using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Algorithms;

namespace Dice.Runtime.Tests;

/// <summary>
/// Every generated device kernel of this project's loss classes, and the device finalizer, compiled to PTX for the
/// GPUs users have (sm_80: A100; sm_90: H100/H200) with ILGPU's PTX backend. No GPU is needed: a kernel that ILGPU
/// cannot compile for CUDA fails here, not on a user's first GPU run. (Running the PTX needs a GPU: bench/gpu.)
/// </summary>
public sealed class PtxTests : IDisposable
{
    // The context options of DiceEngine's CUDA context: algorithms (XMath) and inlined static arrays.
    private readonly Context _context = Context.Create(builder => builder.CPU().EnableAlgorithms().Arrays(ArrayMode.InlineMutableStaticArrays));

    public static TheoryData<string, int, int> Targets() => new()
    {
        { "sm_80", 8, 0 },
        { "sm_90", 9, 0 },
    };

    private static readonly Type[] LossTypes = typeof(PtxTests).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DiceLossAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_generated_kernel_and_the_finalizer_compile_to_PTX(string name, int major, int minor)
    {
        using var backend = new PTXBackend(_context, new CudaArchitecture(major, minor), CudaInstructionSet.ISA_78, nvvmAPI: null!);
        var methods = LossTypes
            .SelectMany(type =>
            {
                var kernels = (Kernels.DeviceKernels)typeof(PtxTests).GetMethod(nameof(KernelsOf), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, null)!;
                return new[]
                {
                    (type.Name + ".Statistics", kernels.Statistics.Method), (type.Name + ".Gradient", kernels.Gradient.Method),
                    (type.Name + ".Confusion", kernels.Confusion.Method),
                };
            })
            .Append(("DeviceFinalizer", typeof(DeviceFinalizer).GetMethod(nameof(DeviceFinalizer.Kernel))!))
            .ToList();

        Assert.True(methods.Count > 450, $"only {methods.Count} kernels found");
        foreach (var (kernel, method) in methods)
        {
            var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(method), KernelSpecialization.Empty);
            // ILGPU 1.5.3 emits sm_80 code for newer devices too; the driver JITs PTX forward, so it runs there.
            Match target = Regex.Match(compiled.PTXAssembly, @"\.target sm_(\d+)");
            Assert.True(target.Success, $"{kernel} for {name}: no .target line");
            int emitted = int.Parse(target.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(emitted, 80, major * 10 + minor);
            Assert.Contains(".entry", compiled.PTXAssembly, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(kernel));
        }
    }

    private static Kernels.DeviceKernels KernelsOf<TLoss>() where TLoss : IDiceLoss => TLoss.DeviceKernels;

    public void Dispose() => _context.Dispose();
}
