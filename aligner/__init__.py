"""aligner: align Arabic sources with their English translations and check the translation.

Public API::

    from aligner import check, Config
    result = check(["corpora/almayadeen-iraq-russia/almayadeen-iraq-russia.txt"])
    for finding in result.findings: ...
"""

__version__ = "0.1.0"

from .config import Config
from .errors import AlignerError, InputError
from .model import Document, Finding, Location, Pair, Result, Sentence, Severity
from .pipeline import check_paths as check

__all__ = ["AlignerError", "Config", "Document", "Finding", "InputError", "Location", "Pair",
           "Result", "Sentence", "Severity", "__version__", "check"]
