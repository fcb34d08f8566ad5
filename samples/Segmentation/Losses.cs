using Dice;

namespace Segmentation;

/// <summary>Soft Dice plus cross-entropy on softmax logits: the seed's <c>dice_bce_loss_multiclass</c>, and the sample's default.</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Combine = Combine.CrossEntropy)]
public partial class DiceCeLoss { }

/// <summary>Soft Dice alone on softmax probabilities (for <c>--compare</c>).</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Activation = Activation.Softmax)]
public partial class DiceOnlyLoss { }

/// <summary>Cross-entropy alone: Alpha = 1 gives the Dice term no weight (for <c>--compare</c>).</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Combine = Combine.CrossEntropy, Alpha = 1f)]
public partial class CrossEntropyOnlyLoss { }
