#!/usr/bin/env python3
"""Build held-out triage set part B (b001.eml ... b170.eml + labels-b.csv) from specs_b.py.

usage: python3 build_b.py [OUTDIR]        (default: the directory of this script)

It runs the shared corpus builder (`../shared/corpus/tools/build.py`, or $CORPUS_TOOLS/build.py)
into a temporary directory, then renames NNN.eml -> bNNN.eml, writes labels-b.csv with the same
columns as the dev labels.csv, and re-verifies every final file with emlkit.verify_file (headers,
decoded Subject/From, body text after transfer and charset decoding, real GBK/Big5 bytes, no
parser defects, '-' for non-requests). It also checks that labels-b.csv and the b*.eml files on
disk match one to one. Exit 1 on any failure. Only b*.eml and labels-b.csv are touched, so part A
files in the same directory are left alone.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.environ.get("CORPUS_TOOLS") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "tools"))
sys.path.insert(0, TOOLS)
import emlkit  # noqa: E402

FIELDS = ["file", "kind", "category", "priority", "lang", "notes"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    specs = os.path.join(HERE, "specs_b.py")
    tmp = tempfile.mkdtemp(prefix="holdout-b-")
    try:
        checks_path = os.path.join(tmp, "checks.json")
        build_dir = os.path.join(tmp, "out")
        r = subprocess.run([sys.executable, os.path.join(TOOLS, "build.py"), specs, build_dir,
                            "--checks", checks_path], env=dict(os.environ, CORPUS_TOOLS=TOOLS))
        if r.returncode != 0:
            print("build.py failed (exit %d)" % r.returncode)
            return 1
        checks = json.load(open(checks_path, encoding="utf-8"))
        rows = list(csv.DictReader(open(os.path.join(build_dir, "labels.csv"), encoding="utf-8")))
        os.makedirs(out, exist_ok=True)
        for f in os.listdir(out):
            if (f.startswith("b") and f.endswith(".eml")) or f == "labels-b.csv":
                os.remove(os.path.join(out, f))
        final_checks = {}
        for row in rows:
            new = "b" + row["file"]
            shutil.copyfile(os.path.join(build_dir, row["file"]), os.path.join(out, new))
            final_checks[new] = checks[row["file"]]
            row["file"] = new
        with open(os.path.join(out, "labels-b.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS)
            w.writeheader()
            w.writerows(rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return verify(out, final_checks)


def verify(out, final_checks):
    failures = 0
    rows = list(csv.DictReader(open(os.path.join(out, "labels-b.csv"), encoding="utf-8")))
    on_disk = sorted(f for f in os.listdir(out) if f.startswith("b") and f.endswith(".eml"))
    listed = [r["file"] for r in rows]
    if sorted(listed) != on_disk or len(set(listed)) != len(listed):
        print("FAIL labels-b.csv and b*.eml differ: only in csv %s, only on disk %s"
              % (sorted(set(listed) - set(on_disk)), sorted(set(on_disk) - set(listed))))
        failures += 1
    for row in rows:
        if list(row.keys()) != FIELDS:
            print("FAIL", row["file"], "columns", list(row.keys()))
            failures += 1
        if " | mime: " not in row["notes"] and not row["notes"].startswith("mime: "):
            print("FAIL", row["file"], "notes lack the mime summary")
            failures += 1
        errs, _ = emlkit.verify_file(os.path.join(out, row["file"]), final_checks[row["file"]], row)
        if errs:
            print("FAIL", row["file"], errs)
            failures += 1
    print("final check: %d files in %s, %d failures" % (len(rows), out, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
