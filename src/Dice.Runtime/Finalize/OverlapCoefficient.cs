namespace Dice;

/// <summary>
/// The overlap coefficient d of one class from its sums I, P and T, with its derivatives with respect to I and P:
/// the one home of each overlap family's math and formula text. The finalizer (CPU and device) computes through it,
/// and the generator (which compiles this file too) writes <see cref="Formula"/> into the generated documentation.
/// A family whose coefficient is a function of the sums alone is added here (see docs/architecture.md).
/// </summary>
internal static class OverlapCoefficient
{
    /// <summary>d and its slopes; d = 1 with zero slopes when the denominator is 0 (only possible with Smooth = 0).</summary>
    public static void Compute(Overlap kind, double i, double p, double t, double smooth, out double d, out double dDdI, out double dDdP)
    {
        bool jaccard = kind == Overlap.Jaccard;
        double numerator = jaccard ? i + smooth : 2 * i + smooth;
        double denominator = jaccard ? p + t - i + smooth : p + t + smooth;
        if (denominator == 0)
        {
            d = 1;
            dDdI = 0;
            dDdP = 0;
            return;
        }

        d = numerator / denominator;
        dDdI = jaccard ? 1 / denominator + numerator / (denominator * denominator) : 2 / denominator;
        dDdP = -numerator / (denominator * denominator);
    }

    /// <summary>The coefficient's name, for documentation: "Dice", "Jaccard".</summary>
    public static string Name(Overlap kind) => kind == Overlap.Jaccard ? "Jaccard" : "Dice";

    /// <summary>The coefficient as a formula, for documentation.</summary>
    public static string Formula(Overlap kind) =>
        kind == Overlap.Jaccard ? "d = (I + s) / (P + T - I + s)" : "d = (2I + s) / (P + T + s)";
}

/// <summary>How the loss of one class follows from its coefficient d.</summary>
internal enum TermKind
{
    /// <summary>l = 1 - d.</summary>
    Linear,
    /// <summary>l = -ln(max(d, 1e-7)) (LogLoss).</summary>
    Log,
}

/// <summary>The term l(d) of one class and its slope dl/dd: the one home of each term's math and formula text.</summary>
internal static class OverlapTerm
{
    /// <summary>The floor under d in the log term -ln(max(d, LogFloor)).</summary>
    public const double LogFloor = 1e-7;

    public static double Value(TermKind kind, double d) => kind == TermKind.Log ? -System.Math.Log(System.Math.Max(d, LogFloor)) : 1 - d;

    /// <summary>dl/dd; 0 where the log term's floor is flat.</summary>
    public static double Slope(TermKind kind, double d) => kind == TermKind.Log ? (d <= LogFloor ? 0 : -1 / d) : -1;

    public static string Formula(TermKind kind) => kind == TermKind.Log ? "l = -ln(max(d, 1e-7))" : "l = 1 - d";
}
