"""English: months, and the word classes that segmenters and checks read."""

from __future__ import annotations

import re

CODE = "en"
NAME = "English"

MONTH_NAMES = tuple("january february march april may june july august september october "
                    "november december".split())
#: Month names and abbreviations → month number; built in one expression so that the table is
#: never changed after import (its order is the order of the alternatives in the patterns).
MONTHS = {**{m: i for i, m in enumerate(MONTH_NAMES, 1)},
          **{m[:3]: i for i, m in enumerate(MONTH_NAMES, 1)}, "sept": 9}
#: "May" and "March" are also an English verb.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})

#: Words a sentence never ends on (ones that can end it elliptically, like "in", "to" or "her",
#: are left out).
NO_END = frozenset("""
the a an of from into onto and or but nor than their its our your my whose
""".split())
#: Capitalised words that are not names: function words, pronouns and the commonest titles.
NOT_NAMES = frozenset("""the a an this that these those in on at of for to and or but with by
from as after before he she it they we his her its their our i you mr mrs ms dr president
minister""".split())

# Word classes for the one-language checks (sentence-fragment, broken-sentence, caption-leak):
# closed classes of the grammar, no names.
#: Auxiliaries, modals and the commonest reporting verbs: a finite verb, without a parser.
AUXILIARIES = frozenset("""
is are was were be been am has have had do does did will would can could may might must shall
should said says say told tells
""".split())
#: Verbs of thinking, hoping, perceiving, asking and meeting, and the adjectives of certainty,
#: whose object or clause so often opens with a name that no sentence ends on them before one
#: ("I think Tom is right", "ask Mary to …", "we met Sami there", "I'm sure Tom will"), in
#: their bare, -s and irregular past forms (a form in -ed or -ing is known by its ending);
#: those that are nouns as often ("help", "call") are left out.
NAME_TAKING_WORDS = frozenset("""
think thinks thought know knows knew believe believes suppose supposes feel feels felt doubt
doubts mean means meant see sees saw hear hears heard tell ask asks let lets meet meets met
thank want wants marry marries invite invites hope hopes sure certain
""".split())
#: Subject pronouns (and the words that stand as subjects of a relative or a question).
SUBJECT_PRONOUNS = frozenset("i we you he she it they who that there what here where".split())
#: Words that open a verb's object or complement ("provides a framework").
OBJECT_OPENERS = frozenset("a an the that no its their his her our this these those them him "
                           "us me it".split())
#: Focusing adverbs that add a phrase to the sentence before ("Especially after …").
FOCUS_ADVERBS = frozenset("""
especially particularly notably mainly mostly largely partly chiefly primarily specifically
""".split())
#: Openers of an example list or a comparison: a phrase, never a clause.
EXAMPLE_OPENERS = ("such as", "including", "like", "unlike", "excluding", "except for",
                   "as well as", "along with", "together with")
#: Relative pronouns: a relative clause cannot stand as a sentence (outside a question).
RELATIVE_PRONOUNS = frozenset("which whose whom who".split())
#: Subordinators: their clause needs a main clause. ("As" is left out: as often a preposition,
#: "As of March …", "As a result …".)
SUBORDINATORS = frozenset("""
because although though whereas unless while since until once if when after before
""".split())
MULTIWORD_SUBORDINATORS = ("even though", "even if", "so that", "in order to", "as if",
                           "as though", "rather than", "in spite of", "despite")
#: Words that open sentences and are capitalised inside one only in titles and names:
#: determiners, pronouns, auxiliaries, conjunctions, sentence adverbs, common prepositions.
SENTENCE_OPENERS = frozenset("""
The A An This These Those That It Its He She They We You His Her Their Our My There But However
And In On At After Before When While As If Since Although Though Many Some Most Other Another
Each Every No So Then Also Yet Both All According For With By From During Despite What Why How
Where Meanwhile Instead Still Only Such Thus Therefore Moreover Furthermore Today Later Now
Once Several Few Unlike Because Until Even Nor Or Not Over Under About Among Between Throughout
To Perhaps Here Yes Otherwise Indeed Nevertheless Often Sometimes Next Please Let Do Does Did
Is Are Was Were Can Could Would Should Will Have Has Had Which Who Don't Doesn't Didn't Can't
Isn't Aren't Wasn't Won't
""".split())
#: Determiners and demonstratives: a capitalised word after them is a name ("this Order").
DETERMINERS = frozenset("""
the a an this that these those its his her their our my your every each any some no current
latest entire whole same new former
""".split())
#: Words after which a capitalised word is a name, not a new sentence: prepositions,
#: conjunctions, relative words and the commonest titles. No sentence ends with them.
BEFORE_NAME = NO_END | SUBORDINATORS | RELATIVE_PRONOUNS | frozenset("""
in at by to with for on into near via between among under over against as that including
outside inside like unlike where when why how whether per about across along around behind
beyond despite except through throughout within without upon toward towards
president minister king queen prince general dr mr mrs ms sir saint st lord lady
""".split())
#: Labels that open a caption or credit line ("Photo: …", "Source: …").
CREDIT_LABELS = ("photo credit", "file photo", "photos", "photo", "picture", "image", "credit",
                 "source", "video")
#: Quantifiers and numerals before a noun ("several reports"): the -s word is not a verb.
QUANTIFIERS = frozenset("some many all two three four several other such more most few each "
                        "any both".split())
#: Subordinators that also open ordinary sentences without a comma ("After the war ended the
#: country rebuilt"): a piece opening with one is a fragment only where it was split off.
AMBIGUOUS_SUBORDINATORS = frozenset("after before when since until once if".split())
#: Coordinators that may open a sentence ("And the guards will …") or a verbless add-on.
COORDINATORS = frozenset("and or nor plus but".split())
#: A contraction at the end of a word: "He'd", "it's", "don't" (also the possessive "'s").
CONTRACTION = re.compile(r"n['’]t\b|['’](?:s|d|ll|ve|re|m)\b", re.IGNORECASE)
