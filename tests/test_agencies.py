"""Agency names: canonical across years, region, kind, short forms."""
from __future__ import annotations

import pytest

from assistant.agencies import canonical_name, kind_of, region_of, resolve
from assistant.errors import Ambiguous, NotFound


def test_same_agency_in_two_years_is_one_canonical_name():
    assert canonical_name("洪泽区人民政府") == canonical_name("淮安市洪泽区人民政府") == "淮安市洪泽区人民政府"
    assert canonical_name("江苏省淮安市洪泽区人民政府") == "淮安市洪泽区人民政府"
    assert canonical_name("韶关市 曲江区总工会") == "韶关市曲江区总工会"


def test_names_not_led_by_a_place_are_kept():
    assert canonical_name("国家税务总局淮安市洪泽区税务局") == "国家税务总局淮安市洪泽区税务局"
    assert region_of("国家税务总局淮安市洪泽区税务局").county == "洪泽区"


def test_region_and_municipalities():
    r = region_of("淮安市洪泽区人民政府")
    assert (r.province, r.city, r.county) == ("江苏省", "淮安市", "洪泽区")
    r = region_of("上海市浦东新区人民政府")
    assert (r.province, r.city, r.county) == ("上海市", None, "浦东新区")
    assert canonical_name("上海市浦东新区人民政府") == "上海市浦东新区人民政府"


@pytest.mark.parametrize("name,kind", [("淮安市洪泽区人民政府", "人民政府"), ("韶关市曲江区总工会", "总工会"),
                                       ("淮安市洪泽区教育局", "部门"), ("洪泽区高良涧街道办事处", "街道办事处"),
                                       ("上海市科学技术委员会", "部门")])
def test_kind(name, kind):
    assert kind_of(name) == kind


def test_resolve_short_forms():
    store = [("淮安市洪泽区人民政府", "洪泽区人民政府"), ("淮安市洪泽区教育局", "淮安市洪泽区教育局"),
             ("韶关市曲江区总工会", "韶关市曲江区总工会"), ("承德市高新区总工会", "承德高新区总工会")]
    assert resolve("洪泽区", store) == "淮安市洪泽区人民政府"          # a bare place is its 人民政府
    assert resolve("曲江区总工会", store) == "韶关市曲江区总工会"
    assert resolve("承德高新区总工会", store) == "承德市高新区总工会"
    assert resolve("洪泽区人民政府", store) == "淮安市洪泽区人民政府"
    with pytest.raises(Ambiguous):
        resolve("总工会", store)
    with pytest.raises(NotFound, match="no agency “沭阳县”"):
        resolve("沭阳县", store)
