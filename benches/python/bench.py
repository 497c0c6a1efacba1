"""Times `load + check` through the Python binding: `python bench.py DATA_DIR [REPEAT]`.

DATA_DIR is a folder written by the `generate` binary (dataset.json, profile.json). Prints
`load_check SECONDS` (the best of REPEAT runs) and the number of findings, like the native
`measure --only load_check` that `cargo xtask bench` compares it with.
"""
import os
import sys
import time

import diaban


def main() -> None:
    data = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    profile = diaban.Profile.load(os.path.join(data, "profile.json"))
    best = float("inf")
    findings = 0
    for _ in range(repeat):
        start = time.perf_counter()
        dataset = diaban.load(os.path.join(data, "dataset.json"))
        report = dataset.check(today="2026-01-01", profile=profile)
        findings = len(report)
        best = min(best, time.perf_counter() - start)
        del dataset, report
    print(f"load_check {best:.6f}")
    print(f"findings {findings}")


if __name__ == "__main__":
    main()
