"""Document metadata from invented official files and web pages."""

from __future__ import annotations

import pytest

from policykg.loaders.metadata import extract_metadata, parse_date

OFFICIAL = """闽科计〔2031〕7号
各设区市科技局,厅机关各处室:
现将《省科技厅2031年工作要点及任务分解》印发给你们,请认真贯彻落实。
福建省科学技术厅
2031年2月3日
省科技厅2031年工作要点及任务分解
2031年是关键之年。全省科技系统要落实《关于加强创新的意见》(闽政〔2030〕9号)。
1.建设实验室。(牵头单位:基础处)
"""


def test_official_file() -> None:
    meta = extract_metadata(OFFICIAL)
    assert meta.title == "省科技厅2031年工作要点及任务分解"  # not the cover letter that quotes it
    assert meta.issuer == "福建省科学技术厅"  # the signature says the place; the title's 省科技厅 does not
    assert meta.region == "福建省"
    assert meta.year == 2031
    assert meta.date == "2031-02-03"
    assert meta.doc_no == "闽科计〔2031〕7号"  # the head's number, not the one cited in the body
    assert meta.index_no is None


WEB_PAGE = """首页 > 信息公开 > 计划总结
索 引 号 113300/2032-00012 分    类 其他
发布机构 省科技厅 发文日期 2032-04-09
文    号 有 效 性 有效
江西省科学技术厅2032年度重点工作半年进展情况
序号 | 重点任务 | 进展情况 | 责任单位 |
1 | 建设实验室 | 已开工 | 基础处 |
"""


def test_web_page_fields() -> None:
    meta = extract_metadata(WEB_PAGE)
    assert meta.title == "江西省科学技术厅2032年度重点工作半年进展情况"
    assert meta.issuer == "江西省科学技术厅"  # the title's full name beats the 发布机构 field's short one
    assert meta.region == "江西省"
    assert meta.index_no == "113300/2032-00012"
    assert meta.date == "2032-04-09"
    assert meta.doc_no is None  # an empty 文号 field takes nothing from its neighbours
    assert meta.year == 2032


CITY = """首页 > 政务公开 > 区科技局
发布机构: 区科技局 文件编号: 云科〔2033〕3号
2033年科技创新工作要点
发布时间:2033-03-15 来源:区科技局
一、指导思想
深入贯彻云溪区第五次党代会精神,加快建设创新云溪,打造云溪特色的创新生态,对接岳阳市级平台。
二、重点工作
1.推进云溪科创园建设。新增长沙市级孵化器1家。
"""


def test_short_issuer_kept_and_region_found_in_text() -> None:
    meta = extract_metadata(CITY)
    assert meta.region == "云溪区"  # the district the text keeps naming, not a 市级 qualifier
    assert meta.issuer == "云溪区科技局"  # the short 区科技局, named in full by that district
    assert meta.doc_no == "云科〔2033〕3号"
    assert meta.date == "2033-03-15"
    assert meta.year == 2033


def test_year_is_the_year_the_plan_is_for() -> None:
    text = "网站首页 > 工作计划\n某州市科学技术局2034年工作总结和2035年工作思路\n一、2034年工作总结\n(一)平台建设。\n二、2035年工作思路\n"
    meta = extract_metadata(text)
    assert meta.year == 2035
    assert meta.issuer == "某州市科学技术局"
    assert meta.region == "某州市"


def test_a_review_cut_before_its_plan_part_is_for_the_reviewed_year() -> None:
    """A copy of ``2034年工作总结和2035年工作思路`` that stops inside its review reports on 2034."""
    text = "网站首页 > 工作计划\n某州市科学技术局2034年工作总结和2035年工作思路\n一、2034年工作总结\n(一)平台建设。新建平台3个。\n"
    assert extract_metadata(text).year == 2034
    unheaded = "某州市2034年科技工作及2035年工作思路\n2034年,全市新建平台3个,已完成年度任务。\n"
    assert extract_metadata(unheaded).year == 2034


def test_a_report_titled_without_a_year_is_for_the_year_its_opening_reports() -> None:
    text = "科技局上年度述职报告\n2036-05-20\n科技局上年度述职报告\n2035 年,在市委、市政府坚强领导下,市科技局坚持创新驱动。\n"
    assert extract_metadata(text).year == 2035  # not the date the copy was posted


def test_a_news_lead_is_for_the_year_it_plans() -> None:
    text = "日前,某县科技局对2035年工作进行了全面总结,对2036年度科技工作进行了全面谋划。\n一、工作思路\n二、工作目标\n"
    meta = extract_metadata(text)
    assert meta.year == 2036
    assert meta.issuer == "某县科技局"  # the body that speaks in the lead
    assert meta.title != "一、工作思路"  # a numbered heading is no title


def test_year_falls_back_to_the_date() -> None:
    meta = extract_metadata("科技创新工作要点\n上海市科学技术委员会\n二〇三六年三月五日\n1.建设平台。\n")
    assert meta.year == 2036 and meta.date == "2036-03-05"
    assert meta.issuer == "上海市科学技术委员会" and meta.region == "上海市"


