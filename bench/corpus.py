"""A realistic scale corpus: ``python bench/corpus.py N OUT [--seed S]`` writes N distinct plan documents.

Built from the structures of the sample plans (``examples/plans``): the
responsibility breakdown of 000 (numbered tasks ending in ``(责任人:…,牵头单位:…,
配合单位:…)``), the sectioned work plan of 001 and the status table of 002 (a pipe
table, or a real .xlsx). Their task sentences are the phrase pool; everything else
varies, deterministic from the seed:

- agencies: provincial departments, city and county bureaus of real regions drawn from
  the shipped gazetteer (``policykg/ontology/data/regions.tsv``), each with its own
  divisions and people (a leadership that changes slowly);
- one plan a year per agency over a run of consecutive years (4-12), so continuity sees
  a plausible number of plans per agency, not hundreds of near-copies; a line of work
  carries on from one year to the next with its wording changed, and new lines start;
- targets (R&D spending, patents, high-tech firms, technology trade) that grow year on
  year from a per-agency base;
- formats: TXT, HTML, DOCX (python-docx) and XLSX (openpyxl, status tables).

The texts say nothing true; they are shaped like the real thing so that extraction,
resolution and continuity do the work they do on real plans.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "plans"
REGIONS = ROOT / "policykg" / "ontology" / "data" / "regions.tsv"

FORMATS = (("txt", 0.55), ("html", 0.2), ("docx", 0.15), ("xlsx", 0.1))
KINDS = (("responsibility-plan", 0.45), ("plan", 0.35), ("status-table", 0.2))
PROVINCE_DIVISIONS = ["办公室", "计财处", "高新处", "成果处", "法规处", "条件处", "农村处", "社发处", "合作处", "人事处",
                      "专利管理处", "基础处", "规划处", "监督处", "资配处", "区域处", "外专处"]
CITY_DIVISIONS = ["办公室", "高新科", "成果科", "政策法规科", "农社科", "计划财务科", "合作交流科", "人事科", "知识产权科"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "国建明华军平志伟强海东波晓红亮新文斌飞宏林峰勇兴德春永光立云玉成洪庆荣洁敏静丽俊杰涛超刚辉鹏"
SECTION_HEADS = [
    "深化科技体制改革,激发创新活力", "加快培育创新主体,提升企业技术创新能力", "推进创新平台建设,集聚创新资源",
    "促进科技成果转化,服务产业转型升级", "发展民生科技,提升科技惠民水平", "优化创新生态,营造创新创业氛围",
    "加强人才队伍建设,夯实创新基础", "加强党风廉政建设,提供坚强保障",
]
NUMERALS = "一二三四五六七八九十"
_CLAUSE = re.compile(r"[((]责任人[::].*$")
_NUMBER = re.compile(r"^\s*\d+[.、]\s*")
_PLACES = re.compile("浙江|湖北|杭州|嘉兴|桐乡|武汉|宜昌|全省|我省|省")


def _sentences(text: str) -> list[str]:
    return [s + "。" for s in re.split(r"。", text) if len(s) >= 8]


def phrase_pool() -> tuple[list[str], list[str]]:
    """Task titles and body sentences from the seeds' numbered tasks (places taken out)."""
    titles, bodies = [], []
    for seed in sorted(SEEDS.glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not _NUMBER.match(line):
                continue
            text = _CLAUSE.sub("", _NUMBER.sub("", line))
            parts = _sentences(_PLACES.sub("", text))
            if len(parts) < 2 or "|" in text:
                continue
            if len(parts[0]) <= 40:
                titles.append(parts[0])
            bodies += [p for p in parts[1:] if len(p) <= 160]
    if not titles or not bodies:
        raise SystemExit(f"no numbered tasks found in {SEEDS}")
    return sorted(set(titles)), sorted(set(bodies))


@dataclass
class Region:
    code: str
    name: str
    short: str
    level: str
    parent: str


def gazetteer() -> dict[str, Region]:
    out: dict[str, Region] = {}
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, short, level, parent = (line.split("\t") + [""] * 5)[:5]
        out[code] = Region(code, name, short or name, level, parent)
    return out


@dataclass
class Agency:
    name: str
    short: str  # as a plan refers to itself: 省科技厅, 嘉兴市科技局
    scope: str  # 全省 / 全市 / 全县
    region: str
    province: str
    divisions: list[str]
    people: list[str]
    years: list[int]
    base: dict[str, float] = field(default_factory=dict)
    lines: list[tuple[str, list[str]]] = field(default_factory=list)  # lines of work: title, body


def make_agencies(n_docs: int, rng: random.Random) -> list[Agency]:
    regions = gazetteer()
    provinces = [r for r in regions.values() if r.level == "province" and r.name not in ("香港特别行政区", "澳门特别行政区", "台湾省")]
    cities = [r for r in regions.values() if r.level == "city"]
    counties = [r for r in regions.values() if r.level in ("county", "district") and r.name.endswith(("县", "市"))]
    agencies: list[Agency] = []
    planned = 0
    used: set[str] = set()
    while planned < n_docs:
        roll = rng.random()
        if roll < 0.1 and provinces:
            r = rng.choice(provinces)
            name, short, scope, prov = f"{r.name}科学技术厅", "省科技厅", "全省", r
        elif roll < 0.55 and cities:
            r = rng.choice(cities)
            prov = regions.get(r.parent, r)
            name, short, scope = f"{r.name}科学技术局", f"{r.name}科技局", "全市"
        else:
            r = rng.choice(counties)
            city = regions.get(r.parent, r)
            prov = regions.get(city.parent, city)
            name, short, scope = f"{r.name}科技局", f"{r.name}科技局", "全" + r.name[-1]
        if name in used:
            continue
        used.add(name)
        divisions = rng.sample(PROVINCE_DIVISIONS if scope == "全省" else CITY_DIVISIONS, k=7)
        people = [rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, k=rng.choice((1, 2)))) for _ in range(6)]
        span = rng.randint(4, 12)
        start = rng.randint(2008, 2026 - span)
        years = list(range(start, start + span))[: n_docs - planned]
        base = {"rd": rng.uniform(5, 900), "patent": rng.uniform(0.05, 3), "firms": rng.randint(50, 9000),
                "trade": rng.uniform(1, 300)}
        agencies.append(Agency(name, short, scope, r.name, prov.name, divisions, people, years, base))
        planned += len(years)
    return agencies


