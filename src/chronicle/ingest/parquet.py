"""The Parquet reader: one article a row, its columns named as the fields of a JSON Lines record.

Not to be confused with :mod:`chronicle.engines.parquet`, the folder of shards a run writes its
results to (``--output parquet:DIR``); a file of that folder is also readable here.

The file is streamed a row group at a time, in small batches of only the columns we read, so
memory holds one row group's column chunks however large the file. A row group that cannot be
decoded is one rejection naming its rows, and the next row group is read: a file read in parts
(:func:`row_group_parts`, one task each on the Ray engine) gives exactly what it gives whole.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from chronicle.ingest.decode import DecodeError, decode_bytes
from chronicle.ingest.readers import ReadOptions, _article, _open_regular, _show, parse_date, path_text
from chronicle.models import Article, Rejection

__all__ = ["read_parquet", "row_group_parts"]

Result = Article | Rejection

#: Rows converted to Python at a time: small, since one row may be megabytes of text.
BATCH_ROWS = 128
#: The columns read, by role, with the aliases ``read_jsonl`` takes (the first with a value wins).
DATE_COLUMNS = ("published", "date", "time")
META_COLUMNS = ("title", "url", "source")
_INSTALL = "reading Parquet needs pyarrow: pip install 'chronicle[parquet]'"
# date32's day 0, as a proleptic Gregorian ordinal.
_EPOCH = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which columns of a file we read, and how."""

    text: str
    id: str | None
    dates: tuple[str, ...]
    meta: tuple[str, ...]

    @property
    def columns(self) -> list[str]:
        return [self.text, *([self.id] if self.id else []), *self.dates, *self.meta]


def _kind(arrow_type: Any) -> str:
    """What a column's type can be to us: ``text``, ``bytes``, ``integer``, ``day``, ``clock`` or ``other``."""
    import pyarrow as pa

    t = pa.types
    if t.is_string(arrow_type) or t.is_large_string(arrow_type) or t.is_string_view(arrow_type):
        return "text"
    if t.is_binary(arrow_type) or t.is_large_binary(arrow_type) or t.is_binary_view(arrow_type):
        return "bytes"  # text written without its UTF-8 mark (older Hive and Impala writers)
    if t.is_integer(arrow_type):
        return "integer"
    if t.is_date(arrow_type) or t.is_timestamp(arrow_type):
        return "day"
    if t.is_time(arrow_type):
        return "clock"
    return "other"


def _layout(schema: Any) -> _Layout | str:
    """The columns to read from a file's schema, or what makes the file unreadable as articles."""
    kinds: dict[str, str] = {}
    for name in ("text", "id", *DATE_COLUMNS, *META_COLUMNS):
        found = schema.get_all_field_indices(name)
        if len(found) > 1:
            return f"{len(found)} columns are named {name!r}"
        if found:
            kinds[name] = _kind(schema.field(found[0]).type)
    if "text" not in kinds:
        shown = ", ".join(_show(n, 40) for n in schema.names[:12]) + (", ..." if len(schema.names) > 12 else "")
        return f"no 'text' column (its columns: {shown or 'none'})"
    for name, allowed, wanted in (
        ("text", ("text", "bytes"), "a string"),
        ("id", ("text", "bytes", "integer"), "a string or an integer"),
        *((n, ("text", "bytes", "day", "clock"), "a date, a timestamp or a string") for n in DATE_COLUMNS),
    ):
        if name in kinds and kinds[name] not in allowed:
            return f"column {name!r} is {schema.field(name).type}, not {wanted}"
    return _Layout(
        text="text",
        id="id" if "id" in kinds else None,
        # A time of day says nothing of the date: such a "time" column is passed over.
        dates=tuple(n for n in DATE_COLUMNS if kinds.get(n, "clock") != "clock"),
        # As in JSON Lines, a title, url or source that is not text is left out.
        meta=tuple(n for n in META_COLUMNS if kinds.get(n) in ("text", "bytes")),
    )


