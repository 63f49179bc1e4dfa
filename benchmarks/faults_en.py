"""One-language source faults injected into held-out text: recall and precision per check.

Clean documents are built from one split of the parallel data (``docs/evaluation.md``):

* **tune**: TICO-19 and the English (``# text_en``) and Arabic of UD Arabic-PUD;
* **test**: FLORES-200 devtest and Tatoeba.

Each document is paragraphs of 2-5 real sentences. One fault class is injected per damaged
document, a few times, with a fixed seed per split, and every injection keeps its gold span:

``caption-leak``
    a caption line between two paragraphs: the first words of the next paragraph's first
    sentence followed by a parenthesised credit drawn from :data:`CREDITS` ("(Reuters)",
    "(AP Photo - File)", "(Photo: …)"), without end punctuation.
``missing-final-punct``
    the full stop of a body paragraph removed; the same documents get a headline, a byline, a
    dateline and a caption line, on which the check must stay quiet.
``name-inconsistency``
    a person's name from :data:`NAMES` (or a two-word capitalised name of the document) is
    attributed three times ("…, Khalid Al-Qassimi said."); the last mention is respelled by one
    rule (q/k/c, a doubled or undoubled consonant, a vowel, Al-/El-/al with hyphen, space or
    apostrophe). A finding counts only if its message names both spellings.
``sentence-fragment`` (English)
    "A, B." becomes "A. B." where B opens with a participle, an example list ("such as",
    "including"), a focusing adverb ("especially") or a subordinator, and has no main clause
    (see ``_detachable``).
``sentence-fragment`` (Arabic)
    an Arabic sentence is cut before a free-standing preposition or relative pronoun, where the
    rest has no comma (after which a main clause could follow) and no "أن" near its start.
``broken-sentence``
    half the time ". " is inserted inside a clause (the next word stays lower case), half the
    time the full stop between two sentences of a paragraph is deleted.

The injectors' vocabularies (:data:`CREDITS`, :data:`NAMES`, the openers in :data:`_SPLIT_AT`)
are the benchmark's own, so a check that matched the same lists would not be tested: the checks
have to generalise from structure.

Recall: injected faults with a finding of that check overlapping a gold span. Precision: that
check's findings on damaged documents that overlap an injected span, over all its findings
there. ``clean_errors`` counts the check's findings on the same documents undamaged, per
``clean_pairs`` pairs.

``--bilingual`` adds rows for the same damage checked in a combined file with the undamaged
translation (fewer documents, lexical scorer), the way a bilingual source is checked.

Run: ``python benchmarks/faults_en.py [--split test|tune] [--full] [--bilingual]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

from perturb_docs import DATA, load_sentences  # noqa: E402

from aligner import Config, check  # noqa: E402
from aligner.checks import REGISTRY  # noqa: E402
from aligner.text import detect_lang  # noqa: E402

SEED = {"tune": 11, "test": 23}

# Credits as agencies and newspapers print them. None of the checks may read this list.
CREDITS = ("Reuters", "AP Photo - File", "AFP", "Photo: Getty Images", "AP Photo/Hassan Ammar",
           "Bloomberg", "EPA-EFE", "Xinhua", "Photo: Handout", "Kyodo News", "dpa",
           "Anadolu Agency", "AFP via Getty Images", "File photo", "Photo: social media",
           "ANI", "Reuters/Mohammed Salem", "SPA", "Photo: Ministry of Defence", "WAM",
           "Yonhap", "Sputnik", "AP Photo/Hadi Mizban, File", "Photo by Ahmad Gharabli/AFP",
           "Courtesy of the family", "Shutterstock", "Al Jazeera", "Photo: Twitter")
# Names to attribute statements to; the check has no list of names.
NAMES = ("Khalid Al-Qassimi", "Hamad Al-Mansouri", "Yousef El-Sayed", "Tariq Al-Hashimi",
         "Nikolai Kutrashev", "Mikhail Petrashenko", "Omar Al-Kubaisi", "Rashid Al-Dosari",
         "Ibrahim Al-Jaafari", "Marco Bellucci", "Ahmed Qureshi", "Fatima Al-Zahrani",
         "Sergei Lavrentiev", "Karim Haddad", "Walid Mukhtar", "Jasim Al-Rikabi",
         "Hussein Al-Qudsi", "Nasser Kamali", "Elena Kovacs", "Rania Abdullah")
HEADLINES = ("Talks Resume After Week of Delays", "What We Know So Far",
             "Officials Weigh New Measures", "A Quiet Change in Policy")
BYLINES = ("By Sarah Collins", "By Ahmed Nasser and Lena Park", "By Our Correspondent")
DATELINES = ("CAIRO, March 3", "Updated 14:05 GMT", "12 February 2021", "LONDON, Oct 9")
# Where "A, B." is cut into "A. B." for an English fragment (the benchmark's own openers and
# its own test that B has no main clause: for a phrase, no auxiliary; for a clause, no comma
# after which a main clause could follow).
_SPLIT_AT = re.compile(
    r", (?=(?P<opener>[a-z]+ing|[a-z]{3,}ed (?:by|in|to|with|from|as|on|at|for)|such as|"
    r"including|especially|particularly|notably|mainly|because|although|though|while|whereas|"
    r"which|who|whose|like|even though|unlike|despite)\s+\w+\s+\w+)")
_PHRASE_OPENERS = re.compile(r"[a-z]+(?:ing|ed)\b|such as|including|especially|particularly|"
                             r"notably|mainly|like|unlike|despite")
_TAIL_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
                        r"should|must|do|does|did)\b")
_NOT_PARTICIPLE = frozenset("during thing nothing something anything everything king bring "
                            "morning evening spring string sing ring ceiling wing".split())
_AR_SPLIT_AT = re.compile(
    r" (?=(?:في|من|إلى|على|عن|مع|حتى|منذ|خلال|بين|عبر|لدى|نحو|ضد|الذي|التي|الذين|اللذين|"
    r"اللتين|اللواتي|اللاتي|اللذان|اللتان)\s+\S+\s+\S+)")
_END_STOP = re.compile(r"\.[\"”’)]*$")


@dataclass
class Fault:
    """One injected fault: its check, its gold spans in the document (filled when rendered),
    and the words a finding's message must contain."""

    check: str
    marks: list[tuple[int, int, int, int]] = field(default_factory=list)  # para, sent, lo, hi
    must_name: tuple[str, ...] = ()
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    lang: str
    paras: list[list[str]]
    faults: list[Fault] = field(default_factory=list)
    other: str = ""  # the same sentences in the other language, paragraph by paragraph

    def render(self) -> str:
        """The document text; fills each fault's spans from its marks."""
        starts: dict[tuple[int, int], int] = {}
        lines, pos = [], 0
        for i, para in enumerate(self.paras):
            col = 0
            for j, sent in enumerate(para):
                starts[(i, j)] = pos + col
                col += len(sent) + 1
            line = " ".join(para)
            lines.append(line)
            pos += len(line) + 1
        for fault in self.faults:
            fault.spans = [(starts[(i, j)] + lo, starts[(i, j)] + hi)
                           for i, j, lo, hi in fault.marks]
        return "\n".join(lines) + "\n"


