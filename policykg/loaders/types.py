"""The records that pass from the loaders to the graph: plain data, no store.

Every extracted fact keeps ``span`` ([start, end) offsets into the document's
normalised text) so an answer can always show the sentence it came from.
These models are also the JSON of ``policykg extract`` (the extraction contract).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentRecord(_Record):
    id: str
    title: str = ""
    issuer: str | None = None
    region: str | None = None
    year: int | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    kind: str = "plan"  # ontology.terms.DocKind
    doc_no: str | None = None  # 文号
    index_no: str | None = None  # 索引号
    source: str = ""
    media: str = "txt"  # txt, html, docx, pdf, xlsx, csv
    encoding: str | None = None
    sha256: str = ""  # of the file's bytes


class SectionRecord(_Record):
    id: str
    number: str = ""  # "一、", "(一)", "第一部分"
    title: str
    order: int
    level: int = 1
    parent_id: str | None = None
    span: Span = (0, 0)


class TaskRecord(_Record):
    id: str
    number: str = ""  # "1", "(1)", "①", "一是", "" for an unnumbered paragraph
    section: str | None = None  # the enclosing section's title, as in the contract
    section_id: str | None = None
    parent_id: str | None = None  # sub-items and unnumbered paragraphs are PART_OF a task
    title: str = ""  # the first sentence, for display
    text: str
    order: int
    lead: list[str] = Field(default_factory=list)  # unit mentions as written
    support: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    fields: dict[str, str] = Field(default_factory=dict)  # table cells by column role (完成情况, 存在问题, …)
    span: Span = (0, 0)
    clause_span: Span | None = None  # where the responsibility clause stands


class TargetRecord(_Record):
    id: str
    indicator: str  # the phrase as written, best effort
    indicator_id: str | None = None
    value: float
    value_high: float | None = None  # ranges: 3-5家 -> value 3, value_high 5
    unit: str
    year: int | None = None
    kind: str = "target"  # ontology.terms.TargetKind
    period_from: int | None = None  # a figure over a span: 十三五 -> 2016..2020 (year is its last year)
    period_to: int | None = None
    aggregate: str | None = None  # "average" (年均增长9.3%) or "total" (五年累计): never one year's figure
    basis: str | None = None  # "estimate" (预计), "baseline" (从X in 从X提高到Y), "rank" (前40位)
    direction: str | None = None  # "up" or "down" for a change (下降3% is a fall of 3); None for a level
    comparator: str = "="  # >=, >, =, ~, <, <=
    measure: str | None = None  # stock, flow, growth, share, count
    raw: str
    as_of: str | None = None  # for actuals in a status report, e.g. "2021-09"
    task_id: str | None = None
    span: Span = (0, 0)


class Coverage(_Record):
    """What the text shows against what was extracted, so an analyst knows which documents to review.

    Counts of what the text says (role words such as 牵头 / 配合, names written beside a post,
    numbers with a unit) beside the facts extracted from it; ``review`` names every mismatch
    worth a look (a text that says 牵头 twelve times and yields no lead).
    """

    lead_words: int = 0  # 牵头 / 负责 / 主责 … in the text
    support_words: int = 0  # 配合 / 协助 / 参与 …
    leads: int = 0  # lead mentions extracted (over all tasks)
    supports: int = 0
    names_seen: int = 0  # distinct names written beside a post or in a people field
    people: int = 0  # distinct people extracted
    figures_seen: int = 0  # numbers with a unit in the text
    figures: int = 0  # targets and actuals kept
    review: list[str] = Field(default_factory=list)


class Extraction(_Record):
    """One document's facts; the unit of a transaction in the store."""

    document: DocumentRecord
    sections: list[SectionRecord] = Field(default_factory=list)
    tasks: list[TaskRecord] = Field(default_factory=list)
    targets: list[TargetRecord] = Field(default_factory=list)
    coverage: Coverage | None = None
    text: str = ""  # the normalised text every span points into

    def evidence(self, span: tuple[int, int] | None) -> str:
        """The quoted text behind a span (empty when unknown)."""
        if not span:
            return ""
        return self.text[span[0] : span[1]]

    def contract(self) -> dict[str, object]:
        """The JSON shape of the extraction contract (DESIGN.md), without the full text."""
        return self.model_dump(exclude={"text"})
