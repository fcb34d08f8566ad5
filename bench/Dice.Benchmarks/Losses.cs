namespace Dice.Benchmarks;

[DiceLoss]
public partial class FusedDiceLoss { }

[DiceLoss(Classes = 4)]
public partial class FusedDiceLossMulticlass { }

[DiceLoss(Combine = Combine.BinaryCrossEntropy)]
public partial class FusedDiceBceLoss { }

[DiceLoss(Classes = 4, Combine = Combine.CrossEntropy)]
public partial class FusedDiceBceLossMulticlass { }
