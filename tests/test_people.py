"""People by what a name is: a surname-led name beside a post or in a people field; never a post, a mask or a word."""

from __future__ import annotations

import pytest

from policykg.loaders import extract_text
from policykg.loaders.people import (
    looks_like_name,
    names_beside_posts,
    names_of_leaders,
    person_line,
    person_name,
    split_people,
)


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ("邱飞章副厅长", "邱飞章"),
        ("局党组书记、局长黄文辉", "黄文辉"),
        ("陈志强(党组成员、副局长)", "陈志强"),
        ("湖头光电产业园管委会副主任郑少华", "郑少华"),
        ("李丹常委、常务副区长", "李丹"),
        ("分管副市长", None),  # a post alone names nobody
        ("张某", None),  # a masked name
        ("XX同志", None),
        ("各位厅领导", None),
    ],
)
def test_a_name_is_what_stands_beside_its_posts(entry: str, name: str | None) -> None:
    assert person_name(entry) == name


def test_a_word_that_opens_with_a_surname_is_no_name() -> None:
    assert looks_like_name("高建民") and not looks_like_name("纪检委") and not looks_like_name("全年")


def test_names_padded_to_width_and_names_run_into_their_posts() -> None:
    assert split_people("张炳炎 陈  忠") == ["张炳炎", "陈忠"]
    # a leading group's members copied from a page (realgold-style: 国务院地理国情普查领导小组)
    assert split_people("姜大明国土资源部部长丁向阳国务院副秘书长马建堂统计局局长") == ["姜大明", "丁向阳", "马建堂"]


def test_names_beside_posts_in_running_text() -> None:
    assert [n for n, _ in names_beside_posts("一、夏禹桨区长牵头重点工作")] == ["夏禹桨"]
    assert [n for n, _ in names_beside_posts("二、李丹常委、常务副区长牵头重点工作")] == ["李丹"]


def test_leaders_are_people_only_when_the_text_gives_them_work() -> None:
    assert [n for n, _ in names_of_leaders("由省委副书记、省长李小鹏牵头,6位副省长领办。")] == ["李小鹏"]
    assert [n for n, _ in names_of_leaders("常务副省长高建民:负责省人民政府常务工作。")] == ["高建民"]
    listed = "会上县委副书记李宽余,县委常委、副县长刘中秋分别就农业和农村经济;城市建设作了安排。"
    assert [n for n, _ in names_of_leaders(listed)] == ["李宽余", "刘中秋"]
    assert names_of_leaders("市长张三出席会议并讲话。") == []


def test_a_leader_heading_a_group_answers_for_every_task_under_it() -> None:
    text = "一、夏禹桨区长牵头重点工作\n1.推进城市更新。\n二、李丹常委、常务副区长牵头重点工作\n1.做好财政保障。(责任单位:区财政局)\n"
    tasks = extract_text(text).tasks
    assert [(t.text[:6], t.people, t.lead) for t in tasks] == [
        ("推进城市更新", ["夏禹桨"], []), ("做好财政保障", ["李丹"], ["区财政局"])]


def test_a_leading_groups_members_belong_to_the_paragraph_that_lists_them() -> None:
    text = ("为加强统筹,决定成立科技创新工作领导小组,组成人员如下:\n组长:张建国(市长)\n"
            "副组长:李明(副市长)\n成员:王强(市科技局局长)、赵敏(市财政局局长)\n")
    tasks = extract_text(text).tasks
    assert len(tasks) == 1 and tasks[0].people == ["张建国", "李明", "王强", "赵敏"]


def test_a_contact_person_makes_no_task() -> None:
    text = "1.建设实验室。(牵头单位:基础处)\n注:各责任单位请于每季度末报送工作进展,联系人:王磊,电话:12345。\n"
    tasks = extract_text(text).tasks
    assert [(t.number, t.people) for t in tasks] == [("1", [])]


def test_a_leading_group_listed_one_member_a_line() -> None:
    """b3's layouts: letter-spaced labels (组 长:), names padded to width (龚 正), members on the lines
    after their label, minority names with ·, posts in brackets."""
    text = ("经市政府研究,决定成立新城规划建设推进协调领导小组。领导小组组成人员如下:\n"
            "组 长:龚 正 市长\n副组长:陈 寅 常务副市长\n汤志平 副市长\n"
            "成 员:马春雷 市政府副秘书长、市发展改革委主任\n华 源 市商务委主任\n"
            "买买提·阿不力米提(市自然资源局党组副书记、局长)\n"
            "领导小组下设办公室(设在市规划资源局),办公室主任由徐毅松同志兼任。\n")
    tasks = extract_text(text).tasks
    assert tasks[0].people == ["龚正", "陈寅", "汤志平", "马春雷", "华源", "买买提·阿不力米提"]


def test_a_person_field_accepts_names_running_text_would_doubt() -> None:
    from policykg.loaders.people import looks_like_name

    assert not looks_like_name("王平") or looks_like_name("王平", strict=False)
    assert split_people("闵 成 马梅红 许小建") == ["闵成", "马梅红", "许小建"]


def test_padded_two_character_names_run_together_are_two_people() -> None:
    """final5 05: a 分管县领导 cell holding 陆 明 and 俞 悦 printed one after the other (陆 明俞 悦)."""
    from policykg.loaders.people import split_people

    assert split_people("陆 明俞 悦") == ["陆明", "俞悦"]
    assert split_people("俞 悦") == ["俞悦"]
    assert split_people("张炳炎 陈 忠") == ["张炳炎", "陈忠"]


def test_a_body_opening_on_a_level_is_no_name_though_its_first_character_is_a_surname() -> None:
    """final14 07: 朱向阳 区机关事务管理中心副主任 names 朱向阳 only (区 is also a surname, but 区机关… is a body)."""
    from policykg.loaders.people import person_line

    assert person_line("朱向阳 区机关事务管理中心副主任") == ["朱向阳"]
    assert person_line("李 婧 区纪委监委党风政风监督室主任") == ["李婧"]
    assert person_line("区伟明 市发改委主任") == ["区伟明"]


def test_a_name_run_into_its_body_ends_where_the_body_opens_even_when_the_name_is_a_word() -> None:
    """阎立市委副书记 (a four-character run, no name) and 高山省编办副主任 (高山 is also a word): the name ends
    before 市委 / 省编办, as member lists copied from a page write them."""
    assert person_line("阎立市委副书记、市长") == ["阎立"]
    assert person_line("高山省编办副主任") == ["高山"]
    assert person_line("张力民政厅副厅长") == ["张力"]


def test_leaders_who_take_a_post_and_a_leader_joined_to_one_take_it() -> None:
    """省长许达哲担任总河长; 常务副省长陈向群及分管水利的副省长戴道晋担任副总河长: three people answer (a river-chief news
    item); 陈向群及 ends the name at 及 whatever the word segmenter makes of 群及."""
    text = "据悉,省委副书记、省长许达哲担任总河长;省委常委、常务副省长陈向群及分管水利的副省长戴道晋担任副总河长。"
    assert [name for name, _ in names_of_leaders(text)] == ["许达哲", "陈向群", "戴道晋"]


def test_names_run_into_bodies_whose_heads_are_a_bank_or_an_administration() -> None:
    """A State Council leading group's members copied without spaces (final20 05): 潘功胜人民银行副行长 and
    张志勇税务总局副局长 name a person whose post (副行长, 副局长) follows the body's name."""
    from policykg.loaders.people import split_people

    assert split_people("潘功胜人民银行副行长") == ["潘功胜"]
    assert split_people("黄丹华国资委副主任") == ["黄丹华"]
