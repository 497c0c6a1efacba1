#!/bin/sh
# Builds the seed corpora of the fuzz targets from tests/scenarios/, the demo CSV folder and the
# built-in profile. Run from anywhere; writes fuzz/corpus/<target>/ (ignored by git).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python3 - "$root" <<'PY'
import json, os, sys, glob
root = sys.argv[1]
corpus = os.path.join(root, "fuzz", "corpus")
def put(target, name, text):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)
def folder(files):
    return "".join(f"#file {n}\n{t}" if t.endswith("\n") else f"#file {n}\n{t}\n" for n, t in files)
for path in sorted(glob.glob(os.path.join(root, "tests", "scenarios", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    if "dataset" in sc:
        put("json_dataset", name + ".json", json.dumps(sc["dataset"], ensure_ascii=False, indent=1))
    if "csv" in sc:
        put("csv_folder", name + ".txt", folder(sc["csv"].items()))
    prof = sc.get("profile")
    if isinstance(prof, dict):
        put("profile", name + ".json", json.dumps(prof, ensure_ascii=False, indent=1))
    elif isinstance(prof, str) and prof.endswith(".json"):
        with open(os.path.join(root, "tests", "scenarios", prof), encoding="utf-8") as f:
            put("profile", os.path.basename(prof), f.read())
demo = os.path.join(root, "crates", "diaban", "data", "demo")
files = []
for n in sorted(os.listdir(demo)):
    if n.endswith(".csv"):
        with open(os.path.join(demo, n), encoding="utf-8") as f:
            files.append((n, f.read()))
put("csv_folder", "demo.txt", folder(files))
with open(os.path.join(root, "crates", "diaban", "profiles", "bac-kan-1390.json"), encoding="utf-8") as f:
    put("profile", "bac-kan-1390.json", f.read())
os.makedirs(os.path.join(corpus, "check_arbitrary"), exist_ok=True)
for t in ("json_dataset", "csv_folder", "profile", "check_arbitrary"):
    print(t, len(os.listdir(os.path.join(corpus, t))), "seeds")
PY
