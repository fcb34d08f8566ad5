#!/usr/bin/env bash
# Run here (with the .NET SDK): publishes the GPU check self-contained for linux-x64 into out/gpucheck,
# compressed into one file so that it fits what can be carried to the GPU machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet publish bench/Dice.GpuCheck -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -o out/gpucheck
du -sh out/gpucheck
