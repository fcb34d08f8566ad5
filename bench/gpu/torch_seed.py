"""The seed's dice_bce_loss_multiclass, forward and backward, in PyTorch eager and torch.compile,
at N=16, C=4, 512x512 with labels: the baseline for Dice.Gen's fused CUDA kernels (same shapes)."""
import torch
import torch.nn.functional as F


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
    return alpha * bce + (1 - alpha) * (1 - dice_loss / num_classes)


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