# ---- clean documents ----------------------------------------------------------------------

def _ud_pud() -> list[list[tuple[str, str]]]:
    groups: list[list[tuple[str, str]]] = []
    doc, ar = None, ""
    path = DATA / "ud-arabic-pud" / "ar_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            if line != doc:
                groups.append([])
                doc = line
        elif line.startswith("# text = "):
            ar = line[9:].strip()
        elif line.startswith("# text_en = "):
            groups[-1].append((ar, line[12:].strip()))
    return groups


def _tatoeba() -> list[list[tuple[str, str]]]:
    base = DATA / "tatoeba"
    ar = (base / "tatoeba.ara-eng.ara").read_text(encoding="utf-8").splitlines()
    en = (base / "tatoeba.ara-eng.eng").read_text(encoding="utf-8").splitlines()
    pairs = [(a.strip(), e.strip()) for a, e in zip(ar, en) if a.strip() and e.strip()]
    # Unrelated short sentences: blocks of 12 stand in for documents.
    return [pairs[k:k + 12] for k in range(0, len(pairs), 12)]


def source_groups(split: str) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    if split == "tune":
        return [("tico", load_sentences("tico")), ("ud-pud", _ud_pud())]
    if split == "test":
        return [("flores", load_sentences("flores")), ("tatoeba", _tatoeba())]
    raise ValueError(f"unknown split {split!r} (tune or test)")


