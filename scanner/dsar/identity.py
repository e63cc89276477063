"""Who a record belongs to: the e-mails, names and customer keys it carries, and when two differ.

A DSAR must never return one person's record to another. Identifiers do not say whose a
record is (a household shares a landline, a couple a mailbox, a joint account an IBAN);
the e-mail, the name and the customer key a record carries do. Two identities *conflict*
when they both carry one of these and nothing of it matches:

- e-mails: both carry e-mails and none is common;
- names: a name of one matches no name of the other (case, accents, word order, civilities
  and initials aside: ``MARTIN Jeanne`` = ``Jeanne Martin`` = ``J. Martin`` != ``Marc Martin``);
- customer keys: in a key space both carry (``public.customers``), no key is common.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fouille.detectors.base import fold

# Words that are not part of whom a name designates ("M. et Mme Martin" is the Martins).
_CIVILITIES = frozenset(
    [
        "m",
        "mr",
        "mrs",
        "ms",
        "mme",
        "mlle",
        "mme.",
        "monsieur",
        "madame",
        "mademoiselle",
        "dr",
        "docteur",
        "et",
        "and",
        "ou",
        "or",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def name_tokens(text: str) -> tuple[str, ...]:
    """A name as sorted folded words, civilities dropped.

    ``Mme MARTIN Jeanne`` -> ``("jeanne", "martin")``.
    """
    words = [w for w in _WORD.findall(fold(text)) if w not in _CIVILITIES]
    return tuple(sorted(words))


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the other's initial (``j`` and ``jeanne``)."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every word of the shorter name matches a distinct word of the longer one."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    left = list(long)
    for word in sorted(short, key=len, reverse=True):  # whole words before initials
        match = next((w for w in left if w == word), None) or next(
            (w for w in left if _same_word(word, w)), None
        )
        if match is None:
            return False
        left.remove(match)
    return True


@dataclass(frozen=True)
class Identity:
    """What one record says about whose it is.

    Attributes:
        emails: Normalised e-mails anywhere in the record (conflicts look at all of them).
        own_emails: E-mails in the record's own e-mail fields (the ones that describe it).
        names: Names from its name fields, as ``name_tokens``.
        keys: (key space, key) pairs: customer keys it carries.
    """

    emails: frozenset[str] = frozenset()
    own_emails: frozenset[str] = frozenset()
    names: frozenset[tuple[str, ...]] = frozenset()
    keys: frozenset[tuple[str, str]] = frozenset()


@dataclass
class Profile:
    """The subject's known identities, grown from records confirmed to be theirs."""

    emails: set[str] = field(default_factory=set)
    names: set[tuple[str, ...]] = field(default_factory=set)
    keys: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, identity: Identity) -> Profile:
        profile = cls()
        profile.add(identity, all_emails=True)
        return profile

    def add(self, identity: Identity, all_emails: bool = False) -> None:
        """Learn from a confirmed record: its names, keys and own e-mails (not quoted ones)."""
        self.emails |= identity.emails if all_emails else identity.own_emails
        self.names |= identity.names
        for space, key in identity.keys:
            self.keys.setdefault(space, set()).add(key)

    def conflict(self, identity: Identity) -> str | None:
        """Why ``identity`` is someone else's (None: nothing says so)."""
        if identity.emails and self.emails and not identity.emails & self.emails:
            return "a different e-mail"
        if self.names and any(
            not any(names_compatible(name, known) for known in self.names)
            for name in identity.names
        ):
            return "a different name"
        spaces: dict[str, set[str]] = {}
        for space, key in identity.keys:
            spaces.setdefault(space, set()).add(key)
        for space, keys in spaces.items():
            if space in self.keys and not keys & self.keys[space]:
                return "a different customer key"
        return None


def mutual_conflict(identities: list[Identity]) -> str | None:
    """Why these records are of at least two different people (None: nothing says so)."""
    for i, first in enumerate(identities):
        profile = Profile.of(first)
        for other in identities[i + 1 :]:
            reason = profile.conflict(other)
            if reason:
                return reason
    return None
