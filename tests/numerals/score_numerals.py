#!/usr/bin/env python3
"""Score a `quantities` binary against the numeral test cases in
/work/shared/eval/numerals (Recognizers-Text, cn2an, chinese-number).

    score_numerals.py BIN [--data DIR] [--show wrong,none,fail] [--skipped]

Every input of every file is fed to BIN on stdin, one line each; BIN prints
one JSON object per line: {"line": N, "quantities": [{"text", "value", "unit",
"qualifier", "high", "start", "end"}]}.

Value files (recognizers_text_zh, cn2an, chinese_number_rs), per file and kind:
  right  some quantity on the line has the expected value (relative 1e-9)
  wrong  quantities found, none of them right: a wrong number
  none   no quantity found
Scored kinds are cardinal, mixed, decimal, percent; money, fraction and other
are listed for information. A quantity's candidates are its value and its
`high`. For kind=percent a quantity reads in percent: unit % / 个百分点 / 成 /
折 as is, ‰ divided by 10, ‱ by 100, a fraction (unit "" and 分之 in its
text) times 100 -- the per-mille rows' expected values are in percent
(per_mille_or_myriad(value_is_percent)), while BIN keeps 千分之五 as 5 ‰.

Skipped: rows whose notes say non_standard_count_method (a count method other
than the PRC 万进 one: chinese-number's Low / Middle / High). They are all of
kind `other`; --skipped lists them.

ranges.tsv: right when both given endpoints are among the candidates of the
line's quantities, partial when one is, wrong when quantities are found but
no endpoint, none when nothing is found.

negatives.tsv: by not_expected --
  number                 fail on any quantity, except one whose unit is a
                         currency or percent unit (RT's NumberModel leaves
                         一美元 to its CurrencyModel: a currency reading is
                         the right one for a quantity reader)
  percent / currency /   fail on a quantity whose unit is of that family
  dimension / temperature
  whole-string-parse     fail when one quantity spans the whole input
  whole-string-parse(strict)  information only (cn2an's strict mode; normal
                         mode accepts some, e.g. 一一 = 11)
  Rows whose input is also a positive case in another file (RT's NumberModel
  expects no bare number in 一美元 while its CurrencyModel reads 1 dollar) are
  reported as `conflict` and not counted.
"""
import json
import os
import subprocess
import sys
from collections import OrderedDict, defaultdict

DATA = "/work/shared/eval/numerals"
VALUE_FILES = ["recognizers_text_zh.tsv", "cn2an.tsv", "chinese_number_rs.tsv"]
SCORED = ["cardinal", "mixed", "decimal", "percent"]
INFO = ["money", "fraction", "other"]
BARE = ["cardinal", "mixed", "decimal"]
PERCENT_UNITS = {"%", "‰", "‱", "个百分点", "百分点", "成", "折"}
UNIT_FAMILY = {
    "percent": PERCENT_UNITS,
    "currency": {"元", "圆", "块", "美元", "欧元", "日元", "港元", "英镑", "角", "分"},
    "dimension": {"米", "千米", "公里", "厘米", "毫米", "克", "千克", "公斤", "吨", "斤", "亩",
                  "公顷", "平方米", "平方公里", "立方米", "千瓦", "兆瓦"},
    "temperature": {"度", "摄氏度"},
}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    head = lines[0].split("\t")
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cols = line.split("\t")
        cols += [""] * (len(head) - len(cols))
        row = dict(zip(head, cols))
        row["_row"] = i
        rows.append(row)
    return rows


def run_bin(binary, inputs):
    text = "".join(s.replace("\r", " ").replace("\n", " ") + "\n" for s in inputs)
    out = subprocess.run([binary], input=text.encode("utf-8"), stdout=subprocess.PIPE,
                         check=True).stdout.decode("utf-8")
    res = [json.loads(l) for l in out.split("\n") if l.strip()]
    assert len(res) == len(inputs), (len(res), len(inputs))
    return [r["quantities"] for r in res]


def close(a, b):
    if b == 0:
        return abs(a) < 1e-12
    return abs(a - b) <= 1e-9 * abs(b)


