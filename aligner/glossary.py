"""Bilingual glossaries: TBX (TBX-Basic, TBX v2 ``martif`` or v3 ``tbx``) or a simple TSV.

A glossary maps an Arabic term (with its spelling variants) to the English renderings a
translation may use. TBX English terms whose ``administrativeStatus`` is deprecated, superseded,
obsolete or forbidden are known wrong renderings: finding one in a translation is a sure fault.

TSV: one entry a line, ``arabic<TAB>english1|english2``; Arabic variants may also be separated
by ``|``; an English rendering written ``!rendering`` is a known wrong one; ``#`` starts a
comment. The default glossary ships with the package (``aligner/data/glossary/ar-en.tbx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES, read_input
from .text import primary, script_counts

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Element names of TBX v2 (martif) and their TBX v3 equivalents.
_ENTRY = {"termEntry", "conceptEntry"}
_LANG = {"langSet", "langSec"}
_TERM_GROUP = {"tig", "ntig", "termSec"}
_WRONG_STATUS = ("deprecated", "superseded", "obsolete", "forbidden")


@dataclass(frozen=True)
class Term:
    """One glossary entry: Arabic forms, accepted English renderings (preferred first)."""

    ar: tuple[str, ...]
    en: tuple[str, ...]
    wrong: tuple[str, ...] = ()   # renderings the glossary marks as wrong
    domain: str = ""
    id: str = ""

    @property
    def preferred(self) -> str:
        """The rendering a translation should use (the glossary's first)."""
        return self.en[0]


@dataclass(frozen=True)
class Glossary:
    """The entries of one glossary file."""

    file: str
    terms: tuple[Term, ...]


def default_glossary_path() -> Path:
    """The Arabic-English glossary shipped with the package."""
    return Path(str(resources.files("aligner") / "data" / "glossary" / "ar-en.tbx"))


def load_glossary(path: str | Path | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Glossary:
    """Read a TBX or TSV glossary (the shipped one when ``path`` is ``None``), a regular file
    of at most ``max_bytes``.

    Raises :class:`InputError` naming the file when it cannot be read or understood.
    """
    path = Path(path) if path is not None else default_glossary_path()
    data = read_input(path, max_bytes, "glossary ")
    if path.suffix.lower() in (".tsv", ".txt", ".tab") or not data.lstrip().startswith(b"<"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("glossary is not UTF-8 text", str(path)) from None
        terms = parse_tsv(text, str(path))
    else:
        terms = parse_tbx(data, str(path))
    if not terms:
        raise InputError("glossary has no Arabic-English entries", str(path))
    return Glossary(str(path), terms)


def run_glossary(path: str | Path | None = None, use_default: bool = True,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Glossary | None:
    """The glossary a run uses: the user's file when one is given (it replaces the shipped
    one), else the shipped one, or None when that is switched off. Read once per run, before
    any source is aligned, so a bad glossary stops the run at once."""
    if path is not None and str(path).strip():
        return load_glossary(path, max_bytes)
    return load_glossary() if use_default else None


def parse_tsv(text: str, file: str = "<glossary>") -> tuple[Term, ...]:
    """Entries of a TSV glossary (see the module docstring for the format)."""
    terms = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        ar, sep, en = line.partition("\t")
        if not sep:
            raise InputError(f"line {number}: expected 'arabic<TAB>english', found no tab", file)
        if number == 1 and primary(ar.strip()) == "ar" and primary(en.strip()) == "en":
            continue  # a header line
        forms = _split(ar)
        renderings = _split(en.split("\t")[0])
        good = tuple(r for r in renderings if not r.startswith("!"))
        wrong = tuple(r[1:].strip() for r in renderings if r.startswith("!") and r[1:].strip())
        if not forms or not good:
            raise InputError(f"line {number}: an entry needs an Arabic term and an English "
                             "rendering", file)
        if not script_counts(ar)[0]:
            # Columns swapped (english<TAB>arabic): every entry would silently never match.
            raise InputError(f"line {number}: the first column has no Arabic ({ar.strip()!r}); "
                             "expected 'arabic<TAB>english'", file)
        terms.append(Term(forms, good, wrong, id=f"line-{number}"))
    return tuple(terms)


def parse_tbx(data: bytes, file: str = "<glossary>") -> tuple[Term, ...]:
    """Entries of a TBX document; entries lacking Arabic or English terms are skipped."""
    # Untrusted XML: no entity expansion, no DTD, no network, no huge trees.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"glossary is not well-formed XML: {exc}", file) from None
    if _local(root) not in ("martif", "tbx"):
        raise InputError(f"not a TBX glossary (root element <{_local(root)}>)", file)
    terms = []
    for entry in root.iter():
        if _local(entry) not in _ENTRY:
            continue
        ar: list[str] = []
        en: list[str] = []
        wrong: list[str] = []
        domain = ""
        for el in entry.iter():
            if _local(el) == "descrip" and el.get("type") == "subjectField" and not domain:
                domain = (el.text or "").strip()
        for lang_set in entry:
            if _local(lang_set) not in _LANG:
                continue
            lang = primary(lang_set.get(_XML_LANG) or lang_set.get("lang") or "")
            for group in lang_set:
                if _local(group) not in _TERM_GROUP:
                    continue
                term, status = _term_and_status(group)
                if not term:
                    continue
                if lang == "ar":
                    ar.append(term)
                elif lang == "en":
                    (wrong if any(w in status for w in _WRONG_STATUS) else en).append(term)
        if ar and en:
            terms.append(Term(tuple(ar), tuple(en), tuple(wrong), domain, entry.get("id") or ""))
    return tuple(terms)


def _term_and_status(group) -> tuple[str, str]:
    term = ""
    status = ""
    for el in group.iter():
        name = _local(el)
        if name == "term" and not term:
            term = " ".join("".join(el.itertext()).split())
        elif name == "termNote" and el.get("type") == "administrativeStatus":
            status = (el.text or "").strip().lower()
    return term, status


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())