def row_group_parts(path: Path, rows: int) -> list[range]:
    """The row groups of a Parquet file in consecutive runs of at least ``rows`` rows (the last may
    have fewer): the parts it can be read in, one task each. A file that cannot be split (one row
    group, no rows, or a footer that cannot be read) is one part, ``range(0)`` standing for all of it.
    """
    whole = [range(0)]  # read whole: the reader names what is wrong with the file
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return whole
    fd = _open_regular(path)  # never a named pipe (it would wait for a writer) or a device
    if isinstance(fd, Rejection):
        return whole
    with os.fdopen(fd, "rb") as handle:
        try:
            metadata = pq.read_metadata(handle)
        except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
            return whole
    counts = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    if len(counts) < 2 or not sum(counts):
        return whole
    parts: list[range] = []
    start = held = 0
    for index, count in enumerate(counts):
        held += count
        if held >= rows:
            parts.append(range(start, index + 1))
            start, held = index + 1, 0
    if start < len(counts):
        parts.append(range(start, len(counts)))
    return parts


def read_parquet(path: Path, options: ReadOptions, row_groups: range | None = None) -> Iterator[Result]:
    """A Parquet file, one article a row: ``text``, ``id``, one of ``published``/``date``/``time``
    (a date, a timestamp, read in its own time zone, or an ISO 8601 string), ``title``, ``url``,
    ``source``, as in JSON Lines. Only ``row_groups`` of the file when given (empty: all of them).
    """
    name = path_text(path)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield Rejection(name, _INSTALL)
        return
    fd = _open_regular(path)
    if isinstance(fd, Rejection):
        yield fd
        return
    with os.fdopen(fd, "rb") as handle:
        if not os.fstat(fd).st_size:
            yield Rejection(name, "empty file")
            return
        try:
            parquet = pq.ParquetFile(handle)
            layout = _layout(parquet.schema_arrow)
        # ArrowInvalid is a ValueError, as is a column name of bytes that are no UTF-8.
        except (OSError, ValueError, pa.ArrowException) as exc:
            yield Rejection(name, f"not a Parquet file, or one cut short or damaged ({_show(str(exc), 120)})")
            return
        if isinstance(layout, str):
            yield Rejection(name, layout)
            return
        counts = [parquet.metadata.row_group(i).num_rows for i in range(parquet.metadata.num_row_groups)]
        if not sum(counts):
            yield Rejection(name, "empty file")
            return
        starts = [0, *accumulate(counts)]
        for group in row_groups or range(len(counts)):
            yield from _row_group(parquet, group, starts[group] + 1, starts[group + 1], layout, path, options)


def _row_group(parquet: Any, group: int, first: int, last: int, layout: _Layout, path: Path,
               options: ReadOptions) -> Iterator[Result]:
    """The rows of one row group, numbered from ``first``; what cannot be decoded is one rejection."""
    import pyarrow as pa

    row = first
    # One thread: a reader is one worker of many, and every thread of Arrow's pool would keep a heap
    # of its own (with them the peak grew with the file: 1.18x at 16x the rows; now 1.05x).
    batches = parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=[group], columns=layout.columns,
                                   use_threads=False)
    while True:
        try:
            batch = next(batches, None)  # pyarrow's iter_batches is a generator: it raises only here
            if batch is None:
                # Arrow's allocator keeps what a row group's column chunks took; handed back, the
                # next row group does not add to it.
                pa.default_memory_pool().release_unused()
                return
            rows = _rows(batch, layout, options.max_bytes)
        except (OSError, ValueError, pa.ArrowException) as exc:
            where = f"rows {row:,}-{last:,}" if row < last else f"row {row:,}"
            yield Rejection(path_text(path), f"{where} (row group {group + 1}) cannot be read ({_show(str(exc), 120)})",
                            line=row)
            return
        for record in rows:
            yield _record(path, options, row, record)
            row += 1


_OVER = object()  # a row over the byte limit, never turned into Python strings


