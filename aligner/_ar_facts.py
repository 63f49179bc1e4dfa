"""Arabic word facts for the one-language checks (closed classes).

Draft home until the restructure's ``aligner/lang/ar.py`` exists; then these move there.
"""

from __future__ import annotations

# Free-standing prepositions (and prepositional adverbs) that head a phrase, never a clause.
PREPOSITIONS = frozenset("""
في من إلى الى على عن مع حتى منذ مذ خلال بين عبر لدى نحو ضد عند حول دون تحت فوق قبل بعد أمام
خلف وراء بسبب رغم لأجل إثر جراء بشأن حيال تجاه ضمن عدا سوى
""".split())
# Relative pronouns: a relative clause, never a sentence of its own.
RELATIVE_PRONOUNS = frozenset("الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي "
                              "اللائي الألى".split())
# "أن"/"إن" after a fronted phrase introduces the real subject ("من المتوقع أن …").
COMPLEMENTIZERS = frozenset("أن إن أنه أنها إنه إنها".split())
COMMAS = "،,"
# Words after a comma that continue a phrase or open a dependent clause, not a main clause.
NOT_CLAUSE_START = frozenset("أو بما مما نظرا نظرًا عندما حين حيث إذ كما لكن بل ثم أي مثل "
                             "خاصة بخاصة سواء".split())
# Nouns that make a preposition a subordinator ("في حين أن", "في حال").
SUBORDINATING_NOUNS = frozenset("حين حال حالة وقت".split())
# Prepositions that front a predicate before "أن": "من المتوقع أن …", "على الطلاب أن …".
PREDICATE_PREPOSITIONS = frozenset("من على".split())
