package io.restorejobcanceller.find;

import java.time.Clock;
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
import io.restorejobcanceller.job.StatusLine;
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
    private final StatusLine statusLine;
    private final Clock clock;

    RestoreJobLister(ListRequests requests, GuardProperties guard, StatusLine statusLine, Clock clock) {
        this.requests = requests;
        this.guard = guard;
        this.statusLine = statusLine;
        this.clock = clock;
    }

    Listing list(FindRequest request) throws InterruptedException {
        List<Found> found = new ArrayList<>();
        List<NotListed> notListed = new ArrayList<>();
        int projectsListed = 0;
        int clustersListed = 0;
        List<Project> projects = projects(request, notListed);
        ListingProgress progress = new ListingProgress(statusLine, clock, projects.size());
        for (Project project : projects) {
            List<String> clusters = request.clusters();
            if (clusters.isEmpty()) {
                List<Cluster> all = new ArrayList<>();
                NotListed problem = all(project.id(), "project " + project.id(), (c, page) -> c.listClusters(project.id(), SIZE, page),
                        Cluster.class, all::add);
                if (problem != null) {
                    notListed.add(problem);
                    progress.projectNotListed();
                    continue;
                }
                clusters = all.stream().map(Cluster::name).toList();
            }
            projectsListed++;
            int seenBefore = found.size();
            for (String cluster : clusters) {
                NotListed problem = all(project.id(), "cluster " + project.id() + "/" + cluster,
                        (c, page) -> c.listRestoreJobs(project.id(), cluster, SIZE, page),
                        ListedRestoreJob.class, job -> {
                            found.add(new Found(project.id(), project.name(), cluster, job,
                                    Reason.of(job, request.snapshotBefore(), request.snapshotAfter())));
                            progress.seen();
                        });
                if (problem != null) {
                    notListed.add(problem);
                } else {
                    clustersListed++;
                    progress.clusterListed();
                }
            }
            progress.projectDone(project.id(), clusters.size(), found.size() - seenBefore);
        }
        return new Listing(found, projectsListed, clustersListed, notListed);
    }

    /**
     * A project's name, asked of Atlas (one request: a project given by id has no name otherwise), or {@code null}:
     * a refused or unanswered look-up loses the name, not the listing.
     */
    private String name(String groupId) throws InterruptedException {
        String[] name = {null};
        NotListed problem = tried("project " + groupId, () -> name[0] = requests.one(groupId, c -> c.getProject(groupId), Project.class).name());
        if (problem != null) {
            log.warn("Project {}: its name is not known ({}); listed without it", groupId, problem.said());
        }
        return name[0];
    }

    /** The projects given (the guard's refusals named), or every project the credentials see that the guard allows. */
    private List<Project> projects(FindRequest request, List<NotListed> notListed) throws InterruptedException {
        if (!request.allProjects()) {
            List<Project> given = new ArrayList<>();
            for (String id : request.projects()) {
                if (guard.allows(id)) {
                    given.add(new Project(id, name(id)));
                } else {
                    notListed.add(new NotListed("project " + id, GuardProperties.PROJECT_NOT_ALLOWED + " (not in canceller.guard.allowed-projects)", true));
                }
            }
            return given;
        }
        List<Project> all = new ArrayList<>();
        NotListed problem = all(null, "the projects", (c, page) -> c.listProjects(SIZE, page), Project.class, project -> {
            if (guard.allows(project.id())) {
                all.add(project);
            }
        });
        if (problem != null) {
            throw new FindRefusedException("Atlas did not list the projects (" + problem.said() + ")");
        }
        return all;
    }

    /** Reads every page of a list (given the page number) into {@code sink}; returns why it could not ({@code null}: read whole). */
    private <T> NotListed all(String project, String what, BiFunction<AtlasEndpoints, Integer, Response> list, Class<T> type,
                              Consumer<T> sink) throws InterruptedException {
        boolean[] more = {true};
        for (int page = 1; more[0]; page++) {
            int pageNum = page;
            NotListed problem = tried(what, () -> {
                AtlasPage<T> answer = requests.page(project, client -> list.apply(client, pageNum), type);
                answer.results().forEach(sink);
                more[0] = answer.hasNextAfter(pageNum);
            });
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private interface Request {
        void send() throws InterruptedException;
    }

    /**
     * Sends one request of the listing; returns why it got no usable answer ({@code null}: it did): a refusal is an
     * answer of Atlas's with an error code that sending again would not change. A refusal of the credentials or of
     * this host stops everything.
     */
    private static NotListed tried(String what, Request request) throws InterruptedException {
        try {
            request.send();
            return null;
        } catch (AtlasApiException e) {
            if (e.verdict() == AtlasVerdict.CREDENTIALS_REFUSED) {
                throw new FindRefusedException("Atlas refused the credentials (" + e.getMessage() + "); check them (docs/credentials.md)");
            }
            if (e.verdict() == AtlasVerdict.HOST_NOT_ALLOWED) {
                throw new FindRefusedException("Atlas refuses requests from this host (" + e.getMessage() + "); add this host's "
                        + "public IP address to the organisation's API access list, or run from a host on it");
            }
            return new NotListed(what, e.getMessage(), e.errorCode() != null && e.verdict() != AtlasVerdict.TRANSIENT);
        } catch (AtlasUnreachableException e) {
            return new NotListed(what, e.getMessage(), false);
        }
    }
}
