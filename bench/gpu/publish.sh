#!/usr/bin/env bash
# Run here (with the .NET SDK): publishes the GPU check self-contained for linux-x64 into out/gpucheck, compressed into
# one file, and checks that it fits what can be carried to the GPU machine (64 MiB, with the rest of the tree).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf out/gpucheck
dotnet publish bench/Dice.GpuCheck -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -o out/gpucheck --nologo -v q
rm -f out/gpucheck/*.pdb
bytes=$(du -sb out/gpucheck | cut -f1)
echo "published out/gpucheck: $((bytes / 1024 / 1024)) MiB ($bytes bytes)"
limit=$((48 * 1024 * 1024))
if [ "$bytes" -gt "$limit" ]; then
  echo "out/gpucheck is over 48 MiB: it would not leave room in the 64 MiB that can be carried" >&2
  exit 1
fi
