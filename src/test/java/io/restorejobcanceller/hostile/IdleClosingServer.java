package io.restorejobcanceller.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 server on loopback that answers every request 204 over keep-alive connections, and closes a connection
 * that stays idle longer than its timeout, as load balancers in front of real servers do. It counts requests per path.
 */
final class IdleClosingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int idleTimeoutMillis;
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    IdleClosingServer(int idleTimeoutMillis) throws IOException {
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "idle-closing-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requestsOf(String path) {
        return requests.getOrDefault(path, 0);
    }

    int requests() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), "idle-closing-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(idleTimeoutMillis);
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // a DELETE has no body
                }
                requests.merge(requestLine.split(" ")[1], 1, Integer::sum);
                out.write("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (SocketTimeoutException idle) {
            // closed after the idle timeout, without a word, as proxies do
        } catch (IOException gone) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
