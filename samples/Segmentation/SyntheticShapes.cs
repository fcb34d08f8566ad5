namespace Segmentation;

/// <summary>
/// A synthetic segmentation set: grey images with a disc (class 1), a square (class 2) and a triangle
/// (class 3) on a noisy background (class 0). Each class has its own mean brightness, the noise is
/// strong, and the shapes are small: foreground is about 5% of the pixels, the imbalance that makes
/// plain cross-entropy neglect small structures.
/// </summary>
public sealed class SyntheticShapes
{
    public const int Classes = 4;

    private SyntheticShapes(int count, int size, float[] images, int[] labels)
    {
        Count = count;
        Size = size;
        Images = images;
        Labels = labels;
    }

    public int Count { get; }
    public int Size { get; }
    public int Pixels => Size * Size;

    /// <summary>Count x 1 x Size x Size, in [0, 1] before noise.</summary>
    public float[] Images { get; }

    /// <summary>Count x Size x Size class indices.</summary>
    public int[] Labels { get; }

    public static SyntheticShapes Generate(int count, int size, int seed)
    {
        var random = new Random(seed);
        int pixels = size * size;
        var images = new float[count * pixels];
        var labels = new int[count * pixels];
        float scale = size / 64f;
        for (int i = 0; i < count; i++)
        {
            Span<int> label = labels.AsSpan(i * pixels, pixels);
            Draw(label, size, random, 1, (x, y, cx, cy, r) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r, 3.5f * scale, 5.5f * scale);
            Draw(label, size, random, 2, (x, y, cx, cy, r) => Math.Abs(x - cx) <= r && Math.Abs(y - cy) <= r, 3f * scale, 4.5f * scale);
            Draw(label, size, random, 3, (x, y, cx, cy, r) => y >= cy - r && y <= cy + r && Math.Abs(x - cx) <= (y - (cy - r)) / 2, 4.5f * scale, 6.5f * scale);

            Span<float> image = images.AsSpan(i * pixels, pixels);
            for (int p = 0; p < pixels; p++)
            {
                float brightness = label[p] switch { 1 => 0.85f, 2 => 0.6f, 3 => 0.4f, _ => 0.15f };
                image[p] = brightness + 0.12f * Gaussian(random);
            }
        }

        return new SyntheticShapes(count, size, images, labels);
    }

    /// <summary>Fraction of pixels that are not background.</summary>
    public double ForegroundFraction => Labels.Count(l => l != 0) / (double)Labels.Length;

    private delegate bool Inside(float x, float y, float cx, float cy, float r);

    private static void Draw(Span<int> label, int size, Random random, int value, Inside inside, float minRadius, float maxRadius)
    {
        float r = minRadius + (float)random.NextDouble() * (maxRadius - minRadius);
        float cx = r + 1 + (float)random.NextDouble() * (size - 2 * r - 2);
        float cy = r + 1 + (float)random.NextDouble() * (size - 2 * r - 2);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                if (inside(x, y, cx, cy, r)) label[y * size + x] = value;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
