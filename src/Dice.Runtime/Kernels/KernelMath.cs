using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dice.Kernels;

/// <summary>Helpers that generated kernels call. Not meant for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelMath
{
    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector512<float> value) =>
        SumToDouble(value.GetLower()) + SumToDouble(value.GetUpper());

    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector256<float> value)
    {
        var (lower, upper) = Vector256.Widen(value);
        return Vector256.Sum(lower + upper);
    }

    /// <summary>The sum of the lanes, widened to double before adding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector128<float> value)
    {
        var (lower, upper) = Vector128.Widen(value);
        return Vector128.Sum(lower + upper);
    }

    // exp(x) = 2^n * exp(r), n = round(x / ln 2), r = x - n ln 2 in [-ln2/2, ln2/2] (ln 2 split in two
    // constants so that r is exact), exp(r) by a degree-7 polynomial (Cephes expf coefficients); 2^n is
    // built in the exponent bits. Relative error about 1.2e-7 (1 to 2 ulp); 0 below -87.3, where the
    // result would be subnormal. About a third cheaper than the BCL's vector Exp, which works in double. The
    // multiply-adds are MultiplyAddEstimate: fused where the CPU has FMA, multiply then add where it has not
    // (the split ln 2 keeps the reduction exact either way), never a software fallback.
    private const float ExpLow = -87.3f, ExpHigh = 88.3f, Log2E = 1.44269504088896341f, Ln2High = 0.693359375f, Ln2Low = -2.12194440e-4f;
    private const float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f, P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    // The clamp is MinNative(MaxNative(...)): one instruction each. Max and Min propagate NaN and order -0 below +0, which
    // costs fix-up instructions on x86; the kernels never take e^x of a NaN (the checks of pass 1 reject such input).
    // n is ConvertToInt32Native: after the clamp n is a whole number in [-126, 127], which every conversion gives
    // exactly, while ConvertToInt32 saturates out-of-range and NaN lanes with a compare, a mask and a blend around the
    // one conversion instruction (docs/performance.md, "The exponent's conversion").
    /// <summary>e^x for every lane (see the comment above for the method and its accuracy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        Vector512<float> clamped = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(ExpLow)), Vector512.Create(ExpHigh));
        Vector512<float> n = Vector512.Round(clamped * Vector512.Create(Log2E));
        Vector512<float> r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2High), clamped);
        r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2Low), r);
        Vector512<float> p = Vector512.MultiplyAddEstimate(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(P2));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(P3));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(P4));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(P5));
        p = Vector512.MultiplyAddEstimate(p, r * r, r + Vector512<float>.One);
        Vector512<float> scale = ((Vector512.ConvertToInt32Native(n) + Vector512.Create(127)) << 23).AsSingle();
        return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(ExpLow)), Vector512<float>.Zero, p * scale);
    }

    /// <summary>e^x for every lane (see <see cref="Exp(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        Vector256<float> clamped = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(ExpLow)), Vector256.Create(ExpHigh));
        Vector256<float> n = Vector256.Round(clamped * Vector256.Create(Log2E));
        Vector256<float> r = Vector256.MultiplyAddEstimate(n, Vector256.Create(-Ln2High), clamped);
        r = Vector256.MultiplyAddEstimate(n, Vector256.Create(-Ln2Low), r);
        Vector256<float> p = Vector256.MultiplyAddEstimate(Vector256.Create(P0), r, Vector256.Create(P1));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(P2));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(P3));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(P4));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(P5));
        p = Vector256.MultiplyAddEstimate(p, r * r, r + Vector256<float>.One);
        Vector256<float> scale = ((Vector256.ConvertToInt32Native(n) + Vector256.Create(127)) << 23).AsSingle();
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(ExpLow)), Vector256<float>.Zero, p * scale);
    }

    /// <summary>e^x for every lane (see <see cref="Exp(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        Vector128<float> clamped = Vector128.MinNative(Vector128.MaxNative(x, Vector128.Create(ExpLow)), Vector128.Create(ExpHigh));
        Vector128<float> n = Vector128.Round(clamped * Vector128.Create(Log2E));
        Vector128<float> r = Vector128.MultiplyAddEstimate(n, Vector128.Create(-Ln2High), clamped);
        r = Vector128.MultiplyAddEstimate(n, Vector128.Create(-Ln2Low), r);
        Vector128<float> p = Vector128.MultiplyAddEstimate(Vector128.Create(P0), r, Vector128.Create(P1));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(P2));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(P3));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(P4));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(P5));
        p = Vector128.MultiplyAddEstimate(p, r * r, r + Vector128<float>.One);
        Vector128<float> scale = ((Vector128.ConvertToInt32Native(n) + Vector128.Create(127)) << 23).AsSingle();
        return Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(ExpLow)), Vector128<float>.Zero, p * scale);
    }

    // ln(x) = e ln 2 + ln(m), x = m 2^e with m in [sqrt(1/2), sqrt(2)) read from the float's bits, ln(1 + f)
    // by a degree-8 polynomial (Cephes logf coefficients). Relative error about 1e-7 for normal positive x.
    // Inlined, unlike the BCL's vector Log, whose call makes the JIT spill every live vector register.
    private const float SqrtHalf = 0.707106781186547524f;
    private const float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f, L2 = 1.1676998740e-1f, L3 = -1.2420140846e-1f, L4 = 1.4249322787e-1f,
        L5 = -1.6668057665e-1f, L6 = 2.0000714765e-1f, L7 = -2.4999993993e-1f, L8 = 3.3333331174e-1f;

    /// <summary>ln(x) for every lane, x &gt; 0 and finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        Vector512<int> bits = x.AsInt32();
        Vector512<float> exponent = Vector512.ConvertToSingle(Vector512.ShiftRightLogical(bits, 23) - Vector512.Create(126));
        Vector512<float> m = ((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F000000)).AsSingle();
        Vector512<float> small = Vector512.LessThan(m, Vector512.Create(SqrtHalf));
        exponent -= small & Vector512<float>.One;
        m = m + (m & small) - Vector512<float>.One;
        Vector512<float> z = m * m;
        Vector512<float> y = Vector512.MultiplyAddEstimate(Vector512.Create(L0), m, Vector512.Create(L1));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L2));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L3));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L4));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L5));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L6));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L7));
        y = Vector512.MultiplyAddEstimate(y, m, Vector512.Create(L8));
        y = y * m * z;
        y = Vector512.MultiplyAddEstimate(exponent, Vector512.Create(Ln2Low), y);
        y = Vector512.MultiplyAddEstimate(z, Vector512.Create(-0.5f), y);
        return Vector512.MultiplyAddEstimate(exponent, Vector512.Create(Ln2High), m + y);
    }

    /// <summary>ln(x) for every lane, x &gt; 0 and finite (see the comment above <see cref="Log(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> x)
    {
        Vector256<int> bits = x.AsInt32();
        Vector256<float> exponent = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(bits, 23) - Vector256.Create(126));
        Vector256<float> m = ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F000000)).AsSingle();
        Vector256<float> small = Vector256.LessThan(m, Vector256.Create(SqrtHalf));
        exponent -= small & Vector256<float>.One;
        m = m + (m & small) - Vector256<float>.One;
        Vector256<float> z = m * m;
        Vector256<float> y = Vector256.MultiplyAddEstimate(Vector256.Create(L0), m, Vector256.Create(L1));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L2));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L3));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L4));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L5));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L6));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L7));
        y = Vector256.MultiplyAddEstimate(y, m, Vector256.Create(L8));
        y = y * m * z;
        y = Vector256.MultiplyAddEstimate(exponent, Vector256.Create(Ln2Low), y);
        y = Vector256.MultiplyAddEstimate(z, Vector256.Create(-0.5f), y);
        return Vector256.MultiplyAddEstimate(exponent, Vector256.Create(Ln2High), m + y);
    }

    /// <summary>ln(x) for every lane, x &gt; 0 and finite (see the comment above <see cref="Log(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log(Vector128<float> x)
    {
        Vector128<int> bits = x.AsInt32();
        Vector128<float> exponent = Vector128.ConvertToSingle(Vector128.ShiftRightLogical(bits, 23) - Vector128.Create(126));
        Vector128<float> m = ((bits & Vector128.Create(0x007FFFFF)) | Vector128.Create(0x3F000000)).AsSingle();
        Vector128<float> small = Vector128.LessThan(m, Vector128.Create(SqrtHalf));
        exponent -= small & Vector128<float>.One;
        m = m + (m & small) - Vector128<float>.One;
        Vector128<float> z = m * m;
        Vector128<float> y = Vector128.MultiplyAddEstimate(Vector128.Create(L0), m, Vector128.Create(L1));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L2));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L3));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L4));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L5));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L6));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L7));
        y = Vector128.MultiplyAddEstimate(y, m, Vector128.Create(L8));
        y = y * m * z;
        y = Vector128.MultiplyAddEstimate(exponent, Vector128.Create(Ln2Low), y);
        y = Vector128.MultiplyAddEstimate(z, Vector128.Create(-0.5f), y);
        return Vector128.MultiplyAddEstimate(exponent, Vector128.Create(Ln2High), m + y);
    }

    // expm1(x) = e^x - 1 without the cancellation of computing e^x first when x is near 0: for |x| < 1/2 the Taylor
    // series to x^8 (truncation below 1.5e-8 relative at |x| = 1/2), otherwise Exp(x) - 1, which loses nothing there
    // (|e^x - 1| >= 0.39). The focal term needs u = 1 - e^(-l) for small l this way.
    private const float ExpM1Switch = 0.5f;
    private const float E2 = 1f / 2, E3 = 1f / 6, E4 = 1f / 24, E5 = 1f / 120, E6 = 1f / 720, E7 = 1f / 5040, E8 = 1f / 40320;

    /// <summary>e^x - 1 for every lane, accurate near 0 (see the comment above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpM1(Vector512<float> x)
    {
        Vector512<float> p = Vector512.MultiplyAddEstimate(Vector512.Create(E8), x, Vector512.Create(E7));
        p = Vector512.MultiplyAddEstimate(p, x, Vector512.Create(E6));
        p = Vector512.MultiplyAddEstimate(p, x, Vector512.Create(E5));
        p = Vector512.MultiplyAddEstimate(p, x, Vector512.Create(E4));
        p = Vector512.MultiplyAddEstimate(p, x, Vector512.Create(E3));
        p = Vector512.MultiplyAddEstimate(p, x, Vector512.Create(E2));
        Vector512<float> series = Vector512.MultiplyAddEstimate(p * x, x, x);
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(ExpM1Switch)), series, Exp(x) - Vector512<float>.One);
    }

    /// <summary>e^x - 1 for every lane, accurate near 0 (see <see cref="ExpM1(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpM1(Vector256<float> x)
    {
        Vector256<float> p = Vector256.MultiplyAddEstimate(Vector256.Create(E8), x, Vector256.Create(E7));
        p = Vector256.MultiplyAddEstimate(p, x, Vector256.Create(E6));
        p = Vector256.MultiplyAddEstimate(p, x, Vector256.Create(E5));
        p = Vector256.MultiplyAddEstimate(p, x, Vector256.Create(E4));
        p = Vector256.MultiplyAddEstimate(p, x, Vector256.Create(E3));
        p = Vector256.MultiplyAddEstimate(p, x, Vector256.Create(E2));
        Vector256<float> series = Vector256.MultiplyAddEstimate(p * x, x, x);
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(ExpM1Switch)), series, Exp(x) - Vector256<float>.One);
    }

    /// <summary>e^x - 1 for every lane, accurate near 0 (see <see cref="ExpM1(Vector512{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1(Vector128<float> x)
    {
        Vector128<float> p = Vector128.MultiplyAddEstimate(Vector128.Create(E8), x, Vector128.Create(E7));
        p = Vector128.MultiplyAddEstimate(p, x, Vector128.Create(E6));
        p = Vector128.MultiplyAddEstimate(p, x, Vector128.Create(E5));
        p = Vector128.MultiplyAddEstimate(p, x, Vector128.Create(E4));
        p = Vector128.MultiplyAddEstimate(p, x, Vector128.Create(E3));
        p = Vector128.MultiplyAddEstimate(p, x, Vector128.Create(E2));
        Vector128<float> series = Vector128.MultiplyAddEstimate(p * x, x, x);
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), Vector128.Create(ExpM1Switch)), series, Exp(x) - Vector128<float>.One);
    }

    /// <summary>
    /// e^x - 1, accurate near 0 (see <see cref="ExpM1(Vector512{float})"/>): the scalar tail's and the device kernels'
    /// (plain float arithmetic and <see cref="MathF.Exp"/>, which ILGPU compiles).
    /// </summary>
    public static float ExpM1(float x)
    {
        if (MathF.Abs(x) >= ExpM1Switch) return MathF.Exp(x) - 1f;
        float p = E8 * x + E7;
        p = p * x + E6;
        p = p * x + E5;
        p = p * x + E4;
        p = p * x + E3;
        p = p * x + E2;
        return p * x * x + x;
    }
}
