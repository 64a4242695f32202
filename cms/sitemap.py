from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LocalizedSitemap(Sitemap):
    """Every live, public page of the site in every language, each with its translations as alternates.

    Wagtail's own sitemap covers only the site's root page tree, which is the Swedish one;
    each language has a root of its own.
    """

    def items(self):
        # A list, fetched once: the alternates need every page, and the sitemap lists the same pages.
        if not hasattr(self, "_pages"):
            roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
            in_site = Q()
            for root in roots:
                in_site |= Q(path__startswith=root.path)
            self._pages = list(
                Page.objects.live()
                .public()
                .filter(in_site)
                .filter(alias_of__isnull=True)
                .order_by("path")
                .defer_streamfields()
                .specific()
            )
        return self._pages

    def _urls(self, page, protocol, domain):
        entries = self.entries()
        urls = [url for item in self.paginator.page(page).object_list for url in entries[item.pk]]
        last_mods = {url.get("lastmod") for url in urls}
        # As Wagtail's sitemap: no Last-Modified header when any page lacks a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def entries(self):
        """{page id: [its sitemap URLs, each with the same URL in the other languages as alternates]}."""
        if not hasattr(self, "_entries"):
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            self._entries = {page.pk: page.get_sitemap_urls(self.request) for page in self.items()}
            by_key = {}
            for page in self.items():
                for url in self._entries[page.pk]:
                    by_key.setdefault((page.translation_key, url.get("route", "")), []).append(
                        {"lang_code": codes[page.locale_id], "location": url["location"]}
                    )
            alternates = {
                entry["location"]: sorted(group, key=lambda item: item["lang_code"])
                for group in by_key.values()
                if len(group) > 1
                for entry in group
            }
            for urls in self._entries.values():
                for url in urls:
                    url["alternates"] = alternates.get(url["location"], [])
        return self._entries
