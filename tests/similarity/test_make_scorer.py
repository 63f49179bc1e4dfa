"""make_scorer: backends by name; an option the backend does not take is an error."""

from __future__ import annotations

import pytest

from aligner.errors import ConfigError
from aligner.similarity import make_scorer, scorer_options
from aligner.similarity.lexical import LexicalScorer


def test_known_option_reaches_the_backend():
    scorer = make_scorer("lexical", lexicon=False)
    assert isinstance(scorer, LexicalScorer) and scorer.use_lexicon is False


def test_option_the_backend_does_not_take_is_an_error():
    with pytest.raises(ConfigError, match="cache_dir"):
        make_scorer("lexical", cache_dir="/tmp/cache")


def test_unknown_scorer_is_an_error():
    with pytest.raises(ConfigError, match="unknown scorer"):
        make_scorer("bleu")
    with pytest.raises(ConfigError, match="unknown scorer"):
        scorer_options("bleu")


def test_scorer_options_name_what_each_backend_takes():
    assert "cache_dir" in scorer_options("e5")
    assert "laser_model_dir" in scorer_options("laser")
    assert "cache_dir" not in scorer_options("lexical")
