// The parity matrix in channels-last layout: each class of LossMatrix.cs with Layout = Layout.ChannelsLast added, named
// with the suffix _Last (ChannelsLastTests checks that the two lists stay twins). Written from LossMatrix.cs by script.
#pragma warning disable DICE019 // Smooth = 0 is tested on purpose
namespace Dice.Runtime.Tests.Matrix;

[DiceLoss(Target = Target.Masks, Activation = Activation.None, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Smooth_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Smooth_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Smooth_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Smooth_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Smooth_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Smooth_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Smooth_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Smooth_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Smooth_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_Smooth_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Smooth_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Smooth_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbMask1_BatchDice_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_BatchDice_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_BatchDice_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_BatchDice_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_BatchDice_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_BatchDice_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_BatchDice_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_BatchDice_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_BatchDice_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_BatchDice_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_BatchDice_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_BatchDice_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Squared = true, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Squared_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Squared = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Squared_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Squared_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Squared_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Squared_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Squared_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Squared_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Squared_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Squared_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_Squared_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Squared = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Squared_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Squared_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Jaccard_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Jaccard_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Jaccard_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Jaccard_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Jaccard_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Jaccard_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Jaccard_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Jaccard_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Jaccard_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_Jaccard_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Jaccard_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Jaccard_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class ProbMask1_LogLoss_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_LogLoss_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_LogLoss_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_LogLoss_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_LogLoss_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_LogLoss_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_LogLoss_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_LogLoss_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_LogLoss_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_LogLoss_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_LogLoss_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_LogLoss_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_IgnoreIndex_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_IgnoreIndex_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_IgnoreIndex_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_IgnoreIndex_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_IgnoreIndex_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_IgnoreIndex_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class ProbMask1_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_ClassWeights_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, ClassWeights = new[] { 0.5f, 1f, 1.5f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_ClassWeights_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_ClassWeights_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_ClassWeights_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_ClassWeights_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_ClassWeights_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_ClassWeights_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_NoBackground_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_NoBackground_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_NoBackground_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_NoBackground_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_NoBackground_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_NoBackground_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_NoBackground_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_NoBackground_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_NoBackground_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_NoBackground_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Smooth_BatchDice_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Smooth_BatchDice_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Smooth_Squared_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Smooth_Squared_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Smooth_Jaccard_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Smooth = 0.25f, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Smooth_Jaccard_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Smooth_LogLoss_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Smooth = 0.25f, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Smooth_LogLoss_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Smooth_IgnoreIndex_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Smooth_IgnoreIndex_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Smooth = 0.25f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Smooth_ClassWeights_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Smooth = 0.25f, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Smooth_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Smooth = 0.25f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Smooth_NoBackground_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0.25f, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Smooth_NoBackground_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, Squared = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_BatchDice_Squared_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, Squared = true, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_BatchDice_Squared_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_BatchDice_Jaccard_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_BatchDice_Jaccard_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_BatchDice_LogLoss_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_BatchDice_LogLoss_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, BatchDice = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_BatchDice_IgnoreIndex_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, BatchDice = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_BatchDice_IgnoreIndex_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_BatchDice_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, BatchDice = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_BatchDice_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, BatchDice = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_BatchDice_NoBackground_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_BatchDice_NoBackground_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Squared_Jaccard_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, Overlap = Overlap.Jaccard, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Squared_Jaccard_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Squared_LogLoss_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_Squared_LogLoss_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Squared = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Squared_IgnoreIndex_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Squared = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Squared_IgnoreIndex_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Squared = true, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_Squared_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Squared = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Squared_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, Squared = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Squared_NoBackground_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, Squared = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Squared_NoBackground_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Jaccard_LogLoss_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_Jaccard_LogLoss_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_Jaccard_IgnoreIndex_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_Jaccard_IgnoreIndex_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, Overlap = Overlap.Jaccard, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_Jaccard_ClassWeights_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Jaccard, ClassWeights = new[] { 0.5f }, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Jaccard_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Jaccard_NoBackground_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Jaccard, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Jaccard_NoBackground_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, LogLoss = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_LogLoss_IgnoreIndex_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_LogLoss_IgnoreIndex_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, LogLoss = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_LogLoss_ClassWeights_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, LogLoss = true, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_LogLoss_ClassWeights_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.None, LogLoss = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class ProbLabels20_LogLoss_NoBackground_Last { }
[DiceLoss(Classes = 16, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks16_LogLoss_NoBackground_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_IgnoreIndex_NoBackground_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_IgnoreIndex_NoBackground_Last { }
[DiceLoss(Classes = 24, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_ClassWeights_NoBackground_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f }, IncludeBackground = false, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_ClassWeights_NoBackground_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.Softmax, Combine = Combine.CrossEntropy, Alpha = 0.3f, Smooth = 0f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_SmoothZero_Last { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels6_Last { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax, IncludeBackground = false, ClassWeights = new[] { 1f, 2f, 1f, 0.5f, 1f, 3f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels6_NoBackground_ClassWeights_Last { }
[DiceLoss(Classes = 6, Target = Target.Labels, Activation = Activation.Softmax, BatchDice = true, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels6_BatchDice_IgnoreIndex_Last { }
[DiceLoss(Classes = 20, Target = Target.Labels, Activation = Activation.Softmax, Squared = true, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels20_Squared_LogLoss_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.Sigmoid, Layout = Layout.ChannelsLast)] public partial class SigmoidMask1_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, Layout = Layout.ChannelsLast)] public partial class SigmoidMasks3_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, IncludeBackground = false, ClassWeights = new[] { 1f, 2f, 0.5f }, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidMasks3_NoBackground_ClassWeights_BatchDice_Last { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks18_Last { }
[DiceLoss(Classes = 19, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels19_IgnoreIndex_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.None, Squared = true, Layout = Layout.ChannelsLast)] public partial class ProbMasks17_Squared_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Tversky_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_Tversky_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_Tversky_Last { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, BatchDice = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels4_Tversky_BatchDice_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IncludeBackground = false, IgnoreIndex = 255, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Tversky_NoBackground_IgnoreIndex_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Tversky_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Softmax, LogLoss = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks3_Tversky_LogLoss_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.6f, FalseNegativeWeight = 0.9f, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Tversky_Unbalanced_Last { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels20_Tversky_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Activation = Activation.Sigmoid, BatchDice = true, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, Layout = Layout.ChannelsLast)] public partial class SigmoidMasks17_Tversky_BatchDice_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_FocalTversky_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, OverlapExponent = 1.5f, Layout = Layout.ChannelsLast)] public partial class ProbMask1_Exponent_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, BatchDice = true, OverlapExponent = 0.5f, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Exponent_BatchDice_Last { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax, OverlapExponent = 0.75f, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks18_Exponent_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.Jaccard, OverlapExponent = 2f, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_Jaccard_Exponent_ClassWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_GeneralizedDice_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, Overlap = Overlap.GeneralizedDice, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_GeneralizedDice_BatchDice_Last { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, IncludeBackground = false, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels4_GeneralizedDice_NoBackground_IgnoreIndex_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.Sigmoid, Overlap = Overlap.GeneralizedDice, GeneralizedWeighting = GeneralizedWeighting.InverseVolume, Layout = Layout.ChannelsLast)] public partial class SigmoidMasks3_GeneralizedDice_InverseVolume_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice, GeneralizedWeighting = GeneralizedWeighting.Uniform, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks2_GeneralizedDice_Uniform_Last { }
[DiceLoss(Classes = 20, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels20_GeneralizedDice_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, Overlap = Overlap.GeneralizedDice, Layout = Layout.ChannelsLast)] public partial class ProbMask1_GeneralizedDice_Last { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels4_GeneralizedDice_LogLoss_Last { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, OverlapExponent = 0.75f, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels4_GeneralizedDice_Exponent_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_Last { }
[DiceLoss(Classes = 2, Combine = Combine.Focal, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels2_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0f, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_GammaZero_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0.5f, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_GammaHalf_Last { }
[DiceLoss(Classes = 20, Combine = Combine.Focal, Alpha = 0.3f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels20_BatchDice_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IncludeBackground = false, LogLoss = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_NoBackground_LogLoss_Last { }
[DiceLoss(Combine = Combine.Focal, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMask1_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, ClassWeights = new[] { 1f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMasks3_ClassWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalLabels3_IgnoreIndex_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMasks17_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 0f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMasks2_GammaZero_BatchDice_Last { }
[DiceLoss(Combine = Combine.Focal, Alpha = 0.3f, FocalGamma = 1.5f, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMask1_GammaOneHalf_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_FocalTversky_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, Overlap = Overlap.GeneralizedDice, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMasks2_GeneralizedDice_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 4f, 0.5f, 1f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks3_PositiveWeights_Last { }
[DiceLoss(Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 25f }, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMask1_PositiveWeights_BatchDice_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PositiveWeights = new[] { 2f, 3f, 0.25f }, ClassWeights = new[] { 1f, 2f, 0.5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_PositiveWeights_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, PositiveWeights = new[] { 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 0.5f, 0.25f, 1f, 2f, 3f, 4f, 5f }, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_PositiveWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_LabelSmoothing_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.2f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_LabelSmoothing_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 2, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 1f, BatchDice = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels2_LabelSmoothingOne_BatchDice_Last { }
[DiceLoss(Classes = 24, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f, 0.5f, 1f, 1.5f, 2f }, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels24_LabelSmoothing_IgnoreIndex_ClassWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, LabelSmoothing = 0.1f, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, OverlapExponent = 0.75f, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_LabelSmoothing_FocalTversky_Last { }
[DiceLoss(Target = Target.Masks, Activation = Activation.None, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class ProbMask1_PixelWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Activation = Activation.None, Squared = true, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class ProbMasks3_Squared_PixelWeights_Last { }
[DiceLoss(Classes = 4, Target = Target.Labels, Activation = Activation.None, IgnoreIndex = 255, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class ProbLabels4_PixelWeights_IgnoreIndex_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_PixelWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, ClassWeights = new[] { 0.5f, 1f, 1.5f, 2f }, LabelSmoothing = 0.1f, BatchDice = true, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels4_PixelWeights_IgnoreIndex_ClassWeights_LabelSmoothing_BatchDice_Last { }
[DiceLoss(Classes = 20, Combine = Combine.CrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxCeLabels20_PixelWeights_IgnoreIndex_Last { }
[DiceLoss(Classes = 3, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, ClassWeights = new[] { 1f, 2f, 0.5f }, PositiveWeights = new[] { 4f, 1f, 0.5f }, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks3_PixelWeights_ClassWeights_PositiveWeights_Last { }
[DiceLoss(Classes = 3, Target = Target.Labels, Activation = Activation.Sigmoid, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceLabels3_PixelWeights_IgnoreIndex_Last { }
[DiceLoss(Classes = 17, Target = Target.Masks, Combine = Combine.BinaryCrossEntropy, Alpha = 0.3f, BatchDice = true, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SigmoidBceMasks17_PixelWeights_BatchDice_Last { }
[DiceLoss(Classes = 18, Target = Target.Masks, Activation = Activation.Softmax, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxMasks18_PixelWeights_Last { }
[DiceLoss(Classes = 4, Combine = Combine.Focal, Alpha = 0.3f, IgnoreIndex = 255, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxFocalLabels4_PixelWeights_IgnoreIndex_Last { }
[DiceLoss(Classes = 2, Target = Target.Masks, Combine = Combine.Focal, Alpha = 0.3f, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SigmoidFocalMasks2_PixelWeights_Last { }
[DiceLoss(Classes = 4, Activation = Activation.Softmax, Overlap = Overlap.GeneralizedDice, Smooth = 1e-5f, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SoftmaxLabels4_GeneralizedDice_PixelWeights_Last { }
[DiceLoss(Classes = 5, Target = Target.Labels, Activation = Activation.Sigmoid, IgnoreIndex = 255, Overlap = Overlap.Tversky, FalsePositiveWeight = 0.3f, FalseNegativeWeight = 0.7f, PixelWeights = true, Layout = Layout.ChannelsLast)] public partial class SigmoidLabels5_Tversky_PixelWeights_IgnoreIndex_Last { }

public static class ChannelsLastMatrix
{
    /// <summary>Each case of <see cref="LossMatrix.All"/> (same order) and its channels-last twin.</summary>
    public static readonly (ILossCase First, ILossCase Last)[] Twins =
    [
        (new LossCase<ProbMask1>(), new LossCase<ProbMask1_Last>()),
        (new LossCase<ProbLabels4>(), new LossCase<ProbLabels4_Last>()),
        (new LossCase<SigmoidBceMask1>(), new LossCase<SigmoidBceMask1_Last>()),
        (new LossCase<SoftmaxCeLabels4>(), new LossCase<SoftmaxCeLabels4_Last>()),
        (new LossCase<SoftmaxMasks3>(), new LossCase<SoftmaxMasks3_Last>()),
        (new LossCase<SigmoidLabels5>(), new LossCase<SigmoidLabels5_Last>()),
        (new LossCase<SigmoidBceMasks2>(), new LossCase<SigmoidBceMasks2_Last>()),
        (new LossCase<SigmoidBceLabels3>(), new LossCase<SigmoidBceLabels3_Last>()),
        (new LossCase<SoftmaxCeLabels24>(), new LossCase<SoftmaxCeLabels24_Last>()),
        (new LossCase<SigmoidBceMasks17>(), new LossCase<SigmoidBceMasks17_Last>()),
        (new LossCase<ProbLabels20>(), new LossCase<ProbLabels20_Last>()),
        (new LossCase<SoftmaxMasks16>(), new LossCase<SoftmaxMasks16_Last>()),
        (new LossCase<ProbMask1_Smooth>(), new LossCase<ProbMask1_Smooth_Last>()),
        (new LossCase<ProbLabels4_Smooth>(), new LossCase<ProbLabels4_Smooth_Last>()),
        (new LossCase<SigmoidBceMask1_Smooth>(), new LossCase<SigmoidBceMask1_Smooth_Last>()),
        (new LossCase<SoftmaxCeLabels4_Smooth>(), new LossCase<SoftmaxCeLabels4_Smooth_Last>()),
        (new LossCase<SoftmaxMasks3_Smooth>(), new LossCase<SoftmaxMasks3_Smooth_Last>()),
        (new LossCase<SigmoidLabels5_Smooth>(), new LossCase<SigmoidLabels5_Smooth_Last>()),
        (new LossCase<SigmoidBceMasks2_Smooth>(), new LossCase<SigmoidBceMasks2_Smooth_Last>()),
        (new LossCase<SigmoidBceLabels3_Smooth>(), new LossCase<SigmoidBceLabels3_Smooth_Last>()),
        (new LossCase<SoftmaxCeLabels24_Smooth>(), new LossCase<SoftmaxCeLabels24_Smooth_Last>()),
        (new LossCase<SigmoidBceMasks17_Smooth>(), new LossCase<SigmoidBceMasks17_Smooth_Last>()),
        (new LossCase<ProbLabels20_Smooth>(), new LossCase<ProbLabels20_Smooth_Last>()),
        (new LossCase<SoftmaxMasks16_Smooth>(), new LossCase<SoftmaxMasks16_Smooth_Last>()),
        (new LossCase<ProbMask1_BatchDice>(), new LossCase<ProbMask1_BatchDice_Last>()),
        (new LossCase<ProbLabels4_BatchDice>(), new LossCase<ProbLabels4_BatchDice_Last>()),
        (new LossCase<SigmoidBceMask1_BatchDice>(), new LossCase<SigmoidBceMask1_BatchDice_Last>()),
        (new LossCase<SoftmaxCeLabels4_BatchDice>(), new LossCase<SoftmaxCeLabels4_BatchDice_Last>()),
        (new LossCase<SoftmaxMasks3_BatchDice>(), new LossCase<SoftmaxMasks3_BatchDice_Last>()),
        (new LossCase<SigmoidLabels5_BatchDice>(), new LossCase<SigmoidLabels5_BatchDice_Last>()),
        (new LossCase<SigmoidBceMasks2_BatchDice>(), new LossCase<SigmoidBceMasks2_BatchDice_Last>()),
        (new LossCase<SigmoidBceLabels3_BatchDice>(), new LossCase<SigmoidBceLabels3_BatchDice_Last>()),
        (new LossCase<SoftmaxCeLabels24_BatchDice>(), new LossCase<SoftmaxCeLabels24_BatchDice_Last>()),
        (new LossCase<SigmoidBceMasks17_BatchDice>(), new LossCase<SigmoidBceMasks17_BatchDice_Last>()),
        (new LossCase<ProbLabels20_BatchDice>(), new LossCase<ProbLabels20_BatchDice_Last>()),
        (new LossCase<SoftmaxMasks16_BatchDice>(), new LossCase<SoftmaxMasks16_BatchDice_Last>()),
        (new LossCase<ProbMask1_Squared>(), new LossCase<ProbMask1_Squared_Last>()),
        (new LossCase<ProbLabels4_Squared>(), new LossCase<ProbLabels4_Squared_Last>()),
        (new LossCase<SigmoidBceMask1_Squared>(), new LossCase<SigmoidBceMask1_Squared_Last>()),
        (new LossCase<SoftmaxCeLabels4_Squared>(), new LossCase<SoftmaxCeLabels4_Squared_Last>()),
        (new LossCase<SoftmaxMasks3_Squared>(), new LossCase<SoftmaxMasks3_Squared_Last>()),
        (new LossCase<SigmoidLabels5_Squared>(), new LossCase<SigmoidLabels5_Squared_Last>()),
        (new LossCase<SigmoidBceMasks2_Squared>(), new LossCase<SigmoidBceMasks2_Squared_Last>()),
        (new LossCase<SigmoidBceLabels3_Squared>(), new LossCase<SigmoidBceLabels3_Squared_Last>()),
        (new LossCase<SoftmaxCeLabels24_Squared>(), new LossCase<SoftmaxCeLabels24_Squared_Last>()),
        (new LossCase<SigmoidBceMasks17_Squared>(), new LossCase<SigmoidBceMasks17_Squared_Last>()),
        (new LossCase<ProbLabels20_Squared>(), new LossCase<ProbLabels20_Squared_Last>()),
        (new LossCase<SoftmaxMasks16_Squared>(), new LossCase<SoftmaxMasks16_Squared_Last>()),
        (new LossCase<ProbMask1_Jaccard>(), new LossCase<ProbMask1_Jaccard_Last>()),
        (new LossCase<ProbLabels4_Jaccard>(), new LossCase<ProbLabels4_Jaccard_Last>()),
        (new LossCase<SigmoidBceMask1_Jaccard>(), new LossCase<SigmoidBceMask1_Jaccard_Last>()),
        (new LossCase<SoftmaxCeLabels4_Jaccard>(), new LossCase<SoftmaxCeLabels4_Jaccard_Last>()),
        (new LossCase<SoftmaxMasks3_Jaccard>(), new LossCase<SoftmaxMasks3_Jaccard_Last>()),
        (new LossCase<SigmoidLabels5_Jaccard>(), new LossCase<SigmoidLabels5_Jaccard_Last>()),
        (new LossCase<SigmoidBceMasks2_Jaccard>(), new LossCase<SigmoidBceMasks2_Jaccard_Last>()),
        (new LossCase<SigmoidBceLabels3_Jaccard>(), new LossCase<SigmoidBceLabels3_Jaccard_Last>()),
        (new LossCase<SoftmaxCeLabels24_Jaccard>(), new LossCase<SoftmaxCeLabels24_Jaccard_Last>()),
        (new LossCase<SigmoidBceMasks17_Jaccard>(), new LossCase<SigmoidBceMasks17_Jaccard_Last>()),
        (new LossCase<ProbLabels20_Jaccard>(), new LossCase<ProbLabels20_Jaccard_Last>()),
        (new LossCase<SoftmaxMasks16_Jaccard>(), new LossCase<SoftmaxMasks16_Jaccard_Last>()),
        (new LossCase<ProbMask1_LogLoss>(), new LossCase<ProbMask1_LogLoss_Last>()),
        (new LossCase<ProbLabels4_LogLoss>(), new LossCase<ProbLabels4_LogLoss_Last>()),
        (new LossCase<SigmoidBceMask1_LogLoss>(), new LossCase<SigmoidBceMask1_LogLoss_Last>()),
        (new LossCase<SoftmaxCeLabels4_LogLoss>(), new LossCase<SoftmaxCeLabels4_LogLoss_Last>()),
        (new LossCase<SoftmaxMasks3_LogLoss>(), new LossCase<SoftmaxMasks3_LogLoss_Last>()),
        (new LossCase<SigmoidLabels5_LogLoss>(), new LossCase<SigmoidLabels5_LogLoss_Last>()),
        (new LossCase<SigmoidBceMasks2_LogLoss>(), new LossCase<SigmoidBceMasks2_LogLoss_Last>()),
        (new LossCase<SigmoidBceLabels3_LogLoss>(), new LossCase<SigmoidBceLabels3_LogLoss_Last>()),
        (new LossCase<SoftmaxCeLabels24_LogLoss>(), new LossCase<SoftmaxCeLabels24_LogLoss_Last>()),
        (new LossCase<SigmoidBceMasks17_LogLoss>(), new LossCase<SigmoidBceMasks17_LogLoss_Last>()),
        (new LossCase<ProbLabels20_LogLoss>(), new LossCase<ProbLabels20_LogLoss_Last>()),
        (new LossCase<SoftmaxMasks16_LogLoss>(), new LossCase<SoftmaxMasks16_LogLoss_Last>()),
        (new LossCase<ProbLabels4_IgnoreIndex>(), new LossCase<ProbLabels4_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxCeLabels4_IgnoreIndex>(), new LossCase<SoftmaxCeLabels4_IgnoreIndex_Last>()),
        (new LossCase<SigmoidLabels5_IgnoreIndex>(), new LossCase<SigmoidLabels5_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceLabels3_IgnoreIndex>(), new LossCase<SigmoidBceLabels3_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxCeLabels24_IgnoreIndex>(), new LossCase<SoftmaxCeLabels24_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels20_IgnoreIndex>(), new LossCase<ProbLabels20_IgnoreIndex_Last>()),
        (new LossCase<ProbMask1_ClassWeights>(), new LossCase<ProbMask1_ClassWeights_Last>()),
        (new LossCase<ProbLabels4_ClassWeights>(), new LossCase<ProbLabels4_ClassWeights_Last>()),
        (new LossCase<SigmoidBceMask1_ClassWeights>(), new LossCase<SigmoidBceMask1_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_ClassWeights>(), new LossCase<SoftmaxCeLabels4_ClassWeights_Last>()),
        (new LossCase<SoftmaxMasks3_ClassWeights>(), new LossCase<SoftmaxMasks3_ClassWeights_Last>()),
        (new LossCase<SigmoidLabels5_ClassWeights>(), new LossCase<SigmoidLabels5_ClassWeights_Last>()),
        (new LossCase<SigmoidBceMasks2_ClassWeights>(), new LossCase<SigmoidBceMasks2_ClassWeights_Last>()),
        (new LossCase<SigmoidBceLabels3_ClassWeights>(), new LossCase<SigmoidBceLabels3_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels24_ClassWeights>(), new LossCase<SoftmaxCeLabels24_ClassWeights_Last>()),
        (new LossCase<SigmoidBceMasks17_ClassWeights>(), new LossCase<SigmoidBceMasks17_ClassWeights_Last>()),
        (new LossCase<ProbLabels20_ClassWeights>(), new LossCase<ProbLabels20_ClassWeights_Last>()),
        (new LossCase<SoftmaxMasks16_ClassWeights>(), new LossCase<SoftmaxMasks16_ClassWeights_Last>()),
        (new LossCase<ProbLabels4_NoBackground>(), new LossCase<ProbLabels4_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels4_NoBackground>(), new LossCase<SoftmaxCeLabels4_NoBackground_Last>()),
        (new LossCase<SoftmaxMasks3_NoBackground>(), new LossCase<SoftmaxMasks3_NoBackground_Last>()),
        (new LossCase<SigmoidLabels5_NoBackground>(), new LossCase<SigmoidLabels5_NoBackground_Last>()),
        (new LossCase<SigmoidBceMasks2_NoBackground>(), new LossCase<SigmoidBceMasks2_NoBackground_Last>()),
        (new LossCase<SigmoidBceLabels3_NoBackground>(), new LossCase<SigmoidBceLabels3_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels24_NoBackground>(), new LossCase<SoftmaxCeLabels24_NoBackground_Last>()),
        (new LossCase<SigmoidBceMasks17_NoBackground>(), new LossCase<SigmoidBceMasks17_NoBackground_Last>()),
        (new LossCase<ProbLabels20_NoBackground>(), new LossCase<ProbLabels20_NoBackground_Last>()),
        (new LossCase<SoftmaxMasks16_NoBackground>(), new LossCase<SoftmaxMasks16_NoBackground_Last>()),
        (new LossCase<ProbMask1_Smooth_BatchDice>(), new LossCase<ProbMask1_Smooth_BatchDice_Last>()),
        (new LossCase<ProbLabels4_Smooth_BatchDice>(), new LossCase<ProbLabels4_Smooth_BatchDice_Last>()),
        (new LossCase<SigmoidBceMask1_Smooth_Squared>(), new LossCase<SigmoidBceMask1_Smooth_Squared_Last>()),
        (new LossCase<SoftmaxCeLabels4_Smooth_Squared>(), new LossCase<SoftmaxCeLabels4_Smooth_Squared_Last>()),
        (new LossCase<SoftmaxMasks3_Smooth_Jaccard>(), new LossCase<SoftmaxMasks3_Smooth_Jaccard_Last>()),
        (new LossCase<SigmoidLabels5_Smooth_Jaccard>(), new LossCase<SigmoidLabels5_Smooth_Jaccard_Last>()),
        (new LossCase<SigmoidBceMasks2_Smooth_LogLoss>(), new LossCase<SigmoidBceMasks2_Smooth_LogLoss_Last>()),
        (new LossCase<SigmoidBceLabels3_Smooth_LogLoss>(), new LossCase<SigmoidBceLabels3_Smooth_LogLoss_Last>()),
        (new LossCase<SoftmaxCeLabels24_Smooth_IgnoreIndex>(), new LossCase<SoftmaxCeLabels24_Smooth_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels20_Smooth_IgnoreIndex>(), new LossCase<ProbLabels20_Smooth_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxMasks16_Smooth_ClassWeights>(), new LossCase<SoftmaxMasks16_Smooth_ClassWeights_Last>()),
        (new LossCase<ProbMask1_Smooth_ClassWeights>(), new LossCase<ProbMask1_Smooth_ClassWeights_Last>()),
        (new LossCase<ProbLabels4_Smooth_NoBackground>(), new LossCase<ProbLabels4_Smooth_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels4_Smooth_NoBackground>(), new LossCase<SoftmaxCeLabels4_Smooth_NoBackground_Last>()),
        (new LossCase<SoftmaxMasks3_BatchDice_Squared>(), new LossCase<SoftmaxMasks3_BatchDice_Squared_Last>()),
        (new LossCase<SigmoidLabels5_BatchDice_Squared>(), new LossCase<SigmoidLabels5_BatchDice_Squared_Last>()),
        (new LossCase<SigmoidBceMasks2_BatchDice_Jaccard>(), new LossCase<SigmoidBceMasks2_BatchDice_Jaccard_Last>()),
        (new LossCase<SigmoidBceLabels3_BatchDice_Jaccard>(), new LossCase<SigmoidBceLabels3_BatchDice_Jaccard_Last>()),
        (new LossCase<SoftmaxCeLabels24_BatchDice_LogLoss>(), new LossCase<SoftmaxCeLabels24_BatchDice_LogLoss_Last>()),
        (new LossCase<SigmoidBceMasks17_BatchDice_LogLoss>(), new LossCase<SigmoidBceMasks17_BatchDice_LogLoss_Last>()),
        (new LossCase<ProbLabels20_BatchDice_IgnoreIndex>(), new LossCase<ProbLabels20_BatchDice_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels4_BatchDice_IgnoreIndex>(), new LossCase<ProbLabels4_BatchDice_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceMask1_BatchDice_ClassWeights>(), new LossCase<SigmoidBceMask1_BatchDice_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_BatchDice_ClassWeights>(), new LossCase<SoftmaxCeLabels4_BatchDice_ClassWeights_Last>()),
        (new LossCase<SoftmaxMasks3_BatchDice_NoBackground>(), new LossCase<SoftmaxMasks3_BatchDice_NoBackground_Last>()),
        (new LossCase<SigmoidLabels5_BatchDice_NoBackground>(), new LossCase<SigmoidLabels5_BatchDice_NoBackground_Last>()),
        (new LossCase<SigmoidBceMasks2_Squared_Jaccard>(), new LossCase<SigmoidBceMasks2_Squared_Jaccard_Last>()),
        (new LossCase<SigmoidBceLabels3_Squared_Jaccard>(), new LossCase<SigmoidBceLabels3_Squared_Jaccard_Last>()),
        (new LossCase<SoftmaxCeLabels24_Squared_LogLoss>(), new LossCase<SoftmaxCeLabels24_Squared_LogLoss_Last>()),
        (new LossCase<SigmoidBceMasks17_Squared_LogLoss>(), new LossCase<SigmoidBceMasks17_Squared_LogLoss_Last>()),
        (new LossCase<ProbLabels20_Squared_IgnoreIndex>(), new LossCase<ProbLabels20_Squared_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels4_Squared_IgnoreIndex>(), new LossCase<ProbLabels4_Squared_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceMask1_Squared_ClassWeights>(), new LossCase<SigmoidBceMask1_Squared_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_Squared_ClassWeights>(), new LossCase<SoftmaxCeLabels4_Squared_ClassWeights_Last>()),
        (new LossCase<SoftmaxMasks3_Squared_NoBackground>(), new LossCase<SoftmaxMasks3_Squared_NoBackground_Last>()),
        (new LossCase<SigmoidLabels5_Squared_NoBackground>(), new LossCase<SigmoidLabels5_Squared_NoBackground_Last>()),
        (new LossCase<SigmoidBceMasks2_Jaccard_LogLoss>(), new LossCase<SigmoidBceMasks2_Jaccard_LogLoss_Last>()),
        (new LossCase<SigmoidBceLabels3_Jaccard_LogLoss>(), new LossCase<SigmoidBceLabels3_Jaccard_LogLoss_Last>()),
        (new LossCase<SoftmaxCeLabels24_Jaccard_IgnoreIndex>(), new LossCase<SoftmaxCeLabels24_Jaccard_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels20_Jaccard_IgnoreIndex>(), new LossCase<ProbLabels20_Jaccard_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxMasks16_Jaccard_ClassWeights>(), new LossCase<SoftmaxMasks16_Jaccard_ClassWeights_Last>()),
        (new LossCase<ProbMask1_Jaccard_ClassWeights>(), new LossCase<ProbMask1_Jaccard_ClassWeights_Last>()),
        (new LossCase<ProbLabels4_Jaccard_NoBackground>(), new LossCase<ProbLabels4_Jaccard_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels4_Jaccard_NoBackground>(), new LossCase<SoftmaxCeLabels4_Jaccard_NoBackground_Last>()),
        (new LossCase<SigmoidLabels5_LogLoss_IgnoreIndex>(), new LossCase<SigmoidLabels5_LogLoss_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceLabels3_LogLoss_IgnoreIndex>(), new LossCase<SigmoidBceLabels3_LogLoss_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxCeLabels24_LogLoss_ClassWeights>(), new LossCase<SoftmaxCeLabels24_LogLoss_ClassWeights_Last>()),
        (new LossCase<SigmoidBceMasks17_LogLoss_ClassWeights>(), new LossCase<SigmoidBceMasks17_LogLoss_ClassWeights_Last>()),
        (new LossCase<ProbLabels20_LogLoss_NoBackground>(), new LossCase<ProbLabels20_LogLoss_NoBackground_Last>()),
        (new LossCase<SoftmaxMasks16_LogLoss_NoBackground>(), new LossCase<SoftmaxMasks16_LogLoss_NoBackground_Last>()),
        (new LossCase<ProbLabels4_IgnoreIndex_ClassWeights>(), new LossCase<ProbLabels4_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_IgnoreIndex_ClassWeights>(), new LossCase<SoftmaxCeLabels4_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SigmoidLabels5_IgnoreIndex_NoBackground>(), new LossCase<SigmoidLabels5_IgnoreIndex_NoBackground_Last>()),
        (new LossCase<SigmoidBceLabels3_IgnoreIndex_NoBackground>(), new LossCase<SigmoidBceLabels3_IgnoreIndex_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels24_ClassWeights_NoBackground>(), new LossCase<SoftmaxCeLabels24_ClassWeights_NoBackground_Last>()),
        (new LossCase<SigmoidBceMasks17_ClassWeights_NoBackground>(), new LossCase<SigmoidBceMasks17_ClassWeights_NoBackground_Last>()),
        (new LossCase<SoftmaxCeLabels4_SmoothZero>(), new LossCase<SoftmaxCeLabels4_SmoothZero_Last>()),
        (new LossCase<SoftmaxLabels6>(), new LossCase<SoftmaxLabels6_Last>()),
        (new LossCase<SoftmaxLabels6_NoBackground_ClassWeights>(), new LossCase<SoftmaxLabels6_NoBackground_ClassWeights_Last>()),
        (new LossCase<SoftmaxLabels6_BatchDice_IgnoreIndex>(), new LossCase<SoftmaxLabels6_BatchDice_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxLabels20_Squared_LogLoss>(), new LossCase<SoftmaxLabels20_Squared_LogLoss_Last>()),
        (new LossCase<SigmoidMask1>(), new LossCase<SigmoidMask1_Last>()),
        (new LossCase<SigmoidMasks3>(), new LossCase<SigmoidMasks3_Last>()),
        (new LossCase<SigmoidMasks3_NoBackground_ClassWeights_BatchDice>(), new LossCase<SigmoidMasks3_NoBackground_ClassWeights_BatchDice_Last>()),
        (new LossCase<SoftmaxMasks18>(), new LossCase<SoftmaxMasks18_Last>()),
        (new LossCase<SigmoidLabels19_IgnoreIndex>(), new LossCase<SigmoidLabels19_IgnoreIndex_Last>()),
        (new LossCase<ProbMasks17_Squared>(), new LossCase<ProbMasks17_Squared_Last>()),
        (new LossCase<ProbMask1_Tversky>(), new LossCase<ProbMask1_Tversky_Last>()),
        (new LossCase<SoftmaxCeLabels4_Tversky>(), new LossCase<SoftmaxCeLabels4_Tversky_Last>()),
        (new LossCase<SigmoidBceMasks2_Tversky>(), new LossCase<SigmoidBceMasks2_Tversky_Last>()),
        (new LossCase<SoftmaxLabels4_Tversky_BatchDice>(), new LossCase<SoftmaxLabels4_Tversky_BatchDice_Last>()),
        (new LossCase<SigmoidLabels5_Tversky_NoBackground_IgnoreIndex>(), new LossCase<SigmoidLabels5_Tversky_NoBackground_IgnoreIndex_Last>()),
        (new LossCase<ProbLabels4_Tversky_ClassWeights>(), new LossCase<ProbLabels4_Tversky_ClassWeights_Last>()),
        (new LossCase<SoftmaxMasks3_Tversky_LogLoss>(), new LossCase<SoftmaxMasks3_Tversky_LogLoss_Last>()),
        (new LossCase<ProbLabels4_Tversky_Unbalanced>(), new LossCase<ProbLabels4_Tversky_Unbalanced_Last>()),
        (new LossCase<SoftmaxCeLabels20_Tversky>(), new LossCase<SoftmaxCeLabels20_Tversky_Last>()),
        (new LossCase<SigmoidMasks17_Tversky_BatchDice>(), new LossCase<SigmoidMasks17_Tversky_BatchDice_Last>()),
        (new LossCase<SoftmaxCeLabels4_FocalTversky>(), new LossCase<SoftmaxCeLabels4_FocalTversky_Last>()),
        (new LossCase<ProbMask1_Exponent>(), new LossCase<ProbMask1_Exponent_Last>()),
        (new LossCase<SigmoidLabels5_Exponent_BatchDice>(), new LossCase<SigmoidLabels5_Exponent_BatchDice_Last>()),
        (new LossCase<SoftmaxMasks18_Exponent>(), new LossCase<SoftmaxMasks18_Exponent_Last>()),
        (new LossCase<ProbLabels4_Jaccard_Exponent_ClassWeights>(), new LossCase<ProbLabels4_Jaccard_Exponent_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_GeneralizedDice>(), new LossCase<SoftmaxCeLabels4_GeneralizedDice_Last>()),
        (new LossCase<ProbLabels4_GeneralizedDice_BatchDice>(), new LossCase<ProbLabels4_GeneralizedDice_BatchDice_Last>()),
        (new LossCase<SoftmaxLabels4_GeneralizedDice_NoBackground_IgnoreIndex>(), new LossCase<SoftmaxLabels4_GeneralizedDice_NoBackground_IgnoreIndex_Last>()),
        (new LossCase<SigmoidMasks3_GeneralizedDice_InverseVolume>(), new LossCase<SigmoidMasks3_GeneralizedDice_InverseVolume_Last>()),
        (new LossCase<SigmoidBceMasks2_GeneralizedDice_Uniform>(), new LossCase<SigmoidBceMasks2_GeneralizedDice_Uniform_Last>()),
        (new LossCase<SoftmaxLabels20_GeneralizedDice>(), new LossCase<SoftmaxLabels20_GeneralizedDice_Last>()),
        (new LossCase<ProbMask1_GeneralizedDice>(), new LossCase<ProbMask1_GeneralizedDice_Last>()),
        (new LossCase<SoftmaxLabels4_GeneralizedDice_LogLoss>(), new LossCase<SoftmaxLabels4_GeneralizedDice_LogLoss_Last>()),
        (new LossCase<SoftmaxLabels4_GeneralizedDice_Exponent>(), new LossCase<SoftmaxLabels4_GeneralizedDice_Exponent_Last>()),
        (new LossCase<SoftmaxFocalLabels4>(), new LossCase<SoftmaxFocalLabels4_Last>()),
        (new LossCase<SoftmaxFocalLabels2>(), new LossCase<SoftmaxFocalLabels2_Last>()),
        (new LossCase<SoftmaxFocalLabels4_IgnoreIndex_ClassWeights>(), new LossCase<SoftmaxFocalLabels4_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SoftmaxFocalLabels4_GammaZero>(), new LossCase<SoftmaxFocalLabels4_GammaZero_Last>()),
        (new LossCase<SoftmaxFocalLabels4_GammaHalf>(), new LossCase<SoftmaxFocalLabels4_GammaHalf_Last>()),
        (new LossCase<SoftmaxFocalLabels20_BatchDice>(), new LossCase<SoftmaxFocalLabels20_BatchDice_Last>()),
        (new LossCase<SoftmaxFocalLabels4_NoBackground_LogLoss>(), new LossCase<SoftmaxFocalLabels4_NoBackground_LogLoss_Last>()),
        (new LossCase<SigmoidFocalMask1>(), new LossCase<SigmoidFocalMask1_Last>()),
        (new LossCase<SigmoidFocalMasks3_ClassWeights>(), new LossCase<SigmoidFocalMasks3_ClassWeights_Last>()),
        (new LossCase<SigmoidFocalLabels3_IgnoreIndex>(), new LossCase<SigmoidFocalLabels3_IgnoreIndex_Last>()),
        (new LossCase<SigmoidFocalMasks17>(), new LossCase<SigmoidFocalMasks17_Last>()),
        (new LossCase<SigmoidFocalMasks2_GammaZero_BatchDice>(), new LossCase<SigmoidFocalMasks2_GammaZero_BatchDice_Last>()),
        (new LossCase<SigmoidFocalMask1_GammaOneHalf>(), new LossCase<SigmoidFocalMask1_GammaOneHalf_Last>()),
        (new LossCase<SoftmaxFocalLabels4_FocalTversky>(), new LossCase<SoftmaxFocalLabels4_FocalTversky_Last>()),
        (new LossCase<SigmoidFocalMasks2_GeneralizedDice>(), new LossCase<SigmoidFocalMasks2_GeneralizedDice_Last>()),
        (new LossCase<SigmoidBceMasks3_PositiveWeights>(), new LossCase<SigmoidBceMasks3_PositiveWeights_Last>()),
        (new LossCase<SigmoidBceMask1_PositiveWeights_BatchDice>(), new LossCase<SigmoidBceMask1_PositiveWeights_BatchDice_Last>()),
        (new LossCase<SigmoidBceLabels3_PositiveWeights_IgnoreIndex_ClassWeights>(), new LossCase<SigmoidBceLabels3_PositiveWeights_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SigmoidBceMasks17_PositiveWeights>(), new LossCase<SigmoidBceMasks17_PositiveWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_LabelSmoothing>(), new LossCase<SoftmaxCeLabels4_LabelSmoothing_Last>()),
        (new LossCase<SoftmaxCeLabels4_LabelSmoothing_IgnoreIndex_ClassWeights>(), new LossCase<SoftmaxCeLabels4_LabelSmoothing_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels2_LabelSmoothingOne_BatchDice>(), new LossCase<SoftmaxCeLabels2_LabelSmoothingOne_BatchDice_Last>()),
        (new LossCase<SoftmaxCeLabels24_LabelSmoothing_IgnoreIndex_ClassWeights>(), new LossCase<SoftmaxCeLabels24_LabelSmoothing_IgnoreIndex_ClassWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_LabelSmoothing_FocalTversky>(), new LossCase<SoftmaxCeLabels4_LabelSmoothing_FocalTversky_Last>()),
        (new LossCase<ProbMask1_PixelWeights>(), new LossCase<ProbMask1_PixelWeights_Last>()),
        (new LossCase<ProbMasks3_Squared_PixelWeights>(), new LossCase<ProbMasks3_Squared_PixelWeights_Last>()),
        (new LossCase<ProbLabels4_PixelWeights_IgnoreIndex>(), new LossCase<ProbLabels4_PixelWeights_IgnoreIndex_Last>()),
        (new LossCase<SoftmaxCeLabels4_PixelWeights>(), new LossCase<SoftmaxCeLabels4_PixelWeights_Last>()),
        (new LossCase<SoftmaxCeLabels4_PixelWeights_IgnoreIndex_ClassWeights_LabelSmoothing_BatchDice>(), new LossCase<SoftmaxCeLabels4_PixelWeights_IgnoreIndex_ClassWeights_LabelSmoothing_BatchDice_Last>()),
        (new LossCase<SoftmaxCeLabels20_PixelWeights_IgnoreIndex>(), new LossCase<SoftmaxCeLabels20_PixelWeights_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceMasks3_PixelWeights_ClassWeights_PositiveWeights>(), new LossCase<SigmoidBceMasks3_PixelWeights_ClassWeights_PositiveWeights_Last>()),
        (new LossCase<SigmoidBceLabels3_PixelWeights_IgnoreIndex>(), new LossCase<SigmoidBceLabels3_PixelWeights_IgnoreIndex_Last>()),
        (new LossCase<SigmoidBceMasks17_PixelWeights_BatchDice>(), new LossCase<SigmoidBceMasks17_PixelWeights_BatchDice_Last>()),
        (new LossCase<SoftmaxMasks18_PixelWeights>(), new LossCase<SoftmaxMasks18_PixelWeights_Last>()),
        (new LossCase<SoftmaxFocalLabels4_PixelWeights_IgnoreIndex>(), new LossCase<SoftmaxFocalLabels4_PixelWeights_IgnoreIndex_Last>()),
        (new LossCase<SigmoidFocalMasks2_PixelWeights>(), new LossCase<SigmoidFocalMasks2_PixelWeights_Last>()),
        (new LossCase<SoftmaxLabels4_GeneralizedDice_PixelWeights>(), new LossCase<SoftmaxLabels4_GeneralizedDice_PixelWeights_Last>()),
        (new LossCase<SigmoidLabels5_Tversky_PixelWeights_IgnoreIndex>(), new LossCase<SigmoidLabels5_Tversky_PixelWeights_IgnoreIndex_Last>()),
    ];
}
