package io.restorejobcanceller.find;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import feign.Response;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.client.AtlasEndpoints;
import io.restorejobcanceller.atlas.AtlasPage;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.job.GuardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Pages through the projects in scope, their clusters and the clusters' restore jobs, one request per page of 500,
 * and tells each restore job's {@link Reason}. A project or cluster Atlas refuses (or never answers for) is named in
 * the {@link Listing} and the rest is still listed; a refusal of the credentials or of this host stops everything
 * ({@link FindRefusedException}).
 */
@Component
class RestoreJobLister {

    private static final Logger log = LoggerFactory.getLogger(RestoreJobLister.class);
    private static final int SIZE = AtlasPage.ITEMS_PER_PAGE;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cluster(String name) {
    }

    private final ListRequests requests;
    private final GuardProperties guard;

    RestoreJobLister(ListRequests requests, GuardProperties guard) {
        this.requests = requests;
        this.guard = guard;
    }

    Listing list(FindRequest request) throws InterruptedException {
        List<Found> found = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int projectsListed = 0;
        int clustersListed = 0;
        for (Project project : projects(request, refused)) {
            List<String> clusters = request.clusters();
            if (clusters.isEmpty()) {
                List<Cluster> all = new ArrayList<>();
                String problem = all(project.id(), (c, page) -> c.listClusters(project.id(), SIZE, page), Cluster.class, all::add);
                if (problem != null) {
                    refused.add("project " + project.id() + ": " + problem);
                    continue;
                }
                clusters = all.stream().map(Cluster::name).toList();
            }
            projectsListed++;
            int seenBefore = found.size();
            for (String cluster : clusters) {
                String problem = all(project.id(), (c, page) -> c.listRestoreJobs(project.id(), cluster, SIZE, page),
                        ListedRestoreJob.class, job -> found.add(new Found(project.id(), project.name(), cluster, job,
                                Reason.of(job, request.snapshotBefore(), request.snapshotAfter()))));
                if (problem != null) {
                    refused.add("cluster " + project.id() + "/" + cluster + ": " + problem);
                } else {
                    clustersListed++;
                }
            }
            log.info("Listed project {}: {} clusters, {} restore jobs", project.id(), clusters.size(), found.size() - seenBefore);
        }
        return new Listing(found, projectsListed, clustersListed, refused);
    }

    /** The projects given (the guard's refusals named), or every project the credentials see that the guard allows. */
    private List<Project> projects(FindRequest request, List<String> refused) throws InterruptedException {
        if (!request.allProjects()) {
            List<Project> given = new ArrayList<>();
            for (String id : request.projects()) {
                if (guard.allows(id)) {
                    given.add(new Project(id, null));
                } else {
                    refused.add("project " + id + ": " + GuardProperties.PROJECT_NOT_ALLOWED + " (not in canceller.guard.allowed-projects)");
                }
            }
            return given;
        }
        List<Project> all = new ArrayList<>();
        String problem = all(null, (c, page) -> c.listProjects(SIZE, page), Project.class, project -> {
            if (guard.allows(project.id())) {
                all.add(project);
            }
        });
        if (problem != null) {
            throw new FindRefusedException("Atlas did not list the projects (" + problem + ")");
        }
        return all;
    }

    /** Reads every page of a list (given the page number) into {@code sink}; returns why it could not ({@code null}: read whole). */
    private <T> String all(String project, BiFunction<AtlasEndpoints, Integer, Response> list, Class<T> type, Consumer<T> sink)
            throws InterruptedException {
        for (int page = 1; ; page++) {
            AtlasPage<T> answer;
            try {
                int pageNum = page;
                answer = requests.page(project, client -> list.apply(client, pageNum), type);
            } catch (AtlasApiException e) {
                if (e.verdict() == AtlasVerdict.CREDENTIALS_REFUSED) {
                    throw new FindRefusedException("Atlas refused the credentials (" + e.getMessage() + "); check them (docs/credentials.md)");
                }
                if (e.verdict() == AtlasVerdict.HOST_NOT_ALLOWED) {
                    throw new FindRefusedException("Atlas refuses requests from this host (" + e.getMessage() + "); add this host's "
                            + "public IP address to the organisation's API access list, or run from a host on it");
                }
                return e.getMessage();
            } catch (AtlasUnreachableException e) {
                return "no answer: " + e.getMessage();
            }
            answer.results().forEach(sink);
            if (!answer.hasNextAfter(page)) {
                return null;
            }
        }
    }

}
