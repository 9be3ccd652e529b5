package io.restorejobcanceller.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * For bench/run only: the ceiling the canceller is measured against. {@code THREADS} threads send {@code REQUESTS}
 * DELETEs in all, each as soon as its previous one is answered, over one pooled keep-alive Apache HttpClient 5 (the
 * canceller's transport, without Feign, Spring Batch or the database), to paths no canceller row names. The rate is
 * read at the stub ({@link LoopbackAtlas}'s {@code /stats}), as the canceller's is.
 * {@code PlainLoop BASE_URL THREADS REQUESTS FIRST_ID}: restore job ids from {@code FIRST_ID} on.
 */
public final class PlainLoop {

    private PlainLoop() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int threads = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        int firstId = Integer.parseInt(args[3]);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build()).disableAutomaticRetries().build()) {
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                            HttpDelete delete = new HttpDelete(baseUrl + "/api/atlas/v2/groups/32b6e34b3d91647abb20e7b9/clusters/Loop/backup/restoreJobs/"
                                    + "%024x".formatted(firstId + n));
                            delete.setHeader("Accept", "application/vnd.atlas.2023-01-01+json");
                            int status = client.execute(delete, response -> {
                                EntityUtils.consume(response.getEntity());
                                return response.getCode();
                            });
                            if (status != 204) {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
        }
        System.out.println("sent " + requests + ", not 204: " + failed.get());
    }
}
