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

/// <summary>Tversky (false positives 0.3, false negatives 0.7: misses cost more) plus cross-entropy (for <c>--compare</c>).</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Combine = Combine.CrossEntropy, Overlap = Overlap.Tversky,
    FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)]
public partial class TverskyCeLoss { }

/// <summary>Soft Dice plus the softmax focal term, gamma 2 (for <c>--compare</c>).</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Combine = Combine.Focal)]
public partial class DiceFocalLoss { }

/// <summary>
/// Generalized Dice alone, classes weighted by 1 / volume^2 per image, with MONAI's GeneralizedDiceLoss smoothing of 1e-5
/// (for <c>--compare</c>; a Smooth of 1 would swamp the weighted sums, DICE036).
/// </summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f)]
public partial class GeneralizedDiceLoss { }

/// <summary>Dice + CE with the U-Net border weight map as pixel weights (for <c>--compare</c>; <see cref="BorderWeights"/>).</summary>
[DiceLoss(Classes = SyntheticShapes.Classes, Combine = Combine.CrossEntropy, PixelWeights = true)]
public partial class BorderWeightedDiceCeLoss { }
