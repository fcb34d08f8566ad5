"""The vectorised PyTorch formulation of Dice + CE at many classes, forward + autograd backward, float32, on the CPU.

What a MONAI DiceCELoss-style user writes: one_hot of the labels, softmax over the classes, the per-(sample, class)
sums over the spatial dims, and cross-entropy, with the same definition as the fused loss of bench/Dice.Benchmarks
(ManyClassCost.cs): Smooth = 1, L = 0.5 CE + 0.5 (1 - mean over n and c of (2 I + 1) / (P + T + 1)). Three shapes:
BTCV (C = 14, 2 x 64^3), Cityscapes-like (C = 19, 2 x 512 x 512), TotalSegmentator-like (C = 104, 1 x 48^3).

For each: the median time of forward + backward, and the peak memory one call adds to the process (the resident set's
peak, read with getrusage, after the inputs exist: PyTorch's intermediates and the gradient; large blocks are mmap-ed
and given back on free, so the peak is the intermediates' high-water mark). Each case runs in its own process, so that
one case's peak does not hide the next's, with one thread per core, as the fused loss runs (PyTorch's own default can
be fewer: one on some 2-core machines). Prints CSV lines "case,milliseconds,peak_mib" under a "#" header.

    /usr/bin/python3 bench/torch/many_classes.py [--quick] [--out FILE]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

CASES = {
    "btcv-c14": (2, 14, (64, 64, 64)),
    "cityscapes-c19": (2, 19, (512, 512)),
    "totalseg-c104": (1, 104, (48, 48, 48)),
}


def dice_ce(logits, labels, classes, smooth=1.0):
    spatial = tuple(range(2, logits.dim()))
    ce = F.cross_entropy(logits, labels)
    p = F.softmax(logits, dim=1)
    t = F.one_hot(labels, classes).movedim(-1, 1).to(p.dtype)
    intersection = (p * t).sum(dim=spatial)
    denominator = p.sum(dim=spatial) + t.sum(dim=spatial)
    dice = (2 * intersection + smooth) / (denominator + smooth)
    return 0.5 * ce + 0.5 * (1 - dice.mean())


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_case(name, repeats):
    n, c, shape = CASES[name]
    torch.set_num_threads(os.cpu_count() or 1)
    torch.manual_seed(0)
    logits = torch.randn(n, c, *shape, dtype=torch.float32)
    labels = torch.randint(0, c, (n, *shape))
    before = peak_mib()
    x = logits.clone().requires_grad_(True)
    dice_ce(x, labels, c).backward()
    added = peak_mib() - before
    times = []
    for _ in range(repeats):
        x = logits.clone().requires_grad_(True)
        start = time.perf_counter()
        dice_ce(x, labels, c).backward()
        times.append((time.perf_counter() - start) * 1e3)
    print(f"{name},{statistics.median(times):.3f},{added:.1f}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    repeats = 3 if args.quick else 11
    if args.case:
        run_case(args.case, repeats)
        return
    lines = ["# case,milliseconds,peak_mib"]
    for name in CASES:
        print(f"bench/torch/many_classes.py: {name} ...", file=sys.stderr, flush=True)
        result = subprocess.run([sys.executable, __file__, "--case", name] + (["--quick"] if args.quick else []),
                                check=True, capture_output=True, text=True)
        lines.append(result.stdout.strip())
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
