from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LocalizedSitemap(Sitemap):
    """Every live, public page of the site in every language, each with its translations as alternates.

    Wagtail's own sitemap covers only the site's root page tree, which is the Swedish one;
    each language has a root of its own.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_site)
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self.alternates()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates(self):
        """{location: [{lang_code, location}]} for every page that exists in more than one language."""
        if not hasattr(self, "_alternates"):
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            by_key = {}
            for page in self.items():
                for url in page.get_sitemap_urls(self.request):
                    by_key.setdefault((page.translation_key, url.get("route", "")), []).append(
                        {"lang_code": codes[page.locale_id], "location": url["location"]}
                    )
            self._alternates = {
                entry["location"]: sorted(group, key=lambda item: item["lang_code"])
                for group in by_key.values()
                if len(group) > 1
                for entry in group
            }
        return self._alternates
