"""The gazetteer: names and short forms, parent chains, ambiguity settled by context or left alone."""

from __future__ import annotations

from policykg.ontology import regions, resolve
from policykg.ontology.refs import RegionRef


def get(ref: RegionRef | None) -> RegionRef:
    assert ref is not None
    return ref


def chain(name: str, context: str | None = None) -> list[str]:
    ref = resolve.region(name, resolve.region(context) if context else None)
    assert ref is not None, name
    return [r.name for r in ref.chain()]


def test_full_and_short_names_meet() -> None:
    assert resolve.region("浙江") == resolve.region("浙江省")
    assert resolve.region("桐乡") == resolve.region("桐乡市")
    assert get(resolve.region("浙江省")).id == "region-330000"
    assert get(resolve.region("广西")).name == "广西壮族自治区"
    assert get(resolve.region("内蒙古")).name == "内蒙古自治区"


def test_parent_chain_up_to_the_province() -> None:
    assert chain("桐乡市") == ["桐乡市", "嘉兴市", "浙江省"]
    assert chain("滨江区") == ["滨江区", "杭州市", "浙江省"]
    assert chain("朝阳区", "北京市") == ["朝阳区", "北京市"]  # a municipality's districts hang off it directly
    assert get(resolve.region("桐乡市")).level == "county"
    assert get(resolve.region("嘉兴市")).level == "city"


def test_repeated_names_need_context_and_are_never_guessed() -> None:
    assert resolve.region("朝阳区") is None  # Beijing's and Changchun's
    assert chain("朝阳区", "吉林省") == ["朝阳区", "长春市", "吉林省"]
    assert resolve.region("鼓楼区", resolve.region("江苏省")) is None  # Nanjing's and Xuzhou's
    assert chain("鼓楼区", "南京市") == ["鼓楼区", "南京市", "江苏省"]


def test_a_name_shared_along_one_chain_means_the_outer_region() -> None:
    assert get(resolve.region("恩施")).name == "恩施土家族苗族自治州"
    assert get(resolve.region("恩施市")).name == "恩施市"


def test_unknown_place_is_kept_by_name() -> None:
    ref = resolve.region("某省")
    assert ref is not None and ref.name == "某省" and ref.parent is None and ref.code is None


def test_document_region_from_issuer_and_text() -> None:
    assert get(regions.document_region(None, "浙江省科学技术厅")).name == "浙江省"
    assert get(regions.document_region(None, "湖北省科技厅")).name == "湖北省"
    assert get(regions.document_region(None, "杭州市科学技术委员会")).name == "杭州市"
    text = "贯彻桐乡市党代会精神,建设四个桐乡,全市科技创新。培育嘉兴市级孵化器。打造桐乡样板。"
    ref = get(regions.document_region(None, "市科技局", "2019年科技创新工作要点", text))
    assert [r.name for r in ref.chain()] == ["桐乡市", "嘉兴市", "浙江省"]


def test_document_region_tie_stays_unresolved() -> None:
    assert regions.document_region(None, "市科技局", "", "杭州市和宁波市") is None


def test_ordinary_words_are_not_places() -> None:
    counts = regions.gazetteer().mentions("加强合作,长治久安,推进开放合作。")
    assert not counts
    region, head, rest = regions.gazetteer().split_prefix("合作处")
    assert region is None and head == "" and rest == "合作处"
