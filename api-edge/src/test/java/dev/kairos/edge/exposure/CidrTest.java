package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BookingException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {
    private static List<Cidr> blocks(String... cidrs) {
        return Cidr.parseAll(List.of(cidrs));
    }

    @Test
    void ipv4BlocksContainTheirAddressesOnly() {
        List<Cidr> office = blocks("203.0.113.0/24", "198.51.100.7");
        assertThat(Cidr.allows(office, "203.0.113.0")).isTrue();
        assertThat(Cidr.allows(office, "203.0.113.255")).isTrue();
        assertThat(Cidr.allows(office, "203.0.114.0")).isFalse();
        assertThat(Cidr.allows(office, "198.51.100.7")).isTrue();
        assertThat(Cidr.allows(office, "198.51.100.8")).isFalse();
        assertThat(Cidr.allows(blocks("172.16.0.0/12"), "172.31.255.1")).isTrue();
        assertThat(Cidr.allows(blocks("172.16.0.0/12"), "172.32.0.1")).isFalse();
    }

    @Test
    void ipv6BlocksContainTheirAddressesOnly() {
        List<Cidr> v6 = blocks("2001:db8:abcd::/48", "::1");
        assertThat(Cidr.allows(v6, "2001:db8:abcd:12::1")).isTrue();
        assertThat(Cidr.allows(v6, "2001:db8:abce::1")).isFalse();
        assertThat(Cidr.allows(v6, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.allows(blocks("2001:db8::/127"), "2001:db8::1")).isTrue();
        assertThat(Cidr.allows(blocks("2001:db8::/127"), "2001:db8::2")).isFalse();
    }

    @Test
    void familiesNeverMatchEachOther() {
        assertThat(Cidr.allows(blocks("0.0.0.0/0"), "::1")).isFalse();
        assertThat(Cidr.allows(blocks("::/0"), "127.0.0.1")).isFalse();
        assertThat(Cidr.allows(blocks("0.0.0.0/0", "::/0"), "2001:db8::1")).isTrue();
    }

    @Test
    void anEmptyListRestrictsNothingAndAnUnreadableAddressIsRefused() {
        assertThat(Cidr.allows(List.of(), "192.0.2.1")).isTrue();
        assertThat(Cidr.allows(blocks("10.0.0.0/8"), "not-an-address")).isFalse();
        assertThat(Cidr.allows(blocks("10.0.0.0/8"), null)).isFalse();
    }

    @Test
    void storedFormRoundTrips() {
        List<Cidr> parsed = blocks("10.0.0.0/8", "2001:DB8::/32", "10.0.0.0/8");
        assertThat(parsed).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(Cidr.fromStored(Cidr.toStored(parsed))).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(Cidr.fromStored("")).isEmpty();
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(BookingException.class).hasMessageContaining("not a CIDR");
        assertThatThrownBy(() -> Cidr.parse("db8::cafe.example")).isInstanceOf(BookingException.class);
    }
}
