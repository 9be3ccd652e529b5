package io.restorejobcanceller.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Atlas's lists of projects, clusters and restore jobs as data, answered in pages as Atlas does
 * ({@code {"links": [self, next], "results": [...], "totalCount": N}}, {@code itemsPerPage} at most 500, {@code pageNum}
 * from 1), each list only to its own {@code Accept} version (406 otherwise). Served by WireMock ({@link #serveOn}) or by
 * a JDK server ({@link #answer}).
 */
public final class AtlasLists {

    public static final String PROJECTS_ACCEPT = "application/vnd.atlas.2023-01-01+json";
    public static final String CLUSTERS_ACCEPT = "application/vnd.atlas.2024-08-05+json";
    public static final String RESTORE_JOBS_ACCEPT = "application/vnd.atlas.2023-01-01+json";
    private static final String V2 = "/api/atlas/v2";
    private static final int MAX_ITEMS_PER_PAGE = 500;
    private static final Map.Entry<Integer, String> NOT_ACCEPTABLE =
            Map.entry(406, "{\"error\":406,\"errorCode\":\"INVALID_VERSION_DATE\",\"reason\":\"Not Acceptable\",\"detail\":\"stub\"}");

    /** path of the list → its Accept version and items (JSON objects). */
    private final Map<String, Map.Entry<String, List<String>>> lists = new LinkedHashMap<>();
    /** path of one resource (a project) → its Accept version and JSON object. */
    private final Map<String, Map.Entry<String, String>> resources = new LinkedHashMap<>();

    public AtlasLists() {
        lists.put(V2 + "/groups", Map.entry(PROJECTS_ACCEPT, new ArrayList<>()));
    }

    /** A project (in the projects list, and at {@code GET /groups/{groupId}}) and its clusters, each with no restore job yet. */
    public AtlasLists project(String groupId, String name, String... clusters) {
        String project = "{\"id\":\"%s\",\"name\":\"%s\",\"orgId\":\"5f0c\",\"clusterCount\":%d}".formatted(groupId, name, clusters.length);
        lists.get(V2 + "/groups").getValue().add(project);
        resources.put(projectPath(groupId), Map.entry(PROJECTS_ACCEPT, project));
        lists.put(clustersPath(groupId), Map.entry(CLUSTERS_ACCEPT, new ArrayList<>()));
        for (String cluster : clusters) {
            cluster(groupId, cluster);
        }
        return this;
    }

    /** Another cluster, with no restore job yet, of a project added before. */
    public AtlasLists cluster(String groupId, String cluster) {
        lists.get(clustersPath(groupId)).getValue()
                .add("{\"name\":\"%s\",\"clusterType\":\"REPLICASET\",\"stateName\":\"IDLE\"}".formatted(cluster));
        lists.put(restoreJobsPath(groupId, cluster), Map.entry(RESTORE_JOBS_ACCEPT, new ArrayList<>()));
        return this;
    }

    /** Adds restore jobs (made by {@link #job}) to a cluster of a project added before. */
    public AtlasLists restoreJobs(String groupId, String cluster, List<String> jobs) {
        lists.get(restoreJobsPath(groupId, cluster)).getValue().addAll(jobs);
        return this;
    }

    /**
     * A restore job as Atlas lists it. {@code state}: {@code running}, {@code cancelled}, {@code expired},
     * {@code failed} or {@code finished}.
     */
    public static String job(String id, String deliveryType, String state, String snapshotTime) {
        boolean finished = state.equals("finished") || state.equals("expired");
        return ("{\"id\":\"%s\",\"deliveryType\":\"%s\",\"cancelled\":%s,\"expired\":%s,\"failed\":%s,%s"
                + "\"timestamp\":\"%s\",\"expiresAt\":\"2026-12-31T00:00:00Z\",\"snapshotId\":\"6a1\",\"targetClusterName\":\"t\","
                + "\"components\":[],\"links\":[{\"rel\":\"self\",\"href\":\"https://cloud.mongodb.com/x\"}]}").formatted(id,
                deliveryType, state.equals("cancelled"), state.equals("expired"), state.equals("failed"),
                finished ? "\"finishedAt\":\"2026-11-29T00:00:00Z\"," : "", snapshotTime);
    }

    /** {@code projects} projects of {@code clusters} clusters of {@code jobs} cancellable download restore jobs each. */
    public static AtlasLists generated(int projects, int clusters, int jobs) {
        AtlasLists lists = new AtlasLists();
        for (int p = 1; p <= projects; p++) {
            String groupId = "%024x".formatted(0x6c000000L + p);
            lists.project(groupId, "project-" + p);
            for (int c = 1; c <= clusters; c++) {
                String cluster = "Cluster" + c;
                lists.cluster(groupId, cluster);
                int base = (p * clusters + c) * jobs;
                lists.restoreJobs(groupId, cluster, java.util.stream.IntStream.range(0, jobs)
                        .mapToObj(j -> job("%024x".formatted(0x7c0000000L + base + j), "download", "running", "2026-11-25T00:00:00Z")).toList());
            }
        }
        return lists;
    }

    public static String projectPath(String groupId) {
        return V2 + "/groups/" + groupId;
    }

    public static String clustersPath(String groupId) {
        return V2 + "/groups/" + groupId + "/clusters";
    }

    public static String restoreJobsPath(String groupId, String cluster) {
        return V2 + "/groups/" + groupId + "/clusters/" + cluster + "/backup/restoreJobs";
    }

    /** The answer to a GET of this path and query with this Accept header: status and body, or empty when no list is there. */
    public Optional<Map.Entry<Integer, String>> answer(String path, String query, String accept, String baseUrl) {
        Map.Entry<String, String> resource = resources.get(path);
        if (resource != null) {
            return Optional.of(resource.getKey().equals(accept) ? Map.entry(200, resource.getValue()) : NOT_ACCEPTABLE);
        }
        Map.Entry<String, List<String>> list = lists.get(path);
        if (list == null) {
            return Optional.empty();
        }
        if (!list.getKey().equals(accept)) {
            return Optional.of(NOT_ACCEPTABLE);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int size = Integer.parseInt(params.getOrDefault("itemsPerPage", "100"));
        int page = Integer.parseInt(params.getOrDefault("pageNum", "1"));
        if (size > MAX_ITEMS_PER_PAGE) {
            return Optional.of(Map.entry(400, "{\"error\":400,\"errorCode\":\"INVALID_QUERY_PARAMETER\",\"reason\":\"Bad Request\",\"detail\":\"stub\"}"));
        }
        return Optional.of(Map.entry(200, page(baseUrl + path, list.getValue(), size, page)));
    }

    /** Answers a GET of one of these lists on a JDK server; {@code false} (nothing sent) for any other request. */
    public boolean answer(com.sun.net.httpserver.HttpExchange exchange, String baseUrl) throws java.io.IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            return false;
        }
        var answer = answer(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Accept"), baseUrl).orElse(Map.entry(404, "{}"));
        byte[] body = answer.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.getKey(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return true;
    }

    private static String page(String url, List<String> items, int size, int page) {
        int from = Math.min(items.size(), (page - 1) * size);
        int to = Math.min(items.size(), from + size);
        String links = "{\"rel\":\"self\",\"href\":\"%s?pageNum=%d&itemsPerPage=%d\"}".formatted(url, page, size)
                + (to < items.size() ? ",{\"rel\":\"next\",\"href\":\"%s?pageNum=%d&itemsPerPage=%d\"}".formatted(url, page + 1, size) : "");
        return "{\"links\":[" + links + "],\"results\":[" + String.join(",", items.subList(from, to)) + "],\"totalCount\":" + items.size() + "}";
    }

    /**
     * Every page of every list as a WireMock stub (only {@code itemsPerPage=500} is served; any other query is a 404),
     * and every project.
     */
    public void serveOn(WireMockServer server, String baseUrl) {
        resources.forEach((path, resource) -> {
            server.stubFor(get(urlEqualTo(path)).atPriority(5).withHeader("Accept", equalTo(resource.getKey()))
                    .willReturn(json(Map.entry(200, resource.getValue()))));
            server.stubFor(get(urlEqualTo(path)).atPriority(6).withHeader("Accept", not(equalTo(resource.getKey()))).willReturn(json(NOT_ACCEPTABLE)));
        });
        lists.forEach((path, list) -> {
            int pages = Math.max(1, (list.getValue().size() + MAX_ITEMS_PER_PAGE - 1) / MAX_ITEMS_PER_PAGE);
            for (int page = 1; page <= pages; page++) {
                String query = "itemsPerPage=" + MAX_ITEMS_PER_PAGE + "&pageNum=" + page;
                server.stubFor(get(urlEqualTo(path + "?" + query)).atPriority(5).withHeader("Accept", equalTo(list.getKey()))
                        .willReturn(json(answer(path, query, list.getKey(), baseUrl).orElseThrow())));
            }
            server.stubFor(get(urlPathEqualTo(path)).atPriority(6).withHeader("Accept", not(equalTo(list.getKey()))).willReturn(json(answer(path, "", "any other", baseUrl).orElseThrow())));
        });
    }

    private static ResponseDefinitionBuilder json(Map.Entry<Integer, String> answer) {
        return aResponse().withStatus(answer.getKey()).withHeader("Content-Type", "application/json").withBody(answer.getValue());
    }

    /** The GETs WireMock received of this path, as {@code pageNum=...} queries in order. */
    public static List<String> pagesRequested(WireMockServer server, String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> r.getUrl().substring(r.getUrl().indexOf('?') + 1)).collect(Collectors.toList());
    }

    /** Every GET WireMock received under the Atlas API. */
    public static int listRequests(WireMockServer server) {
        return server.countRequestsMatching(getRequestedFor(urlPathMatching(V2 + "/.*")).build()).getCount();
    }
}
