"""xxgk-assistant: a chat over 政府信息公开工作年度报告. Presentation only — every answer,
figure, source and check comes from the `assistant` package.

    streamlit run app.py          (the README's first command starts it for you)
"""
from __future__ import annotations

import logging
import threading

import pandas as pd
import streamlit as st

import assistant as api
from assistant import literal

log = logging.getLogger("xxgk.app")
st.set_page_config(page_title="政府信息公开年报助手", page_icon="📑", layout="wide")


@st.cache_resource
def backend(index: str):
    """Store, model and index, loaded once per process (uploads are serialised by the
    store's own lock, across sessions and processes). The model loads in the background
    so the page is usable at once (figures need no model)."""
    store = api.open_store(index)

    def warm():
        try:
            api.warm(store)
        except Exception:                       # said again when a passage question needs it
            log.exception("warming the model and the search index failed")
    threading.Thread(target=warm, name="warm-model", daemon=True).start()
    return store, {"rebuilding": False, "error": None}


store, rebuild = backend(str(api.index_dir().resolve()))


def keep_index_fresh() -> None:
    """A search index that does not match the store (another process changed it, or an
    update was killed) is rebuilt in the background; the page says so meanwhile."""
    if rebuild["rebuilding"] or api.index_state(store) == "ok" or not store.report_ids():   # every rerun: cheap first
        return

    def run():
        try:
            api.update_index(store)
            rebuild["error"] = None
        except Exception as e:                  # shown on the page, and logged
            log.exception("rebuilding the search index failed")
            rebuild["error"] = f"{type(e).__name__}: {e}"
        finally:
            rebuild["rebuilding"] = False
    rebuild["rebuilding"] = True
    threading.Thread(target=run, name="rebuild-index", daemon=True).start()


keep_index_fresh()


def engine() -> api.Engine:
    """This session's engine, with the corpus overview and example questions it was built
    on: all three rebuilt when the store has changed since (an upload here, or in another
    process or server on the same store), not on every rerun."""
    changes = store.changes()
    if "engine" not in st.session_state or st.session_state.get("engine_changes") != changes:
        st.session_state.engine_changes = changes
        st.session_state.engine = api.Engine(store)
        st.session_state.overview = api.present.overview(store)
        st.session_state.examples = api.present.examples(store)
    return st.session_state.engine


st.session_state.setdefault("messages", [])
engine()
info = st.session_state.overview

def add_files(files: list[tuple[str, bytes]], replace: bool) -> None:
    """Ingest uploads, then update the index (both under the store's lock, shared with any
    CLI ingest). A file that would replace a stored report waits for the reader's yes."""
    bar = st.progress(0.0, text="导入中…")
    results, conflicts = [], []

    def progress(o):
        name = api.safe_name(o.path)
        if o.status == "conflict":
            data = next(d for n, d in files if api.safe_name(n) == name)
            conflicts.append((name, data, f"{name}：{o.agency} {o.year}年的报告已在库中（{o.replaces}）；"
                                          "替换它吗？被替换的版本会保留，可恢复。"))
        else:
            results.append((o.readable, f"{name}：{o.message}"))
        bar.progress(
            len(results + conflicts) / (len(files) + 1), text=literal(f"{len(results + conflicts)}/{len(files)} {name}")
        )

    outcomes, result = api.add(store, files, on_outcome=progress, replace=replace)
    if result is not None:
        results.append((True, result.line()))
    st.session_state.upload_results = results
    st.session_state.conflicts = st.session_state.get("conflicts", []) + conflicts
    st.session_state.pop("engine", None)  # answer over the new corpus at once
    st.rerun()  # corpus, filters and examples as they are now


# ------------------------------------------------------------------ sidebar
with st.sidebar:
    st.header("语料")
    if info["reports"]:
        st.caption(f"{info['reports']} 份报告 · {len(info['agencies'])} 个单位")
        st.bar_chart(
            pd.DataFrame({"年份": [str(y) for y in info["by_year"]], "报告数": list(info["by_year"].values())}),
            x="年份",
            y="报告数",
            height=150,
        )
    else:
        st.info("语料为空。请在下方上传报告（PDF、Word、网页或文本），或运行 `python -m assistant ingest 文件夹`。")
    st.subheader("筛选")
    f_year = st.selectbox("年份", ["全部"] + [str(y) for y in info["years"]], key="f_year")
    f_agency = st.selectbox("单位", ["全部"] + info["agencies"], key="f_agency")
    f_region = st.text_input("地区（省、市或县）", key="f_region")
    filters = {
        "year": None if f_year == "全部" else int(f_year),
        "agency": None if f_agency == "全部" else f_agency,
        "region": f_region or None,
    }
    if rebuild["rebuilding"]:
        st.info("检索索引与报告库不一致，正在后台重建；原文检索稍后可用。")
    elif rebuild["error"]:
        st.error(literal("检索索引重建失败：" + rebuild["error"]))
    st.subheader("示例问题")
    for i, q in enumerate(st.session_state.examples):
        if st.button(literal(q), key=f"example-{i}", width="stretch"):
            st.session_state.pending = q
    if api.uploads_enabled():
        st.subheader("上传报告")
        files = st.file_uploader(
            "PDF、DOCX、HTML、TXT",
            type=["pdf", "docx", "html", "htm", "txt", "md"],
            accept_multiple_files=True,
            key="uploads",
        )
        if files and st.button("导入", key="ingest"):
            add_files([(f.name, f.getvalue()) for f in files], replace=False)
        for n, (name, data, line) in enumerate(st.session_state.get("conflicts", [])):
            st.warning(literal(line))
            yes, no = st.columns(2)
            if yes.button("替换", key=f"replace-{n}"):
                st.session_state.conflicts.pop(n)
                add_files([(name, data)], replace=True)
            if no.button("保留现有", key=f"keep-{n}"):
                st.session_state.conflicts.pop(n)
                st.rerun()
        for ok, line in st.session_state.get("upload_results", []):
            (st.success if ok else st.error)(literal(line))


