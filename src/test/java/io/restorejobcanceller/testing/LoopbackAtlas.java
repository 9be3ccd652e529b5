package io.restorejobcanceller.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK-only stand-in for the Atlas endpoint, for the fault soak, the crash test and the benchmark (bench/ runs its
 * {@link #main}): answers after a fixed latency, counts requests in flight, and behaves like Atlas for repeated
 * DELETEs (a cancelled restore job answers 404 afterwards). A fault mix makes a share of the requests answer 503,
 * 429 with {@code Retry-After}, drop the connection without an answer, or hang past the client's read timeout.
 */
public final class LoopbackAtlas implements AutoCloseable {

    /** Shares (0..1) of the requests that get each fault; the rest succeed. */
    public record Faults(double unavailable, double rateLimited, double reset, double hang) {
        public static final Faults NONE = new Faults(0, 0, 0, 0);
    }

    private final HttpServer server;
    private final long latencyMillis;
    private final long hangMillis;
    private final Faults faults;
    private final SplittableRandom random;
    private final Map<String, AtomicInteger> deletes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deletesAfterCancel = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
    /** What each path was answered, in order: a status, "reset" or "hang" (the faults that send no answer). */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstRequestAtMillis = new AtomicLong();
    /** When the last request was answered (a DELETE's 204, for bench/run's rate from the first to the last DELETE). */
    private final AtomicLong lastAnsweredAtMillis = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final Map<String, AtomicLong> lastCancelAtMillis = new ConcurrentHashMap<>();
    private volatile TokenBuckets buckets;
    private volatile AtlasLists lists;
    private final AtomicLong listRequests = new AtomicLong();
    /** What {@code GET /api/atlas/v2/rateLimits} answers: the buckets (null: 404, as an older Atlas), or this refusal. */
    private volatile boolean refusingRateLimits;
    private final List<String> rateLimitLookups = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookUpsToRefuse = new AtomicInteger();
    private static final java.util.regex.Pattern RESTORE_JOB = java.util.regex.Pattern.compile(".*/backup/restoreJobs/[^/]+");

    public LoopbackAtlas(int port, long latencyMillis, Faults faults, long hangMillis, long seed) throws IOException {
        this.latencyMillis = latencyMillis;
        this.hangMillis = hangMillis;
        this.faults = faults;
        this.random = new SplittableRandom(seed);
        this.server = LoopbackServer.start(port, 128, "loopback-atlas", Map.of("/api/", this::handle, "/stats", this::stats));
    }

    public String baseUrl() {
        return LoopbackServer.baseUrl(server);
    }

    /**
     * Meters each project with a token bucket ({@code CAPACITY:REFILL_PER_MINUTE}, some projects apart), or all of them
     * with one ({@code shared}: the organisation's), and tells them at {@code GET /api/atlas/v2/rateLimits}.
     */
    public LoopbackAtlas withBuckets(String shape, Map<String, String> apart, boolean shared) {
        Map<String, TokenBuckets.Shape> shapes = new ConcurrentHashMap<>();
        apart.forEach((project, text) -> shapes.put(project, TokenBuckets.Shape.parse(text)));
        buckets = TokenBuckets.restoreJobs(TokenBuckets.Shape.parse(shape), shapes, shared);
        return this;
    }

    /** Meters the endpoints of these sets, each with its own buckets, and tells them at {@code GET /api/atlas/v2/rateLimits}. */
    public LoopbackAtlas withEndpointSets(TokenBuckets.EndpointSet... sets) {
        buckets = new TokenBuckets(List.of(sets));
        return this;
    }

    /** Answers GETs of these lists (a GET of a restore job is answered in any case: a download under way). */
    public LoopbackAtlas withLists(AtlasLists served) {
        lists = served;
        return this;
    }

    /** The first {@code count} look-ups of the buckets answer 429 with {@code Retry-After: 1}, as a bucket of their own would. */
    public LoopbackAtlas rateLimitingLookUps(int count) {
        lookUpsToRefuse.set(count);
        return this;
    }

    /** {@code GET /api/atlas/v2/rateLimits} answers 403 USER_UNAUTHORIZED (credentials without Project Read Only). */
    public LoopbackAtlas refusingRateLimits() {
        refusingRateLimits = true;
        return this;
    }

    /** The rate-limit look-ups: each one's query and Accept header, {@code QUERY | ACCEPT}. */
    public List<String> rateLimitLookups() {
        return rateLimitLookups;
    }

    /** 429s the token buckets answered. */
    public long rateLimited() {
        return rateLimited.get();
    }

    private void rateLimits(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            rateLimitLookups.add(query + " | " + exchange.getRequestHeaders().getFirst("Accept"));
            TokenBuckets told = buckets;
            if (refusingRateLimits) {
                answer(exchange, 403, "USER_UNAUTHORIZED", null, "Current user is not authorized to perform this action.");
                return;
            }
            if (lookUpsToRefuse.getAndDecrement() > 0) {
                answer(exchange, 429, "RATE_LIMITED_TOKEN_BUCKET", "1", "Please retry after 1 seconds.");
                return;
            }
            if (told == null) {
                answer(exchange, 404, "RESOURCE_NOT_FOUND", null);
                return;
            }
            String group = parameter(query, "groupId");
            List<String> results = told.told(group, java.net.URLDecoder.decode(parameter(query, "endpointPath"), StandardCharsets.UTF_8));
            byte[] body = ("{\"links\":[],\"results\":[" + String.join(",", results) + "],\"totalCount\":" + results.size() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.atlas.2025-03-12+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String parameter(String query, String name) {
        return query == null ? null : java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1)).findFirst().orElse(null);
    }

    /** A GET: of a restore job (a download under way, or cancelled), else of a list; both metered by the buckets. */
    private void get(HttpExchange exchange, String path) throws IOException {
        listRequests.incrementAndGet();
        pause(latencyMillis);
        if (rateLimited(exchange, path)) {
            return;
        }
        if (RESTORE_JOB.matcher(path).matches()) {
            byte[] body = ("{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\",\"deliveryType\":\"download\",\"cancelled\":"
                    + cancelled.containsKey(path) + ",\"expired\":false}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        AtlasLists served = lists;
        if (served == null || !served.answer(exchange, baseUrl())) {
            answer(exchange, 404, "RESOURCE_NOT_FOUND", null);
        }
    }

    /** Answers 429 RATE_LIMITED_TOKEN_BUCKET, as Atlas does, when the request's bucket has no token. */
    private boolean rateLimited(HttpExchange exchange, String path) throws IOException {
        TokenBuckets.Refusal refusal = buckets == null ? null : buckets.take(exchange.getRequestMethod(), path);
        if (refusal == null) {
            return false;
        }
        rateLimited.incrementAndGet();
        answers.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add("429");
        long seconds = (refusal.untilMillis() + 999) / 1000;
        answer(exchange, 429, "RATE_LIMITED_TOKEN_BUCKET", String.valueOf(seconds),
                "Please retry after " + seconds + " seconds. Request capacity: " + refusal.shape().capacity()
                        + ". Refill rate: " + refusal.shape().refillPerMinute() + " per 60 seconds",
                "[\"" + path.substring(1) + "\"," + seconds + "," + refusal.shape().capacity() + "," + refusal.shape().refillPerMinute() + ",60]");
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/api/atlas/v2/rateLimits")) {
            rateLimits(exchange);
            return;
        }
        firstRequestAtMillis.compareAndSet(0, System.currentTimeMillis());
        requests.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                get(exchange, path);
                return;
            }
            deletes.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            List<String> answered = answers.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>());
            if ((draw -= faults.hang()) < 0) {
                answered.add("hang");
                pause(hangMillis);
                return;
            }
            if ((draw -= faults.reset()) < 0) {
                answered.add("reset");
                return; // closed without an answer
            }
            pause(latencyMillis);
            inFlight.decrementAndGet(); // before answering: the client may send its next request as soon as it reads this
            counted = false;
            String project = path.split("/").length > 5 ? path.split("/")[5] : "";
            if (rateLimited(exchange, path)) {
                return;
            } else if ((draw -= faults.unavailable()) < 0) {
                answered.add("503");
                answer(exchange, 503, "SERVICE_UNAVAILABLE", null);
            } else if ((draw - faults.rateLimited()) < 0) {
                answered.add("429");
                answer(exchange, 429, "RATE_LIMITED", "1");
            } else if (cancelled.putIfAbsent(path, Boolean.TRUE) != null) {
                answered.add("404");
                deletesAfterCancel.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                answer(exchange, 404, "RESOURCE_NOT_FOUND", null);
            } else {
                answered.add("204");
                exchange.getResponseHeaders().add("RateLimit-Limit", "1000000");
                exchange.getResponseHeaders().add("RateLimit-Remaining", "999999");
                exchange.sendResponseHeaders(204, -1);
                lastAnsweredAtMillis.set(System.currentTimeMillis());
                lastCancelAtMillis.computeIfAbsent(project, p -> new AtomicLong()).set(System.currentTimeMillis());
            }
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String errorCode, String retryAfter) throws IOException {
        answer(exchange, status, errorCode, retryAfter, "stub");
    }

    private static void answer(HttpExchange exchange, int status, String errorCode, String retryAfter, String detail) throws IOException {
        answer(exchange, status, errorCode, retryAfter, detail, null);
    }

    /** {@code parameters}: the error body's {@code parameters} as a JSON array, or {@code null}. */
    private static void answer(HttpExchange exchange, int status, String errorCode, String retryAfter, String detail,
                               String parameters) throws IOException {
        byte[] body = ("{\"error\":" + status + ",\"errorCode\":\"" + errorCode + "\",\"reason\":\"stub\",\"detail\":\"" + detail + "\""
                + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code /stats}, or {@code /stats?reset}: the figures, then counted afresh (bench/run's next run in the same minute). */
    private void stats(HttpExchange exchange) throws IOException {
        byte[] body = statsText().getBytes(StandardCharsets.UTF_8);
        if ("reset".equals(exchange.getRequestURI().getRawQuery())) {
            requests.set(0);
            maxInFlight.set(0);
            firstRequestAtMillis.set(0);
            lastAnsweredAtMillis.set(0);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (exchange) {
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * requests, maxInFlight, firstRequestAtMillis, rateLimited (429s of the token buckets), one line per project with
     * its last successful DELETE, then one line per path: path deletes deletesAfterCancel.
     */
    public String statsText() {
        return "requests " + requests.get() + "\nlistRequests " + listRequests.get() + "\nmaxInFlight " + maxInFlight.get() + "\nfirstRequestAtMillis "
                + firstRequestAtMillis.get() + "\nlastAnsweredAtMillis " + lastAnsweredAtMillis.get() + "\nrateLimited " + rateLimited.get() + "\n" + lastCancelAtMillis.entrySet().stream()
                .map(e -> "lastCancelAtMillis " + e.getKey() + " " + e.getValue().get()).collect(Collectors.joining("\n", "", "\n"))
                + deletes.entrySet().stream()
                .map(e -> "path " + e.getKey() + " " + e.getValue().get() + " " + deletesAfterCancel(e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }

    public int deletes(String path) {
        AtomicInteger count = deletes.get(path);
        return count == null ? 0 : count.get();
    }

    /** What this path was answered, in order: "204", "404", "429", "503", or "reset" and "hang" (no answer). */
    public List<String> answersTo(String path) {
        return answers.getOrDefault(path, List.of());
    }

    public int deletesAfterCancel(String path) {
        AtomicInteger count = deletesAfterCancel.get(path);
        return count == null ? 0 : count.get();
    }

    public long requests() {
        return requests.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code LoopbackAtlas PORT LATENCY_MS [UNAVAILABLE RATE_LIMITED RESET HANG HANG_MS SEED]}: runs until killed. */
    public static void main(String[] args) throws Exception {
        Faults faults = args.length >= 6 ? new Faults(Double.parseDouble(args[2]), Double.parseDouble(args[3]),
                Double.parseDouble(args[4]), Double.parseDouble(args[5])) : Faults.NONE;
        long hangMillis = args.length >= 7 ? Long.parseLong(args[6]) : 0;
        long seed = args.length >= 8 ? Long.parseLong(args[7]) : 42;
        LoopbackAtlas atlas = new LoopbackAtlas(Integer.parseInt(args[0]), Long.parseLong(args[1]), faults, hangMillis, seed);
        // -Dbuckets=CAPACITY:REFILL_PER_MINUTE per project, -Dbucket.GROUP_ID=... for one project apart (bench/projects)
        if (System.getProperty("buckets") != null) {
            Map<String, TokenBuckets.Shape> apart = new ConcurrentHashMap<>();
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bucket."))
                    .forEach(name -> apart.put(name.substring("bucket.".length()), TokenBuckets.Shape.parse(System.getProperty(name))));
            // -Dbuckets.scope=ORGANIZATION: one bucket shared by every project
            atlas.buckets = TokenBuckets.restoreJobs(TokenBuckets.Shape.parse(System.getProperty("buckets")), apart,
                    "ORGANIZATION".equals(System.getProperty("buckets.scope")));
        }
        // -Dlists=PROJECTS:CLUSTERS:JOBS: Atlas's lists of that many projects, clusters each and download restore jobs
        // each (bench/find), every one cancellable
        if (System.getProperty("lists") != null) {
            String[] shape = System.getProperty("lists").split(":");
            atlas.lists = AtlasLists.generated(Integer.parseInt(shape[0]), Integer.parseInt(shape[1]), Integer.parseInt(shape[2]));
        }
        System.out.println("LoopbackAtlas listening on " + atlas.baseUrl());
        Thread.currentThread().join();
    }
}
