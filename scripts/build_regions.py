"""Build policykg/ontology/data/regions.tsv, the gazetteer, from the cpca package's division table.

Run once by a maintainer, never at run time (policykg ships the TSV and needs no
network). The source is ``cpca`` 0.5.5 on PyPI (MIT licence, (c) 2018 QinYuan Du,
https://github.com/DQinYuan/chinese_province_city_area_mapper), file
``cpca/resources/adcodes.csv``: the national statistical division codes
(统计用区划代码, National Bureau of Statistics of China) for provinces,
prefecture-level cities and counties/districts.

    pip download --no-deps -d /tmp/cpca cpca==0.5.5
    python scripts/build_regions.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

Output columns: code (6 digits), name, short (common short form, may be empty),
level (province | city | county), parent (code, empty for provinces).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "policykg" / "ontology" / "data" / "regions.tsv"
#: Placeholder rows of the statistical table that are not divisions of their own.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
HEADER = """\
# policykg gazetteer: China's administrative divisions (province, prefecture-level city, county/district).
# Source: PyPI package cpca 0.5.5, cpca/resources/adcodes.csv (MIT licence, (c) 2018 QinYuan Du,
#   https://github.com/DQinYuan/chinese_province_city_area_mapper), itself drawn from the
#   National Bureau of Statistics division codes (统计用区划代码). Built by scripts/build_regions.py.
# Columns: code, name, short (common short form or empty), level, parent (code or empty).
"""


def short_form(name: str, level: str, nations: list[str]) -> str:
    """The short form people write (浙江省 -> 浙江, 桐乡市 -> 桐乡), or '' when it would be too short to be safe."""
    short = name
    for suffix in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "盟", "县", "区", "旗"):
        if short.endswith(suffix):
            short = short[: -len(suffix)]
            break
    # 广西壮族 -> 广西, 恩施土家族苗族 -> 恩施: peel ethnic names (longest first) off autonomous areas only.
    changed = "自治" in name
    while changed:
        changed = False
        for nation in nations:
            if short.endswith(nation) and len(short) > len(nation):
                short, changed = short[: -len(nation)], True
        if short.endswith("各族") and len(short) > 2:
            short, changed = short[:-2], True
    if short == name or len(short) < 2:
        return ""
    if level == "county" and name.endswith(("区", "旗")):
        return ""  # district short forms (朝阳, 鼓楼) collide with ordinary words and each other
    return short


def build(wheel: Path) -> list[tuple[str, str, str, str, str]]:
    with zipfile.ZipFile(wheel) as zf:
        adcodes = zf.read("cpca/resources/adcodes.csv").decode("utf-8")
        nations = zf.read("cpca/resources/56_nations.csv").decode("utf-8").split()
    nations = sorted((n for n in nations if n), key=len, reverse=True)
    nations.append("维吾尔")  # 新疆维吾尔自治区 drops the 族
    records = {row["adcode"][:6]: row["name"] for row in csv.DictReader(io.StringIO(adcodes))}
    rows = []
    for code, name in sorted(records.items()):
        if name in PLACEHOLDERS:
            continue
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            city = code[:4] + "00"
            parent = city if city in records and records[city] not in PLACEHOLDERS else code[:2] + "0000"
        rows.append((code, name, short_form(name, level, nations), level, parent))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows = build(Path(argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        for row in rows:
            if any(re.search(r"[\t\n]", field) for field in row):
                raise ValueError(f"tab or newline in {row}")
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} divisions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
