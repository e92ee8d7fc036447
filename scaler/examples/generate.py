#!/usr/bin/env python3
"""Regenerates the example traces (deterministic). Run from this folder: python3 generate.py"""
import json
import math


def write(name, lines):
    with open(name, "w") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":")) + "\n")


# steady: about 320 requests in flight, gently waving; 5 instances at 70 each (320 / 70 = 4.6 -> 5).
write("steady.jsonl", [{"t": t, "concurrency": round(320 + 25 * math.sin(t / 10))} for t in range(300)])

# burst: 100 in flight, a 30 s burst to 1200 at t=60, back to 100.
write("burst.jsonl", [{"t": t, "concurrency": 1200 if 60 <= t < 90 else 100} for t in range(240)])

# lull: 100 in flight for a minute, then nothing; one request at t=200 wakes the function.
write("lull.jsonl", [{"t": t, "concurrency": 100 if t < 60 else (1 if t == 200 else 0)} for t in range(240)])

# backlog: 6 partitions; 1000 messages land on each during t=20..29; the recorded group drains 25/s per partition
# from t=22 (the simulator replays end offsets and, with consumeRatePerInstance, plays the consumers itself).
lines = []
end = [0] * 6
committed = [0] * 6
for t in range(200):
    for p in range(6):
        if 20 <= t < 30:
            end[p] += 100
        if t >= 22:
            committed[p] = min(end[p], committed[p] + 25)
    lines.append({"t": t, "lag": {str(p): {"end": end[p], "committed": committed[p]} for p in range(6)}})
write("backlog.jsonl", lines)
