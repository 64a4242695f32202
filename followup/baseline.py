"""The baseline round: the strategy's own list of activities (Bilaga 1), as the first follow-up.

Written by `load_strategy` (through pages' `package_written` signal) with the loader's own upsert,
so a second run changes nothing. Ongoing activities become "ongoing", future ones "planned";
nothing else is invented: the round's dates are the decision date, and it is compiled and published
as decided.
"""

from pages.content_package.keys import translation_key
from snippets.models import Responsibility

from .models import ActorReport, FollowUpRound, ReportedActivity
from .rounds import STATUS_OF_KIND


def write_baseline(sender, writer, strategy, **kwargs):
    decided = strategy.decision_date
    round_key = f"{strategy.slug}/{decided.year}"
    follow_up = writer.upsert(
        FollowUpRound,
        translation_key("follow-up-rounds", round_key),
        {
            "strategy_id": strategy.pk,
            "year": decided.year,
            "is_baseline": True,
            "opens_on": decided,
            "report_deadline": decided,
            "compiled_on": decided,
        },
    )
    responsibilities = {
        r.translation_key: r for r in Responsibility.objects.filter(locale=writer.locale).select_related("actor")
    }
    for item in writer.data.get("actors") or []:
        lines = [(Responsibility.Kind.ONGOING, t) for t in item.get("ongoing") or []] + [
            (Responsibility.Kind.FUTURE, t) for t in item.get("future") or []
        ]
        if not lines:
            continue
        rows = []
        for index, (kind, text) in enumerate(lines):
            origin = responsibilities.get(translation_key("actors/responsibilities", f"{item['key']}/{index}"))
            rows.append(
                {
                    "translation_key": translation_key(
                        "follow-up-reports/activities", f"{round_key}/{item['key']}/{index}"
                    ),
                    "responsibility_id": origin.pk if origin else None,
                    "status": STATUS_OF_KIND[kind],
                    "text": text,
                }
            )
        writer.upsert(
            ActorReport,
            translation_key("follow-up-reports", f"{round_key}/{item['key']}"),
            {"round_id": follow_up.pk, "actor_id": writer.pk[("actors", item["key"])]},
            ("activities", ReportedActivity, rows),
        )
