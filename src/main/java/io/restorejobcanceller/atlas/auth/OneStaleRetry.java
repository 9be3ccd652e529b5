package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AtlasApiException;
import java.io.IOException;
import java.util.Locale;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;

/**
 * At most one {@code stale=true} Digest challenge is answered per request. HttpClient answers each one again with the
 * new nonce, without limit: a server that calls every nonce stale (a load balancer in front of nodes with different
 * nonce secrets) would get requests in a tight loop, below the rate limit. The second stale answer is handed back as
 * it came, a 401 that {@link AtlasApiException} counts as transient. Sits between HttpClient's authentication and
 * the connection, so it sees every round trip of one request.
 */
public final class OneStaleRetry implements ExecChainHandler {

    private static final String STALE_ANSWERS = OneStaleRetry.class.getName() + ".staleAnswers";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        if (isStaleChallenge(response)) {
            var context = scope.clientContext;
            int answers = context.getAttribute(STALE_ANSWERS) instanceof Integer count ? count + 1 : 1;
            context.setAttribute(STALE_ANSWERS, answers);
            if (answers > 1) {
                context.setRequestConfig(RequestConfig.copy(context.getRequestConfigOrDefault())
                        .setAuthenticationEnabled(false).build());
            }
        }
        return response;
    }

    /** A 401 whose Digest challenge says the nonce used is stale (the credentials themselves were right). */
    static boolean isStaleChallenge(HttpResponse response) {
        if (response.getCode() != HttpStatus.SC_UNAUTHORIZED) {
            return false;
        }
        for (Header challenge : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
            if (isStale(challenge.getValue())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isStale(String challenge) {
        String value = challenge.toLowerCase(Locale.ROOT).replace(" ", "");
        return value.startsWith("digest") && (value.contains("stale=true") || value.contains("stale=\"true\""));
    }
}
