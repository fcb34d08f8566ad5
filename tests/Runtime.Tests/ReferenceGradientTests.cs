namespace Dice.Runtime.Tests;

/// <summary>
/// The reference's analytic gradient against central finite differences of the reference's own loss,
/// in float64, for every option: the reference is then a trustworthy yardstick for the kernels.
/// </summary>
public class ReferenceGradientTests
{
    private static DiceLossSpec Spec(
        int classes, Activation activation, Target target, Combine combine = Combine.None, float smooth = 1f,
        bool includeBackground = true, bool batchDice = false, bool squared = false, bool jaccard = false,
        bool logLoss = false, int ignoreIndex = -100, float[]? weights = null, Overlap? overlap = null,
        float falsePositiveWeight = 0.5f, float falseNegativeWeight = 0.5f, float exponent = 1f,
        GeneralizedWeighting weighting = GeneralizedWeighting.InverseSquaredVolume, float focalGamma = 2f,
        float[]? positiveWeights = null, float labelSmoothing = 0f, bool pixelWeights = false) =>
        new(classes, combine, activation, target, smooth, 0.3f, includeBackground, batchDice, squared, overlap ?? (jaccard ? Overlap.Jaccard : Overlap.Dice), logLoss,
            ignoreIndex, weights ?? Enumerable.Repeat(1f, classes).ToArray(), weights is not null, falsePositiveWeight, falseNegativeWeight, exponent,
            weighting, focalGamma, positiveWeights, labelSmoothing, pixelWeights);

