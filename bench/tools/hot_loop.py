#!/usr/bin/env python3
"""Counts the instructions of the hottest loop of each method in a JIT disassembly.

    DOTNET_TieredCompilation=0 DOTNET_JitDisasm="Statistics512 Gradient512" \
      dotnet run -c Release --project bench/Dice.Benchmarks -- --quick --filter "*Fused*" > disasm.txt
    python3 bench/tools/hot_loop.py disasm.txt

The hot loop is taken as the longest span between a label and a backward jump to it. Prints its
instruction count, calls, and stack accesses (spills and reloads).
"""
import re
import sys

lines = open(sys.argv[1]).read().split("\n")
starts = [i for i, line in enumerate(lines) if line.startswith("; Assembly listing for method")] + [len(lines)]
for a, b in zip(starts, starts[1:]):
    name = lines[a].split("method ")[1].split("(")[0]
    body = lines[a:b]
    labels = {m.group(1): i for i, line in enumerate(body) if (m := re.match(r"^(G_M\d+_IG\d+):", line))}
    best = None
    for i, line in enumerate(body):
        m = re.search(r"\bj\w+\s+(?:SHORT )?(G_M\d+_IG\d+)", line)
        if m and m.group(1) in labels and labels[m.group(1)] < i:
            segment = [x for x in body[labels[m.group(1)]:i + 1] if re.match(r"^\s+[a-z]", x)]
            if best is None or len(segment) > len(best):
                best = segment
    if best:
        calls = sum(1 for x in best if x.split()[0] == "call")
        stack = sum(1 for x in best if re.search(r"\[(rbp|rsp)", x))
        print(f"{name}: hot loop {len(best)} instructions, {calls} calls, {stack} stack accesses")
