"""Open a build's outputs the way people open them and check they read.

Usage: check_package.py OUT_DIR SCORER GOLD_DIR. Needs frictionless, pandas
and duckdb (.ci/run installs them into a venv). Checks:
- `frictionless validate OUT_DIR/datapackage.json` passes;
- every CSV starts with the UTF-8 byte-order mark, and pandas and DuckDB read
  its header names exactly (no BOM left in the first name);
- the gold scorer (SCORER GOLD_DIR OUT_DIR) still reads documents.csv and
  facts.csv and prints an F1.
Prints one line per check; exits non-zero on the first failure.
"""
import glob
import subprocess
import sys

import duckdb
import pandas as pd
from frictionless import validate

out, scorer, gold = sys.argv[1:4]

report = validate(f"{out}/datapackage.json")
assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])[:20]
print(f"frictionless: valid ({len(report.tasks)} resources)")

for path in sorted(glob.glob(f"{out}/*.csv")):
    with open(path, "rb") as f:
        assert f.read(3) == b"\xef\xbb\xbf", f"{path}: no byte-order mark"
    cols = list(pd.read_csv(path, nrows=5, dtype=str).columns)
    assert not cols[0].startswith("\ufeff"), f"pandas kept the BOM in {path}: {cols[0]!r}"
    dcols = [d[0] for d in duckdb.sql(f"select * from read_csv('{path}', all_varchar = true) limit 1").description]
    assert dcols == cols, f"duckdb and pandas disagree on {path}: {dcols} / {cols}"
print("csv: every CSV has a BOM; pandas and duckdb read the same header names")

said = subprocess.run([sys.executable, scorer, gold, out], capture_output=True, text=True)
assert said.returncode == 0, said.stderr
f1 = float(said.stdout.strip().splitlines()[-1].split()[-1])
print(f"scorer: reads the outputs, F1 {f1:.3f}")
assert f1 >= 0.95, said.stdout
