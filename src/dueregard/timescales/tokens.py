"""Tokenizer: a timescale cell as words, numbers and punctuation, each with its place in the text.

Hand-written rather than a regular expression so that every character class is named and every token keeps the
exact offsets of its source text (parts of a multi-milestone cell are slices of the cell).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DASHES = frozenset("-‐‑‒–—―−")  # hyphen, non-breaking hyphen, figure/en/em dash, bar, minus
APOSTROPHES = frozenset("'’‘`")
BREAK_CHARACTERS = frozenset(".;:!?")


class TokenType(Enum):
    WORD = "word"
    NUMBER = "number"
    DASH = "dash"
    SLASH = "slash"
    AMPERSAND = "ampersand"
    APOSTROPHE = "apostrophe"
    COMMA = "comma"
    BREAK = "break"  # . ; : ! ? (ends a sentence or a list number)
    OPEN_BRACKET = "open_bracket"
    CLOSE_BRACKET = "close_bracket"
    OTHER = "other"


@dataclass(frozen=True)
class Token:
    type: TokenType
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the one before (e.g. the "1" of "Q1", the "/" of "2007/08")

    @property
    def norm(self) -> str:
        """The token as the lexicon spells it: lower case, one dash, straight apostrophes, "&" as "and"."""
        if self.type is TokenType.DASH:
            return "-"
        if self.type is TokenType.AMPERSAND:
            return "&"
        return self.text.casefold().replace("’", "'")


def _single_character_type(character: str) -> TokenType:
    if character in DASHES:
        return TokenType.DASH
    if character in APOSTROPHES:
        return TokenType.APOSTROPHE
    if character in BREAK_CHARACTERS:
        return TokenType.BREAK
    return {
        "/": TokenType.SLASH,
        "&": TokenType.AMPERSAND,
        ",": TokenType.COMMA,
        "(": TokenType.OPEN_BRACKET,
        "[": TokenType.OPEN_BRACKET,
        ")": TokenType.CLOSE_BRACKET,
        "]": TokenType.CLOSE_BRACKET,
    }.get(character, TokenType.OTHER)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens. Letters (with inner apostrophes: "Women’s") make words; ASCII digits numbers."""
    tokens: list[Token] = []
    position = 0
    glued = False
    length = len(text)
    while position < length:
        character = text[position]
        if character.isspace():
            position += 1
            glued = False
            continue
        start = position
        if character.isalpha():
            position += 1
            while position < length and (
                text[position].isalpha()
                or (text[position] in APOSTROPHES and position + 1 < length and text[position + 1].isalpha())
            ):
                position += 1
            token_type = TokenType.WORD
        elif character in "0123456789":
            while position < length and text[position] in "0123456789":
                position += 1
            token_type = TokenType.NUMBER
        else:
            position += 1
            token_type = _single_character_type(character)
        tokens.append(Token(token_type, text[start:position], start, position, glued and bool(tokens)))
        glued = True
    return tokens
