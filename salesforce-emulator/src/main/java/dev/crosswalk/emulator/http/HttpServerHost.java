package dev.crosswalk.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's built-in HTTP server bound to loopback. Chosen over a framework because the
 * emulator must start in well under a second, embedded in every test class, and needs no more
 * than HTTP/1.1 with keep-alive and chunked streaming.
 */
public final class HttpServerHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpServerHost.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;

    public HttpServerHost(int port, int threads, Handler root) throws IOException {
        this(port, threads, root, null);
    }

    /** With {@code tls} non-null, serves HTTPS only (one listener, one scheme). */
    public HttpServerHost(int port, int threads, Handler root, javax.net.ssl.SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            server = HttpServer.create(address, 256);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 256);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sf-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, root));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(HttpExchange exchange, Handler root) {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            Request request = new Request(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
                    path(exchange.getRequestURI()), exchange.getRequestURI().getRawQuery(), headers,
                    exchange.getRequestBody(), exchange.getRemoteAddress().getAddress().getHostAddress());
            Response response = handle(root, request);
            write(exchange, request, response);
        } catch (IOException e) {
            // Client went away mid-response: nothing to answer.
            LOG.log(Level.FINE, "connection closed while writing response", e);
        }
    }

    /**
     * The request path. A request target starting with {@code //} (the sf CLI keeps the instance
     * URL's trailing slash: {@code //services/data/…}) parses as a network-path reference whose
     * first segment is the "authority"; put that segment back, as Salesforce serves such paths.
     */
    static String path(java.net.URI uri) {
        return uri.getScheme() == null && uri.getAuthority() != null ? "/" + uri.getAuthority() + uri.getPath() : uri.getPath();
    }

    /** Runs the handler and maps every failure to a Salesforce-shaped error response. */
    public static Response handle(Handler root, Request request) {
        try {
            return root.handle(request);
        } catch (ApiException e) {
            return e.toResponse();
        } catch (OAuthException e) {
            return e.toResponse();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "unexpected error serving " + request.method() + " " + request.path(), e);
            return ApiException.of(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: emulator").toResponse();
        }
    }

    private static void write(HttpExchange exchange, Request request, Response response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = request.method().equals("HEAD") || response.status() == 204 || response.status() == 304;
        if (response.writer() != null && !noBody) {
            exchange.sendResponseHeaders(response.status(), 0);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                response.writer().write(out);
            }
            return;
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (noBody || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
