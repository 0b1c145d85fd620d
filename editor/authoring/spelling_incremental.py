"""Which parts of a post body to spell-check again after an edit, and its prose mask.

Blanking the markup of a 1 MB body (:func:`prose_mask`) takes a fifth of a second, and
the window's underlines wait for it (checks run in the spelling helper process,
``spelling_helper``). So after an edit only a window of lines around the changed places
is blanked again, and spliced into the previous mask, when that is provably the same as
blanking everything: the window blanked alone gave the previous mask (nothing from
outside reached into it) and the lines around the edit blank as they did before (nothing
the edit opened, such as a code fence or a comment, reaches out of it). Otherwise the
whole body is blanked again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from editor.authoring.search import Utf16Index, changed_range
from editor.authoring.spelling import SpellChecker
from editor.authoring.spelling_text import prose_mask, words

#: Non-blank lines kept on each side of the edited lines in the re-blanked window.
CONTEXT_LINES = 3
#: Beyond this many characters the window is not worth it: everything is blanked.
MAX_WINDOW = 64 * 1024
#: Words checked per hold of the checker's lock (keeps the others' waits short).
WORDS_PER_BATCH = 300
#: Characters checked per result sent to the window: each result becomes QTextCursors
#: made in the window's thread, so a whole post arrives in pieces a keystroke can pass.
CHARS_PER_RESULT = 16 * 1024


@dataclass(frozen=True)
class Plan:
    """The prose mask of the new text and the spans (code-point offsets) to check."""

    mask: str
    spans: list[tuple[int, int]]
    whole: bool


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, max(0, index)) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _widen(text: str, start: int, end: int, lines: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole lines plus ``lines`` non-blank lines each side."""
    start, end = _line_start(text, start), _line_end(text, end)
    found = 0
    while start > 0 and found < lines:
        start = _line_start(text, start - 1)
        found += bool(text[start:_line_end(text, start)].strip())
    found = 0
    while end < len(text) and found < lines:
        following = _line_end(text, end)
        found += bool(text[end:following].strip())
        end = following
    return start, end


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def plan(text: str, fmt: str, previous: tuple[str, str] | None,
         also: list[tuple[int, int]] = (),  # type: ignore[assignment]
         blank_all: Callable[[str, str], str] = prose_mask) -> Plan:
    """What to check in ``text`` given the ``previous`` (text, mask) checked.

    ``also`` are further places (offsets in ``text``) to check again, such as a word
    typed over and typed back. ``blank_all`` blanks a whole text (the window passes one
    that runs in a helper process for long texts).
    """
    whole = Plan("", [(0, len(text))], True)
    if previous is None:
        return Plan(blank_all(text, fmt), whole.spans, True)
    old_text, old_mask = previous
    shift = len(text) - len(old_text)
    if old_text == text:
        if not also:
            return Plan(old_mask, [], False)  # nothing changed
        start, new_end = len(text), 0
    else:
        start, _old_end, new_end = changed_range(old_text, text)
    for a, b in also:  # one box around every place; outside it old and new agree
        start, new_end = min(start, a), max(new_end, b)
    old_end = new_end - shift
    # The edited lines, one more either side: a word cut by the edit is checked whole.
    edited = [(start, new_end), *also]
    a, b = _widen(text, start, new_end, CONTEXT_LINES)
    b_old = b - shift
    local = prose_mask(text[a:b], fmt) if b - a <= MAX_WINDOW else None
    if local is None or (prose_mask(old_text[a:b_old], fmt) != old_mask[a:b_old]
                         or local[:start - a] != old_mask[a:start]
                         or local[new_end - a:] != old_mask[old_end:b_old]):
        # Blank everything; where the prose changed (from a new fence to the end of the
        # text, say) is checked too, the rest keeps its verdicts.
        mask = blank_all(text, fmt)
        first, last = _mask_change(old_mask, mask, start, old_end, new_end)
        if first < last:
            edited.append((first, last))
    else:
        mask = old_mask[:a] + local + old_mask[b_old:]
    spans = merged([(_line_start(text, _line_start(text, s) - 1),
                     _line_end(text, _line_end(text, e))) for s, e in edited])
    return Plan(mask, spans, False)


