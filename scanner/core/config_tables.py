"""Building blocks of the typed ``fouille.toml`` model (pydantic v2).

Every table refuses unknown keys, naming the allowed ones; values are checked by type without
coercion (``"two"`` is not an integer, ``true`` not a number). A value of the wrong shape
raises ``expected(what)``: ``config_errors`` adds the place and what was given.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

TABLE = ConfigDict(extra="forbid")
ROOT_TABLES = {"scan": "[scan]", "sources": "[[sources]]", "dsar": "[dsar]", "ci": "[ci]"}
SOURCE_TYPES = ("files", "postgres", "s3", "chatlogs")


def expected(what: str) -> PydanticCustomError:
    """The error for a value that is not ``what`` (``"a list of strings"``)."""
    return PydanticCustomError("expected", what)


def refuse_unknown_keys(allowed: object, data: object, noun: str = "key") -> object:
    """``data`` unchanged, or ValueError naming its unknown keys and the allowed ones."""
    if isinstance(data, dict):
        unknown = sorted(str(key) for key in set(data) - set(allowed))
        if unknown:
            keys = ", ".join(f'"{key}"' for key in unknown)
            plural = "s" if len(unknown) > 1 else ""
            raise ValueError(f"unknown {noun}{plural} {keys} (allowed: {', '.join(sorted(allowed))})")
    return data


class Table(BaseModel):
    """A TOML table: its fields are the only keys it accepts."""

    model_config = TABLE

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: object) -> object:
        return cls.check_keys(data)

    @classmethod
    def check_keys(cls, data: object) -> object:
        return refuse_unknown_keys(cls.model_fields, data)


def _non_empty(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise expected("a non-empty string")
    return value


def _glob(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise expected("a name or a glob")
    return value


def _strings(value: object) -> object:
    # One string is a list of one (paths = "a.csv"): never read letter by letter.
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise expected("a list of strings, or one string")
    return value


NonEmpty = Annotated[str, PlainValidator(_non_empty)]
Glob = Annotated[str, PlainValidator(_glob)]  # a container name or glob (retention, dsar)
Strings = Annotated[list[str], BeforeValidator(_strings)]
Count = Annotated[StrictInt, Field(ge=1)]
Size = Annotated[StrictInt, Field(ge=0)]


def _duration(value: object) -> object:
    if isinstance(value, bool) or not (isinstance(value, str) and value
                                       or isinstance(value, int) and value >= 0):
        raise expected('a duration such as "30s", or milliseconds')
    return value


Duration = Annotated[str | int, PlainValidator(_duration)]


def one_or_many(shape: str) -> BeforeValidator:
    """A key given as one table or a non-empty list of tables (``retention``, ``dsar``)."""

    def as_list(value: Any) -> Any:
        if isinstance(value, dict):
            return [value]
        if not isinstance(value, list) or not value:
            raise expected(shape)
        return value

    return BeforeValidator(as_list)
