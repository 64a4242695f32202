"""A small server-rendered SVG chart of activities by status per goal and year.

No script and no image request: the chart is markup in the page, drawn from the same figures as the
table next to it, which is its text alternative (the SVG points to it with aria-describedby).
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import ActivityStatus

# Narrow, so its text stays readable when a phone scales it to the column (about 340 px).
WIDTH = 400
LEGEND_COLUMNS = 3
LABEL = 56  # room for the year before each bar
BAR = 18
GAP = 6
HEADING = 22
# Distinct by lightness too, so the parts of a bar are told apart without colour vision.
COLOURS = {
    ActivityStatus.CARRIED_OUT: "#1b5e20",
    ActivityStatus.ONGOING: "#4caf50",
    ActivityStatus.PLANNED: "#bbdefb",
    ActivityStatus.DROPPED: "#9e9e9e",
    ActivityStatus.NEW: "#0d47a1",
}


def chart_svg(comparison, title, described_by):
    """`comparison`: [(goal title, [(year, [count per ActivityStatus])])]; returns an inline <svg>."""
    largest = max((sum(c) for _goal, years in comparison for _year, c in years), default=0) or 1
    scale = (WIDTH - LABEL - 8) / largest
    parts, y = [], 0
    for goal, years in comparison:
        y += HEADING
        parts.append(format_html('<text x="0" y="{}" class="chart-goal">{}</text>', y - 6, goal))
        for year, counts in years:
            parts.append(format_html('<text x="0" y="{}" class="chart-year">{}</text>', y + BAR - 4, year))
            x = LABEL
            for status, count in zip(ActivityStatus, counts, strict=True):
                if count:
                    width = count * scale
                    parts.append(
                        format_html(
                            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                            round(x, 1),
                            y,
                            round(width, 1),
                            BAR,
                            COLOURS[status],
                            status.label,
                            count,
                        )
                    )
                    x += width
            y += BAR + GAP
    legend_y = y + 16
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect>'
        '<text x="{}" y="{}" class="chart-legend">{}</text>',
        (
            (
                column * 130,
                legend_y + row * 20,
                COLOURS[status],
                column * 130 + 16,
                legend_y + row * 20 + 11,
                status.label,
            )
            for index, status in enumerate(ActivityStatus)
            for row, column in [divmod(index, LEGEND_COLUMNS)]
        ),
    )
    height = legend_y + 20 * -(-len(ActivityStatus) // LEGEND_COLUMNS)
    return format_html(
        # Laid out from the left in every language; Arabic labels still read right to left within themselves.
        '<svg xmlns="http://www.w3.org/2000/svg" class="follow-up-chart" viewBox="0 0 {} {}" direction="ltr" '
        'role="img" aria-label="{}" aria-describedby="{}">{}{}</svg>',
        WIDTH,
        height,
        title,
        described_by,
        mark_safe("".join(parts)),  # noqa: S308 (each part built with format_html)
        legend,
    )
