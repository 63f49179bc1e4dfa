"""aligner: align Arabic sources with their English translations and check the translation.

Public API::

    from aligner import check, Config
    result = check(["corpora/almayadeen-iraq-russia/almayadeen-iraq-russia.txt"])
    for finding in result.findings: ...
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .config import Config
    from .errors import AlignerError, InputError
    from .model import Document, Finding, Location, Pair, Result, Sentence, Severity
    from .pipeline import check_paths as check

# Imported on first use, so that ``import aligner`` (and so ``align``'s start) is quick and a
# Ctrl-C while the heavy modules load is caught by the command (exit 130, one line).
_LAZY = {"Config": ".config", "AlignerError": ".errors", "InputError": ".errors",
         "Document": ".model", "Finding": ".model", "Location": ".model", "Pair": ".model",
         "Result": ".model", "Sentence": ".model", "Severity": ".model",
         "check": ".pipeline"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'aligner' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__),
                    "check_paths" if name == "check" else name)
    globals()[name] = value
    return value


__all__ = ["AlignerError", "Config", "Document", "Finding", "InputError", "Location", "Pair",
           "Result", "Sentence", "Severity", "__version__", "check"]
