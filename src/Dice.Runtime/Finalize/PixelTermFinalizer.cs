namespace Dice;

/// <summary>
/// The finalize side of the pixel-wise term that <see cref="Combine"/> adds (its per-pixel side is the generator's
/// <c>Emit/PixelTerm.cs</c>): from the summed statistics, the term's value and the scale of its gradient.
/// </summary>
internal static class PixelTermFinalizer
{
    /// <param name="combine">The term.</param>
    /// <param name="activation">The activation: a focal term is a mean over the pixel weights with softmax (like CE), over the elements with sigmoid (like BCE).</param>
    /// <param name="sum">The summed per-pixel term.</param>
    /// <param name="weight">W, the summed CE pixel weights (CE only).</param>
    /// <param name="count">N C S, the elements of the batch, or C Ω with pixel weights (BCE's mean; 0 when every pixel weighs 0).</param>
    /// <param name="alpha">The term's weight a in the total.</param>
    /// <param name="value">The term: CE and softmax focal = sum / W (0 when W = 0), BCE and sigmoid focal = sum / count (0 when it is 0), 0 without a term.</param>
    /// <param name="gradientScale">a / W or a / (N C S): the per-pixel gradient is this times v w (p - t).</param>
    public static void Compute(
        Combine combine, Activation activation, double sum, double weight, double count, double alpha, out double value, out double gradientScale)
    {
        value = 0;
        gradientScale = 0;
        bool perPixel = combine == Combine.CrossEntropy || (combine == Combine.Focal && activation == Activation.Softmax);
        bool perElement = combine == Combine.BinaryCrossEntropy || (combine == Combine.Focal && activation == Activation.Sigmoid);
        if (perPixel && weight > 0)
        {
            value = sum / weight;
            gradientScale = alpha / weight;
        }
        else if (perElement && count > 0)
        {
            value = sum / count;
            gradientScale = alpha / count;
        }
    }
}
