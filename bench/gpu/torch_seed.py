"""The seed's dice_bce_loss_multiclass, forward and backward, in PyTorch eager and torch.compile,
at N=16, C=4, 512x512 with labels: the baseline for Dice.Gen's fused CUDA kernels (same shapes)."""
import os
import sys

import torch

# The seed's function, as the CPU baseline (bench/torch/seed_losses.py) has it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "torch"))
from seed_losses import dice_bce_loss_multiclass  # noqa: E402


def time_ms(fn, iterations=20):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(iterations):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def main():
    n, c, size = 16, 4, 512
    logits = torch.randn(n, c, size, size, device="cuda", requires_grad=True)
    labels = torch.randint(0, c, (n, size, size), device="cuda")

    def step(loss_fn):
        def run():
            logits.grad = None
            loss_fn(logits, labels, c).backward()
        return run

    eager = time_ms(step(dice_bce_loss_multiclass))
    try:
        compiled_fn = torch.compile(dice_bce_loss_multiclass)
        compiled = time_ms(step(compiled_fn))
    except Exception as error:  # torch.compile needs a working Triton toolchain
        compiled = float("nan")
        print(f"torch.compile failed: {error}")
    print(f"| PyTorch {torch.__version__} dice_bce_loss_multiclass N={n}, C={c}, {size}x{size} | forward + backward |")
    print("|---|---:|")
    print(f"| eager | {eager:.3f} ms |")
    print(f"| torch.compile | {compiled:.3f} ms |")


if __name__ == "__main__":
    main()
