"""The registry: every check module is registered once, and `align checks` lists every check."""

from __future__ import annotations

import importlib
import pkgutil

from click.testing import CliRunner

import aligner.checks as checks
from aligner.cli import main


def _check_modules() -> list[str]:
    """Every module under ``aligner/checks/`` except the helpers (``_support``)."""
    return sorted(m.name for m in pkgutil.iter_modules(checks.__path__)
                  if not m.name.startswith("_") and m.name != "base")


def test_every_check_module_is_registered():
    assert _check_modules() == sorted(checks.MODULES)
    assert len(set(checks.MODULES)) == len(checks.MODULES)


def test_each_module_is_named_after_its_checks():
    for name in checks.MODULES:
        ids = [c.id for c in importlib.import_module(f"aligner.checks.{name}").CHECKS]
        assert ids == [name.replace("_", "-")]


def test_registry_holds_every_module_check():
    registered = [c.id for name in checks.MODULES
                  for c in importlib.import_module(f"aligner.checks.{name}").CHECKS]
    assert list(checks.REGISTRY) == registered


def test_align_checks_lists_every_registered_check():
    result = CliRunner().invoke(main, ["checks"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines() if line.strip()]
    assert listed == list(checks.REGISTRY)
