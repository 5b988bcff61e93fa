"""python -m assistant.embedding [--test-model]: build the default model folder (and, with
--test-model, the small test model) if missing; prints their paths."""
import sys

from . import ensure_default

if __name__ == "__main__":
    print(ensure_default(progress=True))
    if "--test-model" in sys.argv[1:]:
        from . import static
        print(static.build())
