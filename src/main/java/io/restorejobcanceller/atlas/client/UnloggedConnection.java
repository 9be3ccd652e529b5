package io.restorejobcanceller.atlas.client;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * An HttpClient 5 connection that never writes headers or bytes to a log, whatever the log levels become: the
 * default one logs every header ({@code Authorization} included) and every byte (token responses included) as soon
 * as its loggers are at DEBUG, which a reloaded logging configuration can set in the middle of a run. Redacting
 * here, at the source, does not depend on levels.
 */
final class UnloggedConnection extends DefaultManagedHttpClientConnection {

    private static final AtomicLong COUNT = new AtomicLong();

    private UnloggedConnection(String id) {
        super(id);
    }

    static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        return socket -> {
            UnloggedConnection connection = new UnloggedConnection("atlas-" + COUNT.incrementAndGet());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bind(new SocketHolder(sslSocket, socket));
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
        // the superclass logs the request's headers here
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
        // the superclass logs the response's headers here
    }
}
