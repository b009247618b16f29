"""The source documents, kept byte for byte, and where a quote stands in them.

Quotes are matched with all white space removed on both sides, because the sources
carry layout noise (line breaks inside sentences, tabs of tables, spaces around
Latin letters) that a quote should not have to copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ELLIPSIS = "……"


def squeeze(text: str) -> str:
    """The text with every white-space character removed."""
    return "".join(text.split())


@dataclass(frozen=True)
class SourceText:
    """One source document as received."""

    name: str
    text: str

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def _index(self) -> tuple[str, list[int]]:
        chars: list[str] = []
        line_of: list[int] = []
        for number, line in enumerate(self.lines, 1):
            for ch in line:
                if not ch.isspace():
                    chars.append(ch)
                    line_of.append(number)
        return "".join(chars), line_of

    def spans(self, quote: str) -> list[tuple[int, int]] | None:
        """Where each fragment of ``quote`` (split at ``……``) stands, in order, as offsets into the text with its
        white space removed; None when not all of them are there."""
        squeezed, _ = self._index
        found: list[tuple[int, int]] = []
        start = 0
        for fragment in quote.split(ELLIPSIS):
            fragment = squeeze(fragment)
            if not fragment:
                continue
            at = squeezed.find(fragment, start)
            if at < 0:
                return None
            found.append((at, at + len(fragment)))
            start = at + len(fragment)
        return found

    def line_at(self, offset: int) -> int:
        """The line holding the character at ``offset`` (an offset as :meth:`spans` gives them)."""
        return self._index[1][offset]

    def find(self, quote: str) -> int | None:
        """The line where ``quote`` begins, or None when its fragments are not all there in order."""
        found = self.spans(quote)
        return self.line_at(found[0][0]) if found else None


def load_sources(folder: Path) -> dict[str, SourceText]:
    """Every ``*.txt`` in ``folder``, by file name."""
    return {
        p.name: SourceText(p.name, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.txt"))
    }
