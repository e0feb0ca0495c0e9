package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Browser origins as the {@code Origin} header carries them: {@code http} or {@code https}, a host, an optional
 * port; no path, query, user or wildcard. Kept in the form browsers send: lower case, without the default port.
 */
final class Origins {
    static final int MAX_PER_BUSINESS = 50;
    private static final int MAX_LENGTH = 300;

    private Origins() {
    }

    /** {@code value} in its canonical form, or {@code invalid-origin}. */
    static String parse(String value) {
        return canonical(value).orElseThrow(() -> new BookingException(ErrorCode.INVALID_ORIGIN,
                "'" + shown(value) + "' is not an origin: write scheme://host[:port], e.g. https://salon.example, without path or wildcard"));
    }

    static List<String> parseAll(List<String> values) {
        if (values == null) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "origins is required (an empty list allows no browser origin)");
        }
        if (values.size() > MAX_PER_BUSINESS) {
            throw new BookingException(ErrorCode.INVALID_ORIGIN, "at most " + MAX_PER_BUSINESS + " origins");
        }
        Set<String> origins = new LinkedHashSet<>();
        values.forEach(v -> origins.add(parse(v)));
        return List.copyOf(new ArrayList<>(origins));
    }

    /** The canonical form of an origin, or empty when {@code value} is not one (then no origin can match it). */
    static Optional<String> canonical(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || value.contains("*")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }

    private static String shown(String value) {
        return value == null ? "null" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
