"""Join codes and the facilitator's secret.

A join code is what a participant types on a phone: 8 characters from an alphabet without
look-alikes (no 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V), shown as two groups of four
("KM7R-4XHC"). There are 20**8 = 25,600,000,000 codes; a workshop exists for at most the retention period,
and after a few wrong codes a network waits before each next try (limits.py: 2 to 60 seconds), so
guessing one in practice is hopeless. The code only lets someone vote; the results, closing,
resetting and deleting need the facilitator's secret, of which the store keeps only a hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ACDEFHJKMNPRTWXY3479"
CODE_LENGTH = 8
CODE_COUNT = len(ALPHABET) ** CODE_LENGTH

def new_code() -> str:
    """A fresh random join code (cryptographic randomness), without the dash."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """The code as people read it: 'KM7R-4XHC'."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def normalise(typed: str) -> str | None:
    """What a participant typed as a canonical code, or None when it cannot be one.

    Case, spaces and dashes do not matter. A character outside the alphabet makes it invalid:
    such a code never exists, so it is refused without asking the store.
    """
    text = "".join(ch for ch in str(typed)[:40].upper() if ch not in " -_.\t")
    if len(text) != CODE_LENGTH or any(ch not in ALPHABET for ch in text):
        return None
    return text


def new_secret() -> str:
    """The facilitator's secret: 192 random bits, kept in their session and saved session file."""
    return secrets.token_urlsafe(24)


def hash_secret(secret: str) -> str:
    """What the store keeps. A plain SHA-256 suffices: the secret is random, not a password."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret or ""), stored_hash or "")


def new_participant() -> str:
    """A participant's own random token (in their page's address, so a reload keeps it)."""
    return secrets.token_urlsafe(16)


def participant_key(token: str) -> str:
    """What the store keeps of a participant token: its hash (a database reader cannot vote as them)."""
    return hashlib.sha256(("participant:" + token).encode("utf-8")).hexdigest()[:40]
