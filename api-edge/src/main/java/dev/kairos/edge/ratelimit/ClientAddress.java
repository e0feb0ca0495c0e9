package dev.kairos.edge.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key an anonymous client is counted by: its IPv4 address, or the /64 network of its IPv6 address (one
 * subscriber usually holds a whole /64 and could otherwise take a fresh budget with every address).
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal address (as servlet containers report it) is parsed, never looked up
            InetAddress address = InetAddress.getByName(remoteAddress.startsWith("[") ? remoteAddress : "[" + remoteAddress + "]");
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