# ------------------------------------------------------------------ answers
def show(answer_dict: dict, answer, question: str) -> None:
    a = answer
    if not a.found:
        st.info(literal(a.text) + "\n\n可以这样问：" + literal("；".join(st.session_state.examples[:3])))
        return
    if a.intent == "lookup" and a.rows:
        for r in a.rows:
            value = "空白（未填报）" if r.value is None else api.quantity(r.value, r.unit)
            st.metric(literal(f"{r.agency} {r.year}年 · {r.metric}"), value + (" ⚠" if r.warning else ""))
            st.caption(
                literal(
                    "来源：" + api.source_words(r.source.label, r.source.raw, r.source.page)
                )
            )
    st.markdown(literal(a.text))
    if a.interpretation:
        st.caption(literal(a.interpretation.get("line", "")))
    rows = api.present.table(a)
    if rows and a.intent in ("list", "rank", "aggregate", "check"):
        df = pd.DataFrame(rows).drop(columns=["report_id"])
        st.dataframe(df, hide_index=True, width="stretch")
        if a.intent in ("list", "rank", "aggregate") and df["数值"].notna().any():
            chart = df.assign(标签=df["单位"] + " " + df["年份"].astype(str))[["标签", "数值"]].dropna()
            st.bar_chart(chart, x="标签", y="数值", height=260)
    if a.intent == "trend" and a.series:
        series = pd.DataFrame(a.series).dropna()
        if "year" in series:
            st.line_chart(series.assign(year=series["year"].astype(str)), x="year", y="value", height=240)
        st.dataframe(pd.DataFrame(rows).drop(columns=["report_id"]), hide_index=True) if rows else None
    if a.intent == "compare_text" and a.compare:
        shared = set(a.compare["shared"])
        left, right = st.columns(2)
        for col, side in ((left, a.compare["left"]), (right, a.compare["right"])):
            with col:
                st.markdown("**" + literal(f"{side['agency']} · {side['year']}年 · {side['title']}") + "**")
                for point in side["points"]:
                    mark = "✓ " if present_topics(point) & shared else ""
                    st.markdown(f"- {mark}{literal(point)}")
        st.caption(literal("✓ 两个单位都谈到的方面：" + ("、".join(a.compare["shared"]) or "无")))
    if a.intent == "passage":
        for p in a.passages:
            with st.expander(literal(p.citation()), expanded=True):
                st.markdown(api.present.highlight(p.text, question))
    for w in a.warnings:
        st.warning(literal(w), icon="⚠️")
    if rows:
        st.download_button(
            "导出 CSV", api.present.to_csv(a), file_name="answer.csv", mime="text/csv", key=f"csv-{id(answer_dict)}"
        )


def present_topics(point: str) -> set[str]:
    return api.topics_of(point)


chat, report_tab = st.tabs(["问答", "报告"])
with chat:
    st.title("政府信息公开年报助手")
    for m in st.session_state.messages:
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(literal(m["content"]))
            else:
                show(m, m["answer"], m["question"])
    # the box stays below the conversation: a new question is answered, then the page is
    # drawn again with it in the history
    question = st.chat_input("例如：洪泽区2023年被行政复议几次？") or st.session_state.pop("pending", None)
    if question:
        st.session_state.messages.append({"role": "user", "content": question})
        answer = engine().ask(question, filters, context=st.session_state.get("context"))
        st.session_state.context = answer.interpretation
        st.session_state.messages.append({"role": "assistant", "answer": answer, "question": question})
        st.rerun()

with report_tab:
    if info["agencies"]:
        agency = st.selectbox("单位", info["agencies"], key="r_agency")
        years = store.years(agency)
        year = st.selectbox("年份", years, index=len(years) - 1, key="r_year")
        report = api.find_report(store, agency, year)
        st.code(api.render_text(report), language=None)
        for s in report.sections:
            if s.text:
                with st.expander(literal(f"{s.title or s.key}" + (f" · 第{s.page}页" if s.page else ""))):
                    st.markdown(literal(s.text))
        st.download_button(
            "下载原始文件",
            store.source_file(report.id).read_bytes(),
            file_name=api.safe_name(report.source or "report"),
            key="source",
        )
        st.download_button(
            "导出本报告的表格（CSV）",
            api.export_csv([report]).encode("utf-8"),
            file_name=api.safe_name(f"{report.agency}_{report.year}.csv"),
            mime="text/csv",
            key="tables",
        )
        kept = [r for r in store.replaced() if r["agency"] == report.agency and r["year"] == report.year]
        if kept:
            st.subheader("被替换的版本")
        for r in kept:
            st.caption(
                literal(
                    f"{r['source_path'] or r['source']}：{r['ingested_at']} 导入，"
                    f"{r['replaced_at']} 被 {r['replaced_by']} 替换"
                )
            )
            if api.uploads_enabled() and st.button("恢复此版本", key=f"restore-{r['id']}"):
                outcome, _ = api.restore(store, r["id"])
                st.session_state.upload_results = [(outcome.readable, outcome.line())]
                st.session_state.pop("engine", None)
                st.rerun()
    else:
        st.info("语料为空：上传报告后可在此查看表格。")
