// The configuration matrix of the parity tests: every option alone on every base where it applies,
// and every pair of options on two bases. Written by hand-run script; each is an ordinary [DiceLoss] class.
#pragma warning disable DICE019 // Smooth = 0 is tested on purpose
namespace Dice.Runtime.Tests.Matrix;

[DiceLoss(Target = Target.Masks, Activation = Activation.None)] public partial class ProbMask1 { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None)] public partial class ProbLabels4 { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f)] public partial class SigmoidBceMask1 { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f)] public partial class SoftmaxCeLabels4 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax)] public partial class SoftmaxMasks3 { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid)] public partial class SigmoidLabels5 { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f)] public partial class SigmoidBceMasks2 { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f)] public partial class SigmoidBceLabels3 { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f)] public partial class SoftmaxCeLabels24 { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f)] public partial class SigmoidBceMasks17 { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None)] public partial class ProbLabels20 { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax)] public partial class SoftmaxMasks16 { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f)] public partial class ProbMask1_Smooth { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f)] public partial class ProbLabels4_Smooth { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SigmoidBceMask1_Smooth { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SoftmaxCeLabels4_Smooth { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f)] public partial class SoftmaxMasks3_Smooth { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Smooth = 0.25f)] public partial class SigmoidLabels5_Smooth { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SigmoidBceMasks2_Smooth { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SigmoidBceLabels3_Smooth { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SoftmaxCeLabels24_Smooth { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f)] public partial class SigmoidBceMasks17_Smooth { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f)] public partial class ProbLabels20_Smooth { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f)] public partial class SoftmaxMasks16_Smooth { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, BatchDice = true)] public partial class ProbMask1_BatchDice { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, BatchDice = true)] public partial class ProbLabels4_BatchDice { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SigmoidBceMask1_BatchDice { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SoftmaxCeLabels4_BatchDice { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true)] public partial class SoftmaxMasks3_BatchDice { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true)] public partial class SigmoidLabels5_BatchDice { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SigmoidBceMasks2_BatchDice { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SigmoidBceLabels3_BatchDice { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SoftmaxCeLabels24_BatchDice { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true)] public partial class SigmoidBceMasks17_BatchDice { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, BatchDice = true)] public partial class ProbLabels20_BatchDice { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true)] public partial class SoftmaxMasks16_BatchDice { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Squared = true)] public partial class ProbMask1_Squared { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Squared = true)] public partial class ProbLabels4_Squared { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SigmoidBceMask1_Squared { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SoftmaxCeLabels4_Squared { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Squared = true)] public partial class SoftmaxMasks3_Squared { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Squared = true)] public partial class SigmoidLabels5_Squared { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SigmoidBceMasks2_Squared { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SigmoidBceLabels3_Squared { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SoftmaxCeLabels24_Squared { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true)] public partial class SigmoidBceMasks17_Squared { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Squared = true)] public partial class ProbLabels20_Squared { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Squared = true)] public partial class SoftmaxMasks16_Squared { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Jaccard)] public partial class ProbMask1_Jaccard { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard)] public partial class ProbLabels4_Jaccard { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SigmoidBceMask1_Jaccard { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SoftmaxCeLabels4_Jaccard { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard)] public partial class SoftmaxMasks3_Jaccard { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Overlap = Overlap.Jaccard)] public partial class SigmoidLabels5_Jaccard { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SigmoidBceMasks2_Jaccard { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SigmoidBceLabels3_Jaccard { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SoftmaxCeLabels24_Jaccard { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard)] public partial class SigmoidBceMasks17_Jaccard { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard)] public partial class ProbLabels20_Jaccard { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard)] public partial class SoftmaxMasks16_Jaccard { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, LogLoss = true)] public partial class ProbMask1_LogLoss { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, LogLoss = true)] public partial class ProbLabels4_LogLoss { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SigmoidBceMask1_LogLoss { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SoftmaxCeLabels4_LogLoss { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true)] public partial class SoftmaxMasks3_LogLoss { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, LogLoss = true)] public partial class SigmoidLabels5_LogLoss { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SigmoidBceMasks2_LogLoss { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SigmoidBceLabels3_LogLoss { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SoftmaxCeLabels24_LogLoss { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true)] public partial class SigmoidBceMasks17_LogLoss { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, LogLoss = true)] public partial class ProbLabels20_LogLoss { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true)] public partial class SoftmaxMasks16_LogLoss { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255)] public partial class ProbLabels4_IgnoreIndex { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255)] public partial class SoftmaxCeLabels4_IgnoreIndex { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255)] public partial class SigmoidLabels5_IgnoreIndex { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255)] public partial class SigmoidBceLabels3_IgnoreIndex { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255)] public partial class SoftmaxCeLabels24_IgnoreIndex { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255)] public partial class ProbLabels20_IgnoreIndex { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, ClassWeights = new[] { 0.5f })] public partial class ProbMask1_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class ProbLabels4_ClassWeights { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f })] public partial class SigmoidBceMask1_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels4_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, ClassWeights = new[] { 0.5f, 1f, 1.5f })] public partial class SoftmaxMasks3_ClassWeights { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f })] public partial class SigmoidLabels5_ClassWeights { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f })] public partial class SigmoidBceMasks2_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f })] public partial class SigmoidBceLabels3_ClassWeights { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels24_ClassWeights { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f })] public partial class SigmoidBceMasks17_ClassWeights { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class ProbLabels20_ClassWeights { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxMasks16_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IncludeBackground = false)] public partial class ProbLabels4_NoBackground { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IncludeBackground = false)] public partial class SoftmaxCeLabels4_NoBackground { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, IncludeBackground = false)] public partial class SoftmaxMasks3_NoBackground { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IncludeBackground = false)] public partial class SigmoidLabels5_NoBackground { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false)] public partial class SigmoidBceMasks2_NoBackground { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false)] public partial class SigmoidBceLabels3_NoBackground { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IncludeBackground = false)] public partial class SoftmaxCeLabels24_NoBackground { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false)] public partial class SigmoidBceMasks17_NoBackground { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, IncludeBackground = false)] public partial class ProbLabels20_NoBackground { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, IncludeBackground = false)] public partial class SoftmaxMasks16_NoBackground { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f, BatchDice = true)] public partial class ProbMask1_Smooth_BatchDice { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, BatchDice = true)] public partial class ProbLabels4_Smooth_BatchDice { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Squared = true)] public partial class SigmoidBceMask1_Smooth_Squared { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Squared = true)] public partial class SoftmaxCeLabels4_Smooth_Squared { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, Overlap = Overlap.Jaccard)] public partial class SoftmaxMasks3_Smooth_Jaccard { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Smooth = 0.25f, Overlap = Overlap.Jaccard)] public partial class SigmoidLabels5_Smooth_Jaccard { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, LogLoss = true)] public partial class SigmoidBceMasks2_Smooth_LogLoss { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, LogLoss = true)] public partial class SigmoidBceLabels3_Smooth_LogLoss { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, IgnoreIndex = 255)] public partial class SoftmaxCeLabels24_Smooth_IgnoreIndex { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, IgnoreIndex = 255)] public partial class ProbLabels20_Smooth_IgnoreIndex { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxMasks16_Smooth_ClassWeights { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f, ClassWeights = new[] { 0.5f })] public partial class ProbMask1_Smooth_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, IncludeBackground = false)] public partial class ProbLabels4_Smooth_NoBackground { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, IncludeBackground = false)] public partial class SoftmaxCeLabels4_Smooth_NoBackground { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, Squared = true)] public partial class SoftmaxMasks3_BatchDice_Squared { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, Squared = true)] public partial class SigmoidLabels5_BatchDice_Squared { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Overlap = Overlap.Jaccard)] public partial class SigmoidBceMasks2_BatchDice_Jaccard { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Overlap = Overlap.Jaccard)] public partial class SigmoidBceLabels3_BatchDice_Jaccard { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, LogLoss = true)] public partial class SoftmaxCeLabels24_BatchDice_LogLoss { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, LogLoss = true)] public partial class SigmoidBceMasks17_BatchDice_LogLoss { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, BatchDice = true, IgnoreIndex = 255)] public partial class ProbLabels20_BatchDice_IgnoreIndex { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, BatchDice = true, IgnoreIndex = 255)] public partial class ProbLabels4_BatchDice_IgnoreIndex { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, ClassWeights = new[] { 0.5f })] public partial class SigmoidBceMask1_BatchDice_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels4_BatchDice_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, IncludeBackground = false)] public partial class SoftmaxMasks3_BatchDice_NoBackground { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, IncludeBackground = false)] public partial class SigmoidLabels5_BatchDice_NoBackground { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Overlap = Overlap.Jaccard)] public partial class SigmoidBceMasks2_Squared_Jaccard { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Overlap = Overlap.Jaccard)] public partial class SigmoidBceLabels3_Squared_Jaccard { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, LogLoss = true)] public partial class SoftmaxCeLabels24_Squared_LogLoss { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, LogLoss = true)] public partial class SigmoidBceMasks17_Squared_LogLoss { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Squared = true, IgnoreIndex = 255)] public partial class ProbLabels20_Squared_IgnoreIndex { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Squared = true, IgnoreIndex = 255)] public partial class ProbLabels4_Squared_IgnoreIndex { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, ClassWeights = new[] { 0.5f })] public partial class SigmoidBceMask1_Squared_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels4_Squared_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Squared = true, IncludeBackground = false)] public partial class SoftmaxMasks3_Squared_NoBackground { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Squared = true, IncludeBackground = false)] public partial class SigmoidLabels5_Squared_NoBackground { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, LogLoss = true)] public partial class SigmoidBceMasks2_Jaccard_LogLoss { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, LogLoss = true)] public partial class SigmoidBceLabels3_Jaccard_LogLoss { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, IgnoreIndex = 255)] public partial class SoftmaxCeLabels24_Jaccard_IgnoreIndex { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, IgnoreIndex = 255)] public partial class ProbLabels20_Jaccard_IgnoreIndex { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxMasks16_Jaccard_ClassWeights { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Jaccard, ClassWeights = new[] { 0.5f })] public partial class ProbMask1_Jaccard_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, IncludeBackground = false)] public partial class ProbLabels4_Jaccard_NoBackground { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, IncludeBackground = false)] public partial class SoftmaxCeLabels4_Jaccard_NoBackground { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, LogLoss = true, IgnoreIndex = 255)] public partial class SigmoidLabels5_LogLoss_IgnoreIndex { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, IgnoreIndex = 255)] public partial class SigmoidBceLabels3_LogLoss_IgnoreIndex { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels24_LogLoss_ClassWeights { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f })] public partial class SigmoidBceMasks17_LogLoss_ClassWeights { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, LogLoss = true, IncludeBackground = false)] public partial class ProbLabels20_LogLoss_NoBackground { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, IncludeBackground = false)] public partial class SoftmaxMasks16_LogLoss_NoBackground { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class ProbLabels4_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels4_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, IncludeBackground = false)] public partial class SigmoidLabels5_IgnoreIndex_NoBackground { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, IncludeBackground = false)] public partial class SigmoidBceLabels3_IgnoreIndex_NoBackground { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, IncludeBackground = false)] public partial class SoftmaxCeLabels24_ClassWeights_NoBackground { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f }, IncludeBackground = false)] public partial class SigmoidBceMasks17_ClassWeights_NoBackground { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0f)] public partial class SoftmaxCeLabels4_SmoothZero { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax)] public partial class SoftmaxLabels6 { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax, IncludeBackground = false, ClassWeights = new[] { 1f, 2f, 1f, 0.5f, 1f, 3f })] public partial class SoftmaxLabels6_NoBackground_ClassWeights { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax, BatchDice = true, IgnoreIndex = 255)] public partial class SoftmaxLabels6_BatchDice_IgnoreIndex { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.Softmax, Squared = true, LogLoss = true)] public partial class SoftmaxLabels20_Squared_LogLoss { }

