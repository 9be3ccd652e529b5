package io.restorejobcanceller.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 server on loopback that never finishes an answer, in one of the ways a broken proxy or server does:
 * it drips the answer a byte at a time, sends an endless chunked body, or endless {@code 102 Processing} interim
 * answers. It stops when the client closes the connection, and counts requests per path.
 */
final class TricklingServer extends RawHttpServer {

    enum Answer {
        /** The status line and headers of a 204, one byte every 200 ms. */
        DRIP("HTTP/1.1 204 No Content\r\n\r\n"),
        /** A 200 whose JSON body comes a byte every 200 ms. */
        DRIP_BODY("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"),
        /** A 200 (or {@code status}) whose chunked body never ends. */
        ENDLESS_CHUNKED_200("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ENDLESS_CHUNKED_503("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"),
        /** {@code 102 Processing}, again and again, every 100 ms. */
        ENDLESS_102("HTTP/1.1 102 Processing\r\n\r\n");

        private final String head;

        Answer(String head) {
            this.head = head;
        }
    }

    private final Answer answer;

    TricklingServer(Answer answer) throws IOException {
        super("trickling-server");
        this.answer = answer;
        start();
    }

    @Override
    void serve(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            long contentLength = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase().startsWith("content-length:")) {
                    contentLength = Long.parseLong(header.substring("content-length:".length()).strip());
                }
            }
            in.skip(contentLength);
            counted(requestLine);
            OutputStream out = connection.getOutputStream();
            switch (answer) {
                case DRIP -> {
                    for (byte b : answer.head.getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case DRIP_BODY -> {
                    out.write(answer.head.getBytes(StandardCharsets.ISO_8859_1));
                    for (byte b : " ".repeat(99).concat("{").getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case ENDLESS_CHUNKED_200, ENDLESS_CHUNKED_503 -> {
                    out.write(answer.head.getBytes(StandardCharsets.ISO_8859_1));
                    byte[] chunk = ("400\r\n" + "x".repeat(0x400) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    while (true) {
                        out.write(chunk);
                    }
                }
                case ENDLESS_102 -> {
                    while (true) {
                        out.write(answer.head.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(100);
                    }
                }
            }
        } catch (IOException gone) {
            // the client closed the connection
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