def clean_docs(split: str, lang: str, n_docs: int, rng: random.Random) -> list[Doc]:
    """``n_docs`` documents of 8-30 sentences per source, paragraphs of 2-5 sentences."""
    side = 0 if lang == "ar" else 1
    docs: list[Doc] = []
    for _name, groups in source_groups(split):
        chunks: list[list[tuple[str, str]]] = []
        current: list[tuple[str, str]] = []
        for group in groups:
            current.extend(pair for pair in group
                           if (_END_STOP.search(pair[1]) or pair[1].endswith(("?", "!")))
                           and detect_lang(pair[side]) == lang)
            if len(current) >= 8:
                chunks.append(current[:30])
                current = []
        rng.shuffle(chunks)
        for chunk in chunks[:n_docs]:
            paras, others, k = [], [], 0
            while k < len(chunk):
                n = rng.randint(2, 5)
                paras.append([pair[side] for pair in chunk[k:k + n]])
                others.append(" ".join(pair[1 - side] for pair in chunk[k:k + n]))
                k += n
            docs.append(Doc(lang, paras, other="\n".join(others) + "\n"))
    return docs


# ---- injectors ----------------------------------------------------------------------------

def _sentences(doc: Doc) -> list[tuple[int, int]]:
    return [(i, j) for i, para in enumerate(doc.paras) for j in range(len(para))]


def inject_caption(doc: Doc, rng: random.Random, n: int = 2) -> None:
    """Caption lines before some paragraphs (never the first), restating its opening words."""
    spots = rng.sample(range(1, len(doc.paras)), min(n, len(doc.paras) - 1))
    for i in sorted(spots, reverse=True):
        words = re.sub(r"[.!?\"”“]", "", doc.paras[i][0]).split()
        text = " ".join(words[:rng.randint(5, 11)]).rstrip(",;:")
        caption = f"{text} ({rng.choice(CREDITS)})"
        doc.paras.insert(i, [caption])
        for f in doc.faults:  # marks below the new line move down
            f.marks = [(a + (a >= i), b, lo, hi) for a, b, lo, hi in f.marks]
        doc.faults.append(Fault("caption-leak", [(i, 0, 0, len(caption))]))


def inject_missing_punct(doc: Doc, rng: random.Random, n: int = 2) -> None:
    """A body paragraph loses its final full stop; a header and a caption are added, which
    must not be reported."""
    body = [i for i, para in enumerate(doc.paras) if len(para) > 1 and
            re.search(r"[a-z]\.$", para[-1])]
    for i in rng.sample(body, min(n, len(body))):
        last = doc.paras[i][-1]
        doc.paras[i][-1] = last[:-1]
        words = last[:-1].split()
        doc.faults.append(Fault("missing-final-punct",
                                [(i, len(doc.paras[i]) - 1, len(last) - 1 - len(words[-1]),
                                  len(last) - 1)]))
    inject_caption(doc, rng, 1)
    doc.faults = [f for f in doc.faults if f.check != "caption-leak"]
    header = [[rng.choice(HEADLINES)], [rng.choice(BYLINES)], [rng.choice(DATELINES)]]
    doc.paras[:0] = header
    for f in doc.faults:
        f.marks = [(a + 3, b, lo, hi) for a, b, lo, hi in f.marks]


def respell(name: str, rng: random.Random) -> str | None:
    """The name spelled another way by one rule, or ``None`` if no rule applies."""
    rules: list[Callable[[str], str | None]] = [_rule_article, _rule_qkc, _rule_double,
                                                _rule_vowel]
    rng.shuffle(rules)
    if re.match(r"(?:Al|El|al)-", name):
        rules.insert(0, _rule_article)
    for rule in rules:
        out = rule(name)
        if out and out != name:
            return out
    return None


def _rule_article(name: str) -> str | None:
    m = re.match(r"(Al|El|al)-(\w+)$", name)
    if not m:
        return None
    forms = {"Al-": ("El-", "al-", "Al ", "al ", "Al'"), "El-": ("Al-", "El ", "el-"),
             "al-": ("Al-", "el-", "al ")}[m.group(1) + "-"]
    return forms[len(name) % len(forms)] + m.group(2)


