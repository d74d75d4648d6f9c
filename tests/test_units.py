"""Units: agencies by region, divisions and collectives by agency, composites expanded."""

from __future__ import annotations

from policykg.ontology import resolve

ZJ = resolve.region("浙江省")
HB = resolve.region("湖北省")
TX = resolve.region("桐乡市")


def test_agency_short_and_full_names_are_one_unit() -> None:
    a = resolve.agency("省科技厅", ZJ)
    b = resolve.agency("浙江省科学技术厅", ZJ)
    c = resolve.agency("浙江省科技厅", ZJ)
    assert a is not None and b is not None and c is not None
    assert a.id == b.id == c.id
    assert a.name == "浙江省科学技术厅"
    assert {"省科技厅", "浙江省科技厅", "浙江省科学技术厅"} <= set(a.aliases)
    assert a.level == "province" and a.region == ZJ


def test_the_same_short_name_in_another_province_is_another_agency() -> None:
    zj, hb = resolve.agency("省科技厅", ZJ), resolve.agency("省科技厅", HB)
    assert zj is not None and hb is not None
    assert hb.name == "湖北省科学技术厅" and hb.id != zj.id


def test_city_agency_from_a_relative_name() -> None:
    tx = resolve.agency("市科技局", TX)
    assert tx is not None
    assert tx.name == "桐乡市科学技术局" and {"市科技局", "桐乡市科技局"} <= set(tx.aliases)


def test_divisions_are_scoped_by_their_agency() -> None:
    zj, hb = resolve.agency("省科技厅", ZJ), resolve.agency("湖北省科技厅", HB)
    a, b = resolve.unit("成果处", zj, ZJ), resolve.unit("成果处", hb, HB)
    assert a.name == b.name == "成果处"
    assert a.id != b.id
    assert a.level == "division" and a.parent == zj and b.parent == hb
    assert resolve.unit("成果处", resolve.agency("浙江省科学技术厅", ZJ), ZJ).id == a.id


def test_division_written_with_its_agency_or_prefix() -> None:
    zj = resolve.agency("省科技厅", ZJ)
    assert resolve.unit("省科技厅高新处", zj, ZJ).id == resolve.unit("高新处", zj, ZJ).id
    assert resolve.unit("厅办公室", zj, ZJ).id == resolve.unit("办公室", zj, ZJ).id
    assert resolve.unit("合作处", zj, ZJ).level == "division"  # 合作 is not 合作市


def test_composite_mention_expands_to_two_units() -> None:
    zj = resolve.agency("省科技厅", ZJ)
    parts = resolve.units("杭州市、滨江区科技局(委)", zj, ZJ)
    assert [u.name for u in parts] == ["杭州市科学技术局", "滨江区科学技术局"]
    assert [u.region.name for u in parts if u.region] == ["杭州市", "滨江区"]
    assert "杭州市科技局(委)" in parts[0].aliases and "滨江区科技局(委)" in parts[1].aliases
    # the loader may hand over the parts: they land on the same units; full-width brackets too
    assert resolve.unit("杭州市科技局（委）", zj, ZJ).id == parts[0].id
    assert [u.id for u in resolve.units("计财处、法规处", zj, ZJ)] == [
        resolve.unit("计财处", zj, ZJ).id, resolve.unit("法规处", zj, ZJ).id]


def test_collectives_stay_whole_and_are_scoped_by_the_issuer() -> None:
    zj, hb = resolve.agency("省科技厅", ZJ), resolve.agency("省科技厅", HB)
    for mention in ("有关处室", "其他各处室", "各市、县(市、区)科技局(委)", "各高新区"):
        units = resolve.units(mention, zj, ZJ)
        assert len(units) == 1 and units[0].level == "collective" and units[0].collective
        assert zj is not None and units[0].name == mention and units[0].scope == zj.id
        assert resolve.unit(mention, hb, HB).id != units[0].id
    assert resolve.unit("有关处室", zj, ZJ).parent == zj  # the agency's own divisions
    assert resolve.unit("各高新区", zj, ZJ).parent is None


def test_ambiguous_region_in_a_unit_is_kept_to_its_issuer() -> None:
    js = resolve.region("江苏省")
    a = resolve.unit("鼓楼区科技局", resolve.agency("省科技厅", js), js)
    b = resolve.unit("鼓楼区科技局", resolve.agency("省科技厅", ZJ), ZJ)
    assert a.region is None and a.id != b.id


def test_national_bodies() -> None:
    a = resolve.unit("科技部", resolve.agency("省科技厅", ZJ), ZJ)
    b = resolve.unit("科学技术部", resolve.agency("省科技厅", HB), HB)
    assert a.id == b.id and a.name == "科学技术部" and a.level == "ministry"


def test_people_are_scoped_by_the_agency_they_serve() -> None:
    zj, hb = resolve.agency("省科技厅", ZJ), resolve.agency("省科技厅", HB)
    assert resolve.person("张三", zj).id != resolve.person("张三", hb).id
    assert resolve.person("张三", zj).id == resolve.person("张三", resolve.agency("浙江省科学技术厅", ZJ)).id
