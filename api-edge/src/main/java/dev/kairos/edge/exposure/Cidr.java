package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a bare address is
 * a block of one. Only address literals are accepted (never a host name, so nothing is ever looked up), and the
 * address must be the block's first one (no host bits set). IPv4-mapped IPv6 literals are refused: write IPv4 as IPv4.
 */
public final class Cidr {
    public static final int MAX_PER_LIST = 100;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    private final byte[] network;
    private final int bits;
    private final String text;

    private Cidr(byte[] network, int bits, String text) {
        this.network = network;
        this.bits = bits;
        this.text = text;
    }

    /** The block {@code value} names, or {@code invalid-cidr}. */
    public static Cidr parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value, "an empty entry");
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address, value);
        int max = bytes.length * 8;
        int bits = max;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > max) {
                throw invalid(value, "the prefix length is 0 to " + max);
            }
            bits = Integer.parseInt(length);
        }
        for (int i = bits; i < max; i++) {
            if ((bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
                throw invalid(value, "the address has bits set past the prefix length; write the block's first address");
            }
        }
        return new Cidr(bytes, bits, address + "/" + bits);
    }

    /** Every entry parsed, duplicates dropped, at most {@value #MAX_PER_LIST}. */
    public static List<Cidr> parseAll(List<String> values) {
        if (values == null) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "cidrs is required (an empty list lifts the restriction)");
        }
        if (values.size() > MAX_PER_LIST) {
            throw new BookingException(ErrorCode.INVALID_CIDR, "at most " + MAX_PER_LIST + " address blocks");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String value : values) {
            Cidr cidr = parse(value);
            if (seen.add(cidr.text)) {
                blocks.add(cidr);
            }
        }
        return List.copyOf(blocks);
    }

    /** Entries as stored (space separated); what {@link #parseAll} accepted. */
    public static List<Cidr> fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.trim().split("\\s+")).map(Cidr::parse).toList();
    }

    public static String toStored(List<Cidr> blocks) {
        return String.join(" ", blocks.stream().map(Cidr::toString).toList());
    }

    /**
     * Whether {@code remoteAddress} (as the servlet container reports it: an address literal) lies in one of
     * {@code blocks}. An empty list restricts nothing.
     */
    public static boolean allows(List<Cidr> blocks, String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] address;
        try {
            address = literal(remoteAddress == null ? "" : remoteAddress.toLowerCase(Locale.ROOT), remoteAddress);
        } catch (BookingException e) {
            return false;
        }
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /** Whether {@code address} lies in this block (an IPv4 block never holds an IPv6 address, nor the reverse). */
    public boolean contains(java.net.InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String address, String original) {
        if (IPV4.matcher(address).matches()) {
            String[] parts = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    throw invalid(original, "an IPv4 address has four parts of 0 to 255");
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
            try {
                // an IPv6 literal (it has a colon and only hex digits, colons and dots): parsed, never looked up
                InetAddress parsed = InetAddress.getByName(address);
                if (parsed instanceof Inet4Address) {
                    throw invalid(original, "write IPv4 addresses as IPv4, not IPv4-mapped IPv6");
                }
                return parsed.getAddress();
            } catch (UnknownHostException e) {
                throw invalid(original, "not an IPv6 address");
            }
        }
        throw invalid(original, "not an IPv4 or IPv6 address");
    }

    private static BookingException invalid(String value, String why) {
        String shown = value == null ? "null" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new BookingException(ErrorCode.INVALID_CIDR, "'" + shown + "' is not a CIDR block: " + why);
    }

    @Override
    public String toString() {
        return text;
    }
}
