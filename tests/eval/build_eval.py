#!/usr/bin/env python3
"""Build a held-out evaluation set from a specs module, then re-parse and verify every file.

usage:
  build_eval.py triage SPECS.py OUTDIR PREFIX LABELS.csv   e.g. holdout/specs_a.py holdout a labels-a.csv
  build_eval.py answers SPECS.py OUTDIR PREFIX LABELS.csv  e.g. answers/specs_answers.py answers r labels.csv

The mail builder is the corpus tool `emlkit.py` (imported from ../shared/corpus/tools, or from
$EMLKIT_DIR); this script only names the files, writes the labels and runs emlkit's checks.
Triage labels have the columns of the dev corpus (file,kind,category,priority,lang,notes);
answer labels have file,context,expected,lang,notes. Exits 1 on any failed check.
"""
import collections
import csv
import importlib.util
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.environ.get("EMLKIT_DIR") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "corpus", "tools"))
sys.path.insert(0, TOOLS)
import emlkit  # noqa: E402

KINDS = {"request", "autoreply", "bounce", "bulk", "spam-like"}
CATS = {"hardware", "software", "network", "account", "request", "other"}
PRIS = {"P1", "P2", "P3", "P4"}
LANGS = {"zh", "en", "mixed"}
CONTEXTS = {"confirmation": {"confirmed", "rejected", "unclear"},
            "survey": {"rating:1", "rating:2", "rating:3", "rating:4", "rating:5", "unclear"},
            "kb": {"solved", "not_solved", "unclear"}}
ANY_CONTEXT = {"withdrawn", "new_problem"}


def load(path):
    spec = importlib.util.spec_from_file_location("specs", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def mime_note(spec, summary):
    subj_enc = spec.get("subj_enc", "auto")
    if subj_enc == "auto":
        subj_enc = "raw" if spec["subject"].isascii() else "utf8-b"
    mime = "mime: %s; subj=%s" % (summary, subj_enc)
    if spec.get("linesep", "\r\n") == "\n":
        mime += "; LF line ends"
    note = spec.get("notes", "").strip()
    return (note + " | " + mime) if note else mime


def main():
    mode, specs_path, out, prefix, labels_name = sys.argv[1:6]
    mod = load(specs_path)
    mails = list(mod.MAILS)
    random.Random(mod.SEED).shuffle(mails)
    for f in os.listdir(out):
        if f.startswith(prefix) and f.endswith(".eml"):
            os.remove(os.path.join(out, f))
    rows, checks_by_file, failures = [], {}, 0
    for i, spec in enumerate(mails, 1):
        fn = "%s%03d.eml" % (prefix, i)
        random.seed(mod.SEED * 1000 + i)  # Python's own MIME boundaries use the global RNG
        data, checks, summary = emlkit.build_mail(spec, seed=mod.SEED * 1000 + i)
        if spec.get("allow_defects"):
            checks["allow_defects"] = True
        with open(os.path.join(out, fn), "wb") as fh:
            fh.write(data)
        note = mime_note(spec, summary)
        if mode == "triage":
            kind = spec["kind"]
            row = dict(file=fn, kind=kind,
                       category=spec.get("cat", "-") if kind == "request" else "-",
                       priority=spec.get("pri", "-") if kind == "request" else "-",
                       lang=spec["lang"], notes=note)
        else:
            row = dict(file=fn, context=spec["context"], expected=spec["expected"],
                       lang=spec["lang"], notes=note)
        rows.append(row)
        checks_by_file[fn] = checks
    fields = (["file", "kind", "category", "priority", "lang", "notes"] if mode == "triage"
              else ["file", "context", "expected", "lang", "notes"])
    with open(os.path.join(out, labels_name), "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)

    # verify: re-read the labels file and re-parse every mail it names
    stats = collections.defaultdict(collections.Counter)
    with open(os.path.join(out, labels_name), encoding="utf-8") as fh:
        back = list(csv.DictReader(fh))
    if [r["file"] for r in back] != [r["file"] for r in rows]:
        print("FAIL labels file does not round-trip")
        failures += 1
    on_disk = sorted(f for f in os.listdir(out) if f.startswith(prefix) and f.endswith(".eml"))
    if on_disk != sorted(r["file"] for r in back):
        print("FAIL files on disk differ from labels rows")
        failures += 1
    for row in back:
        errs = []
        if row["lang"] not in LANGS:
            errs.append("bad lang %r" % row["lang"])
        if mode == "triage":
            label = row
            if row["kind"] not in KINDS:
                errs.append("bad kind")
            if row["kind"] == "request" and (row["category"] not in CATS or row["priority"] not in PRIS):
                errs.append("bad category/priority")
        else:
            label = dict(kind="request", category="x", priority="x")
            ok = CONTEXTS.get(row["context"], set()) | ANY_CONTEXT
            if row["expected"] not in ok:
                errs.append("expected %r not allowed for context %r" % (row["expected"], row["context"]))
        e2, msg = emlkit.verify_file(os.path.join(out, row["file"]), checks_by_file[row["file"]], label)
        errs += e2
        if errs:
            failures += 1
            print("FAIL", row["file"], errs)
        if mode == "triage":
            stats["kind"][row["kind"]] += 1
            if row["kind"] == "request":
                stats["category"][row["category"]] += 1
                stats["priority"][row["priority"]] += 1
        else:
            stats["context"][row["context"]] += 1
            stats["expected"][row["context"] + "/" + row["expected"]] += 1
        stats["lang"][row["lang"]] += 1
        stats["charset"][emlkit.charset_of(msg)] += 1
    print("%d mails in %s, %d failed verification" % (len(rows), out, failures))
    keys = ("kind", "category", "priority") if mode == "triage" else ("context", "expected")
    for k in keys + ("lang", "charset"):
        print("  %-9s %s" % (k, dict(sorted(stats[k].items()))))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
