#!/usr/bin/env bash
# The benchmark table once per vector width, in one go: as the machine is (Vector512 where AVX-512 exists), with
# AVX-512 off (Vector256 + FMA, as on most laptops and cloud VMs) and with AVX2 off (Vector128 without FMA).
#   bash bench/widths.sh [--quick] [--torch FILE] [--filter ...]   (arguments go to the benchmark; bench/torch/run.sh adds --torch)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Dice.Benchmarks -c Release --nologo -v q
run() { echo "### $1"; echo; shift; env "$@" dotnet run -c Release --project bench/Dice.Benchmarks --no-build -- "${ARGS[@]}" | sed -n '/^Machine:/,$p'; }
ARGS=("$@")
run "as the machine is" DOTNET_NOLOGO=1
run "Vector256 (DOTNET_EnableAVX512=0)" DOTNET_EnableAVX512=0 DOTNET_EnableAVX512F=0
run "Vector128 without FMA (DOTNET_EnableAVX2=0)" DOTNET_EnableAVX2=0