// Holes the option matrix left: sigmoid on masks without a pixel term (the usual multi-label setup), and above the
// unroll limit (class loops) softmax on masks, sigmoid on labels and probabilities on masks.
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid)] public partial class SigmoidMask1 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid)] public partial class SigmoidMasks3 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, IncludeBackground = false, ClassWeights = new[] { 1f, 2f, 0.5f }, BatchDice = true)] public partial class SigmoidMasks3_NoBackground_ClassWeights_BatchDice { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax)] public partial class SoftmaxMasks18 { }
[DiceLoss(Classes = 19, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255)] public partial class SigmoidLabels19_IgnoreIndex { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.None, Squared = true)] public partial class ProbMasks17_Squared { }

// The loss family: Tversky, the term exponent (focal Tversky), Generalized Dice and the focal term, alone and paired.
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class ProbMask1_Tversky { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SoftmaxCeLabels4_Tversky { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SigmoidBceMasks2_Tversky { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, BatchDice = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SoftmaxLabels4_Tversky_BatchDice { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IncludeBackground = false, IgnoreIndex = 255, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SigmoidLabels5_Tversky_NoBackground_IgnoreIndex { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class ProbLabels4_Tversky_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SoftmaxMasks3_Tversky_LogLoss { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.6f, FalseNegativeWeight = 0.9f)] public partial class ProbLabels4_Tversky_Unbalanced { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SoftmaxCeLabels20_Tversky { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, BatchDice = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f)] public partial class SigmoidMasks17_Tversky_BatchDice { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f)] public partial class SoftmaxCeLabels4_FocalTversky { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, OverlapExponent = 1.5f)] public partial class ProbMask1_Exponent { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, OverlapExponent = 0.5f)] public partial class SigmoidLabels5_Exponent_BatchDice { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax, OverlapExponent = 0.75f)] public partial class SoftmaxMasks18_Exponent { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, OverlapExponent = 2f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class ProbLabels4_Jaccard_Exponent_ClassWeights { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice)] public partial class SoftmaxCeLabels4_GeneralizedDice { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.GeneralizedDice, BatchDice = true)] public partial class ProbLabels4_GeneralizedDice_BatchDice { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, IncludeBackground = false, IgnoreIndex = 255)] public partial class SoftmaxLabels4_GeneralizedDice_NoBackground_IgnoreIndex { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, Overlap = Overlap.GeneralizedDice, GeneralizedWeighting = GeneralizedWeighting.InverseVolume)] public partial class SigmoidMasks3_GeneralizedDice_InverseVolume { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice, GeneralizedWeighting = GeneralizedWeighting.Uniform)] public partial class SigmoidBceMasks2_GeneralizedDice_Uniform { }
[DiceLoss(Classes = 20, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice)] public partial class SoftmaxLabels20_GeneralizedDice { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.GeneralizedDice)] public partial class ProbMask1_GeneralizedDice { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, LogLoss = true)] public partial class SoftmaxLabels4_GeneralizedDice_LogLoss { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, OverlapExponent = 0.75f)] public partial class SoftmaxLabels4_GeneralizedDice_Exponent { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f)] public partial class SoftmaxFocalLabels4 { }
[DiceLoss(Classes = 2, Combine = Combine.Focal, Alpha = 0.3f)] public partial class SoftmaxFocalLabels2 { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxFocalLabels4_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0f)] public partial class SoftmaxFocalLabels4_GammaZero { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0.5f)] public partial class SoftmaxFocalLabels4_GammaHalf { }
[DiceLoss(Classes = 20, Combine = Combine.Focal, Alpha = 0.3f, BatchDice = true)] public partial class SoftmaxFocalLabels20_BatchDice { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IncludeBackground = false, LogLoss = true)] public partial class SoftmaxFocalLabels4_NoBackground_LogLoss { }
[DiceLoss(Combine = Combine.Focal, Alpha = 0.3f)] public partial class SigmoidFocalMask1 { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, ClassWeights = new[] { 1f, 2f, 0.5f })] public partial class SigmoidFocalMasks3_ClassWeights { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255)] public partial class SigmoidFocalLabels3_IgnoreIndex { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f)] public partial class SigmoidFocalMasks17 { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0f, BatchDice = true)] public partial class SigmoidFocalMasks2_GammaZero_BatchDice { }
[DiceLoss(Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 1.5f)] public partial class SigmoidFocalMask1_GammaOneHalf { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f)] public partial class SoftmaxFocalLabels4_FocalTversky { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice)] public partial class SigmoidFocalMasks2_GeneralizedDice { }

