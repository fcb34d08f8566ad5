"""The seed's four loss functions in PyTorch eager on the CPU: the baseline a Python user runs.

Forward (under torch.no_grad) and forward + autograd backward, float32, one thread per core, on the shapes of the C#
benchmark (bench/Dice.Benchmarks/BenchCase.cs): N = 8 at 256x256, and N = 2 at 96^3 for the C = 4 CE loss (the seed's
2D code takes a volume as 96 x 9216 images, which sums the same pixels). Prints CSV lines "case,pass,milliseconds"
(the median of the measured repeats), which `--torch FILE` of the C# benchmark turns into the ratio table.

    /usr/bin/python3 bench/torch/seed_losses.py [--quick] [--out FILE]
"""
import argparse
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F


# The seed's code, unchanged except for formatting.
def dice_loss(pred, target, smooth=1):
    intersection = (pred * target).sum(dim=(1, 2, 3))
    union = pred.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3))
    dice = (2 * intersection + smooth) / (union + smooth)
    loss = 1 - dice.mean()
    return loss


def dice_loss_multiclass(pred, target, num_classes, smooth=1):
    dice = 0
    for i in range(num_classes):
        pred_i = pred[:, i, :, :]
        target_i = (target == i).float()
        intersection = (pred_i * target_i).sum(dim=(1, 2))
        union = pred_i.sum(dim=(1, 2)) + target_i.sum(dim=(1, 2))
        dice_i = (2 * intersection + smooth) / (union + smooth)
        dice += dice_i.mean()
    loss = 1 - dice / num_classes
    return loss


def dice_bce_loss(pred, target, alpha=0.5, smooth=1):
    bce = F.binary_cross_entropy_with_logits(pred, target)
    pred = torch.sigmoid(pred)
    intersection = (pred * target).sum(dim=(1, 2, 3))
    union = pred.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3))
    dice_loss = (2 * intersection + smooth) / (union + smooth)
    loss = alpha * bce.mean() + (1 - alpha) * (1 - dice_loss.mean())
    return loss


def dice_bce_loss_multiclass(pred, target, num_classes, alpha=0.5, smooth=1):
    bce = F.cross_entropy(pred, target)
    pred = F.softmax(pred, dim=1)
    dice_loss = 0
    for i in range(num_classes):
        pred_i = pred[:, i, :, :]
        target_i = (target == i).float()
        intersection = (pred_i * target_i).sum(dim=(1, 2))
        union = pred_i.sum(dim=(1, 2)) + target_i.sum(dim=(1, 2))
        dice_i = (2 * intersection + smooth) / (union + smooth)
        dice_loss += dice_i.mean()
    loss = alpha * bce + (1 - alpha) * (1 - dice_loss / num_classes)
    return loss


def cases():
    """(case name as the C# benchmark prints it, inputs factory, loss call); the data as BenchCase draws it."""
    def data(batch, classes, height, width, logits, labels):
        generator = torch.Generator().manual_seed(1)
        shape = (batch, classes, height, width)
        x = torch.rand(shape, generator=generator) * 6 - 3 if logits else torch.rand(shape, generator=generator)
        if labels:
            y = torch.randint(0, classes, (batch, height, width), generator=generator)
        else:
            y = (torch.randint(0, 4, shape, generator=generator) == 0).float()
        return x, y

    yield "dice_loss N=8 256x256", data(8, 1, 256, 256, False, False), lambda x, y: dice_loss(x, y)
    yield "dice_loss_multiclass N=8 256x256", data(8, 4, 256, 256, False, True), lambda x, y: dice_loss_multiclass(x, y, 4)
    yield "dice_bce_loss N=8 256x256", data(8, 1, 256, 256, True, False), lambda x, y: dice_bce_loss(x, y)
    yield "dice_bce_loss_multiclass N=8 256x256", data(8, 4, 256, 256, True, True), lambda x, y: dice_bce_loss_multiclass(x, y, 4)
    yield "dice_bce_loss_multiclass N=2 96^3", data(2, 4, 96, 96 * 96, True, True), lambda x, y: dice_bce_loss_multiclass(x, y, 4)


def median_ms(step, repeats, warmup=3):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 repeats instead of 30")
    parser.add_argument("--out", help="also write the CSV to this file")
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count())
    repeats = 5 if args.quick else 30
    lines = [f"# PyTorch {torch.__version__}, {torch.get_num_threads()} threads, eager, float32, median of {repeats}"]
    for name, (x, y), loss in cases():
        def forward():
            with torch.no_grad():
                loss(x, y)

        leaf = x.clone().requires_grad_(True)

        def forward_backward():
            leaf.grad = None
            loss(leaf, y).backward()

        lines.append(f"{name},Forward,{median_ms(forward, repeats):.4f}")
        lines.append(f"{name},ForwardBackward,{median_ms(forward_backward, repeats):.4f}")
        print(lines[-1], file=sys.stderr)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(text)


if __name__ == "__main__":
    main()
