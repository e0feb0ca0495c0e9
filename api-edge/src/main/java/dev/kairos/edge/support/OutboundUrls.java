package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.exposure.Cidr;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a URL a client gave before the engine fetches it (or posts to it): absolute http or https, no user
 * information, and a host outside the engine's own network. Loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, reserved and unspecified addresses are refused; loopback may be allowed (tests, local
 * set-ups), and a {@link Policy} may allow further address blocks and restrict plain http to named hosts.
 *
 * <p>The host is resolved and checked before the request; a name that resolves differently moments later (DNS
 * rebinding) is not caught by this check alone: callers that keep a URL check its addresses again right before each
 * request ({@link #addresses}), and deployments that must rule rebinding out entirely add an egress proxy.
 */
public final class OutboundUrls {
    private OutboundUrls() {
    }

    /**
     * What a feature may reach beyond the public internet.
     *
     * @param allowLoopback the engine's own host (127.0.0.0/8, ::1)
     * @param allowedCidrs  further address blocks that are reached although internal (e.g. a company network)
     * @param httpsOnly     whether plain http is refused, except to {@code httpHosts}
     * @param httpHosts     hosts (as written in the URL, lower case) that may be reached over plain http
     */
    public record Policy(boolean allowLoopback, List<Cidr> allowedCidrs, boolean httpsOnly, Set<String> httpHosts) {
        public Policy {
            allowedCidrs = List.copyOf(allowedCidrs);
            httpHosts = Set.copyOf(httpHosts);
        }

        /** Any public http(s) host, and loopback when allowed: what fetching documents needs. */
        public static Policy publicOnly(boolean allowLoopback) {
            return new Policy(allowLoopback, List.of(), false, Set.of());
        }

        boolean allows(InetAddress address) {
            return allowedCidrs.stream().anyMatch(c -> c.contains(address)) || !internal(address, allowLoopback);
        }
    }

    /** Resolves host names: the system resolver, or (tests) one that knows names of its own. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The URL, if the engine may fetch it.
     *
     * @param what        what is fetched, for the problem's detail ("calendars")
     * @param refused     the code when the URL itself is not acceptable
     * @param unreachable the code when its host is unknown
     */
    public static URI check(String url, boolean allowLoopback, String what, ErrorCode refused, ErrorCode unreachable) {
        return check(url, Policy.publicOnly(allowLoopback), Resolver.SYSTEM, what, refused, unreachable);
    }

    /** As {@link #check(String, boolean, String, ErrorCode, ErrorCode)}, under {@code policy}, resolving with {@code resolver}. */
    public static URI check(String url, Policy policy, Resolver resolver, String what, ErrorCode refused, ErrorCode unreachable) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new BookingException(refused, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BookingException(refused, "only http and https URLs are " + (policy.httpsOnly() ? "called" : "fetched"));
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new BookingException(refused, "the URL needs a host and no user information");
        }
        if (scheme.equals("http") && policy.httpsOnly() && !policy.httpHosts().contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new BookingException(refused, what + " need https (plain http only to configured hosts)");
        }
        addresses(uri, policy, resolver, what, refused, unreachable);
        return uri;
    }

    /**
     * The addresses the URL's host resolves to now, all of them allowed by {@code policy}; {@code refused} if any is
     * internal, {@code unreachable} if the host is unknown. Called again right before each request to a kept URL.
     */
    public static List<InetAddress> addresses(URI uri, Policy policy, Resolver resolver, String what, ErrorCode refused,
                                              ErrorCode unreachable) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BookingException(unreachable, "unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!policy.allows(address)) {
                throw new BookingException(refused,
                        what + " are not reached at private or local addresses (" + uri.getHost() + ")");
            }
        }
        return List.of(addresses);
    }

    static boolean internal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return !allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