def candidates(q, kind):
    """The values a quantity stands for, in the unit of the row's kind."""
    vals = [q["value"]] + ([q["high"]] if q.get("high") is not None else [])
    unit, text = q.get("unit", ""), q.get("text", "")
    if kind == "percent":
        if unit == "‰":
            return [v / 10 for v in vals]
        if unit == "‱":
            return [v / 100 for v in vals]
        if unit == "" and "分之" in text:
            return [v * 100 for v in vals]
    if kind == "fraction":
        if unit == "‰":
            return [v / 1000 for v in vals]
        if unit == "‱":
            return [v / 10000 for v in vals]
    return vals


def any_close(qs, expected, kind):
    return any(close(v, expected) for q in qs for v in candidates(q, kind))


def fmt_q(qs):
    return "; ".join(f'{q["text"]}={q["value"]:g}{q["unit"]}'
                     + (f'..{q["high"]:g}' if q.get("high") is not None else "")
                     + f' [{q["qualifier"]}]' for q in qs) or "-"


def score_values(data, results, show):
    table = OrderedDict()
    skipped, shown = [], []
    for fname in VALUE_FILES:
        for row in data[fname]:
            kind = row["kind"]
            key = (fname, kind)
            t = table.setdefault(key, defaultdict(int))
            if "non_standard_count_method" in row["notes"]:
                t["skipped"] += 1
                skipped.append((fname, row))
                continue
            qs = results[(fname, row["_row"])]
            exp = float(row["expected_value"])
            if any_close(qs, exp, kind):
                outcome = "right"
            elif qs:
                outcome = "wrong"
            else:
                outcome = "none"
            t[outcome] += 1
            t["n"] += 1
            if outcome in show and kind in SCORED + INFO:
                shown.append((outcome, fname, kind, row, qs))
            extra = [q for q in qs if not any(close(v, exp) for v in candidates(q, kind))]
            if outcome == "right" and extra and "extra" in show and kind in SCORED:
                shown.append(("extra", fname, kind, row, qs))
    return table, skipped, shown


