"""English word facts for the one-language checks (closed classes of the grammar, no names).

Draft home until the restructure's ``aligner/lang/en.py`` exists; then these move there.
"""

from __future__ import annotations

import re

# Auxiliaries, modals and the commonest reporting verbs: a sign of a finite verb without a parser.
AUXILIARIES = frozenset("""
is are was were be been am has have had do does did will would can could may might must shall
should said says say told tells
""".split())
CONTRACTED_AUX = re.compile(r"[’']\s*(?:s|re|ve|ll|d|m)\b|n[’']t\b", re.IGNORECASE)
# Focusing adverbs that add a phrase to the sentence before ("Especially after …").
FOCUS_ADVERBS = frozenset("""
especially particularly notably mainly mostly largely partly chiefly primarily specifically
""".split())
# Openers of an example list or a comparison: a phrase, never a clause.
EXAMPLE_OPENERS = ("such as", "including", "like", "unlike", "excluding", "except for",
                   "as well as", "along with", "together with")
# Relative pronouns: a relative clause cannot stand as a sentence (outside a question).
RELATIVE_PRONOUNS = frozenset("which whose whom who".split())
# Subordinators: their clause needs a main clause after a comma. ("As" is left out: as often
# a preposition, "As of March …", "As a result …".)
SUBORDINATORS = frozenset("""
because although though whereas unless while since until once if when after before
""".split())
MULTIWORD_SUBORDINATORS = ("even though", "even if", "so that", "in order to", "as if",
                           "as though", "rather than", "in spite of", "despite")
# Words that open sentences and are capitalised mid-sentence only inside titles and names:
# determiners, pronouns, conjunctions, sentence adverbs and the commonest prepositions.
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
# Words after which a sentence cannot end: articles, possessives, most prepositions and
# conjunctions (a full stop there cuts a clause).
NO_END_BEFORE_STOP = frozenset("""
the a an of and or but nor than whose its their our your my from into onto upon with without
between among toward towards
""".split())
# Words before a capitalised word that make it part of a name, not a new sentence.
BEFORE_NAME = frozenset("""
the of in at by from to with for and or on into near than via between among under over against
president minister king queen prince general dr mr mrs ms sir saint st lord lady
""".split())
# Credit labels that open a caption line ("Photo: …").
CREDIT_LABELS = ("photo", "photos", "picture", "image", "credit", "photo credit", "source",
                 "file photo", "video")
SUBJECT_PRONOUNS = frozenset("i we you he she it they who that there what here where".split())
# Words that open a verb's object or complement ("provides a framework", "says that").
OBJECT_OPENERS = frozenset("a an the that no its their his her our this these those "
                           "them him us me it".split())
# Determiners and demonstratives: a capitalised word after them is a name ("this Order").
DETERMINERS = frozenset("""
the a an this that these those its his her their our my your every each any some no current
latest entire whole same new former
""".split())
# Prepositions, conjunctions and relative words: a clause does not end with them.
FUNCTION_WORDS = NO_END_BEFORE_STOP | BEFORE_NAME | SUBORDINATORS | RELATIVE_PRONOUNS | frozenset("""
as that including outside inside like unlike where when why how than whether per via about
across along around behind beyond despite except through throughout within
""".split())
