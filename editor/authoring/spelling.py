"""Spelling, offline, in Korean and English: Enchant with the system's Hunspell dictionaries.

A :class:`SpellChecker` routes each word by its script: Hangul words go to the Korean
dictionary (``hunspell-ko`` knows particles and endings: 도서관에서, 빌렸습니다), Latin
words to the English one. It remembers each word's verdict, so checking a post again
after an edit costs little more than cutting it into words. No Qt here: the source
editor's underlines and ``article-editor check --spelling`` both use this.

Dictionaries come from the system (Debian: ``hunspell-ko``, ``hunspell-en-us`` and
``libenchant-2-2``); without them :class:`SpellingUnavailable` says what to install.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.authoring.spelling_text import HANGUL, LATIN, LineIndex, prose_mask, words
from editor.document.storage import atomic_write
from editor.paths import config_dir, data_dir

DEFAULT_LANGUAGES = ("ko", "en_US")
"""Korean for Hangul words, American English for Latin ones, when nothing else is said."""

INSTALL_HINT = "install libenchant-2-2, hunspell-ko and hunspell-en-us"
PERSONAL_WORDS_FILE = "personal-words.txt"
IGNORED_WORDS_FILE = "spelling-ignored.json"
MAX_SUGGESTIONS = 6
# Scripts of the dictionaries a post may name; anything else is taken as Latin script.
_HANGUL_LANGUAGES = ("ko",)
# A Korean noun ending in a consonant and one ending in a vowel: a bare particle written
# after a foreign word (HTML을, 'GitHub'에서) is checked as it would be after these.
_NOUN_HOSTS = ("사람", "나무")
_CACHE_LIMIT = 200_000
COMPOUND_PART = 2
"""Fewest syllables of each part of a Korean compound accepted by splitting."""


class SpellingUnavailable(RuntimeError):
    """No spelling dictionary can be opened; the message says what to install."""


@dataclass(frozen=True)
class Misspelling:
    """A word no dictionary knows: offsets into the checked text, 1-based line/column."""

    start: int
    end: int
    word: str
    language: str
    line: int = 0
    column: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"word": self.word, "language": self.language, "line": self.line,
                "column": self.column, "start": self.start, "end": self.end}


def _enchant() -> Any:
    try:
        import enchant
    except ImportError as exc:  # the C library libenchant is missing
        raise SpellingUnavailable(f"Spelling needs Enchant: {INSTALL_HINT} ({exc})") from None
    return enchant


def dictionary_tag(lang: str, available: Iterable[str]) -> str | None:
    """The installed dictionary for a ``lang`` value such as ``ko-KR``, ``en`` or ``en_GB``."""
    tags = list(available)
    wanted = lang.strip().replace("-", "_")
    if not wanted:
        return None
    for tag in tags:
        if tag.lower() == wanted.lower():
            return tag
    base = wanted.split("_")[0].lower()
    preferred = [t for t in DEFAULT_LANGUAGES if t.split("_")[0].lower() == base]
    for tag in preferred + tags:
        if tag in tags and tag.split("_")[0].lower() == base:
            return tag
    return None


def installed_dictionaries() -> list[str]:
    """The dictionary tags Enchant can open here (none without Enchant)."""
    try:
        return sorted(set(_enchant().list_languages()))
    except SpellingUnavailable:
        return []


def is_hangul_language(tag: str) -> bool:
    """Whether a dictionary tag is for a language written in Hangul."""
    return tag.split("_")[0].lower() in _HANGUL_LANGUAGES


class PersonalWords:
    """The writer's own words (names, jargon), one a line in the config folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / PERSONAL_WORDS_FILE
        self.words: set[str] = set()
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        self.words = {line.strip() for line in text.splitlines() if line.strip()}

    def add(self, word: str) -> None:
        """Keep ``word`` for good (written at once, atomically)."""
        word = word.strip()
        if not word or word in self.words:
            return
        self.words.add(word)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{w}\n" for w in sorted(self.words))
        atomic_write(self.path, text.encode("utf-8"))

    def __contains__(self, word: object) -> bool:
        return word in self.words


