using System.Numerics.Tensors;

namespace Segmentation;

/// <summary>A trainable array and its gradient.</summary>
public sealed class Parameter(string name, int length)
{
    public string Name { get; } = name;
    public float[] Value { get; } = new float[length];
    public float[] Gradient { get; } = new float[length];
}

/// <summary>
/// A small fully-convolutional network in plain C#: 3x3 convolution (1 to F channels) and ReLU,
/// 3x3 convolution (F to F) and ReLU, 1x1 convolution (F to C logits). Padding keeps the image size.
/// Forward and a hand-written backward, one sample per call (the trainer runs samples in parallel);
/// the rows are SIMD through TensorPrimitives.
/// </summary>
public sealed class Network
{
    public const int Features = 8;
    private const int Classes = SyntheticShapes.Classes;

    public Network(int size, int seed)
    {
        Size = size;
        var random = new Random(seed);
        Conv1 = HeInit(new Parameter("conv1.weight", Features * 1 * 9), fanIn: 9, random);
        Bias1 = new Parameter("conv1.bias", Features);
        Conv2 = HeInit(new Parameter("conv2.weight", Features * Features * 9), fanIn: Features * 9, random);
        Bias2 = new Parameter("conv2.bias", Features);
        Conv3 = HeInit(new Parameter("conv3.weight", Classes * Features), fanIn: Features, random);
        Bias3 = new Parameter("conv3.bias", Classes);
        Parameters = [Conv1, Bias1, Conv2, Bias2, Conv3, Bias3];
    }