def _rule_qkc(name: str) -> str | None:
    for a, b in (("q", "k"), ("Q", "K"), ("k", "q"), ("K", "Q"), ("c", "k"), ("C", "K")):
        k = name.find(a, 1 if a.isupper() else 0)
        if k >= 0 and (a.lower() != "k" or k > 0):
            return name[:k] + b + name[k + 1:]
    return None


def _rule_double(name: str) -> str | None:
    m = re.search(r"([bcdfgklmnprstvz])\1", name)
    if m:
        return name[:m.start()] + name[m.end() - 1:]
    m = re.search(r"(?<=[aeiou])([bdfklmnrst])(?=[aeiou])", name[1:])
    if m:
        k = m.start() + 1
        return name[:k + 1] + name[k] + name[k + 1:]
    return None


def _rule_vowel(name: str) -> str | None:
    swap = {"e": "i", "i": "e", "o": "u", "u": "o", "a": "e"}
    core = name.split("-")[-1]
    base = len(name) - len(core)
    spots = [k for k in range(1, len(core) - 1) if core[k] in swap]
    if not spots:
        return None
    k = base + spots[len(core) % len(spots)]
    return name[:k] + swap[name[k]] + name[k + 1:]


# A person's name as the document writes it: two capitalised words that say or tell something.
_DOC_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,} [A-Z][a-z]{4,})(?= (?:said|says|told|wrote))")


def inject_name(doc: Doc, rng: random.Random) -> None:
    """Three attributions of one person; the last one respelled."""
    ends = [(i, j) for i, j in _sentences(doc) if re.search(r"[a-z0-9]\.$", doc.paras[i][j])]
    if len(ends) < 3:
        return
    found = [m.group(1) for para in doc.paras for s in para for m in _DOC_NAME.finditer(s)]
    name = rng.choice(found) if found and rng.random() < 0.5 else rng.choice(NAMES)
    surname = name.split()[-1]
    variant = respell(surname, rng)
    if variant is None:
        return
    picks = sorted(rng.sample(ends, 3))
    spans = []
    for k, (i, j) in enumerate(picks):
        who = name if k == 0 else (surname if k == 1 else variant)
        sent = doc.paras[i][j][:-1]
        verb = rng.choice((" said.", " told reporters.", " added."))
        doc.paras[i][j] = f"{sent}, {who}{verb}"
        lo = len(sent) + 2 + len(who) - (len(surname) if k < 2 else len(variant))
        spans.append((i, j, lo, len(sent) + 2 + len(who)))
    doc.faults.append(Fault("name-inconsistency", spans, (_core(surname), _core(variant))))


def _core(name: str) -> str:
    return re.sub(r"^(?:al|el)[-' ]", "", name, flags=re.IGNORECASE)


def inject_fragment(doc: Doc, rng: random.Random, n: int = 3) -> None:
    """'A, B.' → 'A. B.' where B has no main clause."""
    split_at = _SPLIT_AT if doc.lang == "en" else _AR_SPLIT_AT
    spots = []
    for i, j in _sentences(doc):
        sent = doc.paras[i][j]
        if not sent.endswith(".") or re.search("[\"“”«»]", sent):
            continue  # a question, or a quotation the cut would break
        cuts = [m.start() for m in split_at.finditer(sent)
                if len(sent[:m.start()].split()) >= 3 and len(sent[m.end():].split()) >= 3
                and sent[m.end():].split()[0] not in _NOT_PARTICIPLE
                and (_detachable(sent[:m.start()], sent[m.end():]) if doc.lang == "en"
                     else _ar_detachable(sent[m.end():]))]
        if cuts:
            spots.append((i, j, rng.choice(cuts)))
    for i, j, cut in sorted(rng.sample(spots, min(n, len(spots))), reverse=True):
        sent = doc.paras[i][j]
        if doc.lang == "en":
            head, tail = sent[:cut].rstrip(",") + ".", sent[cut + 2:]
            tail = tail[0].upper() + tail[1:]
        else:
            head, tail = sent[:cut].rstrip("،,") + ".", sent[cut + 1:]
        doc.paras[i][j:j + 1] = [head, tail]
        for f in doc.faults:
            f.marks = [(a, b + (a == i and b > j), lo, hi) for a, b, lo, hi in f.marks]
        doc.faults.append(Fault("sentence-fragment", [(i, j + 1, 0, len(tail))]))


