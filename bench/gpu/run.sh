#!/usr/bin/env bash
# Run on the GPU machine (no .NET SDK there: it runs what bench/gpu/publish.sh produced). One call, under 7 minutes:
# the machine's GPU and CUDA libraries, then the GPU check (its exit code is this script's), then PyTorch's timing of
# the seed's code on the same shapes. Markdown goes to stdout and to $OUT.
#   bash bench/gpu/run.sh                                     # on the GPU machine
#   DEVICE=IlgpuCpu SIZE=32 BATCH=2 bash bench/gpu/run.sh      # rehearsal here, on ILGPU's CPU accelerator
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-out}"
device="${DEVICE:-Cuda}"
mkdir -p "$out"
export TERM=dumb DOTNET_CLI_TELEMETRY_OPTOUT=1
# The single-file bundle extracts its native libraries: give it a writable place whatever HOME is.
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="${DOTNET_BUNDLE_EXTRACT_BASE_DIR:-$(mktemp -d)}"
export HOME="${HOME:-$DOTNET_BUNDLE_EXTRACT_BASE_DIR}"
chmod +x out/gpucheck/Dice.GpuCheck

echo "## Machine"
timeout 30 nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv,noheader 2>&1 | tee "$out/gpu.txt" || echo "(no nvidia-smi)"
echo
echo "CUDA libraries:"
ldconfig -p 2>/dev/null | grep -E 'libcuda\.so|libnvrtc|libcudart' | sed 's/^/    /' || true
# ILGPU loads "libcuda.so"; many driver installs ship only libcuda.so.1. Link it for this run.
if ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so '; then
  cuda1=$(ldconfig -p 2>/dev/null | awk '/libcuda\.so\.1 /{print $NF; exit}')
  [ -z "$cuda1" ] && cuda1=$(find /usr/lib* /usr/local -name 'libcuda.so.1' 2>/dev/null | head -n 1)
  if [ -n "$cuda1" ]; then
    links="$(mktemp -d)"
    ln -s "$cuda1" "$links/libcuda.so"
    export LD_LIBRARY_PATH="$links${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "    linked $links/libcuda.so -> $cuda1"
  fi
fi
echo

echo "## Dice.Gen"
timeout 240 ./out/gpucheck/Dice.GpuCheck --device "$device" --size "${SIZE:-512}" --batch "${BATCH:-16}" | tee "$out/dice-gen.md"
check=${PIPESTATUS[0]}
echo "GPU check exit code: $check"
echo

if [ "$device" = "Cuda" ]; then
  echo "## PyTorch"
  timeout 150 python3 bench/gpu/torch_seed.py 2>&1 | tee "$out/torch.md" || echo "(PyTorch step failed or timed out)"
fi
exit "$check"
