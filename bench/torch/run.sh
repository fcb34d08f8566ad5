#!/usr/bin/env bash
# The seed's own PyTorch code against the fused kernels, in one go on this machine: PyTorch eager once (one thread per
# core), then the C# benchmark's fused rows once per vector width (bench/widths.sh), each with the ratio table.
#   bash bench/torch/run.sh [--quick]        # full: about 25 minutes on 2 cores; --quick: about 5
# Needs Debian's PyTorch: apt-get install -y python3-torch (run with /usr/bin/python3, which has it).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "bench/torch: PyTorch is missing; install it with: apt-get install -y python3-torch" >&2
  exit 1
fi
quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)
mkdir -p out
/usr/bin/python3 bench/torch/seed_losses.py "${quick[@]}" --out out/torch-seed.csv
bash bench/widths.sh "${quick[@]}" --torch out/torch-seed.csv --filter '*Fused*' '*ScalarSeed*' '*ExpFloor*'
