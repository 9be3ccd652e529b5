package io.restorejobcanceller.atlas.auth;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScheme;
import org.apache.hc.client5.http.auth.AuthStateCacheable;
import org.apache.hc.client5.http.auth.AuthenticationException;
import org.apache.hc.client5.http.auth.MalformedChallengeException;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The auth cache shared by every request to Atlas. HttpClient's {@code BasicAuthCache} stores a serialized copy
 * of the scheme per host <em>and path prefix</em>: each DELETE would then start from the same nonce count (which a
 * server may refuse as a replay) and every new group or cluster in the path would pay a fresh 401 round trip.
 * This one keeps the live scheme per host, so the nonce count keeps increasing across requests.
 */
public final class SharedDigestAuthCache implements AuthCache {

    private final Map<String, AuthScheme> schemes = new ConcurrentHashMap<>();

    private static String key(HttpHost host) {
        return host.toURI().toLowerCase(Locale.ROOT);
    }

    @Override
    public void put(HttpHost host, AuthScheme authScheme) {
        schemes.put(key(host), authScheme);
    }

    @Override
    public AuthScheme get(HttpHost host) {
        return schemes.get(key(host));
    }

    @Override
    public void remove(HttpHost host) {
        schemes.remove(key(host));
    }

    @Override
    public void clear() {
        schemes.clear();
    }

    @Override
    public void put(HttpHost host, String pathPrefix, AuthScheme authScheme) {
        put(host, authScheme);
    }

    @Override
    public AuthScheme get(HttpHost host, String pathPrefix) {
        return get(host);
    }

    @Override
    public void remove(HttpHost host, String pathPrefix) {
        remove(host);
    }

    /** HttpClient's Digest scheme, made safe to share between the threads that send DELETEs. */
    @AuthStateCacheable
    public static final class SharedDigestScheme extends DigestScheme {

        @Override
        public synchronized void processChallenge(AuthChallenge challenge, HttpContext context)
                throws MalformedChallengeException {
            super.processChallenge(challenge, context);
        }

        @Override
        public synchronized String generateAuthResponse(HttpHost host, HttpRequest request, HttpContext context)
                throws AuthenticationException {
            return super.generateAuthResponse(host, request, context);
        }
    }
}