def _detachable(head: str, tail: str) -> bool:
    """Whether the tail, cut off, has no main clause and the head is one: a participle or
    example phrase with no verb of its own after a head with no comma (so the comma did not
    close an apposition: "NT News, a daily printed in Darwin, included …"); a dependent clause
    that runs to the end of the sentence."""
    if _PHRASE_OPENERS.match(tail):
        if _TAIL_VERB.search(tail):
            return False
        if tail.startswith(("such as", "including", "like", "unlike")):
            return all(len(c.split()) <= 4 for c in re.split(r",| and | or ", tail))
        return "," not in head and "," not in tail
    return "," not in tail


def _ar_detachable(tail: str) -> bool:
    """An Arabic tail with no comma (after which a main clause could follow a fronted phrase)
    and no "أن" near its start ("من الواضح أنه …" is a sentence)."""
    return not re.search("[،,]", tail) and not re.search(
        r"\b(?:أن|إن|أنه|أنها|إنه)\b", " ".join(tail.split()[:4]))


def inject_broken(doc: Doc, rng: random.Random, n: int = 3) -> None:
    """A full stop inside a clause, or a lost one between two sentences."""
    for _ in range(n):
        if rng.random() < 0.5:
            _cut_clause(doc, rng)
        else:
            _join_sentences(doc, rng)


def _taken(doc: Doc, i: int, j: int) -> bool:
    return any(a == i and b == j for f in doc.faults for a, b, _lo, _hi in f.marks)


def _cut_clause(doc: Doc, rng: random.Random) -> None:
    spots = []
    for i, j in _sentences(doc):
        sent = doc.paras[i][j]
        if _taken(doc, i, j):
            continue
        gaps = [m.start() for m in re.finditer(r"(?<=[a-z]) (?=[a-z]{2,} \w)", sent)]
        gaps = [g for g in gaps if len(sent[:g].split()) >= 2]
        if gaps:
            spots.append((i, j, rng.choice(gaps)))
    if spots:
        i, j, gap = rng.choice(spots)
        sent = doc.paras[i][j]
        doc.paras[i][j] = sent[:gap] + "." + sent[gap:]
        doc.faults.append(Fault("broken-sentence", [(i, j, gap - 1, gap + 3)]))


def _join_sentences(doc: Doc, rng: random.Random) -> None:
    spots = [(i, j) for i, j in _sentences(doc) if j + 1 < len(doc.paras[i])
             and re.search(r"\w\.$", doc.paras[i][j]) and doc.paras[i][j + 1][:1].isupper()
             and not _taken(doc, i, j) and not _taken(doc, i, j + 1)]
    if not spots:
        return
    i, j = rng.choice(spots)
    first, second = doc.paras[i][j][:-1], doc.paras[i][j + 1]
    doc.paras[i][j:j + 2] = [f"{first} {second}"]
    for f in doc.faults:
        f.marks = [(a, b - (a == i and b > j), lo + (len(first) + 1 if a == i and b == j + 1
                                                  else 0), hi + (len(first) + 1 if a == i and
                                                                 b == j + 1 else 0))
                   for a, b, lo, hi in f.marks]
    word = len(second.split()[0])
    doc.faults.append(Fault("broken-sentence",
                            [(i, j, len(first) - 2, len(first) + 1 + word)]))


# check id, language, injector, label
CLASSES: tuple[tuple[str, str, Callable[[Doc, random.Random], None], str], ...] = (
    ("caption-leak", "en", inject_caption, "caption-leak"),
    ("missing-final-punct", "en", inject_missing_punct, "missing-final-punct"),
    ("name-inconsistency", "en", inject_name, "name-inconsistency"),
    ("sentence-fragment", "en", inject_fragment, "sentence-fragment (en)"),
    ("sentence-fragment", "ar", inject_fragment, "sentence-fragment (ar)"),
    ("broken-sentence", "en", inject_broken, "broken-sentence"),
)


# ---- running the checks -------------------------------------------------------------------

