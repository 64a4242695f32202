// wagtail-localize's translation editor (a React app) has two English strings that never pass
// through gettext: the screen-reader label of the footer's "More actions" toggle and the heading
// "<source> to <target> translation". Relabel them in the admin's language once React has drawn
// them; locale/<language>/LC_MESSAGES/djangojs.po holds the translations.
// Wagtail loads the admin's scripts in the page's head: start once the document is parsed.
document.addEventListener("DOMContentLoaded", function () {
    "use strict";
    var editor = document.querySelector(".js-translation-editor");
    if (!editor || typeof window.gettext !== "function") {
        return;
    }
    var moreActions = window.gettext("More actions");
    var headingFormat = "%(source)s to %(target)s translation";
    var translatedFormat = window.gettext(headingFormat);
    var heading = /^(.+) to (.+) translation$/;

    function name(displayName) {
        // Language names are capitalised in English only: "från svenska till finska".
        return translatedFormat === headingFormat ? displayName : displayName.toLocaleLowerCase();
    }

    function relabel() {
        document.querySelectorAll(".w-dropdown__toggle .w-sr-only").forEach(function (label) {
            if (label.textContent === "More actions") {
                label.textContent = moreActions;
            }
        });
        editor.querySelectorAll("section h3").forEach(function (title) {
            var match = heading.exec(title.textContent);
            if (match) {
                title.textContent = window.interpolate(
                    translatedFormat,
                    { source: name(match[1]), target: name(match[2]) },
                    true,
                );
            }
        });
    }

    relabel();
    // Only English text is replaced, so the observer settles after its own change.
    new MutationObserver(relabel).observe(document.body, { childList: true, subtree: true });
});
