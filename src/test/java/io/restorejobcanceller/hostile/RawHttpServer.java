package io.restorejobcanceller.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server on loopback that speaks HTTP/1.1 by hand over raw sockets, for what no HTTP server library lets a test do
 * (close idle connections without a word, never finish an answer): a thread per connection, requests counted per path.
 */
abstract class RawHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String name;
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    RawHttpServer(String name) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.name = name;
    }

    /** Starts accepting; called last by a subclass's constructor, once what {@link #serve} reads is set. */
    final void start() {
        Thread acceptor = new Thread(this::accept, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers the requests of one connection, until it is closed. */
    abstract void serve(Socket connection);

    final String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    final int requestsOf(String path) {
        return requests.getOrDefault(path, 0);
    }

    final int requests() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts a request by the path of its request line ({@code DELETE /path HTTP/1.1}). */
    final void counted(String requestLine) {
        requests.merge(requestLine.split(" ")[1], 1, Integer::sum);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), name + "-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
