// A consumer of the Dice.Runtime package alone (no project reference): the generator must arrive as an
// analyzer from the package and the generated loss must run. Built and run by .ci/consumer-check.
using Dice;

float[] logits = new float[2 * 3 * 64];
int[] labels = new int[2 * 64];
var random = new Random(1);
for (int i = 0; i < logits.Length; i++) logits[i] = (float)random.NextDouble() * 2 - 1;
for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(3);
float[] gradient = new float[logits.Length];
LossResult result = ConsumerLoss.ForwardBackward(logits, labels, gradient, batch: 2);
if (!(result.Loss > 0 && float.IsFinite(result.Loss)) || gradient.All(g => g == 0))
{
    Console.Error.WriteLine($"consumer: unexpected result {result}");
    return 1;
}

Console.WriteLine($"consumer: {ConsumerLoss.Spec.Classes} classes, {result}");
return 0;

[DiceLoss(Classes = 3, Combine = Combine.CrossEntropy)]
public partial class ConsumerLoss { }
