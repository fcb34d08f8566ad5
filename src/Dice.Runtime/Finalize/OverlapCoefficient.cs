namespace Dice;

/// <summary>
/// The overlap coefficient d of one class from its sums I, P and T, with its derivatives with respect to I and P:
/// the one home of each overlap family's math and formula text. The finalizer (CPU and device) computes through it,
/// and the generator (which compiles this file too) writes <see cref="Formula"/> into the generated documentation.
/// A family whose coefficient is a function of the sums alone is added here (see docs/architecture.md).
/// </summary>
internal static class OverlapCoefficient
{
    /// <summary>
    /// d and its slopes; d = 1 with zero slopes when the denominator is 0 (only possible with Smooth = 0).
    /// <paramref name="falsePositiveWeight"/> and <paramref name="falseNegativeWeight"/> are Tversky's alpha and beta.
    /// Generalized Dice reports each class's plain Dice coefficient here (its loss is a reduction over the classes,
    /// <see cref="LossFinalizer"/>).
    /// </summary>
    public static void Compute(
        Overlap kind, double i, double p, double t, double smooth, double falsePositiveWeight, double falseNegativeWeight,
        out double d, out double dDdI, out double dDdP)
    {
        double numerator, denominator;
        switch (kind)
        {
            case Overlap.Jaccard:
                numerator = i + smooth;
                denominator = p + t - i + smooth;
                break;
            case Overlap.Tversky:
                // (I + s) / (I + alpha (P - I) + beta (T - I) + s), with the differences folded into the sums.
                numerator = i + smooth;
                denominator = (1 - falsePositiveWeight - falseNegativeWeight) * i + falsePositiveWeight * p + falseNegativeWeight * t + smooth;
                break;
            default:
                numerator = 2 * i + smooth;
                denominator = p + t + smooth;
                break;
        }

        if (denominator == 0)
        {
            d = 1;
            dDdI = 0;
            dDdP = 0;
            return;
        }

        d = numerator / denominator;
        double squared = denominator * denominator;
        switch (kind)
        {
            case Overlap.Jaccard:
                dDdI = 1 / denominator + numerator / squared;
                dDdP = -numerator / squared;
                break;
            case Overlap.Tversky:
                dDdI = 1 / denominator - numerator * (1 - falsePositiveWeight - falseNegativeWeight) / squared;
                dDdP = -numerator * falsePositiveWeight / squared;
                break;
            default:
                dDdI = 2 / denominator;
                dDdP = -numerator / squared;
                break;
        }
    }

    /// <summary>The coefficient's name, for documentation.</summary>
    public static string Name(Overlap kind) => kind switch
    {
        Overlap.Jaccard => "Jaccard",
        Overlap.Tversky => "Tversky",
        Overlap.GeneralizedDice => "Generalized Dice",
        _ => "Dice",
    };

    /// <summary>The coefficient as a formula, for documentation.</summary>
    public static string Formula(Overlap kind) => kind switch
    {
        Overlap.Jaccard => "d = (I + s) / (P + T - I + s)",
        Overlap.Tversky => "d = (I + s) / (I + alpha (P - I) + beta (T - I) + s)   (alpha = FalsePositiveWeight, beta = FalseNegativeWeight)",
        Overlap.GeneralizedDice => "G = (2 sum_c w_c I_c + s) / (sum_c w_c (P_c + T_c) + s) per sample, w_c from T_c",
        _ => "d = (2I + s) / (P + T + s)",
    };
}

/// <summary>How the loss of one class follows from its coefficient d.</summary>
internal enum TermKind
{
    /// <summary>l = (1 - d)^gamma; 1 - d when gamma = 1.</summary>
    Linear,
    /// <summary>l = -ln(max(d, 1e-7)) (LogLoss).</summary>
    Log,
}

/// <summary>The term l(d) of one class and its slope dl/dd: the one home of each term's math and formula text.</summary>
internal static class OverlapTerm
{
    /// <summary>The floor under d in the log term -ln(max(d, LogFloor)), and under u = 1 - d in the slope of (1 - d)^gamma.</summary>
    public const double LogFloor = 1e-7;

    /// <summary>l(d); <paramref name="exponent"/> is gamma of (1 - d)^gamma (1 with the log term).</summary>
    public static double Value(TermKind kind, double d, double exponent) =>
        kind == TermKind.Log ? -System.Math.Log(System.Math.Max(d, LogFloor))
        : exponent == 1 ? 1 - d
        : System.Math.Pow(System.Math.Max(1 - d, 0), exponent);

    /// <summary>dl/dd; 0 where the log term's floor is flat; -gamma max(1 - d, 1e-7)^(gamma - 1) for the power.</summary>
    public static double Slope(TermKind kind, double d, double exponent) =>
        kind == TermKind.Log ? (d <= LogFloor ? 0 : -1 / d)
        : exponent == 1 ? -1
        : -exponent * System.Math.Pow(System.Math.Max(1 - d, LogFloor), exponent - 1);

    public static string Formula(TermKind kind, double exponent, string coefficient = "d") =>
        kind == TermKind.Log ? $"l = -ln(max({coefficient}, 1e-7))"
        : exponent == 1 ? $"l = 1 - {coefficient}"
        : $"l = max(1 - {coefficient}, 0)^gamma   (gamma = OverlapExponent, " + exponent.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " unless given per call)";
}
