using ScottPlot;
using SkiaSharp;

namespace Segmentation;

/// <summary>The PNGs the sample writes: curves with ScottPlot, the image / truth / prediction grid with SkiaSharp.</summary>
public static class Pictures
{
    private static readonly SKColor[] ClassColors =
    {
        new(20, 20, 20), new(230, 80, 60), new(70, 170, 90), new(70, 120, 230),
    };

    /// <summary>Training loss and held-out mean foreground Dice per epoch.</summary>
    public static void LossCurve(string path, IReadOnlyList<EpochResult> training, IReadOnlyList<double> heldOutDice, string lossName)
    {
        var plot = new Plot();
        double[] epochs = Enumerable.Range(1, training.Count).Select(e => (double)e).ToArray();
        var loss = plot.Add.Scatter(epochs, training.Select(t => t.Loss).ToArray());
        loss.LegendText = $"training loss ({lossName})";
        var dice = plot.Add.Scatter(epochs, heldOutDice.ToArray());
        dice.LegendText = "held-out mean Dice (classes 1-3, argmax)";
        plot.XLabel("epoch");
        plot.Title("Training with a generated Dice.Gen loss");
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, 800, 500);
    }

    /// <summary>Held-out mean foreground Dice per epoch for several losses.</summary>
    public static void Comparison(string path, IReadOnlyDictionary<string, List<double>> curves)
    {
        var plot = new Plot();
        foreach (var (name, values) in curves)
        {
            var line = plot.Add.Scatter(Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray(), values.ToArray());
            line.LegendText = name;
        }

        plot.XLabel("epoch");
        plot.YLabel("held-out mean Dice (classes 1-3)");
        plot.Title("Dice alone, cross-entropy alone, Dice + cross-entropy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 500);
    }

    /// <summary>Held-out mean foreground Dice after the last epoch against one hyperparameter's values.</summary>
    public static void Sweep(string path, string parameter, double[] values, double[] heldOutDice, int epochs)
    {
        var plot = new Plot();
        var line = plot.Add.Scatter(values, heldOutDice);
        line.LegendText = $"held-out mean Dice after {epochs} epochs";
        plot.XLabel(parameter);
        plot.YLabel("held-out mean Dice (classes 1-3)");
        plot.Title("One compiled Dice + CE loss, swept at run time");
        plot.ShowLegend(Alignment.LowerCenter);
        plot.SavePng(path, 800, 500);
    }

    /// <summary>The classes of <see cref="SyntheticShapes"/>, in label order, as the grid's legend names them.</summary>
    private static readonly string[] ClassNames = { "background", "disc (1)", "square (2)", "triangle (3)" };

    /// <summary>
    /// One row per sample: the image, the ground truth and the prediction, scaled up, under column titles and over a legend
    /// of the class colours.
    /// </summary>
    public static void Grid(string path, SyntheticShapes data, IReadOnlyList<int> samples, Func<int, int[]> predict, int scale = 4)
    {
        const int gap = 4, header = 30, legend = 34;
        int size = data.Size, cell = size * scale, width = 3 * cell + 2 * gap;
        using var bitmap = new SKBitmap(width, header + samples.Count * cell + (samples.Count - 1) * gap + legend);
        bitmap.Erase(SKColors.White);
        for (int row = 0; row < samples.Count; row++)
        {
            int index = samples[row];
            int[] prediction = predict(index);
            for (int y = 0; y < cell; y++)
                for (int x = 0; x < cell; x++)
                {
                    int s = y / scale * size + x / scale;
                    byte grey = (byte)Math.Clamp(data.Images[index * data.Pixels + s] * 255, 0, 255);
                    int top = header + row * (cell + gap) + y;
                    bitmap.SetPixel(x, top, new SKColor(grey, grey, grey));
                    bitmap.SetPixel(cell + gap + x, top, ClassColors[data.Labels[index * data.Pixels + s]]);
                    bitmap.SetPixel(2 * (cell + gap) + x, top, ClassColors[prediction[s]]);
                }
        }

        using (var canvas = new SKCanvas(bitmap))
        using (var font = new SKFont(SKTypeface.Default, 16))
        using (var text = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            string[] titles = { "image", "ground truth", "prediction" };
            for (int column = 0; column < titles.Length; column++)
                canvas.DrawText(titles[column], column * (cell + gap) + cell / 2f, header - 9, SKTextAlign.Center, font, text);

            // The legend: a swatch and a name per class, spread over the width.
            float slot = width / (float)ClassNames.Length, baseline = bitmap.Height - 11;
            for (int c = 0; c < ClassNames.Length; c++)
            {
                using var swatch = new SKPaint { Color = ClassColors[c] };
                float left = c * slot + 6;
                canvas.DrawRect(left, baseline - 12, 14, 14, swatch);
                canvas.DrawText(ClassNames[c], left + 20, baseline, SKTextAlign.Left, font, text);
            }
        }

        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, png.ToArray());
    }
}
