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