def print_values(table):
    print("| file | kind | rows | right | wrong | none | skipped | right % |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    order = SCORED + INFO
    for fname in VALUE_FILES:
        for kind in order:
            t = table.get((fname, kind))
            if not t:
                continue
            pct = 100.0 * t["right"] / t["n"] if t["n"] else 0.0
            mark = "" if kind in SCORED else " (info)"
            print(f'| {fname} | {kind}{mark} | {t["n"]} | {t["right"]} | {t["wrong"]} | '
                  f'{t["none"]} | {t["skipped"]} | {pct:.1f} |')
    for label, kinds in (("scored (cardinal+mixed+decimal+percent)", SCORED),
                         ("bare numerals (cardinal+mixed+decimal)", BARE)):
        tot = defaultdict(int)
        for (fname, kind), t in table.items():
            if kind in kinds:
                for k, v in t.items():
                    tot[k] += v
        pct = 100.0 * tot["right"] / tot["n"] if tot["n"] else 0.0
        print(f'| **all** | **{label}** | {tot["n"]} | {tot["right"]} | {tot["wrong"]} | '
              f'{tot["none"]} | {tot["skipped"]} | **{pct:.1f}** |')


def score_ranges(data, results, show):
    counts = defaultdict(int)
    shown = []
    for row in data["ranges.tsv"]:
        qs = results[("ranges.tsv", row["_row"])]
        ends = [float(row[k]) for k in ("expected_low", "expected_high") if row[k]]
        hit = [any_close(qs, e, "range") for e in ends]
        if all(hit):
            outcome = "right"
        elif any(hit):
            outcome = "partial"
        elif qs:
            outcome = "wrong"
        else:
            outcome = "none"
        counts[outcome] += 1
        if outcome in show:
            shown.append((outcome, "ranges.tsv", "range", row, qs))
    return counts, shown


def score_negatives(data, results, positives, show):
    counts = defaultdict(lambda: defaultdict(int))
    shown = []
    for row in data["negatives.tsv"]:
        qs = results[("negatives.tsv", row["_row"])]
        cat = row["not_expected"]
        inp = row["input"]
        if inp in positives:
            fail = None
            label = "conflict"
        elif cat == "number":
            owned = [q for q in qs if q["unit"] in UNIT_FAMILY["currency"] | PERCENT_UNITS]
            fail, label = len(owned) < len(qs), cat
            if owned and not fail:
                counts[label]["read as currency/percent"] += 1
        elif cat in UNIT_FAMILY:
            fail, label = any(q["unit"] in UNIT_FAMILY[cat] for q in qs), cat
        elif cat.startswith("whole-string-parse"):
            n = len(inp.strip())
            lead = len(inp) - len(inp.lstrip())
            whole = any(q["start"] <= lead and q["end"] >= lead + n for q in qs)
            fail, label = whole, cat
        else:
            fail, label = bool(qs), cat
        c = counts[label]
        c["rows"] += 1
        if fail is None:
            c["found something" if qs else "nothing"] += 1
        else:
            c["fail" if fail else "pass"] += 1
        if (fail and "fail" in show) or (fail is None and "conflict" in show):
            shown.append(("fail" if fail else "conflict", "negatives.tsv", label, row, qs))
    return counts, shown


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    binary = args[0]
    data_dir = DATA
    show = set()
    list_skipped = False
    i = 1
    while i < len(args):
        if args[i] == "--data":
            data_dir = args[i + 1]
            i += 1
        elif args[i] == "--show":
            show = set(args[i + 1].split(","))
            i += 1
        elif args[i] == "--skipped":
            list_skipped = True
        i += 1
    files = VALUE_FILES + ["ranges.tsv", "negatives.tsv"]
    data = {f: read_tsv(os.path.join(data_dir, f)) for f in files}
    keys, inputs = [], []
    for f in files:
        for row in data[f]:
            keys.append((f, row["_row"]))
            inputs.append(row["input"])
    results = dict(zip(keys, run_bin(binary, inputs)))
    positives = {row["input"] for f in VALUE_FILES + ["ranges.tsv"] for row in data[f]}

    print(f"## Values ({binary})\n")
    table, skipped, shown_v = score_values(data, results, show)
    print_values(table)
    rc, shown_r = score_ranges(data, results, show)
    print("\n## ranges.tsv\n")
    print("| rows | right | partial | wrong | none |")
    print("|---:|---:|---:|---:|---:|")
    print(f'| {sum(rc.values())} | {rc["right"]} | {rc["partial"]} | {rc["wrong"]} | {rc["none"]} |')
    nc, shown_n = score_negatives(data, results, positives, show)
    print("\n## negatives.tsv\n")
    print("| not_expected | rows | pass | fail | note |")
    print("|---|---:|---:|---:|---|")
    for label, c in sorted(nc.items()):
        if label == "conflict":
            note = f'also a positive case elsewhere; found something on {c["found something"]}'
            print(f'| conflict | {c["rows"]} | - | - | {note} |')
        else:
            note = "information only (strict mode)" if label.endswith("(strict)") else ""
            if c["read as currency/percent"]:
                note = (f'{c["read as currency/percent"]} pass as a currency/percent quantity '
                        "(RT's NumberModel leaves them to its CurrencyModel/PercentModel)")
            print(f'| {label} | {c["rows"]} | {c["pass"]} | {c["fail"]} | {note} |')
    shown = shown_v + shown_r + shown_n
    if shown:
        print("\n## Rows shown\n")
        for outcome, fname, kind, row, qs in shown:
            exp = row.get("expected_value") or f'{row.get("expected_low")}..{row.get("expected_high")}'
            print(f'- {outcome} {fname}:{row["_row"]} {kind} `{row["input"]}` expected {exp} '
                  f'-> {fmt_q(qs)}')
    if list_skipped:
        print(f"\n## Skipped rows ({len(skipped)}): non_standard_count_method\n")
        for fname, row in skipped:
            print(f'- {fname}:{row["_row"]} `{row["input"]}` = {row["expected_value"]} '
                  f'({row["notes"].split(";")[2].strip()})')


if __name__ == "__main__":
    main()
