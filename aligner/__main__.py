"""``python -m aligner`` is the ``align`` command."""

from .cli import main

if __name__ == "__main__":
    main()
