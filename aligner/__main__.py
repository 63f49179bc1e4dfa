"""``python -m aligner`` is the ``align`` command."""

import signal
import sys

from .errors import EXIT_INTERRUPTED


def run() -> None:
    """The ``align`` entry point: a Ctrl-C while the modules load is an interruption too.

    Python swallows an exception raised while it runs a finalizer (``__del__``, which a
    garbage collection during an import may run), printing "Exception ignored": a Ctrl-C that
    lands there would be lost and the run go on to exit 0. The handler records the interrupt
    as well as raising it, so such a run still ends with the interruption's status."""
    interrupted: list[int] = []

    def interrupt(signum: int, _frame: object) -> None:
        interrupted.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    try:
        from .cli import main
    except KeyboardInterrupt:
        _stop()
    if interrupted:
        _stop()
    try:
        main()
    except SystemExit as exc:
        if interrupted and exc.code in (0, None):
            _stop()
        raise


def _stop() -> None:
    sys.stderr.write("align: interrupted\n")
    sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    run()
