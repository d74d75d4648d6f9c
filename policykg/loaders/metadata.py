"""Document metadata from the text: title, issuer, region, year, date, 文号, 索引号.

A first cut for the walking skeleton; the loaders issue widens the evidence used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
_TITLE_HINT = re.compile(r"(工作要点|责任分解|工作总结|完成情况|工作计划|工作思路|行动计划|实施方案)")
_ISSUER = re.compile(r"([\u4e00-\u9fa5]{2,12}?(?:科学技术厅|科学技术局|科学技术委员会|科技厅|科技局|科技委|科学技术部|科技部))")
_PROVINCE = re.compile(r"(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆)")


@dataclass
class DocumentMeta:
    title: str = ""
    issuer: str | None = None
    region: str | None = None
    year: int | None = None
    date: str | None = None
    doc_no: str | None = None
    index_no: str | None = None


def extract_metadata(text: str) -> DocumentMeta:
    meta = DocumentMeta()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines[:30]:
        if _TITLE_HINT.search(ln) and len(ln) <= 60:
            meta.title = ln
            break
    if not meta.title and lines:
        meta.title = lines[0][:60]
    head = "\n".join(lines[:30])
    if m := _ISSUER.search(head):
        meta.issuer = m.group(1)
    if m := re.search(r"(20\d{2})\s*年", meta.title):
        meta.year = int(m.group(1))
    if m := _DATE.search(head):
        meta.date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        meta.year = meta.year or int(m.group(1))
    if meta.issuer and (m := _PROVINCE.search(meta.issuer)):
        meta.region = m.group(1) + ("省" if not m.group(1) in ("北京", "天津", "上海", "重庆") else "市")
    return meta