// PyTorch's pos_weight on the BCE and label_smoothing on the CE, unrolled and in class loops, with the options they meet.
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 4f, 0.5f, 1f })] public partial class SigmoidBceMasks3_PositiveWeights { }
[DiceLoss(Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 25f }, BatchDice = true)] public partial class SigmoidBceMask1_PositiveWeights_BatchDice { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PositiveWeights = new[] { 2f, 3f, 0.25f }, ClassWeights = new[] { 1f, 2f, 0.5f })] public partial class SigmoidBceLabels3_PositiveWeights_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 0.5f, 0.25f, 1f, 2f, 3f, 4f, 5f })] public partial class SigmoidBceMasks17_PositiveWeights { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f)] public partial class SoftmaxCeLabels4_LabelSmoothing { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.2f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels4_LabelSmoothing_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 1f, BatchDice = true)] public partial class SoftmaxCeLabels2_LabelSmoothingOne_BatchDice { }
[DiceLoss(Classes = 24, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f })] public partial class SoftmaxCeLabels24_LabelSmoothing_IgnoreIndex_ClassWeights { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f)] public partial class SoftmaxCeLabels4_LabelSmoothing_FocalTversky { }

// Pixel weights (PixelWeights = true): every kind of term and target, unrolled and in class loops.
[DiceLoss(Target = Target.Masks, Activation = Activation.None, PixelWeights = true)] public partial class ProbMask1_PixelWeights { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.None, Squared = true, PixelWeights = true)] public partial class ProbMasks3_Squared_PixelWeights { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, PixelWeights = true)] public partial class ProbLabels4_PixelWeights_IgnoreIndex { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, PixelWeights = true)] public partial class SoftmaxCeLabels4_PixelWeights { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, LabelSmoothing = 0.1f, BatchDice = true, PixelWeights = true)] public partial class SoftmaxCeLabels4_PixelWeights_IgnoreIndex_ClassWeights_LabelSmoothing_BatchDice { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true)] public partial class SoftmaxCeLabels20_PixelWeights_IgnoreIndex { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 1f, 2f, 0.5f }, PositiveWeights = new[] { 4f, 1f, 0.5f }, PixelWeights = true)] public partial class SigmoidBceMasks3_PixelWeights_ClassWeights_PositiveWeights { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true)] public partial class SigmoidBceLabels3_PixelWeights_IgnoreIndex { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, PixelWeights = true)] public partial class SigmoidBceMasks17_PixelWeights_BatchDice { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax, PixelWeights = true)] public partial class SoftmaxMasks18_PixelWeights { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true)] public partial class SoftmaxFocalLabels4_PixelWeights_IgnoreIndex { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, PixelWeights = true)] public partial class SigmoidFocalMasks2_PixelWeights { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f, PixelWeights = true)] public partial class SoftmaxLabels4_GeneralizedDice_PixelWeights { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, PixelWeights = true)] public partial class SigmoidLabels5_Tversky_PixelWeights_IgnoreIndex { }

