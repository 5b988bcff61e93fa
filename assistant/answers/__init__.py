"""The answer engine: a Chinese question → an Answer (exact figures with their sources,
cited passages, comparisons, checks). See engine.py and understand.py."""
from .engine import Engine, split_points
from .model import Answer, Passage, Row, Source
from .understand import Question, understand

__all__ = ["Answer", "Engine", "Passage", "Question", "Row", "Source", "split_points", "understand"]
