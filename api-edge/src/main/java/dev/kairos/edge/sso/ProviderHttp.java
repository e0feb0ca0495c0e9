package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.OutboundUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to a business's identity provider: discovery documents, the token endpoint and signing keys. Every URL is
 * checked first ({@link OutboundUrls}: never the engine's own network unless loopback is allowed), requests are
 * bounded in time and size (also the key sets Spring Security fetches), and redirects are not followed.
 */
@Component
class ProviderHttp {
    private final SsoProperties properties;
    private final JsonMapper json;
    private final HttpClient http;
    private final RestTemplate keys;

    ProviderHttp(SsoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        this.keys = new RestTemplate(factory);
        ClientHttpRequestInterceptor checked = (request, body, execution) -> {
            check(request.getURI().toString(), ErrorCode.SSO_DISCOVERY_FAILED);
            return new CappedResponse(execution.execute(request, body), properties.maxBytes());
        };
        this.keys.getInterceptors().add(checked);
    }

    /** The URL, if the engine may call it. */
    URI check(String url, ErrorCode unreachable) {
        return OutboundUrls.check(url, properties.allowLoopback(), "identity provider documents",
                ErrorCode.SSO_URL_REFUSED, unreachable);
    }

    /** For Spring Security's JWK set retrieval: the same address checks and timeouts. */
    RestOperations keySetClient() {
        return keys;
    }

    /** A JSON document; any failure is answered with {@code failure}. */
    JsonNode getJson(URI uri, ErrorCode failure) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Accept", "application/json").GET().build();
        Reply reply = send(request, failure);
        if (reply.status() != 200) {
            throw new BookingException(failure, uri.getHost() + " answered " + reply.status());
        }
        return reply.body();
    }

    /** A form posted with HTTP Basic client authentication (RFC 6749 section 2.3.1); the JSON answer, whatever its status. */
    Reply postForm(URI uri, Map<String, String> form, String clientId, String clientSecret, ErrorCode failure) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request, failure);
    }

    record Reply(int status, JsonNode body) {
    }

    private Reply send(HttpRequest request, ErrorCode failure) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(properties.maxBytes() + 1);
            }
            if (bytes.length > properties.maxBytes()) {
                throw new BookingException(failure, "the identity provider's answer is larger than " + properties.maxBytes() + " bytes");
            }
            JsonNode body;
            try {
                body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (JacksonException e) {
                throw new BookingException(failure, "the identity provider did not answer JSON (" + response.statusCode() + ")");
            }
            return new Reply(response.statusCode(), body);
        } catch (HttpTimeoutException e) {
            throw new BookingException(failure, "the identity provider did not answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new BookingException(failure, "the identity provider could not be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingException(failure, "interrupted while calling the identity provider");
        }
    }

    /** A provider's response whose body ends in an error past {@code maxBytes}. */
    private record CappedResponse(ClientHttpResponse response, int maxBytes) implements ClientHttpResponse {
        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            InputStream body = response.getBody();
            return new java.io.FilterInputStream(body) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new IOException("the identity provider's answer is larger than " + maxBytes + " bytes");
                    }
                }
            };
        }

        @Override
        public void close() {
            response.close();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
