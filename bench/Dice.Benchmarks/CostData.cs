using System.Runtime.Intrinsics;

namespace Dice.Benchmarks;

/// <summary>
/// The inputs of the alternated cost benchmarks (--pixel-term-options, --call-settings): logits in [-3, 3), labels and
/// one-in-four binary masks from one seed, and the vector width the run measures.
/// </summary>
internal sealed class CostData
{
    public CostData(int batch, int classes, int spatial)
    {
        var random = new Random(1);
        Input = new float[batch * classes * spatial];
        for (int i = 0; i < Input.Length; i++) Input[i] = (float)(random.NextDouble() * 6 - 3);
        Labels = new int[batch * spatial];
        for (int i = 0; i < Labels.Length; i++) Labels[i] = random.Next(classes);
        Masks = new float[Input.Length];
        for (int i = 0; i < Masks.Length; i++) Masks[i] = random.Next(4) == 0 ? 1f : 0f;
        Gradient = new float[Input.Length];
    }

    public float[] Input { get; }
    public int[] Labels { get; }
    public float[] Masks { get; }
    public float[] Gradient { get; }

    /// <summary>The widest vector width this process runs (DOTNET_EnableAVX512=0 and DOTNET_EnableAVX2=0 narrow it).</summary>
    public static string Width =>
        Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "Vector128";
}