    public static TheoryData<string, DiceLossSpec> Specs()
    {
        var data = new TheoryData<string, DiceLossSpec>();
        foreach (var (activation, target, combine, classes) in new[]
        {
            (Activation.None, Target.Masks, Combine.None, 1),
            (Activation.None, Target.Labels, Combine.None, 3),
            (Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy, 2),
            (Activation.Sigmoid, Target.Labels, Combine.BinaryCrossEntropy, 3),
            (Activation.Softmax, Target.Labels, Combine.CrossEntropy, 3),
            (Activation.Softmax, Target.Masks, Combine.None, 3),
        })
        {
            string name = $"{activation}/{target}/{combine}/C={classes}";
            data.Add(name, Spec(classes, activation, target, combine));
            data.Add(name + " Smooth", Spec(classes, activation, target, combine, smooth: 0.1f));
            data.Add(name + " BatchDice", Spec(classes, activation, target, combine, batchDice: true));
            data.Add(name + " Squared", Spec(classes, activation, target, combine, squared: true));
            data.Add(name + " Jaccard", Spec(classes, activation, target, combine, jaccard: true));
            data.Add(name + " LogLoss", Spec(classes, activation, target, combine, logLoss: true));
            data.Add(name + " Weights", Spec(classes, activation, target, combine, weights: Enumerable.Range(0, classes).Select(c => 0.5f + c).ToArray()));
            if (classes > 1) data.Add(name + " NoBackground", Spec(classes, activation, target, combine, includeBackground: false));
            if (target == Target.Labels) data.Add(name + " IgnoreIndex", Spec(classes, activation, target, combine, ignoreIndex: 255));
            data.Add(name + " Squared+Jaccard+LogLoss+BatchDice", Spec(classes, activation, target, combine, squared: true, jaccard: true, logLoss: true, batchDice: true));
            data.Add(name + " Tversky", Spec(classes, activation, target, combine, overlap: Overlap.Tversky, falsePositiveWeight: 0.3f, falseNegativeWeight: 0.7f));
            data.Add(name + " Tversky(0.6,0.9)+BatchDice", Spec(classes, activation, target, combine, overlap: Overlap.Tversky, falsePositiveWeight: 0.6f, falseNegativeWeight: 0.9f, batchDice: true));
            data.Add(name + " Exponent 0.75", Spec(classes, activation, target, combine, exponent: 0.75f));
            data.Add(name + " Tversky+Exponent 2+Weights", Spec(classes, activation, target, combine, overlap: Overlap.Tversky, falsePositiveWeight: 0.3f, falseNegativeWeight: 0.7f,
                exponent: 2f, weights: Enumerable.Range(0, classes).Select(c => 0.5f + c).ToArray()));
            foreach (GeneralizedWeighting weighting in Enum.GetValues<GeneralizedWeighting>())
                data.Add($"{name} GeneralizedDice {weighting}", Spec(classes, activation, target, combine, overlap: Overlap.GeneralizedDice, weighting: weighting));
            data.Add(name + " GeneralizedDice+BatchDice+Exponent", Spec(classes, activation, target, combine, overlap: Overlap.GeneralizedDice, batchDice: true, exponent: 1.5f));
            if (classes > 1)
                data.Add(name + " GeneralizedDice+NoBackground+LogLoss", Spec(classes, activation, target, combine, overlap: Overlap.GeneralizedDice, includeBackground: false, logLoss: true));
        }

        // The focal term: softmax with labels, sigmoid with masks and labels, at several exponents.
        foreach (var (activation, target, classes) in new[] { (Activation.Softmax, Target.Labels, 3), (Activation.Sigmoid, Target.Masks, 2), (Activation.Sigmoid, Target.Labels, 3) })
        {
            foreach (float gamma in new[] { 0f, 0.5f, 1f, 2f, 3.5f })
            {
                string name = $"{activation}/{target}/Focal/C={classes} gamma={gamma}";
                data.Add(name, Spec(classes, activation, target, Combine.Focal, focalGamma: gamma));
            }

            string weighted = $"{activation}/{target}/Focal/C={classes} weights";
            data.Add(weighted, Spec(classes, activation, target, Combine.Focal, weights: Enumerable.Range(0, classes).Select(c => 0.5f + c).ToArray(),
                ignoreIndex: target == Target.Labels ? 255 : -100));
        }

        // BCE's positive weights and CE's label smoothing, alone and with the options they meet.
        foreach (Target target in new[] { Target.Masks, Target.Labels })
        {
            float[] positive = [4f, 0.5f, 1f];
            string name = $"Sigmoid/{target}/BinaryCrossEntropy/C=3 PositiveWeights";
            data.Add(name, Spec(3, Activation.Sigmoid, target, Combine.BinaryCrossEntropy, positiveWeights: positive));
            data.Add(name + "+Weights+BatchDice", Spec(3, Activation.Sigmoid, target, Combine.BinaryCrossEntropy, positiveWeights: positive,
                weights: [2f, 1f, 0.25f], batchDice: true, ignoreIndex: target == Target.Labels ? 255 : -100));
        }

        foreach (float eps in new[] { 0.1f, 0.5f, 1f })
        {
            string name = $"Softmax/Labels/CrossEntropy/C=3 LabelSmoothing {eps}";
            data.Add(name, Spec(3, Activation.Softmax, Target.Labels, Combine.CrossEntropy, labelSmoothing: eps));
            data.Add(name + "+Weights+IgnoreIndex", Spec(3, Activation.Softmax, Target.Labels, Combine.CrossEntropy, labelSmoothing: eps,
                weights: [0.5f, 2f, 1.5f], ignoreIndex: 255));
            data.Add(name + "+BatchDice+Tversky", Spec(3, Activation.Softmax, Target.Labels, Combine.CrossEntropy, labelSmoothing: eps,
                batchDice: true, overlap: Overlap.Tversky, falsePositiveWeight: 0.3f, falseNegativeWeight: 0.7f));
        }

        // Pixel weights on every kind of term, alone and with the options they meet.
        foreach (var (activation, target, combine, classes) in new[]
        {
            (Activation.None, Target.Masks, Combine.None, 1),
            (Activation.None, Target.Labels, Combine.None, 3),
            (Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy, 2),
            (Activation.Sigmoid, Target.Labels, Combine.BinaryCrossEntropy, 3),
            (Activation.Softmax, Target.Labels, Combine.CrossEntropy, 3),
            (Activation.Softmax, Target.Masks, Combine.None, 3),
            (Activation.Softmax, Target.Labels, Combine.Focal, 3),
            (Activation.Sigmoid, Target.Masks, Combine.Focal, 2),
        })
        {
            string name = $"{activation}/{target}/{combine}/C={classes} PixelWeights";
            data.Add(name, Spec(classes, activation, target, combine, pixelWeights: true));
            data.Add(name + "+Squared+BatchDice", Spec(classes, activation, target, combine, pixelWeights: true, squared: true, batchDice: true));
            data.Add(name + "+Weights+IgnoreIndex", Spec(classes, activation, target, combine, pixelWeights: true,
                weights: Enumerable.Range(0, classes).Select(c => 0.5f + c).ToArray(), ignoreIndex: target == Target.Labels ? 255 : -100));
            data.Add(name + "+GeneralizedDice", Spec(classes, activation, target, combine, pixelWeights: true, overlap: Overlap.GeneralizedDice));
        }

        data.Add("Softmax/Labels/CrossEntropy/C=3 PixelWeights+LabelSmoothing", Spec(3, Activation.Softmax, Target.Labels, Combine.CrossEntropy,
            pixelWeights: true, labelSmoothing: 0.2f, weights: [0.5f, 2f, 1f]));
        data.Add("Sigmoid/Masks/BinaryCrossEntropy/C=2 PixelWeights+PositiveWeights", Spec(2, Activation.Sigmoid, Target.Masks, Combine.BinaryCrossEntropy,
            pixelWeights: true, positiveWeights: [5f, 0.5f]));
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs), DisableDiscoveryEnumeration = true)]
    public void Analytic_gradient_matches_finite_differences(string name, DiceLossSpec spec)
    {
        const int batch = 2, spatial = 6;
        var (input, target) = TestData.Make(spec, batch, spatial, seed: name.Length * 31 + 5);
        double[] x = input.Select(v => (double)v).ToArray();
        if (spec.Activation == Activation.None)
            for (int i = 0; i < x.Length; i++) x[i] = 0.05 + 0.9 * x[i]; // keep x ± h inside [0, 1]

        double[]? omega = target.PixelWeightsAsDouble;
        double[] analytic = Reference.Compute(spec, x, target.Labels, target.MasksAsDouble, batch, omega).Gradient;
        const double h = 1e-6;
        for (int i = 0; i < x.Length; i++)
        {
            double saved = x[i];
            x[i] = saved + h;
            double up = Reference.Compute(spec, x, target.Labels, target.MasksAsDouble, batch, omega).Loss;
            x[i] = saved - h;
            double down = Reference.Compute(spec, x, target.Labels, target.MasksAsDouble, batch, omega).Loss;
            x[i] = saved;
            double numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + 1e-5 * Math.Abs(numeric),
                $"{name}: element {i}: finite difference {numeric:R}, analytic {analytic[i]:R}");
        }
    }
}
