"""``python -m framing`` runs the command line."""

from framing.cli import main

if __name__ == "__main__":
    main()
