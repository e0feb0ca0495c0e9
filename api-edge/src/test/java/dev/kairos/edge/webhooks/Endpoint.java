package dev.kairos.edge.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An integrator's webhook endpoint: a real HTTP server on the loopback that records every request and answers the
 * statuses it is told to (then 200), with a short body.
 */
final class Endpoint implements AutoCloseable {
    static {
        // answers leave at once instead of waiting for the client's delayed acknowledgement (about 40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    record Request(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);

    Endpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            Integer status = answers.poll();
            int answer = status == null ? otherwise : status;
            byte[] reply = ("answer " + answer + " from the endpoint").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered these statuses, in order. */
    Endpoint answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    /** Every request without a status of its own is answered this one. */
    Endpoint otherwise(int status) {
        otherwise = status;
        return this;
    }

    Request next(long seconds) {
        try {
            Request r = received.poll(seconds, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request reached the endpoint within " + seconds + " s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What else arrived (without waiting). */
    List<Request> drain() {
        List<Request> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
