using System.Runtime.Intrinsics;
using Dice.Kernels;

namespace Dice.Runtime.Tests;

/// <summary>The kernels' vector exp against Math.Exp, at every width.</summary>
public class KernelMathTests
{
    [Fact]
    public void Vector_exp_is_within_two_ulp_of_math_exp()
    {
        var random = new Random(3);
        float[] xs = Enumerable.Range(0, 1 << 14).Select(i => i < 64 ? -i * 1.4f : (float)(random.NextDouble() * 168 - 87)).ToArray();
        AssertExpAtEveryWidth(xs, (x, expected) => x < -87.3 ? 1.2e-38 : 2.4e-7 * expected);
    }

    [Fact]
    public void Vector_exp_holds_at_the_ends_of_its_range_where_the_exponent_is_largest_and_smallest()
    {
        // 2^n with n from -126 to 127: the exponent's conversion (ConvertToInt32Native) must give every n exactly.
        float[] xs = Enumerable.Range(0, 1 << 12).Select(i => i % 2 == 0 ? 88.3f - i * 1e-3f : -87.29f + i * 1e-3f).ToArray();
        AssertExpAtEveryWidth(xs, (_, expected) => 2.4e-7 * expected);
    }

    /// <summary>Exp of every x at Vector512 within <paramref name="tolerance"/> (of x and Math.Exp(x)) of Math.Exp, and the same bits at 256 and 128.</summary>
    private static void AssertExpAtEveryWidth(float[] xs, Func<double, double, double> tolerance)
    {
        for (int i = 0; i + 16 <= xs.Length; i += 16)
        {
            var wide = KernelMath.Exp(Vector512.Create(xs.AsSpan(i, 16)));
            var mid = KernelMath.Exp(Vector256.Create(xs.AsSpan(i, 8)));
            var narrow = KernelMath.Exp(Vector128.Create(xs.AsSpan(i, 4)));
            for (int j = 0; j < 16; j++)
            {
                double x = xs[i + j], expected = Math.Exp(x);
                Assert.True(Math.Abs(wide[j] - expected) <= tolerance(x, expected), $"Exp({x}) = {wide[j]}, expected {expected}");
                if (j < 8) Assert.Equal(wide[j], mid[j]);
                if (j < 4) Assert.Equal(wide[j], narrow[j]);
            }
        }
    }

    [Fact]
    public void Vector_log_is_within_two_ulp_of_math_log()
    {
        var random = new Random(4);
        float[] xs = Enumerable.Range(0, 1 << 14).Select(i => i % 2 == 0 ? 1 + (float)random.NextDouble() * 64 : (float)Math.Exp(random.NextDouble() * 160 - 80)).ToArray();
        for (int i = 0; i + 16 <= xs.Length; i += 16)
        {
            var wide = KernelMath.Log(Vector512.Create(xs.AsSpan(i, 16)));
            var mid = KernelMath.Log(Vector256.Create(xs.AsSpan(i, 8)));
            var narrow = KernelMath.Log(Vector128.Create(xs.AsSpan(i, 4)));
            for (int j = 0; j < 16; j++)
            {
                double x = xs[i + j], expected = Math.Log(x);
                Assert.True(Math.Abs(wide[j] - expected) <= 2.4e-7 * Math.Max(Math.Abs(expected), 1e-3) + 1e-9, $"Log({x}) = {wide[j]}, expected {expected}");
                if (j < 8) Assert.Equal(wide[j], mid[j]);
                if (j < 4) Assert.Equal(wide[j], narrow[j]);
            }
        }

        Assert.Equal(0f, KernelMath.Log(Vector256<float>.One)[0]);
    }

    [Fact]
    public void Vector_exp_of_zero_is_one_and_of_very_negative_is_zero()
    {
        Assert.Equal(1f, KernelMath.Exp(Vector256<float>.Zero)[0]);
        Assert.Equal(0f, KernelMath.Exp(Vector256.Create(-1e4f))[0]);
        Assert.Equal(0f, KernelMath.Exp(Vector256.Create(float.NegativeInfinity))[0]);
    }

    [Fact]
    public void ExpM1_is_accurate_near_zero_where_exp_minus_one_cancels()
    {
        // The focal term's u = -expm1(-l): relative accuracy matters most for tiny l, where e^-l - 1 in float loses all.
        var random = new Random(5);
        float[] xs = Enumerable.Range(0, 1 << 12).Select(i => i % 3 == 0 ? -(float)Math.Exp(-random.NextDouble() * 60) : (float)(random.NextDouble() * 40 - 30)).ToArray();
        for (int i = 0; i + 16 <= xs.Length; i += 16)
        {
            var wide = KernelMath.ExpM1(Vector512.Create(xs.AsSpan(i, 16)));
            var mid = KernelMath.ExpM1(Vector256.Create(xs.AsSpan(i, 8)));
            var narrow = KernelMath.ExpM1(Vector128.Create(xs.AsSpan(i, 4)));
            for (int j = 0; j < 16; j++)
            {
                double x = xs[i + j];
                // expm1 in float64: the series where Math.Exp(x) - 1 would itself cancel.
                double expected = Math.Abs(x) < 1e-5 ? x + x * x / 2 : Math.Exp(x) - 1;
                double tolerance = 4e-7 * Math.Abs(expected);
                Assert.True(Math.Abs(wide[j] - expected) <= tolerance, $"ExpM1({x}) = {wide[j]}, expected {expected}");
                Assert.True(Math.Abs(KernelMath.ExpM1(xs[i + j]) - expected) <= tolerance, $"scalar ExpM1({x}) = {KernelMath.ExpM1(xs[i + j])}, expected {expected}");
                if (j < 8) Assert.Equal(wide[j], mid[j]);
                if (j < 4) Assert.Equal(wide[j], narrow[j]);
            }
        }
    }
}
