"""A PDF's page lines published one per paragraph are joined back; a text of ordinary paragraphs is not."""

from __future__ import annotations

from policykg.loaders import extract_text
from policykg.loaders.hardwraps import find_hard_wraps
from policykg.loaders.normalize import normalise

#: The opening of a national leading group's work points (final20 11), as its web page gives it: the PDF's
#: lines, a blank line after each, a page number between pages.
BROKEN = """2022年全国打击侵犯知识产权和制售假冒伪劣商品工作要点

做好2022年全国打击侵犯知识产权和制售假冒伪劣商品工

作,要坚持以习近平新时代中国特色社会主义思想为指导,全面

贯彻党的十九大和十九届历次全会精神,积极推进《知识产权强

国建设纲要(2021—2035年)》实施,坚持依法治理、打建结合、统

筹协作、社会共治原则,持续发力、久久为功,严厉打击侵权假冒,

依法保护权利人、消费者合法权益,营造市场化、法治化、国际化

营商环境。

一、扎实开展重点难点治理

1. 开展“剑网2022”专项行动,严厉打击网络侵权盗版行为。

(中央宣传部、中央网信办、公安部、工业和信息化部按职责分工

负责)

2. 印发《2022年全国知识产权行政保护工作方案》,聚焦电

商等重点领域开展专项治理。开展反不正当竞争专项执法,打击

互联网领域仿冒混淆、侵犯商业秘密等行为,治理电商“刷单炒

信”、买卖快递单号等问题。加强互联网广告监测监管,严厉查处

— 2 —

虚假违法广告。(市场监管总局、邮政局、知识产权局按职责分工

负责)
"""


def test_a_broken_page_is_joined_into_its_paragraphs_and_each_clause_closes_its_item() -> None:
    text = normalise(BROKEN).text
    assert "(中央宣传部、中央网信办、公安部、工业和信息化部按职责分工负责)" in text
    assert "严厉查处虚假违法广告。(市场监管总局" in text and "— 2 —" not in text
    assert "一、扎实开展重点难点治理\n" in text  # a heading stays a line of its own
    tasks = [t for t in extract_text(BROKEN).tasks if t.lead]
    assert [(t.number, t.lead) for t in tasks] == [
        ("1", ["中央宣传部", "中央网信办", "公安部", "工业和信息化部"]), ("2", ["市场监管总局", "邮政局", "知识产权局"])]


def test_ordinary_paragraphs_and_narrow_lists_are_left_as_they_are() -> None:
    """Paragraphs of any length (a web page's), and a member list whose lines share a narrow width, are no broken
    page: nothing is joined."""
    paragraphs = "\n\n".join(f"第{i}段" + "的内容" * (i % 7 + 3) + "," + "继续" * i for i in range(12))
    members = "\n\n".join(f"成员:张{i}某 市发展改革委副主任" for i in range(12))
    assert find_hard_wraps(paragraphs) == {} and find_hard_wraps(members) == {}
