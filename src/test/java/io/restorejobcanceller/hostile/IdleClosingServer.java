package io.restorejobcanceller.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 server on loopback that answers every request 204 over keep-alive connections, and closes a connection
 * that stays idle longer than its timeout, as load balancers in front of real servers do. It counts requests per path.
 */
final class IdleClosingServer extends RawHttpServer {

    private final int idleTimeoutMillis;

    IdleClosingServer(int idleTimeoutMillis) throws IOException {
        super("idle-closing-server");
        this.idleTimeoutMillis = idleTimeoutMillis;
        start();
    }

    @Override
    void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(idleTimeoutMillis);
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // a DELETE has no body
                }
                counted(requestLine);
                out.write("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (SocketTimeoutException idle) {
            // closed after the idle timeout, without a word, as proxies do
        } catch (IOException gone) {
            // the client went away
        }
    }
}