@pytest.mark.parametrize(
    ("issuer_line", "region"),
    # the places as the issuer writes them (宁波市北仑区): the gazetteer resolves the chain to 北仑区
    [("广西壮族自治区科学技术厅", "广西壮族自治区"), ("宁波市北仑区科学技术局", "宁波市北仑区"), ("黑龙江省科学技术厅", "黑龙江省")],
)
def test_region_from_issuer(issuer_line: str, region: str) -> None:
    meta = extract_metadata(f"2037年工作要点\n{issuer_line}\n2037年1月9日\n")
    assert meta.issuer == issuer_line and meta.region == region


def test_province_level_title_finds_its_province_in_the_text() -> None:
    text = "2038年全省科技工作要点\n1.支持湖南高校建设实验室。\n2.推动湖南企业创新,对接广东资源。\n"
    assert extract_metadata(text).region == "湖南省"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [("2015年1月22日", "2015-01-22"), ("2021-12-07", "2021-12-07"), ("2019.8.21", "2019-08-21"), ("二〇一五年十二月二十日", "2015-12-20"), ("2015年13月1日", None)],
)
def test_parse_date(raw: str, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_title_in_a_one_cell_table_row() -> None:
    text = "某市科学技术局2039年重点任务分工表 |\n序号 | 工作任务 | 责任单位 |\n1 | 建设实验室 | 基础科 |\n"
    meta = extract_metadata(text)
    assert meta.title == "某市科学技术局2039年重点任务分工表"
    assert meta.issuer == "某市科学技术局"


def test_doc_no_below_the_title_on_a_web_page() -> None:
    text = "某省人民政府关于印发创新行动方案的通知\n某政发〔2035〕5号\n各市人民政府:\n落实《某方案》(某政办〔2034〕2号)。\n"
    meta = extract_metadata(text)
    assert meta.doc_no == "某政发〔2035〕5号"


@pytest.mark.parametrize(
    "title",
    ["某省“十四五”科技创新规划(2021—2025年)", "某省科技创新规划(2021年至2025年)", "某省“十四五”科技创新规划"],
)
def test_a_multi_year_plan_is_dated_by_its_first_year(title: str) -> None:
    meta = extract_metadata(f"{title}\n某省科学技术厅\n2021年12月20日\n")
    assert meta.year == 2021


def test_central_issuer_gives_the_whole_country_and_its_full_name() -> None:
    text = "科技部2017年工作要点\n1.推进改革。\n科学技术部\n2017年2月20日\n"
    meta = extract_metadata(text)
    assert (meta.issuer, meta.region, meta.year) == ("科学技术部", "全国", 2017)
    meta = extract_metadata("国务院办公厅关于印发分工方案的通知\n国务院办公厅\n2023年6月12日\n分工方案\n")
    assert (meta.issuer, meta.region) == ("国务院办公厅", "全国")


def test_a_level_prefixed_department_is_not_central() -> None:
    meta = extract_metadata("市委宣传部2020年工作要点\n杭州市一、杭州市二、杭州市\n")
    assert meta.region != "全国"


def test_a_local_party_department_is_not_central() -> None:
    meta = extract_metadata("中共某某县委组织部2020年工作要点\n1.推进工作。\n中共某某县委组织部\n")
    assert meta.region != "全国"


def test_autonomous_region_prefix_is_a_level_not_a_place() -> None:
    """``自治区科技厅`` says only its level; the full name (or the text's region) gives the place."""
    meta = extract_metadata("自治区科技厅2030年工作要点\n一、推进宁夏回族自治区创新。\n宁夏回族自治区科学技术厅\n2030年1月5日")
    assert (meta.issuer, meta.region) == ("宁夏回族自治区科学技术厅", "宁夏回族自治区")
    alone = extract_metadata("自治区科技厅2030年工作要点\n一、推进宁夏创新,宁夏各市落实。\n2030年1月5日")
    assert (alone.issuer, alone.region) == ("自治区科技厅", "宁夏回族自治区")


def test_a_department_general_office_issues_for_its_department() -> None:
    """工业和信息化部办公厅 sends the ministry's plan: the issuer is the ministry; 人民政府办公厅 stays."""
    meta = extract_metadata("某某部办公厅关于印发《2030年科技工作要点》的通知\n某某部办公厅\n2030年3月1日")
    assert meta.issuer == "某某部"
    gov = extract_metadata("河南省人民政府办公厅关于印发《2030年科技工作要点》的通知\n河南省人民政府办公厅\n2030年3月1日")
    assert gov.issuer == "河南省人民政府办公厅"


def test_a_multi_year_plan_is_dated_by_its_document_number_when_issued_inside_its_span() -> None:
    meta = extract_metadata("梧州市人民政府关于印发创新计划2011至2015年实施方案的通知\n(梧政发〔2012〕3号)\n各县(市、区)政府:\n")
    assert meta.doc_no == "梧政发〔2012〕3号" and meta.year == 2012


def test_a_briefing_without_a_signature_is_issued_by_the_body_it_speaks_for() -> None:
    meta = extract_metadata("科技局领导班子工作总结今年以来,市科技局全体干部职工在市委的正确领导下,全面完成各项目标任务。\n")
    assert meta.issuer == "市科技局"


def test_a_title_that_quotes_another_names_its_own_issuer() -> None:
    """国务院关于落实《政府工作报告》…的意见 is the State Council's, about all of China, not the quoted report."""
    text = "返回首页\n国务院关于落实《政府工作报告》重点工作部门分工的意见\n国发〔2037〕6号\n一、落实发展主要目标\n"
    meta = extract_metadata(text)
    assert meta.title == "国务院关于落实《政府工作报告》重点工作部门分工的意见"
    assert meta.issuer == "国务院"
    assert meta.region == "全国"


def test_the_body_that_issues_what_a_news_item_reports() -> None:
    text = "重点任务部门分工确定(中国政府网)\n发布时间:2037-03-31\n3月29日,国务院印发关于落实《政府工作报告》重点工作部门分工的意见。\n"
    meta = extract_metadata(text)
    assert meta.issuer == "国务院"
    assert meta.region == "全国"


def test_agencies_that_issue_together() -> None:
    text = ("文号: | 某发改规划〔2037〕13号 |\n发布单位: | 市科技局 |\n"
            "临海市发展和改革局 临海市科学技术局 关于印发《临海市科学技术发展规划》的 通知 |\n正文。\n")
    assert extract_metadata(text).issuer == "临海市发展和改革局、临海市科学技术局"


def test_a_red_header_file_names_its_issuer() -> None:
    text = "2037年科技工作要点\n发布日期:2037-02-16\n胶州市科技和工业信息化局文件\n胶科工字〔2037〕1号\n2037年科技工作要点\n"
    meta = extract_metadata(text)
    assert meta.issuer == "胶州市科技和工业信息化局"
    assert meta.region == "胶州市"  # the issuer's own place, not a city the text mentions


def test_a_provincial_document_that_never_names_its_province() -> None:
    text = ("2037年省《政府工作报告》重点工作分工方案(一)\n"
            "加快推进大连石化炼化一体化、葫芦岛基地建设、辽阳石化乙烯节能等重大项目,沈阳、鞍山同步推进。\n")
    meta = extract_metadata(text)
    assert meta.title == "2037年省《政府工作报告》重点工作分工方案(一)"
    assert meta.region == "辽宁省"  # the province of the cities it names


def test_a_summary_under_a_metadata_block_is_titled_by_its_own_line() -> None:
    text = ("索引号 002969069/2038-120113\n组配分类 重点工作 发布机构 区科技局\n主题分类 科技 体裁分类 报告\n"
            "2037年科技进步报告\n发布时间: 2038-07-12 信息来源: 区科技局\n"
            "2037 年,鄞州区科技局(科协)在区委区政府和上级科技(科协)部门的正确领导下,强力推进创新深化。\n")
    meta = extract_metadata(text)
    assert meta.title == "2037年科技进步报告"
    assert meta.year == 2037
    assert meta.region == "鄞州区"
    assert meta.issuer == "鄞州区科技局(科协)"  # the short 区科技局 as the text writes it in full


def test_the_state_councils_report_is_about_all_of_china() -> None:
    """A city the report's text names (重庆) is no region of the State Council's report."""
    from policykg.loaders import extract_text

    text = ("政府工作报告\n——2040年3月5日在第十四届全国人民代表大会第三次会议上\n现在,我代表国务院,向大会报告政府工作。\n"
            "一、2039年工作回顾\n重庆、重庆两江新区和重庆西部科学城加快建设。国内生产总值增长5%。\n")
    doc = extract_text(text).document
    assert (doc.issuer, doc.region, doc.year, doc.kind) == ("国务院", "全国", 2040, "government-work-report")


def test_a_meeting_that_reviews_a_year_and_plans_this_year() -> None:
    text = "某县招商引资工作会议召开\n3月26日,某县召开会议。会议总结了2039年某县招商引资工作,安排部署今年的工作任务。\n"
    assert extract_metadata(text).year == 2040


def test_a_day_month_year_date() -> None:
    assert parse_date("13.03.2015  07:51") == "2015-03-13"
    assert extract_metadata("陕西《政府工作报告》部门分工确定\n\n13.03.2035  07:51\n记者昨日获悉。\n").year == 2035


def test_a_sentence_standing_first_that_names_a_five_year_period_is_no_plan_title() -> None:
    """A street's summary published without its title (final22 12): its first line, a sentence, says 2020年是…“十三五”
    规划的收官之年; the year is 2020, not the first year of the 十三五 as a plan titled so would have."""
    meta = extract_metadata("2020年是高水平全面建成小康社会和“十三五”规划的收官之年,我街道紧扣幸福普陀建设,较好完成年初确定的主要目标。\n"
                            "一、坚持精准施策,狠抓疫情防控\n今年以来,街道精准施策。\n")
    assert meta.year == 2020
    assert extract_metadata("某某县“十三五”科技创新规划\n一、发展基础\n").year == 2016
