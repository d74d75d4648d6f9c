"""Number phrases -> base units (policykg.loaders.numbers), on invented phrases."""

from __future__ import annotations

import pytest

from policykg.loaders.numbers import find_quantities, parse_number, parse_value


def one(text: str) -> tuple[float, float | None, str | None]:
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0].value, qs[0].value_high, qs[0].unit


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("交易额达150亿元", 15_000_000_000, "元"),
        ("授权量1.5万件", 15_000, "件"),
        ("产值2.5万亿元", 2_500_000_000_000, "元"),
        ("产值3万亿元", 3_000_000_000_000, "元"),
        ("培育3千家", 3_000, "家"),
        ("投入800万元", 8_000_000, "元"),
        ("安排资金2千万元", 20_000_000, "元"),
        ("比重达到2.5%", 2.5, "%"),
        ("提高2个百分点", 2, "个百分点"),
        ("高于全省0.5百分点", 0.5, "个百分点"),
        ("孵化面积31.97万平方米", 319_700, "平方米"),
        ("试点单位扩大到100所高校", 100, "所"),  # 所 counts institutions
        ("建成智能化示范生产线20条", 20, "条"),  # 条 counts lines
        ("增加值1212.6亿元", 121_260_000_000, "元"),
        ("企业20,000家", 20_000, "家"),
        ("培训3000人次", 3000, "人次"),
        ("对接30场次", 30, "场次"),
        ("专项培训10场", 10, "场"),
        ("仪器设备50000台", 50_000, "台"),
        ("带动50万人", 500_000, "人"),
        ("下乡活动5次", 5, "次"),
        ("完成5门课程", 5, "门"),
        ("文献下载800篇", 800, "篇"),
        ("绩效评价90分", 90, "分"),
        ("服务企业605家(次)", 605, "家次"),
        ("实验室2 家", 2, "家"),
        ("新增项目12项", 12, "项"),
        ("团队15个", 15, "个"),
    ],
)
def test_arabic_numbers_with_scale_and_unit(phrase: str, value: float, unit: str) -> None:
    got_value, high, got_unit = one(phrase)
    assert got_value == pytest.approx(value)
    assert high is None
    assert got_unit == unit


def test_decimal_scale_is_exact() -> None:
    assert parse_value("1212.6", "亿") == 121_260_000_000
    assert parse_value("26.22", "亿") == 2_622_000_000


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("新增三千家", 3000, "家"),
        ("达到两百人", 200, "人"),
        ("建成一万二千台", 12_000, "台"),
        ("引进五个", 5, "个"),
        ("比重达到百分之三十", 30, "%"),
    ],
)
def test_chinese_numerals_via_cn2an(phrase: str, value: float, unit: str) -> None:
    assert one(phrase)[0] == value
    assert one(phrase)[2] == unit


def test_parse_number_both_scripts() -> None:
    assert parse_number("三千") == 3000
    assert parse_number("一千零五十") == 1050
    assert parse_number("1,050.5") == 1050.5


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit"),
    [
        ("推动3-5家中心创建", 3, 5, "家"),
        ("引进1-2家高校", 1, 2, "家"),
        ("建设3~5个平台", 3, 5, "个"),
        ("新增三至五家", 3, 5, "家"),
        ("投入1-2亿元", 100_000_000, 200_000_000, "元"),
    ],
)
def test_ranges_keep_both_ends(phrase: str, low: float, high: float, unit: str) -> None:
    assert one(phrase) == (low, high, unit)


def test_approximate_counts_are_marked() -> None:
    q = find_quantities("众创空间有70余家")[0]
    assert (q.value, q.unit, q.approx) == (70, "家", True)


def test_bare_yi_has_no_unit_for_the_caller_to_decide() -> None:
    assert one("工业总产值突破650亿;") == (65_000_000_000, None, None)


@pytest.mark.parametrize(
    "phrase",
    [
        "2021-12-07",  # a date
        "1-9月,全省",  # a period
        "2013-2017年实施意见",  # a year range
        "35岁以下科技新人",  # an age
        "建设期6个月",  # a duration
        "用时3分钟",  # a time
        "“十二五”规划",  # a plan period
        "服务企业超千家",  # 千 alone is a word, not a numeral
        "集聚院校近百所",
        "十大农业主导产业",
        "每万人发明专利",
        "索 引 号 011043145/2019-15823 分    类 其他",  # a spaced-out label after a code
        "人才新政27条",  # 条 is not a unit: policy names
        "出台政策措施10条",  # 条 after a rule word counts a policy's articles
        "形成可复制经验20条",
        "3所属企业",  # 所属 is a word, not 所
    ],
)
def test_not_quantities(phrase: str) -> None:
    assert find_quantities(phrase) == []


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit"),
    [
        ("增加值增长15%—20%", 15, 20, "%"),
        ("投入3亿元至5亿元", 300_000_000, 500_000_000, "元"),
        ("新增10家-20家", 10, 20, "家"),
    ],
)
def test_ranges_that_repeat_the_unit_are_one_quantity(phrase: str, low: float, high: float, unit: str) -> None:
    assert one(phrase) == (low, high, unit)


def test_unit_repeated_without_a_dash_is_two_quantities() -> None:
    assert [(q.value, q.unit) for q in find_quantities("占比15%、增长20%")] == [(15, "%"), (20, "%")]


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("服务农户2.6万户次", 26000, "户次"),
        ("用户数达到3亿户", 300000000, "户"),
        ("发布榜单3批次", 3, "批次"),
        ("发放绿卡1530张", 1530, "张"),
    ],
)
def test_household_visit_and_card_units(phrase: str, value: float, unit: str) -> None:
    """户/户次/批次/张 count households, visits, batches and cards; a number before them is a figure."""
    (q,) = find_quantities(phrase)
    assert (q.value, q.unit) == (value, unit)


def test_hu_before_a_word_is_no_unit() -> None:
    """户籍/户口 after a number are words, not the unit 户."""
    assert [q.unit for q in find_quantities("解决3户籍问题")] == []


def test_a_unit_opening_with_a_scale_character_is_the_unit_not_a_scale() -> None:
    """500千克 is 500 公斤 (千 opens 千克), 5千瓦 is 5 千瓦; 5千家 is 5,000 家 and 3000万千瓦 30 million 千瓦."""
    from policykg.loaders.numbers import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("亩均产量达到500千克")] == [(500, "公斤")]
    assert [(q.value, q.unit) for q in find_quantities("装机5千瓦")] == [(5, "千瓦")]
    assert [(q.value, q.unit) for q in find_quantities("5千家")] == [(5000, "家")]
    assert [(q.value, q.unit) for q in find_quantities("新增装机3000万千瓦")] == [(3e7, "千瓦")]


def test_a_minus_sign_before_a_number_makes_it_negative_but_a_range_dash_does_not() -> None:
    """final13 11: 增速-4.7% is a fall of 4.7 %, written with its sign; 3-5% stays a range and 2021-12 no figure."""
    from policykg.loaders.numbers import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("工业增加值增速-4.7%")] == [(-4.7, "%")]
    assert [(q.value, q.value_high) for q in find_quantities("增长3-5%")] == [(3, 5)]
    assert find_quantities("2021-12") == []
