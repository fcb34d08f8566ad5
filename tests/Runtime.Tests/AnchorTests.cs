namespace Dice.Runtime.Tests;

// The anchors' own settings: MONAI's smooth_nr = smooth_dr = 1e-5, SMP's focal term alone (Alpha = 1 leaves no Dice).
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f)]
public partial class AnchorGeneralizedDice { }

[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f,
    BatchDice = true, GeneralizedWeighting = GeneralizedWeighting.InverseVolume, IncludeBackground = false)]
public partial class AnchorGeneralizedDiceBatch { }

[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Overlap = Overlap.Tversky, Smooth = 1e-5f,
    FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)]
public partial class AnchorTversky { }

[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 1f)]
public partial class AnchorSigmoidFocal { }

// PyTorch's cross_entropy(weight, ignore_index, label_smoothing) and binary_cross_entropy_with_logits(weight, pos_weight),
// each term alone (Alpha = 1).
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 1f, ClassWeights = new[] { 0.5f, 1f, 2f, 0.25f }, IgnoreIndex = 255, LabelSmoothing = 0.1f)]
public partial class AnchorSmoothedCrossEntropy { }

[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 1f, ClassWeights = new[] { 1f, 2f, 0.5f }, PositiveWeights = new[] { 3f, 1f, 0.25f })]
public partial class AnchorPositiveWeightedBce { }

/// <summary>
/// The loss family against the formulas of the libraries users compare with, transcribed in float64 the way those
/// libraries compute them (MONAI's GeneralizedDiceLoss with its replacement of infinite weights and TverskyLoss,
/// segmentation_models_pytorch's focal_loss_with_logits on soft masks, PyTorch's cross_entropy with label smoothing
/// and binary_cross_entropy_with_logits with pos_weight), independently of <see cref="Reference"/>: the
/// loss and, through central finite differences of the anchor, the gradient. And FocalGamma = 0 is exactly CE and BCE.
/// </summary>
public class AnchorTests
{
    private const int Batch = 2, Spatial = 10;

    /// <summary>MONAI GeneralizedDiceLoss(softmax or sigmoid, w_type, batch, include_background), reduction "mean".</summary>
    private static double MonaiGeneralizedDice(double[] x, double[] target, int classes, bool softmax, string wType, bool batch, bool includeBackground, double smooth)
    {
        double[] p = Activate(x, classes, softmax);
        int first = includeBackground ? 0 : 1, groups = batch ? 1 : Batch;
        // reduce_axis: the spatial dims, and the batch with batch = True.
        var intersection = new double[groups, classes];
        var groundO = new double[groups, classes];
        var predO = new double[groups, classes];
        for (int n = 0; n < Batch; n++)
            for (int c = first; c < classes; c++)
                for (int s = 0; s < Spatial; s++)
                {
                    int g = batch ? 0 : n, i = (n * classes + c) * Spatial + s;
                    intersection[g, c] += target[i] * p[i];
                    groundO[g, c] += target[i];
                    predO[g, c] += p[i];
                }

        double total = 0;
        for (int g = 0; g < groups; g++)
        {
            var w = new double[classes];
            for (int c = first; c < classes; c++)
                w[c] = wType switch { "square" => 1 / (groundO[g, c] * groundO[g, c]), "simple" => 1 / groundO[g, c], _ => 1 };
            // infs = isinf(w); w[infs] = 0; w = w + infs * max(w)
            double max = 0;
            for (int c = first; c < classes; c++) if (!double.IsInfinity(w[c])) max = Math.Max(max, w[c]);
            for (int c = first; c < classes; c++) if (double.IsInfinity(w[c])) w[c] = max;
            double numer = smooth, denom = smooth;
            for (int c = first; c < classes; c++)
            {
                numer += 2 * intersection[g, c] * w[c];
                denom += (groundO[g, c] + predO[g, c]) * w[c];
            }

            total += 1 - numer / denom;
        }

        return total / groups;
    }

    /// <summary>MONAI TverskyLoss(sigmoid = True, alpha, beta), reduction "mean" over (n, c).</summary>
    private static double MonaiTversky(double[] x, double[] target, int classes, double alpha, double beta, double smooth)
    {
        double[] p0 = Activate(x, classes, softmax: false);
        double total = 0;
        for (int n = 0; n < Batch; n++)
            for (int c = 0; c < classes; c++)
            {
                double tp = 0, fp = 0, fn = 0;
                for (int s = 0; s < Spatial; s++)
                {
                    int i = (n * classes + c) * Spatial + s;
                    double g0 = target[i], g1 = 1 - g0, p1 = 1 - p0[i];
                    tp += p0[i] * g0;
                    fp += p0[i] * g1;
                    fn += p1 * g0;
                }

                total += 1 - (tp + smooth) / (tp + alpha * fp + beta * fn + smooth);
            }

        return total / (Batch * classes);
    }

