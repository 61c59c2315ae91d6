package dev.crosswalk.salesforce.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A GET sent with {@link HttpURLConnection} and answered as an {@link HttpResponse} of a stream, so
 * the rest of the client (auth retry, error classification, call events) sees no difference. The
 * body is read from the socket in the reading thread, with no hand-off between threads.
 *
 * <p>It repeats what {@link Transport#defaultHttpClient} sets up: no proxy, redirects not followed
 * (a token must not travel to wherever a 302 points), the default TLS context, the same connect
 * timeout; the request's timeout bounds each wait for bytes (a long download is not cut off as a whole).
 */
final class BlockingDownload {

    private final Duration connectTimeout;

    BlockingDownload(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    HttpResponse<InputStream> get(HttpRequest request) throws IOException {
        HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection(Proxy.NO_PROXY);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        request.timeout().ifPresent(t -> c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, t.toMillis())));
        request.headers().map().forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
        int status;
        try {
            status = c.getResponseCode();
        } catch (IOException e) {
            c.disconnect();
            throw e;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        c.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line
                headers.put(name, values);
            }
        });
        InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (body == null) {
            body = InputStream.nullInputStream();
        } else if (c.getContentLengthLong() >= 0) {
            body = new Exact(body, c.getContentLengthLong());
        }
        // Closed before its end, the stream drops the connection rather than reading the rest of a page.
        return new Response(request, status, HttpHeaders.of(headers, (n, v) -> true), body);
    }

    private record Response(HttpRequest request, int statusCode, HttpHeaders headers, InputStream body)
            implements HttpResponse<InputStream> {

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /**
     * A body of known length that fails when the connection ends early. HttpURLConnection reports a
     * connection closed before {@code Content-Length} bytes as a plain end of stream, which a page cut
     * at a row boundary would pass off as complete; java.net.http fails it, and so must this (a chunked
     * body ended early already fails with "Premature EOF").
     */
    private static final class Exact extends FilterInputStream {
        private final long length;
        private long read;

        Exact(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                return atEnd();
            }
            read++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                return atEnd();
            }
            read += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            read += k;
            return k;
        }

        private int atEnd() throws IOException {
            if (read < length) {
                throw new IOException("connection closed after " + read + " of " + length + " bytes");
            }
            return -1;
        }
    }
}
