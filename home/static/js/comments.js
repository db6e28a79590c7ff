/* Comments: "Reply" moves the comment form under the comment replied to, and the error
   summary takes focus. Without this script "Reply" opens a reply page, which works
   the same way. */
(function () {
    "use strict";

    var summary = document.querySelector(".error-summary");
    if (summary) {
        summary.focus();
    }

    var respond = document.getElementById("respond");
    if (!respond) {
        return;
    }
    var form = respond.querySelector("form");
    var heading = document.getElementById("respond-heading");
    var replyTo = form.elements.reply_to;
    var defaultHeading = heading.textContent;
    var submit = form.querySelector("button[type=submit]");
    var defaultSubmit = submit.textContent;
    var home = document.createElement("div");
    var cancel = document.createElement("button");
    var currentLink = null;

    home.hidden = true;
    respond.parentNode.insertBefore(home, respond);
    cancel.type = "button";
    cancel.className = "button-secondary comment-form__cancel";
    cancel.textContent = "Cancel reply";
    cancel.hidden = true;
    submit.parentNode.appendChild(cancel);

    function openReply(link) {
        var comment = document.getElementById("c" + link.dataset.replyTo);
        comment.parentNode.insertBefore(respond, comment.nextSibling);
        replyTo.value = link.dataset.replyTo;
        heading.textContent = "Reply to " + link.dataset.author;
        submit.textContent = "Post reply";
        respond.classList.add("comment-respond--reply");
        cancel.hidden = false;
        currentLink = link;
        form.elements.comment.focus();
    }

    function closeReply() {
        home.parentNode.insertBefore(respond, home.nextSibling);
        replyTo.value = "0";
        heading.textContent = defaultHeading;
        submit.textContent = defaultSubmit;
        respond.classList.remove("comment-respond--reply");
        cancel.hidden = true;
        if (currentLink) {
            currentLink.focus();
        }
        currentLink = null;
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest("a.comment__reply");
        if (link && link.dataset.replyTo) {
            event.preventDefault();
            openReply(link);
        }
    });
    cancel.addEventListener("click", closeReply);
})();
