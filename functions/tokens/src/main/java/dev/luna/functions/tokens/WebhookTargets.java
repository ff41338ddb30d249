package dev.luna.functions.tokens;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook URLs alerts may be sent to. HTTPS only, and never to link-local (cloud metadata), loopback or
 * private addresses — a budget must not turn the monitor into a way to reach the deployment's own network — except
 * on the local runtime, where loopback and plain HTTP are allowed so a laptop can receive its own alerts.
 */
final class WebhookTargets {
    private final boolean local;

    WebhookTargets(boolean local) {
        this.local = local;
    }

    /** A problem with the URL's form, or null when it is acceptable (checked when a budget is set). */
    String formProblem(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "must be an absolute http(s) URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) return "must be an absolute http(s) URL";
        if (scheme.equals("http") && !local) return "must use https";
        if (uri.getUserInfo() != null) return "must not carry credentials";
        if (url.length() > 2048) return "must be at most 2048 characters";
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("169.254.169.254") || host.startsWith("169.254.") || host.equals("metadata.google.internal")) return "must not target a link-local address";
        if (!local && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) return "must not target this host";
        return null;
    }

    /** Checks the resolved address at send time; returns a problem or null. */
    String addressProblem(URI uri) {
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) return "resolves to a forbidden address " + a.getHostAddress();
                if (!local && (a.isLoopbackAddress() || a.isSiteLocalAddress())) return "resolves to a private address " + a.getHostAddress();
            }
            return null;
        } catch (UnknownHostException e) {
            return "host " + uri.getHost() + " does not resolve";
        }
    }
}