def _task_lines(agency: Agency, year: int, titles: list[str], bodies: list[str], rng: random.Random) -> list[tuple[str, list[str]]]:
    """This year's lines of work: most carry on from last year (reworded), some are new."""
    carried = [(t, [b if rng.random() > 0.35 else rng.choice(bodies) for b in body])
               for t, body in agency.lines if rng.random() < 0.6]
    fresh = [(rng.choice(titles), rng.sample(bodies, k=rng.randint(2, 4))) for _ in range(rng.randint(6, 14))]
    lines = carried + fresh
    rng.shuffle(lines)
    agency.lines = lines[:30]
    return agency.lines


def _clause(agency: Agency, rng: random.Random) -> str:
    people = "、".join(rng.sample(agency.people, k=rng.choice((1, 1, 2))))
    lead = "、".join(rng.sample(agency.divisions, k=rng.choice((1, 1, 2, 3))))
    return f"(责任人:{people},牵头单位:{lead},配合单位:有关处室)"


def _targets(agency: Agency, year: int) -> str:
    g = 1.08 ** (year - agency.years[0])
    b = agency.base
    return (f"力争{year}年{agency.scope}R&D经费支出达{b['rd'] * g:.0f}亿元,发明专利授权量力争达到{b['patent'] * g:.1f}万件,"
            f"高新技术企业累计达{int(b['firms'] * g)}家,技术市场交易额达{b['trade'] * g:.0f}亿元。")


@dataclass
class Doc:
    stem: str
    kind: str
    fmt: str
    lines: list[str]  # text lines; for a status table, pipe rows
    rows: list[list[str]] | None = None  # status-table cells, for xlsx


