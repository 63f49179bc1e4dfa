"""``python -m aligner`` is the ``align`` command."""

import sys


def run() -> None:
    """The ``align`` entry point: a Ctrl-C while the modules load is an interruption too."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("align: interrupted\n")
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
