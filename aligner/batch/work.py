"""The work of one source, run in a worker process (local or Dask): check it, write its JSON
result and HTML report, then its stamp. Each file is written atomically and the stamp last, so
a run stopped at any point leaves every source either finished (stamp present) or to be
checked again, never half-written."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..config import Config
from ..errors import AlignerError
from ..export.atomic import atomic_write
from ..export.html import write_html
from ..export.json import write_json
from ..model import Result
from ..pipeline import check_paths
from .plan import CHECKED, FAILED, REPORTS_DIR, RESULTS_DIR, Task


def check_one(task: Task, config: Config) -> dict:
    """Check one source with the run's settings and write its outputs; return its summary
    record.

    Never raises for a problem with the source: a failure is returned as a record with status
    ``failed`` and a one-line ``error``, and any output an earlier run left for it is removed
    (it described other input or settings).
    """
    _write_marker(task)
    try:
        result = check_paths(task.files, config)
        write_json(task.json_path, [result])
        write_html(task.html_path, result)
        record = result_record(task, result)
        atomic_write(task.stamp_path, json.dumps(record, ensure_ascii=False) + "\n")
        return record
    except AlignerError as exc:
        return failed_record(task, str(exc))
    except RecursionError:
        return failed_record(task, "the input is nested too deeply to be read")
    except MemoryError:
        return failed_record(task, "out of memory")
    except Exception as exc:  # one source's bug must not stop the others
        return failed_record(task, f"{type(exc).__name__}: {exc}")
    finally:
        _remove(task.marker_path)


def result_record(task: Task, result: Result) -> dict:
    """The summary line of a checked source (docs/batch.md)."""
    return {
        "source": list(task.files), "name": task.name, "status": CHECKED,
        "src_lang": result.src_lang, "tgt_lang": result.tgt_lang,
        "pairs": len(result.pairs), "findings": result.counts(),
        "json": f"{RESULTS_DIR}/{task.name}.json", "html": f"{REPORTS_DIR}/{task.name}.html",
        "input_sha256": task.input_sha256, "settings_sha256": task.settings_sha256,
    }


def failed_record(task: Task, reason: str) -> dict:
    """The summary line of a source that could not be checked; its stale outputs are removed."""
    for path in (task.stamp_path, task.json_path, task.html_path):
        _remove(path)
    return {"source": list(task.files), "name": task.name, "status": FAILED,
            "error": " ".join(reason.split()) or "failed",
            "input_sha256": task.input_sha256, "settings_sha256": task.settings_sha256}


def _write_marker(task: Task) -> None:
    # A marker left behind names a source whose worker died while checking it: the local
    # executor retries such sources one by one to find the one that kills its worker.
    try:
        task.marker_path.write_text(str(os.getpid()), encoding="ascii")
    except OSError:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a leftover output is refused at the next resume by its stamp's hashes
