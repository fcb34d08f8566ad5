using Dice;
using Segmentation;

// A synthetic 4-class image: background with a disc (class 1), a square (class 2) and a bar (class 3),
// and a "network output" that roughly agrees with it.
const int Size = 128, Batch = 2, C = 4, S = Size * Size;
var random = new Random(42);
int[] labels = new int[Batch * S];
for (int n = 0; n < Batch; n++)
    for (int yy = 0; yy < Size; yy++)
        for (int xx = 0; xx < Size; xx++)
        {
            int label = 0;
            if ((xx - 40) * (xx - 40) + (yy - 40) * (yy - 40) < 400 + 100 * n) label = 1;
            else if (xx > 70 && xx < 110 && yy > 70 && yy < 110) label = 2;
            else if (yy > 115 && yy < 122) label = 3;
            labels[n * S + yy * Size + xx] = label;
        }

float[] logits = new float[Batch * C * S];
for (int n = 0; n < Batch; n++)
    for (int s = 0; s < S; s++)
        for (int c = 0; c < C; c++)
            logits[(n * C + c) * S + s] = (labels[n * S + s] == c ? 2f : 0f) + (float)(random.NextDouble() * 2 - 1);

float[] probabilities = Softmax(logits);
float[] mask = new float[Batch * S];
float[] maskLogit = new float[Batch * S];
float[] maskProbability = new float[Batch * S];
for (int i = 0; i < mask.Length; i++)
{
    mask[i] = labels[i] == 1 ? 1f : 0f;
    maskLogit[i] = logits[(i / S * C + 1) * S + i % S] - logits[(i / S * C) * S + i % S];
    maskProbability[i] = 1f / (1f + MathF.Exp(-maskLogit[i]));
}

float[] gradient = new float[logits.Length];
Print("dice_loss                [DiceLoss]", BinaryDice.Forward(maskProbability, mask, Batch));
Print("dice_loss_multiclass     [DiceLoss(Classes = 4)]", MulticlassDice.Forward(probabilities, labels, Batch));
Print("dice_bce_loss            [DiceLoss(Combine = BinaryCrossEntropy)]", DiceBce.Forward(maskLogit, mask, Batch));
Print("dice_bce_loss_multiclass [DiceLoss(Classes = 4, Combine = CrossEntropy)]", DiceCe.ForwardBackward(logits, labels, gradient, Batch));
Console.WriteLine($"  gradient L2 norm: {Math.Sqrt(gradient.Sum(g => (double)g * g)):G4}");

static void Print(string name, LossResult result) => Console.WriteLine($"{name}\n  {result}");

static float[] Softmax(float[] x)
{
    var p = new float[x.Length];
    for (int n = 0; n < Batch; n++)
        for (int s = 0; s < S; s++)
        {
            float max = float.NegativeInfinity, sum = 0;
            for (int c = 0; c < C; c++) max = MathF.Max(max, x[(n * C + c) * S + s]);
            for (int c = 0; c < C; c++) sum += p[(n * C + c) * S + s] = MathF.Exp(x[(n * C + c) * S + s] - max);
            for (int c = 0; c < C; c++) p[(n * C + c) * S + s] /= sum;
        }
    return p;
}