def run_doc(text: str, check_id: str, workdir: Path, k: int,
            other: str = "") -> tuple[list, int]:
    """The real pipeline on a one-language file, or on a combined file with ``other`` (the
    translation) after ``text``: findings of ``check_id`` and the pair count. Bilingual runs
    use the lexical scorer (fast, and the checks measured do not read the scores)."""
    path = workdir / f"doc{k}.txt"
    path.write_text(text + other, encoding="utf-8")
    config = Config(enabled=(check_id,), scorer="lexical" if other else "e5", no_cache=True)
    if check_id not in REGISTRY:  # a check not (yet) registered finds nothing
        return [], len(check([str(path)], replace(config, enabled=("untranslated",))).pairs)
    result = check([str(path)], config)
    return [f for f in result.findings if f.check == check_id], len(result.pairs)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < hi and lo < span[1] for lo, hi in spans)


def _hits_fault(finding, fault: Fault) -> bool:
    span = (finding.loc.start, finding.loc.end)
    if not _overlaps(span, fault.spans):
        return False
    message = finding.message.lower()
    return all(word.lower() in message for word in fault.must_name)


def evaluate(split: str = "test", quick: bool = True, bilingual: bool = False) -> list[dict]:
    """One row per fault class: injected, found, findings, true_findings, clean_pairs,
    clean_errors (findings on the same documents undamaged). ``bilingual`` checks each damaged
    document together with its undamaged translation (fewer documents: alignment is slower)."""
    n_docs = (20 if quick else 100) if bilingual else (80 if quick else 400)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for check_id, lang, inject, label in CLASSES:
            rng = random.Random(f"{SEED[split]}-{label}")
            row = dict(check=label + (", bilingual" if bilingual else ""), split=split,
                       injected=0, found=0, findings=0, true_findings=0, clean_pairs=0,
                       clean_errors=0)
            for k, doc in enumerate(clean_docs(split, lang, n_docs, rng)):
                clean_text = doc.render()
                other = doc.other if bilingual else ""
                found, n_pairs = run_doc(clean_text, check_id, workdir, k, other)
                row["clean_pairs"] += n_pairs
                row["clean_errors"] += len(found)
                inject(doc, rng)
                faults = [f for f in doc.faults if f.check == check_id]
                if not faults:
                    continue
                text = doc.render()
                found, _ = run_doc(text, check_id, workdir, k, other)
                row["injected"] += len(faults)
                row["found"] += sum(any(_hits_fault(f, fault) for f in found)
                                    for fault in faults)
                row["findings"] += len(found)
                row["true_findings"] += sum(
                    any(_overlaps((f.loc.start, f.loc.end), fault.spans) for fault in faults)
                    for f in found)
            rows.append(row)
    return rows


def recall(row: dict) -> float:
    return row["found"] / row["injected"] if row["injected"] else 0.0


def precision(row: dict) -> float:
    return row["true_findings"] / row["findings"] if row["findings"] else 1.0


def print_table(rows: list[dict]) -> None:
    print(f"{'check':<37} {'split':<5} {'injected':>8} {'recall':>7} {'findings':>8} "
          f"{'precision':>9} {'clean/100 pairs':>15}")
    for row in rows:
        per100 = 100 * row["clean_errors"] / max(1, row["clean_pairs"])
        print(f"{row['check']:<37} {row['split']:<5} {row['injected']:>8} "
              f"{recall(row):>7.2f} {row['findings']:>8} {precision(row):>9.2f} "
              f"{per100:>15.2f}")


def iter_examples(split: str, label: str, n: int = 5) -> Iterator[tuple[str, list[Fault]]]:
    """Damaged documents of one class, for reading errors (tune split only)."""
    for check_id, lang, inject, name in CLASSES:
        if name != label:
            continue
        rng = random.Random(f"{SEED[split]}-{label}")
        for doc in clean_docs(split, lang, n, rng):
            doc.render()
            inject(doc, rng)
            yield doc.render(), [f for f in doc.faults if f.check == check_id]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("test", "tune"), default="test")
    parser.add_argument("--full", action="store_true", help="more documents (slower)")
    parser.add_argument("--bilingual", action="store_true",
                        help="also check each document with its translation (slower)")
    args = parser.parse_args(argv)
    rows = evaluate(args.split, quick=not args.full)
    if args.bilingual:
        rows += evaluate(args.split, quick=not args.full, bilingual=True)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