def _rows(batch: Any, layout: _Layout, limit: int) -> list[dict[str, Any] | object]:
    """A batch's rows as dicts of Python values (dates as ``datetime.date``, or an ``int`` day
    number outside the calendar); a row over ``limit`` bytes is only ``_OVER``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = {name: _plain(batch.column(name)) for name in layout.columns}
    # As a JSON Lines line, a row counts all its text against the limit.
    sizes = [0] * batch.num_rows
    for column in columns.values():
        if _kind(column.type) in ("text", "bytes"):
            lengths = pc.fill_null(pc.binary_length(column), 0).to_pylist()
            sizes = [a + b for a, b in zip(sizes, lengths, strict=True)]
    over = [size > limit for size in sizes]
    if any(over):
        mask = pa.array(over)
        columns = {n: pc.if_else(mask, pa.scalar(None, c.type), c) for n, c in columns.items()}
    values = {name: _values(column) for name, column in columns.items()}
    return [_OVER if over[i] else {name: values[name][i] for name in columns} for i in range(batch.num_rows)]


def _plain(column: Any) -> Any:
    """A column in a type the compute kernels take (the view types, new in Arrow, cast to large ones)."""
    import pyarrow as pa

    if pa.types.is_string_view(column.type):
        return column.cast(pa.large_string())
    if pa.types.is_binary_view(column.type):
        return column.cast(pa.large_binary())
    return column


def _values(column: Any) -> list[Any]:
    """A column's Python values; dates and timestamps by day number, since Arrow holds days (year
    10,000, year 0) that Python's dates do not, and a timestamp's day is that of its own zone."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if _kind(column.type) == "text":
        try:
            return list(column.to_pylist())
        except UnicodeDecodeError:
            # Bytes that are no UTF-8 in a column that says it is (Parquet readers do not check):
            # replaced, as a lone surrogate in JSON Lines is.
            raw = column.cast(pa.large_binary()).to_pylist()
            return [None if b is None else b.decode("utf-8", "replace") for b in raw]
    if not (pa.types.is_date(column.type) or pa.types.is_timestamp(column.type)):
        return list(column.to_pylist())
    if pa.types.is_timestamp(column.type) and column.type.tz is not None:
        column = pc.local_timestamp(column)
    days = pc.cast(pc.cast(column, pa.date32()), pa.int32()).to_pylist()
    return [None if d is None else _day(d) for d in days]


def _day(number: int) -> dt.date | int:
    ordinal = number + _EPOCH
    return dt.date.fromordinal(ordinal) if 1 <= ordinal <= dt.date.max.toordinal() else number


def _text(value: object) -> str | None:
    """A text-like cell as a string (bytes decoded as a file's would be); ``None`` when it is not."""
    if isinstance(value, bytes):
        try:
            return decode_bytes(value)
        except DecodeError:
            return None
    return value if isinstance(value, str) else None


def _record(path: Path, options: ReadOptions, row: int, record: dict[str, Any] | object) -> Result:
    """One row as an article, or the reason it is not one (the same reasons as a JSON Lines line)."""
    name = path_text(path)
    if not isinstance(record, dict):
        return Rejection(name, f"row is over the {options.max_bytes:,}-byte limit (max_bytes)", line=row)
    raw_text = record["text"]
    text = _text(raw_text)
    if text is None and raw_text is not None:
        return Rejection(name, "'text' cannot be decoded", line=row)
    if not text or not text.strip():
        return Rejection(name, "no 'text'", line=row)
    raw_date = next((record[k] for k in DATE_COLUMNS if record.get(k)), None)
    published = _published(raw_date, options.date)
    if isinstance(published, str):
        return Rejection(name, published, line=row)
    given = record.get("id")
    article_id = str((_text(given) if isinstance(given, bytes) else given) or f"{path_text(path.stem)}-{row}")
    meta = {k: _text(record.get(k)) for k in META_COLUMNS}
    return _article(path, options, article_id, text, published, line=row, **meta)


def _published(raw: object, default: dt.date | None) -> dt.date | str | None:
    """The publication date of a cell (``default`` for none), or why it is invalid."""
    if raw is None:
        return default
    if isinstance(raw, int):
        return f"invalid date: day {raw:,} from 1970-01-01 is outside the years 1-9999"
    value = _text(raw) if isinstance(raw, bytes) else raw
    found = parse_date(value)
    return found if found is not None else f"invalid date {_show(value)}"

