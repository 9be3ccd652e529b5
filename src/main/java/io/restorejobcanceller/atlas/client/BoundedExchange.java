package io.restorejobcanceller.atlas.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Every exchange with Atlas or its token endpoints ends within {@code canceller.atlas.request-timeout}, answer body
 * included: the read timeout applies to each socket read only, so an answer that drips a byte at a time, an endless
 * body or endless {@code 102 Processing} answers would hold a row (or the end of the run) forever. At the deadline the
 * connection is closed under the exchange. An answer body is never drained: one closed before its end closes the
 * connection, and one longer than {@link #MAX_BODY_BYTES} fails; HttpClient, Feign and Spring all drain on close.
 */
final class BoundedExchange implements ExecChainHandler {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Duration timeout;
    private final InFlightRequests inFlight;

    BoundedExchange(Duration timeout, InFlightRequests inFlight) {
        this.timeout = timeout;
        this.inFlight = inFlight;
    }

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "atlas-request-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        var deadline = new Deadline((Cancellable) scope.execRuntime, inFlight);
        inFlight.add(deadline.cut);
        deadline.arm(TIMER.schedule(deadline::expire, timeout.toMillis(), TimeUnit.MILLISECONDS));
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException | HttpException | RuntimeException e) {
            deadline.disarm();
            if (deadline.stopped || deadline.expired) {
                throw deadline.cause(e);
            }
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null || entity.getContentLength() == 0) {
            deadline.disarm();
        } else {
            response.setEntity(new BoundedEntity(entity, deadline));
        }
        return response;
    }

    private IOException timedOut(Exception cause) {
        var timedOut = new RequestTimeoutException("no complete answer within " + timeout.toMillis() + " ms"
                + " (canceller.atlas.request-timeout); the connection was closed");
        timedOut.initCause(cause);
        return timedOut;
    }

    /** The exchange's alarm: at expiry, or at a stop, the connection is closed under whatever reads or writes it. */
    private final class Deadline {

        private final Cancellable exchange;
        private final InFlightRequests inFlight;
        private volatile ScheduledFuture<?> alarm;
        private volatile boolean expired;
        private volatile boolean stopped;
        private final Runnable cut = this::stop;

        Deadline(Cancellable exchange, InFlightRequests inFlight) {
            this.exchange = exchange;
            this.inFlight = inFlight;
        }

        void stop() {
            stopped = true;
            exchange.cancel();
        }

        /** What a failure of the exchange cut short is: the stop's, or the deadline's. */
        IOException cause(Exception failure) {
            return stopped ? new InFlightRequests.Stopped(failure) : timedOut(failure);
        }

        void arm(ScheduledFuture<?> alarm) {
            this.alarm = alarm;
        }

        void expire() {
            expired = true;
            exchange.cancel();
        }

        void disarm() {
            alarm.cancel(false);
            inFlight.remove(cut);
        }

        /** Closes the connection now: what is left of the answer is not wanted. */
        void abandon() {
            disarm();
            exchange.cancel();
        }
    }

    /** The answer's body, read within the deadline, never drained. */
    private final class BoundedEntity extends HttpEntityWrapper {

        private final Deadline deadline;
        private BoundedStream content;

        BoundedEntity(HttpEntity wrapped, Deadline deadline) {
            super(wrapped);
            this.deadline = deadline;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            if (content == null) {
                content = new BoundedStream(super.getContent(), deadline);
            }
            return content;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            getContent().transferTo(out);
        }

        /** HttpClient closes a response by closing its entity, which would drain it. */
        @Override
        public void close() throws IOException {
            getContent().close();
            super.close();
        }
    }

    private final class BoundedStream extends FilterInputStream {

        private final Deadline deadline;
        private long read;
        private boolean ended;

        BoundedStream(InputStream in, Deadline deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                boolean cut = deadline.expired || deadline.stopped;
                deadline.abandon();
                if (cut) {
                    throw deadline.cause(e);
                }
                throw e;
            }
            if (n < 0) {
                ended = true;
                deadline.disarm();
            } else if ((read += n) > MAX_BODY_BYTES) {
                deadline.abandon();
                throw new IOException("answer body longer than " + MAX_BODY_BYTES + " bytes; the connection was closed");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int length = (int) Math.min(n, 8192);
            return Math.max(read(new byte[length], 0, length), 0);
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                deadline.abandon();
            }
            try {
                in.close();
            } catch (IOException closedUnderIt) {
                if (ended) {
                    throw closedUnderIt;
                }
            }
        }
    }
}
