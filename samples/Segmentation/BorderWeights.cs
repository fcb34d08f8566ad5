using Dice;

namespace Segmentation;

/// <summary>
/// The U-Net border weight map (Ronneberger et al. 2015), for the small shapes' outlines: w(x) = 1 + w0 exp(-d(x)^2 /
/// (2 sigma^2)), d the distance from pixel x to the nearest pixel whose 4-neighbourhood holds another class. The paper's
/// class-balance term is left to ClassWeights; its d1 + d2 (two cells touching) is one d here, as no two shapes touch.
/// </summary>
public static class BorderWeights
{
    /// <summary>The paper's w0.</summary>
    public const float Peak = 10f;

    /// <summary>The paper's sigma of 5 pixels at 512 x 512, scaled to the sample's 64 x 64 images: about 2.</summary>
    public const float Sigma = 2f;

    /// <summary>
    /// The loss step of <typeparamref name="TLoss"/> (compiled with PixelWeights) that weights each batch by its labels'
    /// border map, computed per batch into a buffer of its own.
    /// </summary>
    public static LossStep Step<TLoss>(DiceEngine? engine, int size) where TLoss : IDiceLoss
    {
        float[] weights = [];
        return (logits, labels, grad, batch) =>
        {
            if (weights.Length != labels.Length) weights = new float[labels.Length];
            for (int n = 0; n < batch; n++)
                Fill(labels.Slice(n * size * size, size * size), size, weights.AsSpan(n * size * size, size * size));
            return engine is null
                ? DiceCpu.ForwardBackward<TLoss>(logits, labels, weights, grad, batch)
                : engine.ForwardBackward<TLoss>(logits, labels, weights, grad, batch);
        };
    }

    /// <summary>The map of one size x size label image: distances by a breadth-first search from the border pixels.</summary>
    public static void Fill(ReadOnlySpan<int> labels, int size, Span<float> weights)
    {
        int pixels = size * size;
        Span<int> distance = pixels <= 16384 ? stackalloc int[pixels] : new int[pixels];
        distance.Fill(int.MaxValue);
        var queue = new Queue<int>();
        for (int p = 0; p < pixels; p++)
        {
            int x = p % size, y = p / size;
            bool border = (x > 0 && labels[p - 1] != labels[p]) || (x < size - 1 && labels[p + 1] != labels[p])
                || (y > 0 && labels[p - size] != labels[p]) || (y < size - 1 && labels[p + size] != labels[p]);
            if (!border) continue;
            distance[p] = 0;
            queue.Enqueue(p);
        }

        // City-block distances: close enough to Euclidean for a map that decays over a few pixels.
        Span<int> neighbours = stackalloc int[4];
        while (queue.Count > 0)
        {
            int p = queue.Dequeue(), x = p % size, y = p / size, next = distance[p] + 1;
            neighbours[0] = x > 0 ? p - 1 : -1;
            neighbours[1] = x < size - 1 ? p + 1 : -1;
            neighbours[2] = y > 0 ? p - size : -1;
            neighbours[3] = y < size - 1 ? p + size : -1;
            foreach (int q in neighbours)
            {
                if (q < 0 || distance[q] <= next) continue;
                distance[q] = next;
                queue.Enqueue(q);
            }
        }

        for (int p = 0; p < pixels; p++)
        {
            // An image of one class has no border: every weight 1.
            double d = distance[p] == int.MaxValue ? double.PositiveInfinity : distance[p];
            weights[p] = (float)(1 + Peak * Math.Exp(-d * d / (2 * Sigma * Sigma)));
        }
    }
}
