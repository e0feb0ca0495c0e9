package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a URL a client gave before the engine fetches it: absolute http or https, no user information, and a host
 * outside the engine's own network. Loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
 * reserved and unspecified addresses are refused; loopback may be allowed (tests, local set-ups).
 *
 * <p>The host is resolved and checked before the request; a name that resolves differently moments later (DNS
 * rebinding) is not caught by this check alone: deployments that must rule it out add an egress proxy.
 */
public final class OutboundUrls {
    private OutboundUrls() {
    }

    /**
     * The URL, if the engine may fetch it.
     *
     * @param what        what is fetched, for the problem's detail ("calendars")
     * @param refused     the code when the URL itself is not acceptable
     * @param unreachable the code when its host is unknown
     */
    public static URI check(String url, boolean allowLoopback, String what, ErrorCode refused, ErrorCode unreachable) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new BookingException(refused, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BookingException(refused, "only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new BookingException(refused, "the URL needs a host and no user information");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BookingException(unreachable, "unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (internal(address, allowLoopback)) {
                throw new BookingException(refused,
                        what + " are not fetched from private or local addresses (" + uri.getHost() + ")");
            }
        }
        return uri;
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
