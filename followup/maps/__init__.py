"""Choropleth maps of the OAS member states, drawn as inline SVG from geometry shipped with the
project (no tiles, no network). Build one with `build_choropleth` and render it with
`{% include "maps/choropleth.html" with map=choropleth %}`.
"""

from followup.maps.choropleth import (
    Area,
    Choropleth,
    LegendEntry,
    build_choropleth,
    equal_breaks,
    quantile_breaks,
)

__all__ = [
    "Area",
    "Choropleth",
    "LegendEntry",
    "build_choropleth",
    "equal_breaks",
    "quantile_breaks",
]