    /// <summary>SMP focal_loss_with_logits(output, target, gamma, alpha = None, reduction = "mean"), soft targets allowed.</summary>
    private static double SmpFocal(double[] x, double[] target, double gamma)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            // F.binary_cross_entropy_with_logits(reduction = "none")
            double logpt = Math.Max(x[i], 0) - x[i] * target[i] + Math.Log(1 + Math.Exp(-Math.Abs(x[i])));
            double pt = Math.Exp(-logpt);
            total += Math.Pow(1 - pt, gamma) * logpt;
        }

        return total / x.Length;
    }

    /// <summary>
    /// PyTorch's F.cross_entropy(input, target, weight, ignore_index, reduction = "mean", label_smoothing = eps) as ATen's
    /// cross_entropy_loss_label_smoothing computes it: (1 - eps) nll_loss(log_softmax) + (eps / C) smooth_loss, where
    /// smooth_loss sums -(log_softmax * weight) over classes and pixels not ignored and divides by the weights of their
    /// targets, as nll_loss does.
    /// </summary>
    private static double TorchSmoothedCrossEntropy(double[] x, int[] labels, int classes, double[] weight, int ignoreIndex, double eps)
    {
        double nll = 0, smooth = 0, targetWeights = 0;
        for (int n = 0; n < Batch; n++)
            for (int s = 0; s < Spatial; s++)
            {
                int y = labels[n * Spatial + s];
                if (y == ignoreIndex) continue;
                double max = double.NegativeInfinity, sum = 0;
                for (int c = 0; c < classes; c++) max = Math.Max(max, x[(n * classes + c) * Spatial + s]);
                for (int c = 0; c < classes; c++) sum += Math.Exp(x[(n * classes + c) * Spatial + s] - max);
                double LogSoftmax(int c) => x[(n * classes + c) * Spatial + s] - max - Math.Log(sum);
                nll += -weight[y] * LogSoftmax(y);
                targetWeights += weight[y];
                for (int c = 0; c < classes; c++) smooth += -LogSoftmax(c) * weight[c];
            }

        return (1 - eps) * nll / targetWeights + eps / classes * (smooth / targetWeights);
    }

    /// <summary>
    /// PyTorch's F.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction = "mean"), weight and
    /// pos_weight of shape (C, 1) broadcast over pixels, as ATen computes it: log_weight = (pos_weight - 1) target + 1,
    /// loss = (1 - target) input + log_weight (log1p(exp(-|input|)) + max(-input, 0)), times weight, mean.
    /// </summary>
    private static double TorchWeightedBce(double[] x, double[] target, int classes, double[] weight, double[] posWeight)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int c = i / Spatial % classes;
            double logWeight = (posWeight[c] - 1) * target[i] + 1;
            double loss = (1 - target[i]) * x[i] + logWeight * (Math.Log(1 + Math.Exp(-Math.Abs(x[i]))) + Math.Max(-x[i], 0));
            total += loss * weight[c];
        }

        return total / x.Length;
    }

    private static double[] Activate(double[] x, int classes, bool softmax)
    {
        var p = new double[x.Length];
        for (int n = 0; n < Batch; n++)
            for (int s = 0; s < Spatial; s++)
            {
                double max = double.NegativeInfinity, sum = 0;
                for (int c = 0; c < classes; c++) max = Math.Max(max, x[(n * classes + c) * Spatial + s]);
                for (int c = 0; c < classes; c++) sum += Math.Exp(x[(n * classes + c) * Spatial + s] - max);
                for (int c = 0; c < classes; c++)
                {
                    int i = (n * classes + c) * Spatial + s;
                    p[i] = softmax ? Math.Exp(x[i] - max) / sum : 1 / (1 + Math.Exp(-x[i]));
                }
            }

        return p;
    }

    private static float[] Logits(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
    }

    private static float[] SoftMasks(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.Next(3) == 0 ? 0f : (float)random.NextDouble()).ToArray();
    }

    /// <summary>The generated loss and gradient against the anchor's loss and its central finite differences.</summary>
    internal static void AgreesWithAnchor(Func<double[], double> anchor, float[] input, LossResult result, float[] gradient, string context)
    {
        double[] x = input.Select(v => (double)v).ToArray();
        Assertions.Close(anchor(x), result.Loss, Assertions.LossTolerance, context + " loss");
        var expected = new double[x.Length];
        const double h = 1e-6;
        for (int i = 0; i < x.Length; i++)
        {
            double saved = x[i];
            x[i] = saved + h;
            double up = anchor(x);
            x[i] = saved - h;
            double down = anchor(x);
            x[i] = saved;
            expected[i] = (up - down) / (2 * h);
        }

        double error = Assertions.RelativeL2(expected, gradient);
        Assert.True(error <= Assertions.GradientTolerance, $"{context}: gradient relative L2 error {error:E2} against the anchor's finite differences");
    }

    [Fact]
    public void Generalized_Dice_is_MONAIs_with_an_absent_class_taking_the_largest_weight()
    {
        const int classes = 3;
        float[] input = Logits(Batch * classes * Spatial, seed: 1);
        // Sample 0 has no pixel of class 2: MONAI's infinite weight is replaced by the sample's largest.
        int[] labels = Enumerable.Range(0, Batch * Spatial).Select(i => i < Spatial ? i % 2 : i % 3).ToArray();
        double[] oneHot = new double[input.Length];
        for (int n = 0; n < Batch; n++)
            for (int s = 0; s < Spatial; s++)
                oneHot[(n * classes + labels[n * Spatial + s]) * Spatial + s] = 1;

        var gradient = new float[input.Length];
        LossResult result = AnchorGeneralizedDice.ForwardBackward(input, labels, gradient, Batch);
        AgreesWithAnchor(x => MonaiGeneralizedDice(x, oneHot, classes, softmax: true, "square", batch: false, includeBackground: true, 1e-5),
            input, result, gradient, "GeneralizedDice square");
    }

    [Fact]
    public void Generalized_Dice_over_the_batch_without_background_is_MONAIs()
    {
        const int classes = 3;
        float[] input = Logits(Batch * classes * Spatial, seed: 2);
        float[] masks = SoftMasks(input.Length, seed: 3);
        for (int s = 0; s < Spatial; s++) masks[(0 * classes + 1) * Spatial + s] = masks[(1 * classes + 1) * Spatial + s] = 0; // class 1 absent from the batch

        var gradient = new float[input.Length];
        LossResult result = AnchorGeneralizedDiceBatch.ForwardBackward(input, masks, gradient, Batch);
        double[] target = masks.Select(m => (double)m).ToArray();
        AgreesWithAnchor(x => MonaiGeneralizedDice(x, target, classes, softmax: false, "simple", batch: true, includeBackground: false, 1e-5),
            input, result, gradient, "GeneralizedDice simple batch");
    }

    [Fact]
    public void Tversky_is_MONAIs()
    {
        const int classes = 2;
        float[] input = Logits(Batch * classes * Spatial, seed: 4);
        float[] masks = SoftMasks(input.Length, seed: 5);
        var gradient = new float[input.Length];
        LossResult result = AnchorTversky.ForwardBackward(input, masks, gradient, Batch);
        double[] target = masks.Select(m => (double)m).ToArray();
        AgreesWithAnchor(x => MonaiTversky(x, target, classes, 0.3, 0.7, 1e-5), input, result, gradient, "Tversky");
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(0.5f)]
    [InlineData(0f)]
    public void Sigmoid_focal_is_SMPs_focal_loss_with_logits_on_soft_masks(float gamma)
    {
        const int classes = 2;
        float[] input = Logits(Batch * classes * Spatial, seed: 6);
        float[] masks = SoftMasks(input.Length, seed: 7);
        var gradient = new float[input.Length];
        LossParameters parameters = AnchorSigmoidFocal.Spec.Parameters with { FocalGamma = gamma };
        LossResult result = AnchorSigmoidFocal.ForwardBackward(input, masks, gradient, Batch, parameters);
        double[] target = masks.Select(m => (double)m).ToArray();
        Assertions.Close(SmpFocal(input.Select(v => (double)v).ToArray(), target, gamma), result.CrossEntropy, Assertions.LossTolerance, "focal term");
        AgreesWithAnchor(x => SmpFocal(x, target, gamma), input, result, gradient, $"sigmoid focal gamma={gamma}");
    }

    [Fact]
    public void Softmax_focal_with_gamma_zero_is_cross_entropy_bit_for_bit()
    {
        var (input, target) = TestData.Make(Matrix.SoftmaxCeLabels4.Spec, 3, 777, seed: 8);
        var focal = new float[input.Length];
        var crossEntropy = new float[input.Length];
        var parameters = new float[input.Length];
        LossResult a = Matrix.SoftmaxFocalLabels4_GammaZero.ForwardBackward(input, target.Labels, focal, 3);
        LossResult b = Matrix.SoftmaxCeLabels4.ForwardBackward(input, target.Labels, crossEntropy, 3);
        LossResult c = Matrix.SoftmaxFocalLabels4.ForwardBackward(input, target.Labels, parameters, 3, Matrix.SoftmaxFocalLabels4.Spec.Parameters with { FocalGamma = 0f });
        foreach (LossResult r in new[] { a, c })
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(b.Loss), BitConverter.SingleToInt32Bits(r.Loss));
            Assert.Equal(BitConverter.SingleToInt32Bits(b.CrossEntropy), BitConverter.SingleToInt32Bits(r.CrossEntropy));
        }

        Assert.True(focal.AsSpan().SequenceEqual(crossEntropy), "gradient of the compiled FocalGamma = 0");
        Assert.True(parameters.AsSpan().SequenceEqual(crossEntropy), "gradient of FocalGamma = 0 given per call");
    }

    [Fact]
    public void Sigmoid_focal_with_gamma_zero_is_binary_cross_entropy_bit_for_bit()
    {
        var (input, target) = TestData.Make(Matrix.SigmoidBceMasks2_BatchDice.Spec, 3, 777, seed: 9);
        var focal = new float[input.Length];
        var binary = new float[input.Length];
        LossResult a = Matrix.SigmoidFocalMasks2_GammaZero_BatchDice.ForwardBackward(input, target.Masks, focal, 3);
        LossResult b = Matrix.SigmoidBceMasks2_BatchDice.ForwardBackward(input, target.Masks, binary, 3);
        Assert.Equal(BitConverter.SingleToInt32Bits(b.Loss), BitConverter.SingleToInt32Bits(a.Loss));
        Assert.True(focal.AsSpan().SequenceEqual(binary));
    }

    [Theory]
    [InlineData(0.1f)]
    [InlineData(0f)]
    [InlineData(0.35f)]
    [InlineData(1f)]
    public void Label_smoothing_is_PyTorchs_cross_entropy_with_weights_and_ignore_index(float eps)
    {
        const int classes = 4;
        float[] input = Logits(Batch * classes * Spatial, seed: 10);
        var random = new Random(11);
        int[] labels = Enumerable.Range(0, Batch * Spatial).Select(_ => random.Next(5) == 0 ? 255 : random.Next(classes)).ToArray();
        var gradient = new float[input.Length];
        LossParameters parameters = AnchorSmoothedCrossEntropy.Spec.Parameters with { LabelSmoothing = eps };
        LossResult result = AnchorSmoothedCrossEntropy.ForwardBackward(input, labels, gradient, Batch, parameters);
        double[] weight = [0.5, 1, 2, 0.25];
        AgreesWithAnchor(x => TorchSmoothedCrossEntropy(x, labels, classes, weight, 255, eps), input, result, gradient, $"label smoothing {eps}");
        Assertions.Close(TorchSmoothedCrossEntropy(input.Select(v => (double)v).ToArray(), labels, classes, weight, 255, eps), result.CrossEntropy,
            Assertions.LossTolerance, "cross-entropy term");
    }

    [Theory]
    [InlineData(new[] { 3f, 1f, 0.25f })]
    [InlineData(new[] { 1f, 1f, 1f })]
    [InlineData(new[] { 50f, 0.01f, 7f })]
    public void Positive_weights_are_PyTorchs_binary_cross_entropy_with_logits_with_weight_and_pos_weight(float[] positive)
    {
        const int classes = 3;
        float[] input = Logits(Batch * classes * Spatial, seed: 12);
        float[] masks = SoftMasks(input.Length, seed: 13);
        var gradient = new float[input.Length];
        LossParameters parameters = AnchorPositiveWeightedBce.Spec.Parameters with { PositiveWeights = positive };
        LossResult result = AnchorPositiveWeightedBce.ForwardBackward(input, masks, gradient, Batch, parameters);
        double[] target = masks.Select(m => (double)m).ToArray(), weight = [1, 2, 0.5];
        double[] posWeight = positive.Select(v => (double)v).ToArray();
        AgreesWithAnchor(x => TorchWeightedBce(x, target, classes, weight, posWeight), input, result, gradient, $"pos_weight {string.Join(",", positive)}");
    }
}
