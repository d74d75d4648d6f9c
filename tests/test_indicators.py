"""The indicator catalogue: aliases meet, guards keep apart what only looks alike, nothing is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ontology import indicators, resolve


def name(phrase: str, unit: str | None = None) -> str:
    ref = resolve.indicator(phrase, unit)
    return ref.name if ref.catalogued else f"?{ref.name}"


@pytest.mark.parametrize("phrase", ["技术交易额", "技术市场交易额", "技术合同成交额", "技术合同交易额", "全省技术交易额",
                                    "力争全年技术合同成交额", "技术市场实现交易额"])
def test_technology_trade_aliases_meet(phrase: str) -> None:
    assert name(phrase, "元") == "技术交易额"


@pytest.mark.parametrize("phrase", ["网上技术市场交易额", "全年网上技术市场交易额", "网上技术市场成交额", "网上技术交易额"])
def test_online_technology_market_is_never_technology_trade(phrase: str) -> None:
    assert name(phrase, "元") == "网上技术市场交易额"
    entry = indicators.load_catalogue().by_name["技术交易额"]
    assert not entry.admits(indicators.normalise(phrase), None, "元")


def test_rd_share_aliases() -> None:
    for phrase in ("R&D经费占GDP比重", "R&D投入占GDP比重", "R&D经费支出占GDP比重", "研发投入占GDP比重",
                   "全社会研发经费占地区生产总值比重", "全市R&D投入占GDP比重"):
        assert name(phrase, "%") == "R&D经费占GDP比重", phrase
    assert name("年全省R&D经费支出", "元") == "R&D经费支出"


def test_stock_and_flow_stay_apart() -> None:
    assert name("高新技术企业累计", "家") == "高新技术企业"
    assert name("高新技术企业总数", "家") == "高新技术企业"
    assert name("国家重点扶持高新技术企业", "家") == "高新技术企业"
    assert name("新增高新技术企业", "家") == "新增高新技术企业"
    assert name("新认定国家重点扶持高新技术企业", "家") == "新增高新技术企业"
    assert name("科技型中小企业累计", "家") == "科技型中小企业"
    assert name("新备案科技型中小企业", "家") == "新增科技型中小企业"
    assert resolve.indicator("新增高新技术企业", "家").measure == "flow"
    assert resolve.indicator("高新技术企业累计", "家").measure == "stock"


def test_level_growth_and_share_of_value_added_stay_apart() -> None:
    assert name("高新技术产业增加值", "元") == "高新技术产业增加值"
    assert name("高新技术产业增加值增长", "%") == "高新技术产业增加值增速"
    assert name("高新技术产业增加值占工业增加值比重", "%") == "高新技术产业增加值占比"
    # a growth gap in percentage points is not the growth rate
    assert name("高新技术产业增加值增速高于规上工业", "个百分点").startswith("?")


def test_other_catalogued_indicators() -> None:
    assert name("发明专利授权量力争", "件") == "发明专利授权量"
    assert name("有效发明专利量", "件") == "有效发明专利"
    assert name("每万人发明专利拥有量", "件") == "每万人发明专利拥有量"
    assert name("规上工业新产品产值", "元") == "规上工业新产品产值"
    assert name("科技进步贡献率", "%") == "科技进步贡献率"
    assert name("省重点实验室", "家") == "省级重点实验室"
    assert name("众创空间", "家") == "众创空间"
    assert name("孵化器", "个") == "科技企业孵化器"


def test_near_names_that_are_other_things_do_not_match() -> None:
    assert name("国家重点实验室", "家") == "重点实验室"  # the national ones, never 省级重点实验室
    assert name("省级高新技术企业研发中心累计", "家").startswith("?")
    assert name("国家高新技术企业和科技型中小企业总量", "家").startswith("?")


def test_the_unit_must_agree() -> None:
    ref = resolve.indicator("技术交易额", "项")
    assert not ref.catalogued and ref.id != resolve.indicator("技术交易额", "元").id


def test_unmatched_phrase_becomes_its_own_indicator() -> None:
    ref = resolve.indicator("“倒逼清单”累计", "项")
    assert not ref.catalogued and ref.name == "倒逼清单累计" and ref.measure == "stock" and ref.unit == "项"
    assert ref.id == resolve.indicator("“倒逼清单”累计", "项").id
    assert "“倒逼清单”累计" in ref.aliases


def test_catalogued_indicator_carries_its_aliases() -> None:
    ref = resolve.indicator("技术合同成交额", "元")
    assert ref.catalogued and ref.unit == "元" and ref.measure == "flow"
    assert {"技术交易额", "技术市场交易额", "技术合同成交额", "技术合同交易额"} <= set(ref.aliases)


ANALYST_YAML = """\
indicators:
  - name: 技术交易额
    aliases: [技术转移成交额]
  - name: 新型研发机构
    measure: count
    unit: 家
    aliases: [省级新型研发机构]
