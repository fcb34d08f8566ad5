using Dice;

namespace Segmentation;

/// <summary>The seed's <c>dice_loss</c>: one class, probabilities against a mask.</summary>
[DiceLoss]
public partial class BinaryDice { }

/// <summary>The seed's <c>dice_loss_multiclass</c>: probabilities of 4 classes against labels.</summary>
[DiceLoss(Classes = 4)]
public partial class MulticlassDice { }

/// <summary>The seed's <c>dice_bce_loss</c>: logits of one class, sigmoid Dice plus BCE against a mask.</summary>
[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class DiceBce { }

/// <summary>The seed's <c>dice_bce_loss_multiclass</c>: logits of 4 classes, softmax Dice plus cross-entropy against labels.</summary>
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class DiceCe { }
