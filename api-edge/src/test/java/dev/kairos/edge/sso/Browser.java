package dev.kairos.edge.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser in the single sign-on tests: keeps cookies per host and port, follows no redirects by itself.
 * Like a browser, it treats loopback as a secure context, so cookies marked {@code Secure} are sent over plain http
 * there (Java's own cookie manager would drop them).
 */
public final class Browser {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    /** The first match of {@code regex}'s group 1 in the page, HTML entities of attributes undone. */
    public static String find(String page, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(page);
        if (!m.find()) {
            throw new AssertionError("not found: " + regex + " in " + page);
        }
        return m.group(1).replace("&amp;", "&").replace("&#x3D;", "=").replace("&#x2F;", "/").replace("&#61;", "=")
                .replace("&quot;", "\"").replace("&#43;", "+").replace("&#x2B;", "+");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        String site = built.uri().getHost() + ":" + built.uri().getPort();
        Map<String, String> jar = cookies.computeIfAbsent(site, s -> new java.util.LinkedHashMap<>());
        if (!jar.isEmpty()) {
            String header = jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Cookie", header).build();
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
