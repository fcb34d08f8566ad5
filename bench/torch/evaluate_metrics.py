"""Validation counts in PyTorch eager on the CPU, as MONAI's DiceMetric / MeanIoU and SMP's get_stats compute them.

argmax over classes, one_hot of the prediction and of the labels (ignored pixels masked out), then per (sample, class)
TP = sum(z * t), FP = sum(z) - TP, FN = sum(t) - TP over the spatial dims, TN from the pixel count: the formulation a
Python user runs, float32, one thread per core, under torch.no_grad. The shapes are those of the C# benchmark
(bench/Dice.Benchmarks/EvaluateCost.cs). Prints CSV lines "case,pass,milliseconds" (the median of the repeats), which
`--evaluate --torch FILE` of the C# benchmark turns into its ratio column.

    /usr/bin/python3 bench/torch/evaluate_metrics.py [--quick] [--out FILE]
"""
import argparse
import os

import torch
import torch.nn.functional as F

from seed_losses import median_ms  # the same timing as the loss baseline (this directory is on the path)

IGNORE_INDEX = -100

# name, N, C, spatial dims: the rows of EvaluateCost.cs.
CASES = [
    ("C4 8x256x256", 8, 4, (256, 256)),
    ("C14 2x64^3", 2, 14, (64, 64, 64)),
    ("C4 16x512x512", 16, 4, (512, 512)),
    ("C14 4x64^3", 4, 14, (64, 64, 64)),
]


def confusion_counts(logits, labels, num_classes, ignore_index=IGNORE_INDEX):
    """Per (n, c) TP, FP, FN, TN of the argmax prediction against integer labels, ignored pixels counting nowhere."""
    valid = labels != ignore_index
    predicted = logits.argmax(dim=1)
    z = F.one_hot(predicted, num_classes).movedim(-1, 1) * valid.unsqueeze(1)
    t = F.one_hot(torch.where(valid, labels, 0), num_classes).movedim(-1, 1) * valid.unsqueeze(1)
    dims = tuple(range(2, logits.dim()))
    tp = (z * t).sum(dim=dims)
    predicted_sum = z.sum(dim=dims)
    truth_sum = t.sum(dim=dims)
    counted = valid.sum(dim=tuple(range(1, labels.dim()))).unsqueeze(1)
    fp = predicted_sum - tp
    fn = truth_sum - tp
    tn = counted - predicted_sum - truth_sum + tp
    return tp, fp, fn, tn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    generator = torch.Generator().manual_seed(1)
    lines = []
    for name, batch, classes, dims in CASES:
        logits = torch.rand((batch, classes) + dims, generator=generator) * 6 - 3
        labels = torch.randint(0, classes, (batch,) + dims, generator=generator)
        labels[torch.rand(labels.shape, generator=generator) < 0.05] = IGNORE_INDEX
        with torch.no_grad():
            ms = median_ms(lambda: confusion_counts(logits, labels, classes), 3 if args.quick else 11)
        lines.append(f"{name},Evaluate,{ms:.4f}")
        print(lines[-1], flush=True)
    if args.out:
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
