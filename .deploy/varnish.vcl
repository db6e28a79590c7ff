# Varnish in front of the application servers: reader pages are kept for as long as the
# application's Cache-Control allows, everything personal or staff-only goes straight
# through, and the application purges a page the moment it changes.
vcl 4.1;

import std;

# The application servers and the addresses allowed to purge, written for each
# deployment by .deploy/backend-vcl and found on vcl_path.
include "backend.vcl";

sub vcl_recv {
    # Set only by this file; a client's own values mean nothing.
    unset req.http.X-Cache;
    unset req.http.X-Reader-Cookie;
    if (req.http.Host) {
        set req.http.Host = std.tolower(req.http.Host);
    }
    # The reader's address for the application's rate limits and sign-in lockout
    # (RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP): overwritten, never passed on from the client.
    set req.http.X-Real-IP = client.ip;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        call purge;
    }
    if (req.method !~ "^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$") {
        return (synth(405, "Method not allowed"));
    }

    # One stored copy per encoding Varnish can serve: gzip, or plain for the rare client
    # without it (Varnish unzips for those).
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff areas, the comment forms and accounts are personal whatever they send.
    if (req.url ~ "^/(admin|django-admin|comments|accounts)(/|\?|$)") {
        return (pass);
    }
    # Signed-in people (and a notice waiting to be shown) see their own page.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Every other cookie (the CSRF token, analytics) is left out of the lookup, so all
    # readers share one copy. It still reaches the application on a miss, so a reader's
    # CSRF token is kept rather than replaced: a page that uses it answers with
    # Set-Cookie, and such a response is never stored (vcl_backend_response).
    if (req.http.Cookie) {
        set req.http.X-Reader-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    return (hash);
}

# PURGE drops the address and every query-string variant of it (?page=2, ?utm_source=…);
# with "X-Purge-Scope: prefix", everything under the path too (a moved or deleted section,
# or "/" for a site-wide change). A ban on the stored path, which the ban lurker applies.
sub purge {
    set req.http.X-Purge-Path = regsub(req.url, "[?#].*$", "");
    if (req.http.X-Purge-Scope == "prefix") {
        set req.http.X-Purge-Test = "obj.http.X-Url-Path ~ ^" + req.http.X-Purge-Path;
    } else {
        set req.http.X-Purge-Test = "obj.http.X-Url-Path == " + req.http.X-Purge-Path;
    }
    if (std.ban("obj.http.X-Host == " + req.http.Host + " && " + req.http.X-Purge-Test)) {
        return (synth(200, "Purged"));
    }
    return (synth(400, "Bad purge: " + std.ban_error()));
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    if (bereq.http.X-Reader-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Reader-Cookie;
        unset bereq.http.X-Reader-Cookie;
    }
}

sub vcl_backend_response {
    # Where a stored copy came from, for PURGE's bans.
    set beresp.http.X-Host = bereq.http.Host;
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    # Stored copies are looked up without cookies (vcl_recv), so they cannot vary on them.
    if (beresp.http.Vary ~ "(?i)\bcookie\b") {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*cookie\s*(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # A failed refresh keeps the copy readers already have (within its grace).
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Kept only when the application says for how long (s-maxage, else max-age) and the
    # response is the same for everyone: no cookie set, nothing private.
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=[1-9]"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        # Hit-for-miss: requests for this address go straight to the application for a
        # while instead of queueing behind each other.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Lifetime and grace are Varnish's reading of Cache-Control (stale-while-revalidate
    # included), never overridden here.
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    if (req.http.X-Cache == "HIT") {
        set resp.http.X-Cache-Hits = obj.hits;
    }
    unset resp.http.X-Host;
    unset resp.http.X-Url-Path;
}