"""


def test_analysts_extend_the_catalogue_without_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(ANALYST_YAML, encoding="utf-8")
    assert name("省级新型研发机构", "家").startswith("?")
    cat = indicators.load_catalogue(extra)
    assert resolve.indicator("省级新型研发机构", "家", catalogue=cat).name == "新型研发机构"
    assert resolve.indicator("技术转移成交额", "元", catalogue=cat).name == "技术交易额"
    assert resolve.indicator("技术市场交易额", "元", catalogue=cat).name == "技术交易额"  # shipped aliases stay
    monkeypatch.setenv(indicators.ENV_VAR, str(extra))
    assert name("省级新型研发机构", "家") == "新型研发机构"


def test_a_missing_or_malformed_catalogue_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.yaml"):
        indicators.load_catalogue(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators:\n  - aliases: [x]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a 'name'"):
        indicators.load_catalogue(bad)


CASES = Path(__file__).with_name("indicators") / "cases.tsv"


def _cases() -> list[tuple[str, str | None, str, str]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, unit, expected, *note = line.split("\t")
        out.append((phrase, unit if unit not in ("", "-") else None, expected, note[0] if note else ""))
    return out


@pytest.mark.parametrize(("phrase", "unit", "expected", "where"), _cases(), ids=[c[0] for c in _cases()])
def test_catalogue_case(phrase: str, unit: str | None, expected: str, where: str) -> None:
    """Names the real documents give (tests/indicators/cases.tsv, each with where it comes from) land on
    their catalogued indicator, or on none (`-`) where the catalogue must not claim them."""
    entry = indicators.load_catalogue().match(phrase, unit)
    assert (entry.name if entry else "-") == expected, where


def test_the_catalogue_covers_the_standard_indicators() -> None:
    """At least 120 indicators, each with a kind and a unit; the level, growth and share of one thing apart."""
    cat = indicators.load_catalogue()
    assert len(cat.entries) >= 120
    assert all(e.measure in {"stock", "flow", "share", "growth", "count", "intensity"} and e.unit for e in cat.entries)
    for name in ("GDP增长", "一般公共预算收入", "固定资产投资增长", "社会消费品零售总额", "居民消费价格涨幅", "城镇新增就业",
                 "城镇调查失业率", "R&D经费占GDP比重", "研发经费投入增长", "每万人口高价值发明专利拥有量", "高新技术企业",
                 "科技型中小企业", "技术交易额", "单位GDP能源消耗降低"):
        assert name in cat.by_name, name


def test_a_change_at_the_end_of_a_name_is_a_rate_and_a_count_is_no_rate() -> None:
    assert name("能耗强度下降", "%") == "单位GDP能源消耗降低"  # 强度 is no share here: the phrase measures a fall
    assert name("农村贫困人口减少", "人") == "农村贫困人口脱贫"  # a count that falls is no rate
    assert name("每万人口高价值发明专利拥有量", "件") == "每万人口高价值发明专利拥有量"  # 拥有量 per capita
