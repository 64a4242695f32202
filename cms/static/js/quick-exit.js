/* "Lämna sidan snabbt": leave for a neutral site and replace this page in the history, so Back
   does not return here. Also on three presses of Escape. Without JavaScript the link still leaves. */
(function () {
    "use strict";
    var link = document.querySelector("[data-quick-exit]");
    if (!link) {
        return;
    }
    var status = document.querySelector("[data-quick-exit-status]");
    var presses = 0;
    var timer = null;

    function leave(event) {
        if (event) {
            event.preventDefault();
        }
        // Hide the page at once: the next site may take a moment to load.
        document.body.hidden = true;
        document.title = "";
        window.location.replace(link.href);
    }

    // The stylesheet keeps focused elements clear of the sticky bar by this height; the bar wraps to
    // more lines on a narrow screen or at a large text size, so it is measured, not guessed.
    var bar = link.closest(".quick-exit-bar");
    if (bar && window.ResizeObserver) {
        new ResizeObserver(function () {
            document.documentElement.style.setProperty("--quick-exit-bar-height", bar.offsetHeight + "px");
        }).observe(bar);
    }
    // The browser does not scroll to an element that is already partly in view, such as a table
    // taller than the screen whose top is under the bar: move it down so its top edge shows.
    if (bar) {
        document.addEventListener("focusin", function (event) {
            var target = event.target;
            if (bar.contains(target) || !target.getBoundingClientRect) {
                return;
            }
            var gap = bar.getBoundingClientRect().bottom + 8 - target.getBoundingClientRect().top;
            if (gap > 0) {
                window.scrollBy(0, -gap);
            }
        });
    }

    link.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") {
            return;
        }
        presses += 1;
        window.clearTimeout(timer);
        if (presses >= 3) {
            leave(event);
            return;
        }
        if (status && presses === 1) {
            status.textContent = link.getAttribute("data-escape-hint");
        }
        timer = window.setTimeout(function () {
            presses = 0;
            if (status) {
                status.textContent = "";
            }
        }, 2000);
    });
})();
