"""Charts of a report's figures: Vega-Lite specifications built with altair (pure), rendered to
SVG on the server with vl-convert (no browser, no script, nothing fetched).

A suppressed cell is never a bar, a length or a colour: it is labelled "not shown" at zero in a
bar chart and drawn as a dashed outline in a heat map, since it may be small or large."""
from __future__ import annotations

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


def _bars(figure: Figure, vertical: bool) -> alt.LayerChart:
    data = alt.Data(values=_rows(figure))
    order = [label for label, _ in figure.rows]
    top = max([e.value for _, es in figure.rows for e in es if not e.suppressed] + [figure.threshold])
    scale = alt.Scale(domain=[0, top * 1.3], nice=False)
    title = "Reports (rounded to the nearest 5)"
    slanted = vertical and any(len(label) > 12 for label in order)
    cat = alt.X("row:N", sort=order, title=figure.row_heading, axis=alt.Axis(labelAngle=-30 if slanted else 0)) \
        if vertical else alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=460))
    val = alt.Y if vertical else alt.X
    base = alt.Chart(data)
    shown = base.transform_filter("!datum.hidden").mark_bar(color=BLUE).encode(
        cat, val("value:Q", scale=scale, title=title))
    label = base.transform_calculate(at="datum.hidden ? 0 : datum.value").mark_text(
        align="center" if vertical else "left", baseline="bottom" if vertical else "middle",
        dx=0 if vertical else 5, dy=-4 if vertical else 0, color=TEXT, fontSize=12).encode(
        cat, val("at:Q", scale=scale), text="shown:N")
    size = {"width": alt.Step(90), "height": 220} if vertical else {"width": 360, "height": alt.Step(22)}
    return alt.layer(shown, label).properties(**size)


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
    chart = {BARS: lambda f: _bars(f, vertical=False), COLUMNS: lambda f: _bars(f, vertical=True),
             HEATMAP: _heatmap}[figure.kind](figure)
    return chart.configure(**CONFIG).to_dict()


def svg(figure: Figure) -> str:
    return vl_convert.vegalite_to_svg(spec(figure))