public static class LossMatrix
{
    public static readonly ILossCase[] All =
    [
        new LossCase<ProbMask1>(),
        new LossCase<ProbLabels4>(),
        new LossCase<SigmoidBceMask1>(),
        new LossCase<SoftmaxCeLabels4>(),
        new LossCase<SoftmaxMasks3>(),
        new LossCase<SigmoidLabels5>(),
        new LossCase<SigmoidBceMasks2>(),
        new LossCase<SigmoidBceLabels3>(),
        new LossCase<SoftmaxCeLabels24>(),
        new LossCase<SigmoidBceMasks17>(),
        new LossCase<ProbLabels20>(),
        new LossCase<SoftmaxMasks16>(),
        new LossCase<ProbMask1_Smooth>(),
        new LossCase<ProbLabels4_Smooth>(),
        new LossCase<SigmoidBceMask1_Smooth>(),
        new LossCase<SoftmaxCeLabels4_Smooth>(),
        new LossCase<SoftmaxMasks3_Smooth>(),
        new LossCase<SigmoidLabels5_Smooth>(),
        new LossCase<SigmoidBceMasks2_Smooth>(),
        new LossCase<SigmoidBceLabels3_Smooth>(),
        new LossCase<SoftmaxCeLabels24_Smooth>(),
        new LossCase<SigmoidBceMasks17_Smooth>(),
        new LossCase<ProbLabels20_Smooth>(),
        new LossCase<SoftmaxMasks16_Smooth>(),
        new LossCase<ProbMask1_BatchDice>(),
        new LossCase<ProbLabels4_BatchDice>(),
        new LossCase<SigmoidBceMask1_BatchDice>(),
        new LossCase<SoftmaxCeLabels4_BatchDice>(),
        new LossCase<SoftmaxMasks3_BatchDice>(),
        new LossCase<SigmoidLabels5_BatchDice>(),
        new LossCase<SigmoidBceMasks2_BatchDice>(),
        new LossCase<SigmoidBceLabels3_BatchDice>(),
        new LossCase<SoftmaxCeLabels24_BatchDice>(),
        new LossCase<SigmoidBceMasks17_BatchDice>(),
        new LossCase<ProbLabels20_BatchDice>(),
        new LossCase<SoftmaxMasks16_BatchDice>(),
        new LossCase<ProbMask1_Squared>(),
        new LossCase<ProbLabels4_Squared>(),
        new LossCase<SigmoidBceMask1_Squared>(),
        new LossCase<SoftmaxCeLabels4_Squared>(),
        new LossCase<SoftmaxMasks3_Squared>(),
        new LossCase<SigmoidLabels5_Squared>(),
        new LossCase<SigmoidBceMasks2_Squared>(),
        new LossCase<SigmoidBceLabels3_Squared>(),
        new LossCase<SoftmaxCeLabels24_Squared>(),
        new LossCase<SigmoidBceMasks17_Squared>(),
        new LossCase<ProbLabels20_Squared>(),
        new LossCase<SoftmaxMasks16_Squared>(),
        new LossCase<ProbMask1_Jaccard>(),
        new LossCase<ProbLabels4_Jaccard>(),
        new LossCase<SigmoidBceMask1_Jaccard>(),
        new LossCase<SoftmaxCeLabels4_Jaccard>(),
        new LossCase<SoftmaxMasks3_Jaccard>(),
        new LossCase<SigmoidLabels5_Jaccard>(),
        new LossCase<SigmoidBceMasks2_Jaccard>(),
        new LossCase<SigmoidBceLabels3_Jaccard>(),
        new LossCase<SoftmaxCeLabels24_Jaccard>(),
        new LossCase<SigmoidBceMasks17_Jaccard>(),
        new LossCase<ProbLabels20_Jaccard>(),
        new LossCase<SoftmaxMasks16_Jaccard>(),
        new LossCase<ProbMask1_LogLoss>(),
        new LossCase<ProbLabels4_LogLoss>(),
        new LossCase<SigmoidBceMask1_LogLoss>(),
        new LossCase<SoftmaxCeLabels4_LogLoss>(),
        new LossCase<SoftmaxMasks3_LogLoss>(),
        new LossCase<SigmoidLabels5_LogLoss>(),
        new LossCase<SigmoidBceMasks2_LogLoss>(),
        new LossCase<SigmoidBceLabels3_LogLoss>(),
        new LossCase<SoftmaxCeLabels24_LogLoss>(),
        new LossCase<SigmoidBceMasks17_LogLoss>(),
        new LossCase<ProbLabels20_LogLoss>(),
        new LossCase<SoftmaxMasks16_LogLoss>(),
        new LossCase<ProbLabels4_IgnoreIndex>(),
        new LossCase<SoftmaxCeLabels4_IgnoreIndex>(),
        new LossCase<SigmoidLabels5_IgnoreIndex>(),
        new LossCase<SigmoidBceLabels3_IgnoreIndex>(),
        new LossCase<SoftmaxCeLabels24_IgnoreIndex>(),
        new LossCase<ProbLabels20_IgnoreIndex>(),
        new LossCase<ProbMask1_ClassWeights>(),
        new LossCase<ProbLabels4_ClassWeights>(),
        new LossCase<SigmoidBceMask1_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_ClassWeights>(),
        new LossCase<SoftmaxMasks3_ClassWeights>(),
        new LossCase<SigmoidLabels5_ClassWeights>(),
        new LossCase<SigmoidBceMasks2_ClassWeights>(),
        new LossCase<SigmoidBceLabels3_ClassWeights>(),
        new LossCase<SoftmaxCeLabels24_ClassWeights>(),
        new LossCase<SigmoidBceMasks17_ClassWeights>(),
        new LossCase<ProbLabels20_ClassWeights>(),
        new LossCase<SoftmaxMasks16_ClassWeights>(),
        new LossCase<ProbLabels4_NoBackground>(),
        new LossCase<SoftmaxCeLabels4_NoBackground>(),
        new LossCase<SoftmaxMasks3_NoBackground>(),
        new LossCase<SigmoidLabels5_NoBackground>(),
        new LossCase<SigmoidBceMasks2_NoBackground>(),
        new LossCase<SigmoidBceLabels3_NoBackground>(),
        new LossCase<SoftmaxCeLabels24_NoBackground>(),
        new LossCase<SigmoidBceMasks17_NoBackground>(),
        new LossCase<ProbLabels20_NoBackground>(),
        new LossCase<SoftmaxMasks16_NoBackground>(),
        new LossCase<ProbMask1_Smooth_BatchDice>(),
        new LossCase<ProbLabels4_Smooth_BatchDice>(),
        new LossCase<SigmoidBceMask1_Smooth_Squared>(),
        new LossCase<SoftmaxCeLabels4_Smooth_Squared>(),
        new LossCase<SoftmaxMasks3_Smooth_Jaccard>(),
        new LossCase<SigmoidLabels5_Smooth_Jaccard>(),
        new LossCase<SigmoidBceMasks2_Smooth_LogLoss>(),
        new LossCase<SigmoidBceLabels3_Smooth_LogLoss>(),
        new LossCase<SoftmaxCeLabels24_Smooth_IgnoreIndex>(),
        new LossCase<ProbLabels20_Smooth_IgnoreIndex>(),
        new LossCase<SoftmaxMasks16_Smooth_ClassWeights>(),
        new LossCase<ProbMask1_Smooth_ClassWeights>(),
        new LossCase<ProbLabels4_Smooth_NoBackground>(),
        new LossCase<SoftmaxCeLabels4_Smooth_NoBackground>(),
        new LossCase<SoftmaxMasks3_BatchDice_Squared>(),
        new LossCase<SigmoidLabels5_BatchDice_Squared>(),
        new LossCase<SigmoidBceMasks2_BatchDice_Jaccard>(),
        new LossCase<SigmoidBceLabels3_BatchDice_Jaccard>(),
        new LossCase<SoftmaxCeLabels24_BatchDice_LogLoss>(),
        new LossCase<SigmoidBceMasks17_BatchDice_LogLoss>(),
        new LossCase<ProbLabels20_BatchDice_IgnoreIndex>(),
        new LossCase<ProbLabels4_BatchDice_IgnoreIndex>(),
        new LossCase<SigmoidBceMask1_BatchDice_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_BatchDice_ClassWeights>(),
        new LossCase<SoftmaxMasks3_BatchDice_NoBackground>(),
        new LossCase<SigmoidLabels5_BatchDice_NoBackground>(),
        new LossCase<SigmoidBceMasks2_Squared_Jaccard>(),
        new LossCase<SigmoidBceLabels3_Squared_Jaccard>(),
        new LossCase<SoftmaxCeLabels24_Squared_LogLoss>(),
        new LossCase<SigmoidBceMasks17_Squared_LogLoss>(),
        new LossCase<ProbLabels20_Squared_IgnoreIndex>(),
        new LossCase<ProbLabels4_Squared_IgnoreIndex>(),
        new LossCase<SigmoidBceMask1_Squared_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_Squared_ClassWeights>(),
        new LossCase<SoftmaxMasks3_Squared_NoBackground>(),
        new LossCase<SigmoidLabels5_Squared_NoBackground>(),
        new LossCase<SigmoidBceMasks2_Jaccard_LogLoss>(),
        new LossCase<SigmoidBceLabels3_Jaccard_LogLoss>(),
        new LossCase<SoftmaxCeLabels24_Jaccard_IgnoreIndex>(),
        new LossCase<ProbLabels20_Jaccard_IgnoreIndex>(),
        new LossCase<SoftmaxMasks16_Jaccard_ClassWeights>(),
        new LossCase<ProbMask1_Jaccard_ClassWeights>(),
        new LossCase<ProbLabels4_Jaccard_NoBackground>(),
        new LossCase<SoftmaxCeLabels4_Jaccard_NoBackground>(),
        new LossCase<SigmoidLabels5_LogLoss_IgnoreIndex>(),
        new LossCase<SigmoidBceLabels3_LogLoss_IgnoreIndex>(),
        new LossCase<SoftmaxCeLabels24_LogLoss_ClassWeights>(),
        new LossCase<SigmoidBceMasks17_LogLoss_ClassWeights>(),
        new LossCase<ProbLabels20_LogLoss_NoBackground>(),
        new LossCase<SoftmaxMasks16_LogLoss_NoBackground>(),
        new LossCase<ProbLabels4_IgnoreIndex_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_IgnoreIndex_ClassWeights>(),
        new LossCase<SigmoidLabels5_IgnoreIndex_NoBackground>(),
        new LossCase<SigmoidBceLabels3_IgnoreIndex_NoBackground>(),
        new LossCase<SoftmaxCeLabels24_ClassWeights_NoBackground>(),
        new LossCase<SigmoidBceMasks17_ClassWeights_NoBackground>(),
        new LossCase<SoftmaxCeLabels4_SmoothZero>(),
        new LossCase<SoftmaxLabels6>(),
        new LossCase<SoftmaxLabels6_NoBackground_ClassWeights>(),
        new LossCase<SoftmaxLabels6_BatchDice_IgnoreIndex>(),
        new LossCase<SoftmaxLabels20_Squared_LogLoss>(),
        new LossCase<SigmoidMask1>(),
        new LossCase<SigmoidMasks3>(),
        new LossCase<SigmoidMasks3_NoBackground_ClassWeights_BatchDice>(),
        new LossCase<SoftmaxMasks18>(),
        new LossCase<SigmoidLabels19_IgnoreIndex>(),
        new LossCase<ProbMasks17_Squared>(),
        new LossCase<ProbMask1_Tversky>(),
        new LossCase<SoftmaxCeLabels4_Tversky>(),
        new LossCase<SigmoidBceMasks2_Tversky>(),
        new LossCase<SoftmaxLabels4_Tversky_BatchDice>(),
        new LossCase<SigmoidLabels5_Tversky_NoBackground_IgnoreIndex>(),
        new LossCase<ProbLabels4_Tversky_ClassWeights>(),
        new LossCase<SoftmaxMasks3_Tversky_LogLoss>(),
        new LossCase<ProbLabels4_Tversky_Unbalanced>(),
        new LossCase<SoftmaxCeLabels20_Tversky>(),
        new LossCase<SigmoidMasks17_Tversky_BatchDice>(),
        new LossCase<SoftmaxCeLabels4_FocalTversky>(),
        new LossCase<ProbMask1_Exponent>(),
        new LossCase<SigmoidLabels5_Exponent_BatchDice>(),
        new LossCase<SoftmaxMasks18_Exponent>(),
        new LossCase<ProbLabels4_Jaccard_Exponent_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_GeneralizedDice>(),
        new LossCase<ProbLabels4_GeneralizedDice_BatchDice>(),
        new LossCase<SoftmaxLabels4_GeneralizedDice_NoBackground_IgnoreIndex>(),
        new LossCase<SigmoidMasks3_GeneralizedDice_InverseVolume>(),
        new LossCase<SigmoidBceMasks2_GeneralizedDice_Uniform>(),
        new LossCase<SoftmaxLabels20_GeneralizedDice>(),
        new LossCase<ProbMask1_GeneralizedDice>(),
        new LossCase<SoftmaxLabels4_GeneralizedDice_LogLoss>(),
        new LossCase<SoftmaxLabels4_GeneralizedDice_Exponent>(),
        new LossCase<SoftmaxFocalLabels4>(),
        new LossCase<SoftmaxFocalLabels2>(),
        new LossCase<SoftmaxFocalLabels4_IgnoreIndex_ClassWeights>(),
        new LossCase<SoftmaxFocalLabels4_GammaZero>(),
        new LossCase<SoftmaxFocalLabels4_GammaHalf>(),
        new LossCase<SoftmaxFocalLabels20_BatchDice>(),
        new LossCase<SoftmaxFocalLabels4_NoBackground_LogLoss>(),
        new LossCase<SigmoidFocalMask1>(),
        new LossCase<SigmoidFocalMasks3_ClassWeights>(),
        new LossCase<SigmoidFocalLabels3_IgnoreIndex>(),
        new LossCase<SigmoidFocalMasks17>(),
        new LossCase<SigmoidFocalMasks2_GammaZero_BatchDice>(),
        new LossCase<SigmoidFocalMask1_GammaOneHalf>(),
        new LossCase<SoftmaxFocalLabels4_FocalTversky>(),
        new LossCase<SigmoidFocalMasks2_GeneralizedDice>(),
        new LossCase<SigmoidBceMasks3_PositiveWeights>(),
        new LossCase<SigmoidBceMask1_PositiveWeights_BatchDice>(),
        new LossCase<SigmoidBceLabels3_PositiveWeights_IgnoreIndex_ClassWeights>(),
        new LossCase<SigmoidBceMasks17_PositiveWeights>(),
        new LossCase<SoftmaxCeLabels4_LabelSmoothing>(),
        new LossCase<SoftmaxCeLabels4_LabelSmoothing_IgnoreIndex_ClassWeights>(),
        new LossCase<SoftmaxCeLabels2_LabelSmoothingOne_BatchDice>(),
        new LossCase<SoftmaxCeLabels24_LabelSmoothing_IgnoreIndex_ClassWeights>(),
        new LossCase<SoftmaxCeLabels4_LabelSmoothing_FocalTversky>(),
        new LossCase<ProbMask1_PixelWeights>(),
        new LossCase<ProbMasks3_Squared_PixelWeights>(),
        new LossCase<ProbLabels4_PixelWeights_IgnoreIndex>(),
        new LossCase<SoftmaxCeLabels4_PixelWeights>(),
        new LossCase<SoftmaxCeLabels4_PixelWeights_IgnoreIndex_ClassWeights_LabelSmoothing_BatchDice>(),
        new LossCase<SoftmaxCeLabels20_PixelWeights_IgnoreIndex>(),
        new LossCase<SigmoidBceMasks3_PixelWeights_ClassWeights_PositiveWeights>(),
        new LossCase<SigmoidBceLabels3_PixelWeights_IgnoreIndex>(),
        new LossCase<SigmoidBceMasks17_PixelWeights_BatchDice>(),
        new LossCase<SoftmaxMasks18_PixelWeights>(),
        new LossCase<SoftmaxFocalLabels4_PixelWeights_IgnoreIndex>(),
        new LossCase<SigmoidFocalMasks2_PixelWeights>(),
        new LossCase<SoftmaxLabels4_GeneralizedDice_PixelWeights>(),
        new LossCase<SigmoidLabels5_Tversky_PixelWeights_IgnoreIndex>(),
    ];
}
