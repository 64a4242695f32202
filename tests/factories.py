import datetime

import factory
import wagtail_factories

from pages.models import ChapterPage, HomePage, StrategyPage
from snippets.models import Actor, Contact


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startsida"

    class Meta:
        model = HomePage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strategi {n}")
    document_date = datetime.date(2022, 8, 24)
    decision_body = "Kommunfullmäktige"
    decision_date = datetime.date(2023, 1, 31)
    follow_up_owner = "Socialkontoret"
    follow_up_cadence = "Årligen"
    intro = "<p>Inledning.</p>"
    position = "<p>Ställningstagande.</p>"
    purpose = "<p>Syfte.</p>"

    class Meta:
        model = StrategyPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapitel {n}")

    class Meta:
        model = ChapterPage


class ContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    phone = "020-61 60 60"
    category = Contact.Category.SUPPORT_LINE

    class Meta:
        model = Contact


class ActorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Aktör {n}")
    full_name = factory.LazyAttribute(lambda actor: actor.name)

    class Meta:
        model = Actor
