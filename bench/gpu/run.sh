#!/usr/bin/env bash
# Run on the GPU machine (no .NET SDK there: it runs what bench/gpu/publish.sh produced).
# Each part is one process launch; the output is markdown for docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-out}"
mkdir -p "$out"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt"
echo
./out/gpucheck/Dice.GpuCheck --device Cuda --size 512 --batch 16 | tee "$out/dice-gen.md"
echo
python3 bench/gpu/torch_seed.py | tee "$out/torch.md"
