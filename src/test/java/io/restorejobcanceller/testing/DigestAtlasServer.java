package io.restorejobcanceller.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback endpoint protected by HTTP Digest as Atlas does it (RFC 7616, MD5, qop=auth, realm "MMS Public API"):
 * it issues real challenges, checks every response hash, refuses a (cnonce, nonce count) pair used before with the
 * same nonce (a replay), and can
 * retire a nonce after some uses with a {@code stale=true} challenge. Counts every request on the wire.
 */
public final class DigestAtlasServer implements AutoCloseable {

    public static final String REALM = "MMS Public API";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final HttpServer server;
    private final String username;
    private final String password;
    private final int nonceUses;
    private final boolean staleForever;
    private final Map<String, Set<String>> seenNonceCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptedByPath = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger staleChallenges = new AtomicInteger();
    private final AtomicInteger refusedHashes = new AtomicInteger();
    private final AtomicInteger replayedCounts = new AtomicInteger();
    private volatile String currentNonce = newNonce();
    private volatile AtlasLists lists;

    /** @param nonceUses how many requests a nonce serves before it is retired as stale (0: never) */
    public DigestAtlasServer(String username, String password, int nonceUses) throws IOException {
        this(username, password, nonceUses, false);
    }

    /**
     * A server that calls every nonce stale once it is used, however right the answer, as a load balancer in front of
     * nodes with different nonce secrets does: it never accepts a request.
     */
    public static DigestAtlasServer staleForever(String username, String password) throws IOException {
        return new DigestAtlasServer(username, password, 0, true);
    }

    private DigestAtlasServer(String username, String password, int nonceUses, boolean staleForever) throws IOException {
        this.username = username;
        this.password = password;
        this.nonceUses = nonceUses;
        this.staleForever = staleForever;
        this.server = LoopbackServer.start(0, 16, "digest-server", Map.of("/", this::handle));
    }

    /** After authentication, GETs are answered from these lists (DELETEs still get 204). */
    public DigestAtlasServer serving(AtlasLists lists) {
        this.lists = lists;
        return this;
    }

    public String baseUrl() {
        return LoopbackServer.baseUrl(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Digest ")) {
            challenge(exchange, false);
            return;
        }
        Map<String, String> p = parse(header.substring("Digest ".length()));
        String nonce = p.getOrDefault("nonce", "");
        if (!nonce.equals(currentNonce)) {
            challenge(exchange, seenNonceCounts.containsKey(nonce));
            return;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(exchange.getRequestMethod() + ":" + p.get("uri"));
        // the hash must cover what was requested, query included: an answer for another URI is not one for this request
        boolean sameUri = exchange.getRequestURI().toString().equals(p.get("uri"));
        String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        if (!username.equals(p.get("username")) || !REALM.equals(p.get("realm")) || !"auth".equals(p.get("qop"))
                || !expected.equals(p.get("response")) || !sameUri) {
            refusedHashes.incrementAndGet();
            challenge(exchange, false);
            return;
        }
        long nc = Long.parseLong(p.get("nc"), 16);
        if (!seenNonceCounts.computeIfAbsent(nonce, k -> ConcurrentHashMap.newKeySet()).add(p.get("cnonce") + "/" + nc)) {
            replayedCounts.incrementAndGet();
            challenge(exchange, false);
            return;
        }
        if (staleForever) {
            currentNonce = newNonce();
            challenge(exchange, true);
            return;
        }
        if (nonceUses > 0 && nc >= nonceUses) {
            currentNonce = newNonce();
        }
        acceptedByPath.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
        AtlasLists served = lists;
        if (served != null && served.answer(exchange, baseUrl())) {
            return;
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void challenge(HttpExchange exchange, boolean stale) throws IOException {
        challenges.incrementAndGet();
        if (stale) {
            staleChallenges.incrementAndGet();
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", domain=\"\", nonce=\""
                + currentNonce + "\", algorithm=MD5, qop=\"auth\", stale=" + stale);
        byte[] body = "{\"error\":401,\"errorCode\":null,\"reason\":\"Unauthorized\",\"detail\":\"You are not authorized for this resource.\"}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            map.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return map;
    }

    private static String newNonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int requests() {
        return requests.get();
    }

    public int challenges() {
        return challenges.get();
    }

    public int staleChallenges() {
        return staleChallenges.get();
    }

    public int refusedHashes() {
        return refusedHashes.get();
    }

    public int replayedCounts() {
        return replayedCounts.get();
    }

    /** How many requests to this path were authenticated and answered 204. */
    public int accepted(String path) {
        AtomicInteger count = acceptedByPath.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
