package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.RestoreJobState;
import io.restorejobcanceller.atlas.client.InFlightRequests;
import io.restorejobcanceller.atlas.client.RestoreJobs;
import io.restorejobcanceller.atlas.Retries;
import io.restorejobcanceller.atlas.RunRefusedException;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.outcome.Outcome;

import org.springframework.stereotype.Component;

/**
 * Sends one row's requests ({@link RequestPlan}) until the row has a final outcome: each request waits for its
 * permit ({@link RequestThrottle}), the answers feed the throttle ({@link ThrottleFeedback}), an error answer means
 * what {@link RowResult#of} says, and transient ones go through the {@link Retries} loop.
 */
@Component
public class RestoreJobCancelSender {

    private final RestoreJobs atlas;
    private final Retries retries;
    private final RequestThrottle throttle;
    private final ThrottleFeedback feedback;

    public RestoreJobCancelSender(RestoreJobs atlas, RetryProperties retry, Sleeper sleeper, RequestThrottle throttle) {
        this.atlas = atlas;
        this.throttle = throttle;
        this.retries = new Retries(retry.policy(), sleeper);
        this.feedback = new ThrottleFeedback(throttle, retry);
    }

    /** The row's final outcome after its DELETE. */
    public RowResult send(CancellationTarget target) throws InterruptedException {
        return send(target, RequestPlan.DELETE);
    }

    /**
     * The row's final outcome after its requests, retried; each waits for its permit. A refusal of the credentials or
     * of this host throws {@link RunRefusedException}; a stop that cuts its request short, {@link InterruptedException}
     * (no outcome).
     */
    public RowResult send(CancellationTarget target, RequestPlan plan) throws InterruptedException {
        return send(new Row(target, plan, false));
    }

    /** As {@link #send(CancellationTarget, RequestPlan)}, the permit of its first request taken already ({@link RequestDispatcher}). */
    public RowResult sendDispatched(CancellationTarget target, RequestPlan plan) throws InterruptedException {
        return send(new Row(target, plan, true));
    }

    private RowResult send(Row row) throws InterruptedException {
        return retries.run(row::attempt, (failure, attempts) -> RowResult.gaveUp(failure, attempts, row.deletes));
    }

    /** One row's requests so far. */
    private final class Row {

        private final CancellationTarget target;
        private final String project;
        private final RequestPlan plan;
        private final boolean firstPermitTaken;
        private RestoreJobState state;
        private int deletes;
        private int rateLimited;
        private boolean unansweredBefore;

        private Row(CancellationTarget target, RequestPlan plan, boolean firstPermitTaken) {
            this.target = target;
            this.project = target.groupId();
            this.plan = plan;
            this.firstPermitTaken = firstPermitTaken;
        }

        private Retries.Attempt<RowResult> attempt(int number) throws InterruptedException {
            int deletesBefore = deletes;
            Endpoint sending = plan.checksFirst() && state == null ? Endpoint.CHECK : Endpoint.CANCEL;
            if (number > 1 || !firstPermitTaken) {
                throttle.beforeRequest(sending, project);
            }
            try {
                if (sending == Endpoint.CHECK) {
                    state = atlas.restoreJob(target);
                    RowResult decided = plan.decide(state);
                    if (decided != null) {
                        return new Retries.Done<>(decided);
                    }
                    sending = Endpoint.CANCEL;
                    throttle.beforeRequest(sending, project);
                }
                deletes++;
                AtlasAnswer answer = atlas.cancelRestoreJob(target);
                feedback.answered(sending, project, answer);
                return new Retries.Done<>(new RowResult(Outcome.CANCELLED, answer.status(), null,
                        unansweredBefore ? RowResult.EARLIER_UNANSWERED : null, deletes));
            } catch (AtlasApiException e) {
                rateLimited += e.status() == 429 ? 1 : 0;
                var asked = feedback.refused(sending, project, e, rateLimited);
                RowResult result = RowResult.of(e, target, deletes, unansweredBefore, atlas.destination());
                return result != null ? new Retries.Done<>(result) : new Retries.Again<>(e, asked);
            } catch (AtlasUnreachableException e) {
                if (InFlightRequests.isStop(e)) {
                    throw new InterruptedException("stopped before Atlas answered (its outcome unknown, the row has none:"
                            + " a restart sends it again)");
                }
                unansweredBefore |= deletes > deletesBefore; // only an unanswered DELETE may have cancelled the job
                return new Retries.Again<>(e, null);
            }
        }
    }
}
