import datetime
from dataclasses import dataclass

import factory
import wagtail_factories
from wagtail.models import Locale
from wagtail.rich_text import RichText

from pages.models import ChapterPage, HomePage, StrategyPage
from snippets.models import Actor, Concept, Contact, Goal, Indicator, IndicatorCategory, Resource
from snippets.models.actor import Responsibility
from snippets.models.goal import GoalAudience


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


def add_activities(actor, kind, texts):
    # After the rows already there, as the admin's inline panel orders them: ongoing and future activities
    # numbered from 0 each tied, and PostgreSQL returned tied rows in the order of whatever plan it chose.
    first = Responsibility.objects.filter(actor=actor).count()
    for order, text in enumerate(texts or [], start=first):
        Responsibility.objects.create(actor=actor, kind=kind, text=text, sort_order=order)


class ActorFactory(factory.django.DjangoModelFactory):
    """An actor; `ongoing` and `future` are the texts of its activities (an actor with activities is a row
    of the table of every actor's activities)."""

    name = factory.Sequence(lambda n: f"Aktör {n}")
    full_name = factory.LazyAttribute(lambda actor: actor.name)

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    @factory.post_generation
    def ongoing(self, create, texts):
        add_activities(self, Responsibility.Kind.ONGOING, texts)

    @factory.post_generation
    def future(self, create, texts):
        add_activities(self, Responsibility.Kind.FUTURE, texts)


class ConceptFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Begrepp {n}")
    definition = "<p>Vad begreppet betyder.</p>"

    class Meta:
        model = Concept


class GoalFactory(factory.django.DjangoModelFactory):
    """A goal; `audiences` are the names of whom the network collaborates with, in order."""

    title = factory.Sequence(lambda n: f"Mål {n}")
    text = "<p>Vad nätverket vill nå.</p>"

    class Meta:
        model = Goal
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, names):
        for order, name in enumerate(names or []):
            GoalAudience.objects.create(goal=self, name=name, sort_order=order)


class IndicatorCategoryFactory(factory.django.DjangoModelFactory):
    """A category of indicators; `indicators` are their texts, in order (a category has at least one)."""

    name = factory.Sequence(lambda n: f"Indikatorer {n}")

    class Meta:
        model = IndicatorCategory
        skip_postgeneration_save = True

    @factory.post_generation
    def indicators(self, create, texts):
        for order, text in enumerate(texts or ["Kan inte röra sig fritt"]):
            Indicator.objects.create(category=self, text=text, sort_order=order)


class ResourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Fördjupning {n}")
    publisher = "Testmyndigheten"
    kind = Resource.Kind.REPORT
    url = factory.Sequence(lambda n: f"https://example.org/rapport-{n}")

    class Meta:
        model = Resource


def rich_text(text):
    """A chapter body of one paragraph."""
    return [{"type": "rich_text", "value": f"<p>{text}</p>"}]


def publish(obj):
    """Published through a revision, as an editor publishes: it has a publish date and a history."""
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


def refetched(obj):
    """The object read again from the database: an instance of the test's own, which it may change."""
    return type(obj).objects.get(pk=obj.pk)


@dataclass
class SmallStrategy:
    """A Swedish strategy built for a test, shaped like a real one: chapters with sub-chapters, and a
    chapter that chooses a contact (a contact is public through the pages that choose it)."""

    strategy: StrategyPage
    background: ChapterPage  # "Bakgrund", with the sub-chapter `region`
    region: ChapterPage  # "Läget i regionen"
    work: ChapterPage  # "Arbetssätt", with the sub-chapter `network`
    network: ChapterPage  # "Möten i nätverket"
    help: ChapterPage  # "Var du får hjälp", choosing `contact`
    contact: Contact

    @property
    def chapters(self):
        """Every chapter in reading order (the tree's order, depth first)."""
        return [self.background, self.region, self.work, self.network, self.help]

    def fetched(self):
        """The same strategy read again from the database: instances of the test's own, which it may change."""
        return SmallStrategy(*(refetched(obj) for obj in (self.strategy, *self.chapters, self.contact)))


def small_strategy():
    home = HomePage.objects.get(locale__language_code="sv")
    strategy = publish(StrategyPageFactory(parent=home))
    # A digit sorts before any letter: the contact list (by name, 20 to a page) shows it on its first page.
    contact = publish(ContactFactory(name="24-timmarslinjen", audience="Alla som behöver stöd"))
    background = publish(ChapterPageFactory(parent=strategy, title="Bakgrund", body=rich_text("Bakgrundens text.")))
    region = publish(ChapterPageFactory(parent=background, title="Läget i regionen", body=rich_text("Regionens text.")))
    work = publish(ChapterPageFactory(parent=strategy, title="Arbetssätt", body=rich_text("Arbetets text.")))
    network = publish(ChapterPageFactory(parent=work, title="Möten i nätverket", body=rich_text("Mötenas text.")))
    help_page = publish(
        ChapterPageFactory(
            parent=strategy,
            title="Var du får hjälp",
            body=[("rich_text", RichText("<p>Ring oss.</p>")), ("contacts", {"contacts": [contact]})],
        )
    )
    strategy.refresh_from_db()
    return SmallStrategy(strategy, background, region, work, network, help_page, contact)


# The languages the site is translated into from Swedish.
TRANSLATED = ("en", "fi", "ar")


def translate(instance, language_code):
    """The published translation of a page or snippet, made the way the content package makes one
    (wagtail-localize logs it, so a later publish of the source makes it outdated). Its strings stay
    Swedish: what a test reads is its language, not its words. A page's parent must be translated first."""
    from wagtail_localize.models import Translation, TranslationSource

    from pages.content_package.translations import publish_translation

    locale = Locale.objects.get(language_code=language_code)
    source, _changed = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    publish_translation(translation, instance, locale)
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)


def translate_strategy(built, language_code):
    """The contact, the strategy and every chapter translated, parents first, so the translated chapter
    chooses the translated contact; returns {Swedish object: its translation}."""
    return {obj: translate(obj, language_code) for obj in [built.contact, built.strategy, *built.chapters]}


def translate_into(codes, *objects):
    """Each object translated into each of the languages, in the order given (parents first)."""
    for code in codes:
        for obj in objects:
            translate(obj, code)