def _mask_change(old_mask: str, mask: str, start: int, old_end: int,
                 new_end: int) -> tuple[int, int]:
    """Where the prose changed around the edit ``[start, new_end)``, as one box in new
    offsets; (0, 0) if nowhere. Before ``start`` the masks line up as they are, after the
    edit from the ends."""
    before = changed_range(old_mask[:start], mask[:start])
    after = changed_range(old_mask[old_end:], mask[new_end:])
    changed_before = before[0] < start
    changed_after = after[0] < max(after[1], after[2])
    if not changed_before and not changed_after:
        return 0, 0
    first = before[0] if changed_before else start
    last = new_end + after[2] if changed_after else new_end
    return first, last


@dataclass
class CheckerHandle:
    """A checker and the lock every use of Enchant takes (it is not thread-safe)."""

    checker: SpellChecker
    lock: threading.Lock


@dataclass
class CheckResult:
    """Misspellings found in some UTF-16 ranges of a text; ``final`` closes the check."""

    ranges: list[tuple[int, int]]
    found: list[tuple[int, int, str]]  # UTF-16 start, end, word
    text: str
    mask: str
    final: bool


def check_changes(text: str, fmt: str, previous: tuple[str, str] | None,
                  dirty: list[tuple[int, int]], visible: tuple[int, int],
                  checker: CheckerHandle, ignored: frozenset[str], personal: object,
                  emit: Callable[[CheckResult], None],
                  blank: Callable[[str, str], str] = prose_mask) -> None:
    """Find misspellings where ``text`` changed since ``previous`` (all of it when
    nothing was checked before or the markup changed what is prose elsewhere), the
    visible part first. ``dirty`` and ``visible`` are UTF-16 ranges, like the results;
    ``text`` may be a QTextDocument's raw text (paragraph separators for newlines)."""
    text = text.replace("\u2029", "\n")
    index = Utf16Index(text)
    also = [(index.from_utf16(a), index.from_utf16(b)) for a, b in dirty]
    found_plan = plan(text, fmt, previous, also, blank)
    ordered = visible_first(text, found_plan.spans, index, visible)
    for number, (a, b) in enumerate(ordered):
        emit(check_piece(text, found_plan.mask, index, (a, b), checker, ignored, personal,
                         number == len(ordered) - 1))


def visible_first(text: str, spans: list[tuple[int, int]], index: Utf16Index,
                  visible: tuple[int, int]) -> list[tuple[int, int]]:
    """``spans`` in the order they are checked: the visible part (UTF-16 ``visible``) of
    each first, then the rest, cut into pieces of about :data:`CHARS_PER_RESULT`; one
    empty piece when there is nothing to check (the check still ends)."""
    view_start, view_end = index.from_utf16(visible[0]), index.from_utf16(visible[1])
    ordered: list[tuple[int, int]] = []
    for a, b in spans:
        middle = (max(a, view_start), min(b, view_end))
        if middle[0] < middle[1]:
            ordered += [middle, (a, middle[0]), (middle[1], b)]
        else:
            ordered.append((a, b))
    return [piece for a, b in ordered if a < b for piece in _pieces(text, a, b)] or [(0, 0)]


def check_piece(text: str, mask: str, index: Utf16Index, piece: tuple[int, int],
                checker: CheckerHandle, ignored: frozenset[str], personal: object,
                final: bool) -> CheckResult:
    """The misspellings of one piece (code points) of ``text``, as a UTF-16 result."""
    a, b = piece
    found = _misspelt(text, mask, a, b, checker, ignored, personal)
    found16 = [(index.to_utf16(s), index.to_utf16(e), w) for s, e, w in found]
    return CheckResult([(index.to_utf16(a), index.to_utf16(b))], found16, text, mask, final)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line ends into pieces of about :data:`CHARS_PER_RESULT`."""
    out = []
    while end - start > CHARS_PER_RESULT:
        cut = text.find("\n", start + CHARS_PER_RESULT, end)
        if cut < 0:
            break
        out.append((start, cut + 1))
        start = cut + 1
    out.append((start, end))
    return out


def _misspelt(text: str, mask: str, start: int, end: int, checker: CheckerHandle,
              ignored: frozenset[str], personal: object) -> list[tuple[int, int, str]]:
    candidates = (w for w in words(text, mask, start, end) if w.text not in ignored)
    found = []
    while batch := list(islice(candidates, WORDS_PER_BATCH)):
        with checker.lock:
            checker.checker.personal_words = personal  # one checker serves every window
            for word in batch:
                if not checker.checker.is_correct(word.text, word.script, attached=word.attached):
                    found.append((word.start, word.end, word.text))
        time.sleep(0)  # let the window's thread take Python's lock between batches
    return found
