"""Section text of a generated report: varied per report, and stating facts that match its
tables (the number of applications received, review and litigation cases)."""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..schema import load

SUBPARTS = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]

_LEAD = [
    "{year}年，{short}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，{aim}。",
    "{year}年，{short}深入贯彻党中央、国务院关于全面推进政务公开工作的决策部署，{aim}。",
    "{year}年，在上级政务公开主管部门的指导下，{short}{aim}，政府信息公开工作取得新进展。",
]
_AIMS = ["围绕中心工作深化政务公开，不断提升政府信息公开的质量和实效",
         "以公开促落实、以公开强监管、以公开优服务",
         "持续推进决策、执行、管理、服务、结果公开",
         "不断完善政府信息公开制度，畅通依申请公开渠道",
         "扎实推进基层政务公开标准化规范化建设"]
_ACTIVE = [
    "（一）主动公开情况。全年通过门户网站主动公开政府信息{n}条，其中政策文件{m}件，政策解读{k}篇。",
    "（一）主动公开情况。依托政府网站、政务新媒体等平台主动发布各类信息{n}条，及时公开财政预决算、重大项目建设等重点领域信息。",
    "（一）主动公开情况。{year}年共主动公开政府信息{n}条，开展政策解读{k}次，召开新闻发布会{m}场。",
]
_REQUEST = [
    "（二）依申请公开情况。{year}年，{short}受理政府信息公开申请{n}件，均在法定期限内答复。",
    "（二）依申请公开情况。全年共收到政府信息公开申请{n}件，已全部按期办结，未发生逾期答复情况。",
    "（二）依申请公开情况。进一步规范依申请公开办理流程，本年度新收政府信息公开申请{n}件，答复率100%。",
]
_REQUEST_UNSTATED = [
    "（二）依申请公开情况。进一步规范依申请公开办理流程，畅通申请渠道，做到依法依规答复。",
    "（二）依申请公开情况。严格按照《条例》规定的程序和时限办理政府信息公开申请。",
]
_REQUEST_NONE = [
    "（二）依申请公开情况。{year}年，{short}未收到政府信息公开申请。",
    "（二）依申请公开情况。本年度无政府信息公开申请，依申请公开渠道保持畅通。",
]
_MANAGE = [
    "（三）政府信息管理情况。严格落实信息发布审核制度，坚持“先审后发”，做好公开前保密审查。",
    "（三）政府信息管理情况。动态调整主动公开基本目录，及时清理过时信息，确保信息准确规范。",
    "（三）政府信息管理情况。建立健全政策文件合法性审查机制，规范性文件统一登记、统一编号、统一发布。",
]
_PLATFORM = [
    "（四）政府信息公开平台建设情况。优化政府网站栏目设置，加强政务新媒体管理，全年开展网站自查{k}次。",
    "（四）政府信息公开平台建设情况。推进政府信息公开专栏标准化建设，完善政务服务大厅公开查阅点设置。",
    "（四）政府信息公开平台建设情况。整合关停更新不及时的政务新媒体账号，提升平台集约化水平。",
]
_SUPERVISE = [
    "（五）监督保障情况。将政务公开工作纳入年度绩效考核，组织业务培训{m}场次，未发生责任追究情况。",
    "（五）监督保障情况。主动接受社会监督，聘请政务公开社会评议员，及时回应群众关切。",
    "（五）监督保障情况。健全工作机构，明确专人负责，定期通报网站和政务新媒体检查情况。",
]
_PROBLEMS = ["公开内容的深度和广度还有待拓展", "政策解读形式较为单一", "依申请公开办理的规范性有待提高",
             "工作人员业务能力有待加强", "政务新媒体更新频率不够稳定", "基层政务公开标准化建设推进不平衡",
             "信息发布的时效性还需提升", "公众参与渠道不够丰富", "重点领域信息公开不够全面",
             "答复文书的说理性有待增强"]
_PLANS = ["加强业务培训，提升工作人员政策水平和业务能力", "丰富政策解读形式，推出图文、视频等多元化解读产品",
          "规范依申请公开办理流程，完善答复文书模板", "加强政府网站和政务新媒体日常监管",
          "深化重点领域信息公开，及时回应社会关切", "推进基层政务公开标准化规范化建设",
          "健全信息发布审核机制，严把政治关、保密关", "拓宽公众参与渠道，增强政民互动实效",
          "强化考核监督，压实各部门政务公开主体责任", "加强政策文件集中统一公开，动态更新现行有效文件"]
_ORDINALS = ["一是", "二是", "三是", "四是"]


@dataclass
class SectionText:
    key: str
    heading: str
    paragraphs: list[str]


def short_name(agency: str) -> str:
    for suffix in ("人民政府",):
        if agency.endswith(suffix):
            return "本级政府"
    return "我单位" if len(agency) > 12 else agency


def sections(rng: random.Random, agency: str, year: int, stated_received: int | None,
             review: int | None, litigation: int | None) -> list[SectionText]:
    """The six sections (and a preamble) with text varying per report. `stated_received`
    is the number of applications the text says were received (None: it says none)."""
    short = short_name(agency)
    fill = dict(year=year, short=short, aim=rng.choice(_AIMS), n=rng.randint(20, 3000),
                m=rng.randint(1, 60), k=rng.randint(1, 30))
    heads = {s.key: f"{s.numeral}、{s.title}" for s in load().sections}
    if rng.random() < 0.2:
        heads["s4"] = "四、因政府信息公开申请行政复议、提起行政诉讼的情况"
    out = []
    if rng.random() < 0.5:
        out.append(SectionText("preamble", "", [
            f"本报告根据《中华人民共和国政府信息公开条例》要求编制，报告中所列数据统计期限自{year}年1月1日起至"
            f"{year}年12月31日止。如对本报告有疑问，请与{agency}办公室联系。"]))
    request = rng.choice(_REQUEST if stated_received else _REQUEST_UNSTATED if stated_received is None
                         else _REQUEST_NONE)
    s1 = [rng.choice(_LEAD).format(**fill), rng.choice(_ACTIVE).format(**fill),
          request.format(**{**fill, "n": stated_received}), rng.choice(_MANAGE).format(**fill),
          rng.choice(_PLATFORM).format(**fill), rng.choice(_SUPERVISE).format(**fill)]
    out.append(SectionText("s1", heads["s1"], s1))
    out.append(SectionText("s2", heads["s2"], []))
    out.append(SectionText("s3", heads["s3"], []))
    s4 = []
    if review is not None and litigation is not None and rng.random() < 0.6:
        s4.append(f"{year}年，{short}发生政府信息公开行政复议{review}起，行政诉讼{litigation}起。")
    out.append(SectionText("s4", heads["s4"], s4))
    problems = rng.sample(_PROBLEMS, rng.randint(2, 3))
    plans = rng.sample(_PLANS, rng.randint(2, 4))
    s5 = [f"{year}年，{short}政府信息公开工作取得一定成效，但仍存在一些不足：" + "；".join(problems) + "。",
          "下一步，将重点做好以下工作：" + "".join(f"{_ORDINALS[i]}{p}。" for i, p in enumerate(plans))]
    out.append(SectionText("s5", heads["s5"], s5))
    fee = rng.choice([0, 0, 0, rng.randint(10, 500)])
    s6 = [f"{year}年，{short}未收取政府信息公开信息处理费。" if not fee
          else f"{year}年，{short}依据《政府信息公开信息处理费管理办法》收取信息处理费{fee}元。"]
    if rng.random() < 0.4:
        s6.append("本年度无其他需要报告的事项。")
    out.append(SectionText("s6", heads["s6"], s6))
    return out
