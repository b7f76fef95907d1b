"""Column widths per table for the Word and PDF downloads (issue 24): no word broken in two.

Equal columns broke long Dutch words mid-word ("Participatiepla/ats"). Each column gets at least
the width of its longest word; what is left goes to the columns with the most text. `measure`
gives a word's width in the caller's unit (fpdf2 measures the real font; Word estimates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def column_widths(rows: Sequence[Sequence[str]], total: float, measure: Callable[[str], float],
                  padding: float = 0.0) -> list[float]:
    """Widths (same unit as `total`) for a table whose first row is its header."""
    columns = max((len(r) for r in rows), default=0)
    if columns == 0:
        return []
    need = [padding] * columns
    text = [0.0] * columns
    for row in rows:
        for i, cell in enumerate(row):
            words = str(cell).split()
            if words:
                need[i] = max(need[i], max(measure(w) for w in words) + padding)
            text[i] += measure(str(cell))
    floor = sum(need)
    if floor >= total:  # the longest words do not fit side by side: shrink them alike
        return [total * n / floor for n in need]
    # The rest goes where the text is, but no column wider than its longest line needs.
    widths = list(need)
    spare = total - floor
    longest = [max((measure(str(r[i])) + padding for r in rows if i < len(r)), default=0.0)
               for i in range(columns)]
    open_ = [i for i in range(columns) if longest[i] > widths[i]]
    while spare > 1e-6 and open_:
        weight = sum(text[i] for i in open_) or len(open_)
        given = 0.0
        for i in list(open_):
            share = spare * ((text[i] or 1.0) / weight)
            add = min(share, longest[i] - widths[i])
            widths[i] += add
            given += add
            if longest[i] - widths[i] <= 1e-6:
                open_.remove(i)
        spare -= given
        if given <= 1e-6:
            break
    if spare > 1e-6:  # every column holds its longest line: widen them all alike
        widths = [w + spare * w / sum(widths) for w in widths]
    return widths