class IgnoredWords:
    """Each post's "ignore in this post" words, kept in the data folder across sessions.

    Keyed by the post's absolute path; :meth:`words_for` gives the set a SpellChecker
    takes as ``ignored``.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / IGNORED_WORDS_FILE
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        self._by_post: dict[str, list[str]] = {
            key: [w for w in value if isinstance(w, str)]
            for key, value in (loaded.items() if isinstance(loaded, dict) else ())
            if isinstance(value, list)}

    @staticmethod
    def _key(post_path: str | Path) -> str:
        return str(Path(post_path).absolute())

    def words_for(self, post_path: str | Path) -> set[str]:
        """The words ignored in the post at ``post_path``."""
        return set(self._by_post.get(self._key(post_path), ()))

    def add(self, post_path: str | Path, word: str) -> None:
        """Ignore ``word`` in that post from now on (saved at once, atomically)."""
        words = self._by_post.setdefault(self._key(post_path), [])
        if word in words:
            return
        words.append(word)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._by_post, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.path, text.encode("utf-8"))


class SpellChecker:
    """Checks words in Korean and English; remembers verdicts (one cache per checker).

    ``languages`` are dictionary tags or ``lang`` values (``ko``, ``en-US``); the first
    Hangul one checks Hangul words, the first other one Latin words (if that one has no
    dictionary, words of its script are not checked rather than checked wrongly). ``personal_words``
    (a :class:`PersonalWords` or any collection) and ``ignored`` (this post's "ignore"
    list) are accepted everywhere. Tags without an installed dictionary are listed in
    ``missing``; if none is installed, SpellingUnavailable is raised.
    """

    def __init__(self, languages: Iterable[str] = DEFAULT_LANGUAGES, *,
                 personal_words: Any = None, ignored: Iterable[str] = ()) -> None:
        enchant = _enchant()
        available = enchant.list_languages()
        self.missing: list[str] = []
        self._dicts: dict[str, Any] = {}
        self.languages: list[str] = []
        claimed: set[bool] = set()  # scripts (is Hangul?) whose language is decided
        for lang in languages:
            tag = dictionary_tag(lang, available)
            hangul = is_hangul_language(tag or lang.replace("-", "_"))
            if hangul in claimed:
                continue  # one language per script: the first named wins (ko-KR before ko)
            claimed.add(hangul)
            if tag is None:
                # A French post without a French dictionary is not checked in English.
                self.missing.append(lang)
            else:
                self._dicts[tag] = enchant.Dict(tag)
                self.languages.append(tag)
        if not self._dicts:
            wanted = ", ".join(self.missing) or "none named"
            raise SpellingUnavailable(f"No spelling dictionary installed for {wanted}: "
                                      f"{INSTALL_HINT}")
        self._by_script = {
            HANGUL: next((t for t in self.languages if is_hangul_language(t)), None),
            LATIN: next((t for t in self.languages if not is_hangul_language(t)), None),
        }
        self.personal_words = personal_words if personal_words is not None else set()
        self.ignored: set[str] = set(ignored)
        self._verdicts: dict[tuple[str, str], bool] = {}
        self._prepared: tuple[str, str, str, LineIndex] | None = None

    # -- single words ------------------------------------------------------------------

    def language_for(self, script: str) -> str | None:
        """The dictionary tag that checks words of ``script`` (HANGUL or LATIN), if any."""
        return self._by_script.get(script)

    def _known(self, tag: str, word: str) -> bool:
        key = (tag, word)
        verdict = self._verdicts.get(key)
        if verdict is None:
            if len(self._verdicts) >= _CACHE_LIMIT:
                self._verdicts.clear()
            verdict = self._dicts[tag].check(word)
            self._verdicts[key] = verdict
        return verdict

    def is_correct(self, word: str, script: str | None = None, *, attached: bool = False) -> bool:
        """Whether ``word`` is spelt right (personal and ignored words always are)."""
        plain = word.replace("\u2019", "'")
        if plain in self.ignored or word in self.ignored or plain in self.personal_words:
            return True
        if plain.lower() in self.personal_words:
            return True
        if script is None:
            script = HANGUL if any("\uac00" <= ch <= "\ud7a3" for ch in word) else LATIN
        tag = self.language_for(script)
        if tag is None:
            return True  # no dictionary for this script: nothing to say
        if self._known(tag, plain):
            return True
        if script == HANGUL:
            if attached and any(self._known(tag, host + plain) for host in _NOUN_HOSTS):
                return True
            return self._known_compound(tag, plain)
        return False

    def _known_compound(self, tag: str, word: str) -> bool:
        # Korean writes compound nouns as one word (반납일을 = 반납 + 일을), and the
        # dictionary lists few of them: a word that splits into two known words of two
        # or more syllables each is accepted. One-syllable parts are not, so common
        # misspellings (할께요, 안되요, 됬다, 금새) are still caught.
        return any(self._known(tag, word[:cut]) and self._known(tag, word[cut:])
                   for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1))

    def suggest(self, word: str) -> list[str]:
        """Likely corrections, best first."""
        script = HANGUL if any("\uac00" <= ch <= "\ud7a3" for ch in word) else LATIN
        tag = self.language_for(script)
        if tag is None:
            return []
        return list(self._dicts[tag].suggest(word.replace("\u2019", "'")))[:MAX_SUGGESTIONS]

    def add_personal(self, word: str) -> None:
        """Add ``word`` to the personal word list (saved when it is a PersonalWords)."""
        self.personal_words.add(word)

    def ignore(self, word: str) -> None:
        """Stop flagging ``word`` in this post."""
        self.ignored.add(word)

    # -- texts -------------------------------------------------------------------------

    def _prepare(self, text: str, fmt: str) -> tuple[str, LineIndex]:
        # The last text's mask is kept: the window asks for one range, then the rest.
        cached = self._prepared
        if cached is not None and cached[0] == fmt and cached[1] == text:
            return cached[2], cached[3]
        masked = prose_mask(text, fmt)
        lines = LineIndex(text)
        self._prepared = (fmt, text, masked, lines)
        return masked, lines

    def misspellings(self, text: str, fmt: str = "markdown", start: int = 0,
                     end: int | None = None, *, first_line: int = 1) -> list[Misspelling]:
        """Misspelt words of a post body (``fmt`` "markdown" or "html"), in text order.

        Only words beginning in ``[start, end)`` are checked (the visible part first; the
        whole text sets the context, so a code fence opened above the range still counts).
        ``first_line`` is the line number of the text's first line (the body's line in
        the file).
        """
        masked, lines = self._prepare(text, fmt)
        found = []
        for word in words(text, masked, start, end):
            if self.is_correct(word.text, word.script, attached=word.attached):
                continue
            line, column = lines.position(word.start)
            found.append(Misspelling(word.start, word.end, word.text,
                                     self.language_for(word.script) or "",
                                     line + first_line - 1, column))
        return found
