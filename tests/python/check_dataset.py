"""Read a build's dataset/ the way researchers do and check it against facts.csv.

Usage: check_dataset.py OUT_DIR. Needs duckdb and pyarrow (.ci/run installs
them into a venv). Prints one line per check; exits non-zero on a mismatch.
"""
import csv
import glob
import sys

import duckdb
import pyarrow.parquet as pq

out = sys.argv[1]
with open(f"{out}/facts.csv", encoding="utf-8-sig", newline="") as f:
    facts = list(csv.DictReader(f))
with open(f"{out}/panel_long.csv", encoding="utf-8-sig", newline="") as f:
    panel = list(csv.DictReader(f))

con = duckdb.connect()
scan = f"read_parquet('{out}/dataset/facts/*/*/*.parquet', hive_partitioning = true)"
n = con.execute(f"select count(*) from {scan}").fetchone()[0]
assert n == len(facts), f"dataset/facts has {n} rows, facts.csv {len(facts)}"
print(f"facts: {n} rows, as facts.csv")

no_year = con.execute(f"select count(*) from {scan} where year is null").fetchone()[0]
want = sum(1 for r in facts if r["year"] == "")
assert no_year == want, f"{no_year} rows without year, facts.csv has {want}"
by_year = dict(con.execute(f"select year, count(*) from {scan} group by year").fetchall())
for year, count in by_year.items():
    want = sum(1 for r in facts if r["year"] == ("" if year is None else str(year)))
    assert count == want, f"year {year}: {count} rows, facts.csv {want}"
total = con.execute(f"select sum(value) from {scan}").fetchone()[0] or 0.0
want = sum(float(r["value"]) for r in facts)
assert abs(total - want) <= 1e-6 * max(1.0, abs(want)), f"sum of values {total} != {want}"
prov = con.execute(
    f"select count(*) from {scan} where province is not null and substr(region_code, 1, 2) || '0000' <> province"
).fetchone()[0]
assert prov == 0, f"{prov} rows filed under another province"
print(f"facts: {len(by_year)} years, values and provinces match")

pscan = f"read_parquet('{out}/dataset/panel/*/*.parquet', hive_partitioning = true)"
n = con.execute(f"select count(*) from {pscan}").fetchone()[0]
assert n == len(panel), f"dataset/panel has {n} rows, panel_long.csv {len(panel)}"
print(f"panel: {n} rows, as panel_long.csv")

files = glob.glob(f"{out}/**/*.parquet", recursive=True)
for path in files:
    schema = pq.read_schema(path)
    for field in schema:
        assert "view" not in str(field.type), f"{path}: {field.name} is {field.type}"
    pq.read_table(path)
print(f"pyarrow: {len(files)} Parquet files, no view types")
