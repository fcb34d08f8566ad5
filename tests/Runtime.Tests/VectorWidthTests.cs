using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dice.Runtime.Tests;

/// <summary>
/// The vector width the kernels run with. CI runs the suite three times: as the machine is, with
/// DOTNET_EnableAVX512F=0 (Vector256) and with DOTNET_EnableAVX2=0 (Vector128, and no FMA); DICE_EXPECT_WIDTH
/// says which width that run must have, so that a setting the runtime ignored cannot pass unnoticed.
/// </summary>
public class VectorWidthTests
{
    private static int WidestAcceleratedWidth() =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    [Fact]
    public void The_run_has_the_width_it_was_started_for()
    {
        int width = WidestAcceleratedWidth();
        Assert.Contains(width, new[] { 512, 256, 128 });
        if (Environment.GetEnvironmentVariable("DICE_EXPECT_WIDTH") is { Length: > 0 } expected)
            Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), width);
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
            Assert.False(Fma.IsSupported, "DOTNET_EnableAVX2=0 is expected to turn FMA off on .NET 10");
    }
}
