"""python -m assistant.embedding: build the default model folder if it is missing."""
from . import ensure_default

if __name__ == "__main__":
    print(ensure_default(progress=True))