    public int Size { get; }
    public Parameter Conv1 { get; }
    public Parameter Bias1 { get; }
    public Parameter Conv2 { get; }
    public Parameter Bias2 { get; }
    public Parameter Conv3 { get; }
    public Parameter Bias3 { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Activations of one sample, kept from the forward for the backward, and its parameter gradients.</summary>
    public sealed class Workspace
    {
        public Workspace(Network network)
        {
            int pixels = network.Size * network.Size;
            Hidden1 = new float[Features * pixels];
            Hidden2 = new float[Features * pixels];
            GradHidden1 = new float[Features * pixels];
            GradHidden2 = new float[Features * pixels];
            Gradients = network.Parameters.Select(p => new float[p.Value.Length]).ToArray();
        }

        internal float[] Hidden1 { get; }
        internal float[] Hidden2 { get; }
        internal float[] GradHidden1 { get; }
        internal float[] GradHidden2 { get; }

        /// <summary>This sample's gradients, in the order of <see cref="Network.Parameters"/>.</summary>
        public float[][] Gradients { get; }
    }

    /// <summary>Logits (C x S) of one image (S pixels).</summary>
    public void Forward(ReadOnlySpan<float> image, Span<float> logits, Workspace work)
    {
        int pixels = Size * Size;
        Conv3x3(image, 1, Conv1.Value, Bias1.Value, work.Hidden1, Features);
        TensorPrimitives.Max(work.Hidden1, 0f, work.Hidden1);
        Conv3x3(work.Hidden1, Features, Conv2.Value, Bias2.Value, work.Hidden2, Features);
        TensorPrimitives.Max(work.Hidden2, 0f, work.Hidden2);
        for (int o = 0; o < Classes; o++)
        {
            Span<float> output = logits.Slice(o * pixels, pixels);
            output.Fill(Bias3.Value[o]);
            for (int i = 0; i < Features; i++)
                TensorPrimitives.MultiplyAdd(work.Hidden2.AsSpan(i * pixels, pixels), Conv3.Value[o * Features + i], output, output);
        }
    }

    /// <summary>Backward of one sample: from dL/d(logits) to this sample's parameter gradients (overwritten).</summary>
    public void Backward(ReadOnlySpan<float> image, ReadOnlySpan<float> gradLogits, Workspace work)
    {
        int pixels = Size * Size;
        float[][] g = work.Gradients;
        float[] gradConv1 = g[0], gradBias1 = g[1], gradConv2 = g[2], gradBias2 = g[3], gradConv3 = g[4], gradBias3 = g[5];

        // 1x1 convolution.
        Array.Clear(work.GradHidden2);
        for (int o = 0; o < Classes; o++)
        {
            ReadOnlySpan<float> gradOut = gradLogits.Slice(o * pixels, pixels);
            gradBias3[o] = TensorPrimitives.Sum(gradOut);
            for (int i = 0; i < Features; i++)
            {
                gradConv3[o * Features + i] = TensorPrimitives.Dot(gradOut, work.Hidden2.AsSpan(i * pixels, pixels));
                Span<float> gradIn = work.GradHidden2.AsSpan(i * pixels, pixels);
                TensorPrimitives.MultiplyAdd(gradOut, Conv3.Value[o * Features + i], gradIn, gradIn);
            }
        }

        // ReLU, second 3x3 convolution, ReLU, first 3x3 convolution.
        ReluBackward(work.Hidden2, work.GradHidden2);
        Array.Clear(work.GradHidden1);
        Conv3x3Backward(work.Hidden1, Features, Conv2.Value, work.GradHidden2, Features, gradConv2, gradBias2, work.GradHidden1);
        ReluBackward(work.Hidden1, work.GradHidden1);
        Conv3x3Backward(image, 1, Conv1.Value, work.GradHidden1, Features, gradConv1, gradBias1, gradInput: default);
    }

    /// <summary>Predicted class (argmax of the logits) per pixel.</summary>
    public static void Predict(ReadOnlySpan<float> logits, int pixels, Span<int> classes)
    {
        for (int s = 0; s < pixels; s++)
        {
            int best = 0;
            for (int c = 1; c < Classes; c++)
                if (logits[c * pixels + s] > logits[best * pixels + s]) best = c;
            classes[s] = best;
        }
    }

    private void Conv3x3(ReadOnlySpan<float> input, int inChannels, float[] weights, float[] bias, Span<float> output, int outChannels)
    {
        int size = Size, pixels = size * size;
        for (int o = 0; o < outChannels; o++)
        {
            Span<float> outPlane = output.Slice(o * pixels, pixels);
            outPlane.Fill(bias[o]);
            for (int i = 0; i < inChannels; i++)
                for (int ky = 0; ky < 3; ky++)
                    for (int kx = 0; kx < 3; kx++)
                    {
                        float w = weights[((o * inChannels + i) * 3 + ky) * 3 + kx];
                        int x0 = Math.Max(0, 1 - kx), x1 = Math.Min(size, size + 1 - kx);
                        for (int y = Math.Max(0, 1 - ky); y < Math.Min(size, size + 1 - ky); y++)
                        {
                            ReadOnlySpan<float> inRow = input.Slice(i * pixels + (y + ky - 1) * size + x0 + kx - 1, x1 - x0);
                            Span<float> outRow = outPlane.Slice(y * size + x0, x1 - x0);
                            TensorPrimitives.MultiplyAdd(inRow, w, outRow, outRow);
                        }
                    }
        }
    }

    private void Conv3x3Backward(
        ReadOnlySpan<float> input, int inChannels, float[] weights, ReadOnlySpan<float> gradOutput, int outChannels,
        float[] gradWeights, float[] gradBias, Span<float> gradInput)
    {
        int size = Size, pixels = size * size;
        for (int o = 0; o < outChannels; o++)
        {
            ReadOnlySpan<float> gradPlane = gradOutput.Slice(o * pixels, pixels);
            gradBias[o] = TensorPrimitives.Sum(gradPlane);
            for (int i = 0; i < inChannels; i++)
                for (int ky = 0; ky < 3; ky++)
                    for (int kx = 0; kx < 3; kx++)
                    {
                        int index = ((o * inChannels + i) * 3 + ky) * 3 + kx;
                        float w = weights[index], sum = 0;
                        int x0 = Math.Max(0, 1 - kx), x1 = Math.Min(size, size + 1 - kx);
                        for (int y = Math.Max(0, 1 - ky); y < Math.Min(size, size + 1 - ky); y++)
                        {
                            int inOffset = i * pixels + (y + ky - 1) * size + x0 + kx - 1;
                            ReadOnlySpan<float> gradRow = gradPlane.Slice(y * size + x0, x1 - x0);
                            sum += TensorPrimitives.Dot(gradRow, input.Slice(inOffset, x1 - x0));
                            if (!gradInput.IsEmpty)
                            {
                                Span<float> gradInRow = gradInput.Slice(inOffset, x1 - x0);
                                TensorPrimitives.MultiplyAdd(gradRow, w, gradInRow, gradInRow);
                            }
                        }

                        gradWeights[index] = sum;
                    }
        }
    }

    private static void ReluBackward(ReadOnlySpan<float> activation, Span<float> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
            if (activation[i] <= 0) gradient[i] = 0;
    }

    private static Parameter HeInit(Parameter parameter, int fanIn, Random random)
    {
        float scale = MathF.Sqrt(2f / fanIn);
        for (int i = 0; i < parameter.Value.Length; i++)
            parameter.Value[i] = scale * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return parameter;
    }
}

/// <summary>Adam (Kingma and Ba), with bias correction.</summary>
public sealed class Adam(IReadOnlyList<Parameter> parameters, float learningRate)
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly float[][] _m = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private readonly float[][] _v = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private int _step;

    public void Step()
    {
        _step++;
        float correction1 = 1 - MathF.Pow(Beta1, _step), correction2 = 1 - MathF.Pow(Beta2, _step);
        for (int k = 0; k < parameters.Count; k++)
        {
            float[] value = parameters[k].Value, gradient = parameters[k].Gradient, m = _m[k], v = _v[k];
            for (int i = 0; i < value.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * gradient[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * gradient[i] * gradient[i];
                value[i] -= learningRate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + Epsilon);
            }
        }
    }
}
