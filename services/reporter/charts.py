"""Charts of a report's figures: Vega-Lite specifications built with altair (pure), rendered to
SVG on the server with vl-convert (no browser, no script, nothing fetched).

A suppressed cell is never a bar, a length or a colour: it is labelled "not shown" at zero in a
bar chart and drawn as a dashed outline in a heat map, since it may be small or large."""
from __future__ import annotations

import textwrap

import altair as alt
import vl_convert

from .report import BARS, COLUMNS, HEATMAP, Figure, display

FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"   # the NHS design system's fallback font
BLUE, TEXT, GREY, PALE = "#005eb8", "#212b32", "#4c6272", "#f0f4f5"
HIDDEN_STYLE = {"fill": "#ffffff", "stroke": GREY, "strokeDash": [4, 3], "strokeWidth": 1}
CONFIG = {"font": FONT, "background": "#ffffff", "view": {"stroke": None},
          "axis": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 13, "titleFontSize": 13,
                   "labelLimit": 460, "domainColor": GREY, "tickColor": GREY},
          "legend": {"disable": True}}


def _rows(figure: Figure) -> list[dict]:
    out = []
    for order, (label, entries) in enumerate(figure.rows):
        for column, entry in zip(figure.columns, entries):
            out.append({"row": label, "column": column, "order": order, "value": entry.value,
                        "hidden": entry.suppressed,
                        "shown": display(entry)})
    return out


WIDTH = 250          # a bar chart's plot: with its axis it fits a 320 px screen unscaled
WRAP = 34            # characters per line of a bar's label, at 13 px within WIDTH
LABEL_SIZE, VALUE_SIZE, LINE = 13, 12, 16


def _bars(figure: Figure) -> alt.LayerChart:
    """Horizontal bars, each label on its own line(s) above its bar, so that the chart is narrow
    enough to be shown at its own size (text 12 px or more) on a phone. Only published figures are
    drawn: a hidden one has no length to draw (the table beside the chart lists it)."""
    drawn = [(label, e) for label, (e,) in figure.rows if not e.suppressed]
    lines = max(len(textwrap.wrap(label, WRAP)) for label, _ in drawn)

    def wrapped(label: str) -> list[str]:   # blank lines first, so the last line sits on the bar
        words = textwrap.wrap(label, WRAP)
        return [""] * (lines - len(words)) + words

    values = [{"row": label, "order": i, "value": e.value, "shown": display(e), "lines": wrapped(label)}
              for i, (label, e) in enumerate(drawn)]
    top = max(e.value for _, e in drawn)
    scale = alt.Scale(domain=[0, top * 1.3], nice=False)
    row = alt.Y("row:N", sort=[label for label, _ in drawn], axis=None)
    base = alt.Chart(alt.Data(values=values))
    bar_size = 14
    step = LINE * lines + bar_size + 16
    label_top = -step / 2 + 4
    bar_at = label_top + LINE * lines + 2 + bar_size / 2     # the bar's centre, from the band's centre
    bars = base.mark_bar(color=BLUE, size=bar_size, yOffset=bar_at).encode(
        row, alt.X("value:Q", scale=scale, title="Reports (rounded to the nearest 5)"))
    label = base.mark_text(align="left", baseline="top", color=TEXT, fontSize=LABEL_SIZE, lineHeight=LINE,
                           yOffset=label_top).encode(
        row, alt.X("zero:Q", scale=scale), text="lines:N").transform_calculate(zero="0")
    value = base.mark_text(align="left", baseline="middle", dx=4, color=TEXT, fontSize=VALUE_SIZE,
                           yOffset=bar_at).encode(row, alt.X("value:Q", scale=scale), text="shown:N")
    return alt.layer(bars, label, value).properties(width=WIDTH, height=alt.Step(step))


def _heatmap(figure: Figure) -> alt.LayerChart:
    data = alt.Data(values=_rows(figure))
    top = max(e.value for _, es in figure.rows for e in es if not e.suppressed)
    wide = any(len(c) > 14 for c in figure.columns)
    x = alt.X("column:N", sort=list(figure.columns), title=figure.column_heading,
              axis=alt.Axis(orient="top", labelAngle=-30 if wide else 0, labelLimit=200))
    y = alt.Y("row:N", sort=[label for label, _ in figure.rows], title=figure.row_heading)
    base = alt.Chart(data)
    shown = base.transform_filter("!datum.hidden").mark_rect(stroke="#ffffff", strokeWidth=2).encode(
        x, y, color=alt.Color("value:Q", scale=alt.Scale(scheme="blues", domain=[0, top])))
    hidden = base.transform_filter("datum.hidden").mark_rect(**HIDDEN_STYLE).encode(x, y)
    text = base.mark_text(fontSize=12).encode(
        x, y, text="shown:N",
        color=alt.condition(f"!datum.hidden && datum.value > {top * 0.55}", alt.value("#ffffff"),
                            alt.value(TEXT)))
    return alt.layer(shown, hidden, text).properties(width=alt.Step(110), height=alt.Step(34))


def spec(figure: Figure) -> dict:
    """The Vega-Lite specification of a figure with something to draw."""
    if figure.empty:
        raise ValueError(f"figure {figure.id} has no published cell to draw")
    chart = {BARS: _bars, COLUMNS: _bars, HEATMAP: _heatmap}[figure.kind](figure)
    return chart.configure(**CONFIG).to_dict()


def svg(figure: Figure) -> str:
    return vl_convert.vegalite_to_svg(spec(figure))
