from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from pages.bidi import ltr as isolate_ltr
from pages.bidi import reads_left_to_right
from pages.models import AccessibilityStatementPage, SafetyAdvicePage
from pages.public import public
from pages.rich_text import external_link_open_tag, shows_its_address
from pages.translation_status import source_language
from snippets.models import Contact

from ..contact_details import MunicipalityContactDetails
from ..sanitize import render_rich_text
from ..translation_review import reviews

register = template.Library()


@register.filter
def clean_richtext(value):
    """Wagtail's |richtext, cleaned to the tags editors can produce (cms/sanitize.py)."""
    return render_rich_text(value)


@register.simple_tag
def external_link(href, text=""):
    text = text or href
    opening = external_link_open_tag(href, ltr=reads_left_to_right(text), shows_address=shows_its_address(href, text))
    return format_html("{}{}</a>", opening, text)


@register.simple_tag
def phone_link(contact, css_class=""):
    """A contact's number as a tel: link, isolated left to right so its digit groups keep their order in Arabic."""
    classes = " ".join(["phone", *css_class.split()])
    if not contact.tel_href:
        return format_html('<span class="{}" dir="ltr">{}</span>', classes, contact.phone)
    return format_html('<a class="{}" href="{}" dir="ltr">{}</a>', classes, contact.tel_href, contact.phone)


@register.simple_tag
def email_link(address):
    """A mailto: link whose address reads left to right in any language."""
    return format_html('<a href="mailto:{}" dir="ltr">{}</a>', address, address)


@register.filter
def ltr(value):
    """A date, "§ 24" or code isolated left to right (pages/bidi.py); usable inside blocktranslate."""
    return isolate_ltr(value) if value not in (None, "") else ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors below the tree root, in the page's own site, ending with the page itself."""
    return list(public(Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1).live()).order_by("depth"))


@register.simple_tag(takes_context=True)
def live_translations(context, page):
    """The page in every language where a live, public translation exists (aliases are not translations).

    On a page's own route (the whole strategy, context "subpage_route"), each translation's URLs are
    that route's, in its language: the language switcher, hreflang and the unreviewed notice lead there.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    translations = (
        public(page.get_translations(inclusive=True).live())
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    if context.get("subpage_route") == "whole":
        return [OnRoute(translation, translation.whole_strategy_path) for translation in translations.specific()]
    return list(translations)


class OnRoute:
    """A page seen at one of its routes: its url and full_url are the route's."""

    def __init__(self, page, route_path):
        self._page, self._route_path = page, route_path

    def __getattr__(self, name):
        return getattr(self._page, name)

    @property
    def url(self):
        return self._page.url + self._route_path

    @property
    def full_url(self):
        return self._page.full_url + self._route_path


@register.simple_tag(takes_context=True)
def language_links(context, translations):
    """[(language code, URL, is current)] for the switcher: a page's live translations, or, on a
    page that is not a Wagtail page (search), the same view in every language."""
    current = translation.get_language()
    # Always in settings.LANGUAGES order: a reader finds their language where it was on the last page.
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    if translations:
        page = context.get("page")
        links = [(t.locale.language_code, t.url, t.pk == page.pk) for t in translations]
        return sorted(links, key=lambda link: order.get(link[0], len(order)))
    request = context.get("request")
    if request is None or context.get("page") is not None:
        return []
    path = request.get_full_path()
    return [(code, translate_url(path, code), code == current) for code, _name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def heading_level(context, level):
    """A block's heading level, moved down where its page is nested in a longer one (the whole strategy)."""
    return min(6, int(level) + int(context.get("heading_shift") or 0))


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """What every public page shows around its content, in the page's language, in three queries:
    the emergency numbers, the safety-advice and accessibility-statement pages, and the
    municipality's contact details for the footer."""

    page = context.get("page")
    locale_id = page.locale_id if getattr(page, "locale_id", None) else active_locale_id()
    rank = {value: index for index, value in enumerate(Contact.Category.values)}
    emergency = sorted(
        Contact.objects.filter(live=True, locale_id=locale_id, in_emergency_banner=True),
        key=lambda contact: (rank.get(contact.category, len(rank)), contact.name),
    )
    types = ContentType.objects.get_for_models(SafetyAdvicePage, AccessibilityStatementPage)
    found = {
        page.content_type_id: page
        for page in public(Page.objects.live())
        .filter(locale_id=locale_id, content_type__in=types.values())
        .order_by("-path")
        .only("title", "url_path", "path", "depth", "content_type")
    }
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    # Read, never created here (for_site would insert a row on a public GET); load_strategy fills it.
    details = MunicipalityContactDetails.objects.filter(site=site).first() if site else None
    return {
        "contact_details": details if details and not details.is_empty else None,
        "emergency_contacts": emergency,
        "safety_page": found.get(types[SafetyAdvicePage].pk),
        "statement_page": found.get(types[AccessibilityStatementPage].pk),
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }


def active_locale_id():
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return Locale.get_default().pk


@register.simple_tag
def unreviewed_translation(page, translations):
    """The Swedish version of a translated page nobody has reviewed yet, for the notice that sends readers
    there; None on the source itself and on reviewed translations.

    `translations` are the page's live translations, which base.html has already fetched.
    """

    if page is None or not getattr(page, "pk", None) or not getattr(page, "translation_key", None):
        return None
    source = source_language()
    if page.locale.language_code == source or reviews([page]):
        return None
    original = next((t for t in translations if t.locale.language_code == source), None)
    return {"url": original.url if original else None, "language": source}


@register.tag("explain_names")
def explain_names_tag(parser, token):
    """{% explain_names %}…{% end_explain_names %}: Swedish names in the enclosed HTML get their short
    explanation at their first mention, on pages in a language other than Swedish (pages/name_explanations.py)."""
    nodelist = parser.parse(("end_explain_names",))
    parser.delete_first_token()
    return ExplainNamesNode(nodelist)


class ExplainNamesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        from pages.name_explanations import explain_names, explanations

        html = self.nodelist.render(context)
        page = context.get("page")
        locale_id = page.locale_id if getattr(page, "locale_id", None) else active_locale_id()
        # Escaped by the template, and the inserted explanations by format_html.
        return mark_safe(explain_names(html, explanations(locale_id)))  # noqa: S308