def make_doc(agency: Agency, year: int, k: int, titles: list[str], bodies: list[str], rng: random.Random) -> Doc:
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    fmt = rng.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
    if kind != "status-table" and fmt == "xlsx":
        fmt = "docx"
    month, day = rng.randint(1, 4), rng.randint(1, 28)
    lines_of_work = _task_lines(agency, year, titles, bodies, rng)
    stem = f"{k:05d}_{year}"
    if kind == "status-table":
        title = f"{agency.name}{year}年度重点工作完成情况"
        header = ["序号", "重点工作任务", "目标任务", "完成情况", "责任单位"]
        rows = [header]
        for n, (t, body) in enumerate(lines_of_work, 1):
            rows.append([str(n), t, body[0], "已完成。" + (body[1] if len(body) > 1 else ""),
                         " ".join(rng.sample(agency.divisions, k=rng.choice((1, 2))))])
        lines = [f"发布机构: | {agency.short} | 发文日期: | {year}-{month:02d}-{day:02d} |", title]
        lines += [" | ".join(r) + " |" for r in rows]
        return Doc(stem, kind, fmt, lines, [[title]] + rows)
    if kind == "responsibility-plan":
        title = f"{agency.short}{year}年工作要点及责任分解"
        lines = ["各处室、各直属单位:", f"现将《{title}》印发给你们,请结合实际,认真抓好贯彻落实。", agency.name,
                 f"{year}年{month}月{day}日", title, _targets(agency, year) + _clause(agency, rng)]
    else:
        title = f"{year}年{agency.scope}科技工作要点"
        lines = [title, f"{year}-{month:02d}-{day:02d} {agency.name}", f"{year}年{agency.scope}科技工作的指导思想是:深入实施创新驱动发展战略。",
                 _targets(agency, year)]
    heads = rng.sample(SECTION_HEADS, k=min(len(SECTION_HEADS), max(2, len(lines_of_work) // 4)))
    per = max(1, len(lines_of_work) // len(heads))
    n = 0
    for s, head in enumerate(heads):
        lines.append(f"{NUMERALS[s]}、{head}")
        for t, body in lines_of_work[s * per:(s + 1) * per if s < len(heads) - 1 else None]:
            n += 1
            text = f"{n}.{t}" + "".join(body)
            lines.append(text + (_clause(agency, rng) if kind == "responsibility-plan" else ""))
    return Doc(stem, kind, fmt, lines)


def write_doc(doc: Doc, out: Path) -> Path:
    path = out / f"{doc.stem}.{doc.fmt}"
    if doc.fmt == "txt":
        path.write_text("\n".join(doc.lines) + "\n", encoding="utf-8")
    elif doc.fmt == "html":
        body = "\n".join(f"<p>{html.escape(line)}</p>" for line in doc.lines)
        path.write_text(f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(doc.lines[0])}</title>"
                        f"</head><body><div class=\"nav\">首页 | 政务公开 | 通知公告</div><div class=\"content\">{body}</div>"
                        "<div class=\"footer\">分享到: 微信 微博</div></body></html>", encoding="utf-8")
    elif doc.fmt == "docx":
        import docx

        d = docx.Document()
        for line in doc.lines:
            d.add_paragraph(line)
        d.save(str(path))
    else:
        import openpyxl

        book = openpyxl.Workbook()
        ws = book.active
        for row in doc.rows or [[line] for line in doc.lines]:
            ws.append(row)
        book.save(str(path))
    return path


def make_corpus(n: int, out: Path, seed: int = 13) -> list[Path]:
    """N documents in OUT (created; files this function did not write are left alone)."""
    rng = random.Random(seed)
    titles, bodies = phrase_pool()
    out.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[int, Agency]] = []
    agencies = make_agencies(n, rng)
    for agency in agencies:
        docs += [(year, agency) for year in agency.years]
    # Plans are written agency by agency and year by year, but listed in a shuffled order:
    # a folder of downloads is not sorted by issuer and year.
    made = []
    for agency in agencies:
        for year in agency.years:
            made.append((agency, year, make_doc(agency, year, 0, titles, bodies, rng)))
    order = list(range(len(made)))
    rng.shuffle(order)
    paths = []
    for k, idx in enumerate(order):
        agency, year, doc = made[idx]
        doc.stem = f"{k:05d}_{year}"
        paths.append(write_doc(doc, out))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    paths = make_corpus(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
