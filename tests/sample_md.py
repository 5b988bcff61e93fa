"""A hand-written Markdown report with known figures (pipe tables), contradictions included:
Table C prints 行政复议 总计 0 beside 维持 10 and 纠正 1, 复议后起诉 总计 0 beside 维持 5,
and the text says 17 applications where Table B says 95."""

TEXT = """\
# 宿迁市沭阳县人民政府2023年政府信息公开工作年度报告

## 一、总体情况

2023年，沭阳县人民政府认真贯彻《条例》，全年共收到政府信息公开申请 17 件，均按时答复。

（一）主动公开。全年主动公开政府信息１２００条。

（二）依申请公开。严格执行申请登记、审核、办理、答复、归档制度。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 1 | 27 |
| 第二十条第（五）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政许可 | 52,006 | | |
| 第二十条第（六）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政处罚 | 1,136 | | |
| 行政强制 | — | | |
| 第二十条第（八）项 | | | |
| 信息内容 | 本年收费金额（单位：万元） | | |
| 行政事业性收费 | 7730.28 | | |

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | | 60 | 20 | 5 | 3 | 2 | 5 | 95 |
| 二、上年结转政府信息公开申请数量 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 三、本年度办理结果 | （一）予以公开 | 30 | 10 | 2 | 1 | 1 | 2 | 46 |
| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 10 | 5 | 1 | 0 | 0 | 1 | 17 |
| | （三）不予公开 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | 2.其他法律行政止公开 | — | — | — | — | — | — | — |
| | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （四）无法提供 1.本机关不掌握相关政府信息 | 15 | 3 | 2 | 2 | 1 | 2 | 25 |
| | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （五）不予处理 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 2.重复申请 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （七）总计 | 58 | 19 | 5 | 3 | 2 | 5 | 92 |
| 四、结转下年度继续办理 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |

四、结转下年度继续办理的申请已于次年一月办结。

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 10 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 2 | 5 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

一是公开内容不够全面；二是依申请办理规范化有待提高。下一步，将加强培训。

## 六、其他需要报告的事项

本年度收取信息处理费0元。

宿迁市沭阳县人民政府
2024年1月20日
"""  # noqa: E501 - a report table row as printed, one line of the Markdown copy

B_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
B = {
    "new_received": [60, 20, 5, 3, 2, 5, 95],
    "carried_over": [2, 0, 0, 0, 0, 0, 2],
    "granted": [30, 10, 2, 1, 1, 2, 46],
    "partially_granted": [10, 5, 1, 0, 0, 1, 17],
    "denied_state_secret": [1, 0, 0, 0, 0, 0, 1],
    "denied_prohibited_by_law": [None] * 7,
    "denied_three_safeties": [0] * 7,
    "denied_third_party": [0] * 7,
    "denied_internal_affairs": [0] * 7,
    "denied_process_info": [0] * 7,
    "denied_enforcement_file": [0] * 7,
    "denied_inquiry": [0] * 7,
    "unable_not_held": [15, 3, 2, 2, 1, 2, 25],
    "unable_needs_creation": [0] * 7,
    "unable_unclear": [0] * 7,
    "unprocessed_petition": [0] * 7,
    "unprocessed_duplicate": [2, 1, 0, 0, 0, 0, 3],
    "unprocessed_publication": [0] * 7,
    "unprocessed_excessive": [0] * 7,
    "unprocessed_reconfirm": [0] * 7,
    "other": [0] * 7,
    "total_processed": [58, 19, 5, 3, 2, 5, 92],
    "carried_forward": [4, 1, 0, 0, 0, 0, 5],
}
A = {
    ("rules", "issued"): 0,
    ("rules", "repealed"): 0,
    ("rules", "in_force"): 0,
    ("normative_docs", "issued"): 3,
    ("normative_docs", "repealed"): 1,
    ("normative_docs", "in_force"): 27,
    ("licensing", "decisions"): 52006,
    ("punishment", "decisions"): 1136,
    ("coercion", "decisions"): None,
    ("fees", "amount_wan"): 7730.28,
}
C = {"review": [10, 1, 0, 0, 0], "litigation_direct": [1, 0, 0, 1, 2], "litigation_after_review": [5, 0, 0, 0, 0]}
C_COLS = ["upheld", "corrected", "other", "pending", "total"]


def expected() -> dict:
    exp = {("A",) + k: v for k, v in A.items()}
    for row, values in B.items():
        exp.update({("B", row, c): v for c, v in zip(B_COLS, values, strict=False)})
    for row, values in C.items():
        exp.update({("C", row, c): v for c, v in zip(C_COLS, values, strict=False)})
    return exp
