package io.restorejobcanceller.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A JDK HTTP server on 127.0.0.1 with daemon worker threads, for the test servers that WireMock cannot play. */
final class LoopbackServer {

    private LoopbackServer() {
    }

    static HttpServer start(int port, int threads, String name, Map<String, HttpHandler> handlers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        handlers.forEach(server::createContext);
        server.setExecutor(Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    static String baseUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
