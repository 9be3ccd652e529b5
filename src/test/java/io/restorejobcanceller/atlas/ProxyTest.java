package io.restorejobcanceller.atlas;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JVM's standard proxy properties route the DELETEs (HttpClient 5 system-properties mode). */
class ProxyTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void theJvmProxyPropertiesAreHonoured() {
        // given: a forwarding proxy on loopback, and loopback not exempted from proxying
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").enableBrowserProxying(true));
        proxy.start();
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        System.setProperty("http.nonProxyHosts", "");
        try {
            Path input = canceller.file("in.csv", csv(2));

            // when
            int exitCode = canceller.run("cancel", input.toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
            assertThat(canceller.atlas().deletesOf(path(1))).isEqualTo(1);
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
            System.clearProperty("http.nonProxyHosts");
            proxy.stop();
        }
    }
}
